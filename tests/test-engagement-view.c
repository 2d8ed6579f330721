/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-engagement-editor.h"
#include "ti-engagement-page.h"
#include "ti-engagement-view.h"
#include "ti-table.h"
#include "ti-window.h"

/* Widget tests of Events › Engagement: logging an activity with its counts, marking a "you
 * said, we did" action done, and delete with Undo, driven as a person would and checked by
 * what they see and what the programme holds. */

/* An organisation, so that the window opens on the programme rather than its welcome. */
static const char fixture_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  "  (1, 'Somerset Council', 'council', 'county_wide', 100);"
  "INSERT INTO engagement_activities (id, held_on, kind, title, young_people, parents_carers)"
  " VALUES (1, '2023-03-09', 'panel', 'Charter wording panel', 0, 6),"
  "        (2, '2023-10-17', 'focus_group', 'Parent carer focus group', 0, 9);"
  "INSERT INTO engagement_influences (activity_id, area) VALUES (1, 'charter');"
  "INSERT INTO engagement_actions (id, activity_id, you_said, we_did, owner, due_on, status)"
  " VALUES (1, 1, 'Use the words young people use', 'Wrote a young people''s version',"
  "         'Charter working group', '2023-06-01', 'open');";

typedef struct
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *view;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (&f->programme, "engagement.sqlite", fixture_sql);
  f->window = test_window_new (f->programme.path);
  f->view = test_show_view (f->window, 3, "engagement", TI_TYPE_ENGAGEMENT_VIEW);
  test_wait_for_text (f->view, "2 activities");
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_window_close (f->window);
  test_wait_for_finalized ((gpointer *) &f->view); /* the view goes with its window */
  test_programme_tear_down (&f->programme);
}

static gint64
count (Fixture *f, const char *sql)
{
  return test_count (ti_window_get_database (f->window), sql);
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* The spin button in the row titled @title. */
static gboolean
is_spin_in_row (GtkWidget *widget, gconstpointer title)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return GTK_IS_SPIN_BUTTON (widget) && row != NULL
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0;
}

static gboolean
is_check_in_row (GtkWidget *widget, gconstpointer title)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return GTK_IS_CHECK_BUTTON (widget) && row != NULL
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0;
}

/* Activates the list's row for @title, as Enter or a double click would. */
static GtkWidget *
open_activity (Fixture *f, const char *title)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (test_find_type (f->view, GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  guint n = g_list_model_get_n_items (model);
  guint i;
  GtkWidget *page;

  for (i = 0; i < n; i++)
    {
      g_autoptr (GObject) activity = g_list_model_get_item (model, i);
      g_autofree char *activity_title = NULL;

      g_object_get (activity, "title", &activity_title, NULL);
      if (g_strcmp0 (activity_title, title) == 0)
        break;
    }
  g_assert_cmpuint (i, <, n);
  g_signal_emit_by_name (view, "activate", i);
  page = test_find_type (f->view, TI_TYPE_ENGAGEMENT_PAGE);
  test_wait_for_text (page, title);
  return page;
}

static void
set_row_text (GtkWidget *editor, const char *row_title, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (editor, row_title)), text);
}

static void
test_add_activity (Fixture *f, gconstpointer data)
{
  GtkWidget *editor;
  GtkWidget *page;
  GtkWidget *counts_row;

  g_assert_true (gtk_widget_activate_action (f->view, "engagement.add", NULL));
  editor = GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_ENGAGEMENT_EDITOR));
  /* Nothing counted, no title: both said in words, under their fields, and nothing saved. */
  set_row_text (editor, "Date held (YYYY-MM-DD or DD/MM/YYYY)", "31/02/2024");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_iterate_a_while ();
  g_assert_nonnull (test_find_shown (editor, "31/02/2024 is not a real date."));
  g_assert_nonnull (test_find_shown (editor, "Enter a title."));
  g_assert_nonnull (
    test_find_shown (editor, "Count the participants: at least one group needs a number above 0."));
  counts_row = test_find_row (editor, "Young people");
  g_assert_true (gtk_widget_has_css_class (counts_row, "error"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_activities"), ==, 2);

  /* Counts by group, and what it influenced: saved, listed and shown. */
  set_row_text (editor, "Date held (YYYY-MM-DD or DD/MM/YYYY)", "18/04/2023");
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (editor, "Kind")), 3);
  set_row_text (editor, "Title: what it was about", "Care leavers' conversations");
  gtk_spin_button_set_value (
    GTK_SPIN_BUTTON (test_find_widget (editor, TRUE, is_spin_in_row, "Young people")), 5);
  gtk_spin_button_set_value (
    GTK_SPIN_BUTTON (test_find_widget (editor, TRUE, is_spin_in_row, "Professionals")), 2);
  gtk_check_button_set_active (
    GTK_CHECK_BUTTON (test_find_widget (editor, TRUE, is_check_in_row, "Service delivery")), TRUE);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_ENGAGEMENT_EDITOR);

  page = test_find_type (f->view, TI_TYPE_ENGAGEMENT_PAGE);
  test_wait_for_text (page, "Care leavers' conversations");
  g_assert_nonnull (test_find_shown (page, "One-to-one · 18 Apr 2023"));
  g_assert_nonnull (test_find_shown (page, "Participants in all"));
  g_assert_nonnull (test_find_shown (page, "7"));
  g_assert_nonnull (test_find_shown (page, "Service delivery"));
  g_assert_nonnull (test_find_shown (page, "Counts only: by design the programme never records "
                                           "who took part."));
  test_wait_for_text (f->view, "3 activities");
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_activities WHERE held_on = "
                             "'2023-04-18' AND kind = 'one_to_one' AND young_people = 5"
                             " AND professionals = 2 AND parents_carers = 0"),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_influences WHERE area ="
                             " 'service_delivery'"),
                   ==, 1);
}

static void
test_action_done (Fixture *f, gconstpointer data)
{
  GtkWidget *page = open_activity (f, "Charter wording panel");
  GtkDropDown *status;

  g_assert_nonnull (test_find_shown (page, "You said: Use the words young people use"));
  g_assert_nonnull (test_find_shown (page, "We did: Wrote a young people's version"));
  g_assert_nonnull (test_find_shown (page, "Owner: Charter working group · Due 1 Jun 2023 · Overdue"));
  g_assert_nonnull (test_find_shown (page, "You Said, We Did: 1 open, 0 done"));
  g_assert_nonnull (test_find_shown (page, "Charter"));

  status = GTK_DROP_DOWN (test_find_widget (page, TRUE, has_tooltip,
                                            "Status of this action: open, in progress or done"));
  gtk_drop_down_set_selected (status, 2);
  test_wait_for_text (page, "You Said, We Did: 0 open, 1 done");
  /* Done, in words; no longer overdue. */
  g_assert_nonnull (test_find_shown (page, "Done"));
  g_assert_nonnull (test_find_shown (page, "Owner: Charter working group · Due 1 Jun 2023"));
  g_assert_null (test_find_shown (page, "Owner: Charter working group · Due 1 Jun 2023 · Overdue"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_actions WHERE id = 1"
                             " AND status = 'done'"),
                   ==, 1);
}

static void
test_delete_undo (Fixture *f, gconstpointer data)
{
  GtkWidget *undo;

  open_activity (f, "Charter wording panel");
  g_assert_true (gtk_widget_activate_action (f->view, "engagement.delete", NULL));
  test_wait_for_text (f->view, "1 activity");
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_actions"), ==, 0);

  undo = test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  test_wait_for_text (f->view, "2 activities");
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_actions WHERE activity_id = 1"), ==,
                   1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_influences WHERE activity_id = 1"),
                   ==, 1);

  /* The activity put back is the row selected, where the person left it. */
  {
    GtkColumnView *list = GTK_COLUMN_VIEW (test_find_type (f->view, GTK_TYPE_COLUMN_VIEW));
    GtkSelectionModel *rows = gtk_column_view_get_model (list);
    GObject *selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows));
    g_autofree char *title = NULL;

    g_assert_nonnull (selected);
    g_object_get (selected, "title", &title, NULL);
    g_assert_cmpstr (title, ==, "Charter wording panel");
  }
}

/* At a phone's width the list keeps the columns that tell activities apart, and no more. */
static void
test_narrow_columns (Fixture *f, gconstpointer data)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (test_find_type (f->view, GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (list);
  g_autoptr (GString) shown = g_string_new (NULL);

  ti_table_fit_width (list, 360);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        g_string_append_printf (shown, "%s;", gtk_column_view_column_get_title (column));
    }
  g_assert_cmpstr (shown->str, ==, "Date;Title;Participants;");

  ti_table_fit_width (list, 1000);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_true (gtk_column_view_column_get_visible (column));
    }
}

int
main (int argc, char **argv)
{
  int status;

  test_widget_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/engagement-view/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-activity", test_add_activity);
  ADD ("action-done", test_action_done);
  ADD ("delete-undo", test_delete_undo);
  ADD ("narrow-columns", test_narrow_columns);
#undef ADD

  status = g_test_run ();
  return test_widget_finish (status);
}
