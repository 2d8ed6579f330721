/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-reach-row.h"
#include "ti-tier1-view.h"
#include "ti-window.h"

/*
 * The Training tiers destination's Tier 1 view, read as a person reads it. The evaluation
 * period is the default, 1 January 2023 to 30 April 2024.
 *
 *   Somerset Council (200; its headcount includes Adult Social Care): Robin 10 Feb 2023,
 *     Ash 1 Jun 2024 (after the period)
 *   Somerset Council – Adult Social Care (50): Kit 1 Mar 2023, Jo 15 Mar 2023
 *   Wellsway School (40): Sam 20 Feb 2023 and again 6 Jun 2023, Rae 5 May 2023
 *   Quantock Housing (headcount not known): Lee 4 Apr 2023
 *
 * In the period: 7 completions by 6 people; reach 3 of 200 at the council, 2 of 40 at the
 * school: 5 of 240, 2.1%.
 */
static const char programme_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount, parent_id) VALUES"
  "  (1, 'Somerset Council', 'council', 'county_wide', 200, NULL),"
  "  (2, 'Somerset Council – Adult Social Care', 'council', 'county_wide', 50, 1),"
  "  (3, 'Wellsway School', 'education', 'mendip', 40, NULL),"
  "  (4, 'Quantock Housing', 'housing', 'sedgemoor', 0, NULL);"
  "INSERT INTO people (id, name, organisation_id) VALUES (1, 'Robin Vale', 1), (2, 'Ash Penn', 1),"
  "  (3, 'Kit Elms', 2), (4, 'Jo Marsh', 2), (5, 'Sam Carter', 3), (6, 'Rae Dunn', 3),"
  "  (7, 'Lee Moss', 4);"
  "INSERT INTO tier1_completions (person_id, completed_on, source) VALUES"
  "  (1, '2023-02-10', 'Learning Centre'), (2, '2024-06-01', 'Learning Centre'),"
  "  (3, '2023-03-01', 'Learning Centre'), (4, '2023-03-15', 'Learning Centre'),"
  "  (5, '2023-02-20', 'Learning Centre'), (5, '2023-06-06', 'ACEs online learning'),"
  "  (6, '2023-05-05', 'Learning Centre'), (7, '2023-04-04', 'Learning Centre');";

/* Organisations, but nobody has completed Tier 1 yet. */
static const char untrained_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  "  (1, 'Somerset Council', 'council', 'county_wide', 200);"
  "INSERT INTO people (id, name, organisation_id) VALUES (1, 'Robin Vale', 1);";

typedef struct
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *view;
} Fixture;

static gboolean
loaded (gpointer data)
{
  return !ti_tier1_view_is_loading (data);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (&f->programme, "tier1.sqlite", data);
  f->window = test_window_new (f->programme.path);
  ti_window_show_destination (f->window, 1);
  f->view = test_find_type (GTK_WIDGET (f->window), TI_TYPE_TIER1_VIEW);
  g_assert_nonnull (f->view);
  test_iterate_until (loaded, f->view);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_window_close (f->window);
  test_programme_tear_down (&f->programme);
}

static gboolean
is_label_with_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* One row of the table as shown: each cell's text, "Wellsway School | 3 | 2 | …". */
static char *
row_text (Fixture *f, const char *first_cell)
{
  GtkWidget *table = test_find_type (f->view, GTK_TYPE_COLUMN_VIEW);
  GtkWidget *label = test_find_widget (table, TRUE, is_label_with_text, first_cell);
  GtkWidget *row;
  GString *text = g_string_new (NULL);

  g_assert_nonnull (label);
  /* label → its cell → the row */
  row = gtk_widget_get_parent (gtk_widget_get_parent (label));
  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *child = gtk_widget_get_first_child (cell);

      if (GTK_IS_LABEL (child))
        g_string_append_printf (text, "%s%s", text->len ? " | " : "",
                                gtk_label_get_text (GTK_LABEL (child)));
    }
  return g_string_free (text, FALSE);
}

/* The first cells of the rows, in the order the table shows them. */
static char *
shown_order (Fixture *f)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (test_find_type (f->view, GTK_TYPE_COLUMN_VIEW));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (table));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (TiReachRow) row = g_list_model_get_item (rows, i);
      const char *label = ti_reach_row_get_label (row);

      /* It is on screen, not only in the model. */
      g_assert_nonnull (test_find_widget (GTK_WIDGET (table), TRUE, is_label_with_text, label));
      g_string_append_printf (text, "%s%s", text->len ? ", " : "", label);
    }
  return g_string_free (text, FALSE);
}

#define assert_row(f, first, expected)              \
  G_STMT_START                                      \
  {                                                 \
    g_autofree char *shown_ = row_text (f, first);  \
    g_assert_cmpstr (shown_, ==, expected);         \
  }                                                 \
  G_STMT_END

#define assert_order(f, expected)              \
  G_STMT_START                                 \
  {                                            \
    g_autofree char *order_ = shown_order (f); \
    g_assert_cmpstr (order_, ==, expected);    \
  }                                            \
  G_STMT_END

static void
choose_grouping (Fixture *f, guint position, const char *count)
{
  GtkDropDown *grouping = GTK_DROP_DOWN (test_find_type (f->view, GTK_TYPE_DROP_DOWN));

  gtk_drop_down_set_selected (grouping, position);
  test_iterate_until (loaded, f->view);
  test_wait_for_text (f->view, count);
}

static void
sort_by (Fixture *f, guint column_position, GtkSortType order)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (test_find_type (f->view, GTK_TYPE_COLUMN_VIEW));
  g_autoptr (GtkColumnViewColumn) column
    = g_list_model_get_item (gtk_column_view_get_columns (table), column_position);

  gtk_column_view_sort_by_column (table, column, order);
  test_iterate_a_while ();
}

static void
test_by_organisation (Fixture *f, gconstpointer data)
{
  /* The headline figures for the period. */
  test_wait_for_text (f->view, "7");
  g_assert_nonnull (test_find_shown (f->view, "Tier 1 completions"));
  g_assert_nonnull (test_find_shown (f->view, "6"));
  g_assert_nonnull (test_find_shown (f->view, "People completing Tier 1"));
  g_assert_nonnull (test_find_shown (f->view, "2.1%"));
  g_assert_nonnull (test_find_shown (f->view, "Tier 1 reach: 5 of 240 staff"));

  /* Every organisation by name: the council with its directorate; no headcount, no reach. */
  g_assert_nonnull (test_find_shown (f->view, "4 organisations"));
  assert_order (f, "Quantock Housing, Somerset Council, Somerset Council – Adult Social Care, "
                   "Wellsway School");
  assert_row (f, "Quantock Housing", "Quantock Housing | 1 | 1 | 0 | — | 4 Apr 2023");
  assert_row (f, "Somerset Council", "Somerset Council | 3 | 3 | 200 | 1.5% | 15 Mar 2023");
  assert_row (f, "Somerset Council – Adult Social Care",
              "Somerset Council – Adult Social Care | 2 | 2 | 50 | 4.0% | 15 Mar 2023");
  assert_row (f, "Wellsway School", "Wellsway School | 3 | 2 | 40 | 5.0% | 6 Jun 2023");

  /* Highest reach first, a number not a word; no reach last. */
  sort_by (f, 4, GTK_SORT_DESCENDING);
  assert_order (f, "Wellsway School, Somerset Council – Adult Social Care, Somerset Council, "
                   "Quantock Housing");
}

static void
test_groupings (Fixture *f, gconstpointer data)
{
  choose_grouping (f, 1, "3 sectors");
  g_assert_nonnull (test_find_shown (f->view, "Sector"));
  assert_order (f, "Council, Education, Housing");
  assert_row (f, "Council", "Council | 3 | 3 | 200 | 1.5% | 15 Mar 2023");
  assert_row (f, "Education", "Education | 3 | 2 | 40 | 5.0% | 6 Jun 2023");
  assert_row (f, "Housing", "Housing | 1 | 1 | 0 | — | 4 Apr 2023");
  g_assert_null (test_find_shown (f->view, "Wellsway School"));

  choose_grouping (f, 2, "3 localities");
  assert_order (f, "Mendip, Sedgemoor, County-wide");
  assert_row (f, "County-wide", "County-wide | 3 | 3 | 200 | 1.5% | 15 Mar 2023");

  /* Months: completions, people, everyone reached by the month's end. */
  choose_grouping (f, 3, "5 months");
  g_assert_nonnull (test_find_shown (f->view, "Reached by the month’s end"));
  assert_order (f, "Feb 2023, Mar 2023, Apr 2023, May 2023, Jun 2023");
  assert_row (f, "Feb 2023", "Feb 2023 | 2 | 2 | 2 | 20 Feb 2023");
  assert_row (f, "Jun 2023", "Jun 2023 | 1 | 1 | 6 | 6 Jun 2023");
  /* Newest first sorts by time, not by the months' names (May would come first). */
  sort_by (f, 0, GTK_SORT_DESCENDING);
  assert_order (f, "Jun 2023, May 2023, Apr 2023, Mar 2023, Feb 2023");

  /* And back. */
  choose_grouping (f, 0, "4 organisations");
  g_assert_nonnull (test_find_shown (f->view, "Wellsway School"));
}

static gboolean
is_search_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static void
test_search (Fixture *f, gconstpointer data)
{
  /* The one on screen (the grouping's drop-down holds one of its own). */
  GtkWidget *entry = test_find_widget (f->view, TRUE, is_search_entry, NULL);
  GtkWidget *focus;

  /* Ctrl+F goes to the search. */
  g_assert_true (gtk_widget_activate_action (f->view, "tier1.search", NULL));
  focus = gtk_root_get_focus (gtk_widget_get_root (f->view));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "somerset");
  test_wait_for_text (f->view, "Showing 2 of 4 organisations");
  assert_order (f, "Somerset Council, Somerset Council – Adult Social Care");
  g_assert_null (test_find_shown (f->view, "Wellsway School"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  test_wait_for_text (f->view, "4 organisations");
  test_wait_for_text (f->view, "Wellsway School");

  /* Another grouping searches its own rows, from the start. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "somerset");
  choose_grouping (f, 3, "5 months");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (entry), "mar");
  test_wait_for_text (f->view, "Showing 1 of 5 months");
  assert_order (f, "Mar 2023");
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  GtkWidget *page = test_find_shown (f->view, "No Tier 1 Completions Yet");

  /* It says what to do, and the button does it. */
  g_assert_nonnull (page);
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "Ctrl+I"));
  g_assert_nonnull (test_find_button (f->view, "_Import Completions…"));
  g_assert_null (test_find_shown (f->view, "Somerset Council"));
  g_assert_null (test_find_shown (f->view, "Tier 1 completions"));
  g_assert_null (test_find_widget (f->view, TRUE, is_search_entry, NULL));
}

int
main (int argc, char *argv[])
{
  test_widget_init (&argc, &argv);

#define ADD(path, sql, func) \
  g_test_add ("/tier1-view/" path, Fixture, sql, fixture_set_up, func, fixture_tear_down)
  ADD ("by-organisation", programme_sql, test_by_organisation);
  ADD ("groupings", programme_sql, test_groupings);
  ADD ("search", programme_sql, test_search);
  ADD ("empty", untrained_sql, test_empty);
#undef ADD

  return test_widget_finish (g_test_run ());
}
