/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-milestone-editor.h"
#include "ti-dashboard-view.h"
#include "ti-timeline-view.h"
#include "ti-window.h"

/* Widget tests of Evaluation › Programme timeline: a milestone of each status shows its chip
 * in words and in its colour, the editor adds and edits, delete offers Undo, and the
 * destination reopens on the timeline. The fixture's dates are set from today, so each
 * milestone has the same status whenever the test runs. */

#define EVALUATION 4

typedef struct
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *view;
} Fixture;

/* A programme with partners opens on its destinations, not on the welcome page. */
static const char partners_sql[]
  = "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
    "  (1, 'Somerset Council', 'council', 'county_wide', 5000);";

/* 'YYYY-MM' @months from this month. */
static char *
month_from_now (int months)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) then = g_date_time_add_months (now, months);

  return g_date_time_format (then, "%Y-%m");
}

static char *
fixture_sql (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *this_month = month_from_now (0);
  g_autofree char *earlier = month_from_now (-3);
  g_autofree char *ago = month_from_now (-2);
  g_autofree char *ahead = month_from_now (3);

  return g_strdup_printf (
    "%s"
    "INSERT INTO events (id, title, kind, starts_at) VALUES"
    "  (1, 'Network launch', 'launch', '2023-01-26 10:00');"
    "INSERT INTO milestones (id, workstream_id, title, due_month, done_on, evidence_event_id,"
    "  evidence_text) VALUES"
    "  (1, 1, 'Charter launched', '%s', '%s', 1, NULL),"
    "  (2, 2, 'Psychologist procured', '%s', '%s', NULL, 'Contract signed'),"
    "  (3, 3, 'Schools plan agreed', '%s', NULL, NULL, NULL),"
    "  (4, 4, 'Full evaluation', '%s', NULL, NULL, NULL),"
    "  (5, 4, 'Strategy agreed', '%s', NULL, NULL, NULL);",
    partners_sql, this_month, today, earlier, today, ago, this_month, ahead);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *sql = fixture_sql ();

  test_programme_set_up (&f->programme, "timeline.sqlite", sql);
  f->window = test_window_new (f->programme.path);
  f->view = test_show_view (f->window, EVALUATION, "timeline", TI_TYPE_TIMELINE_VIEW);
  test_wait_for_text (f->view, "Charter launched");
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
is_chip (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "status-chip");
}

/* The status chip on the row of @title: its words, and the theme's colour class. */
static void
assert_chip (Fixture *f, const char *title, const char *words, const char *colour)
{
  GtkWidget *row = test_find_row (f->view, title);
  GtkWidget *label;

  g_assert_nonnull (row);
  label = test_find_widget (row, TRUE, is_chip, NULL);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, words);
  g_assert_true (gtk_widget_has_css_class (label, colour));
  /* The words say what the colour means; the tooltip, how it was decided. */
  g_assert_nonnull (gtk_widget_get_tooltip_text (label));
}

static const char *
subtitle (Fixture *f, const char *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (test_find_row (f->view, title)));
}

static void
test_chips (Fixture *f, gconstpointer data)
{
  assert_chip (f, "Charter launched", "Done", "success");
  assert_chip (f, "Psychologist procured", "Done late", "neutral");
  assert_chip (f, "Schools plan agreed", "Late", "error");
  assert_chip (f, "Full evaluation", "At risk", "warning");
  assert_chip (f, "Strategy agreed", "On track", "accent");

  /* The groups are the four workstreams, each with its progress. */
  g_assert_nonnull (test_find_shown (f->view, "Principles"));
  g_assert_nonnull (test_find_shown (f->view, "Organisational change"));
  g_assert_nonnull (test_find_shown (f->view, "0 of 2 milestones done"));
  g_assert_nonnull (test_find_shown (f->view, "1 of 1 milestone done"));
  /* Evidence in words, whatever its kind. */
  g_assert_true (g_str_has_suffix (subtitle (f, "Charter launched"), "Evidence: Network launch"));
  g_assert_true (g_str_has_suffix (subtitle (f, "Psychologist procured"),
                                   "Evidence: Contract signed"));
  g_assert_true (g_str_has_suffix (subtitle (f, "Strategy agreed"), "No evidence recorded"));
}

static void
set_row_text (GtkWidget *editor, const char *row_title, const char *text)
{
  GtkWidget *row = test_find_row (editor, row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
assert_field_error (GtkWidget *editor, const char *row_title, const char *message)
{
  GtkWidget *row = test_find_row (editor, row_title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (test_find_shown (editor, message));
}

#define TITLE "What is to be done"
#define DUE "Due month (2024-05 or May 2024)"
#define DONE "Done on (YYYY-MM-DD or DD/MM/YYYY; empty until done)"

static void
test_add (Fixture *f, gconstpointer data)
{
  GtkWidget *editor;

  g_assert_true (gtk_widget_activate_action (f->view, "timeline.add", NULL));
  editor = GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_MILESTONE_EDITOR));

  /* Every field at fault says so, under the field. */
  set_row_text (editor, DUE, "Maytember 2024");
  set_row_text (editor, DONE, "31/02/2024");
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (editor, "Kind of evidence")), 1);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  assert_field_error (editor, TITLE, "Enter what the milestone is.");
  assert_field_error (editor, DUE, "Enter the month as YYYY-MM or as a month and year, for "
                                   "example 2024-05 or May 2024.");
  assert_field_error (editor, DONE, "31/02/2024 is not a real date.");
  assert_field_error (editor, "Kind of evidence",
                      "Choose the network event that shows the milestone was met.");
  g_assert_cmpint (count (f, "SELECT count(*) FROM milestones"), ==, 5);

  /* Put right: the training workstream, due in January 2024, done at the launch. */
  set_row_text (editor, TITLE, "Tier 1 in mandatory training");
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (editor, "Workstream")), 1);
  set_row_text (editor, DUE, "Jan 2024");
  set_row_text (editor, DONE, "26/01/2023");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_find_type (editor, GTK_TYPE_DROP_DOWN)), 0);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_MILESTONE_EDITOR);

  test_wait_for_text (f->view, "Tier 1 in mandatory training");
  assert_chip (f, "Tier 1 in mandatory training", "Done", "success");
  g_assert_cmpint (count (f, "SELECT count(*) FROM milestones WHERE title = 'Tier 1 in"
                             " mandatory training' AND workstream_id = 2 AND due_month = '2024-01'"
                             " AND done_on = '2023-01-26' AND evidence_event_id = 1"),
                   ==, 1);
}

static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  GtkWidget *editor;

  /* Activating the row (Enter, or a click) opens the editor, filled in. */
  g_signal_emit_by_name (test_find_row (f->view, "Full evaluation"), "activated");
  editor = GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_MILESTONE_EDITOR));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_row (editor, TITLE))), ==,
                   "Full evaluation");
  g_assert_cmpuint (
    adw_combo_row_get_selected (ADW_COMBO_ROW (test_find_row (editor, "Workstream"))), ==, 3);

  /* Done today, with its evidence in words: no longer at risk. */
  set_row_text (editor, DONE, today);
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (editor, "Kind of evidence")), 4);
  set_row_text (editor, "Evidence in words", "Workbook presented to the board");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_MILESTONE_EDITOR);

  test_wait_for_text (f->view, "1 of 2 milestones done");
  assert_chip (f, "Full evaluation", "Done", "success");
  g_assert_cmpint (count (f, "SELECT count(*) FROM milestones WHERE id = 4 AND done_on IS NOT NULL"
                             " AND evidence_text = 'Workbook presented to the board'"),
                   ==, 1);
}

static gboolean
is_label_with_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

#define LONG_SESSION "Trauma-informed leadership for senior managers across the county"

/* Two sessions alike but for their host read apart; a long one chosen does not widen the
 * chooser, nor the dialog: it ellipsizes in place, whole in its tooltip and in the list. */
static void
test_session_chooser (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *editor, *shown;
  GtkDropDown *dropdown;
  GListModel *choices;
  int width, editor_width;

  g_assert_true (ti_database_exec (
    ti_window_get_database (f->window),
    "INSERT INTO organisations (id, name, sector, locality) VALUES"
    "  (2, 'Quantock Housing', 'housing', 'sedgemoor');"
    "INSERT INTO sessions (id, tier, title, starts_at, host_organisation_id) VALUES"
    "  (1, 3, '" LONG_SESSION "', '2024-03-05 09:30', 1),"
    "  (2, 3, '" LONG_SESSION "', '2024-03-05 09:30', 2);",
    &error));
  g_assert_true (gtk_widget_activate_action (f->view, "timeline.add", NULL));
  editor = GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_MILESTONE_EDITOR));
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (editor, "Kind of evidence")), 2);
  dropdown = GTK_DROP_DOWN (test_find_type (editor, GTK_TYPE_DROP_DOWN));
  choices = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==,
                   LONG_SESSION " · Tier 3 · 5 Mar 2024 · Quantock Housing");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==,
                   LONG_SESSION " · Tier 3 · 5 Mar 2024 · Somerset Council");

  test_iterate_a_while ();
  width = gtk_widget_get_width (GTK_WIDGET (dropdown));
  editor_width = gtk_widget_get_width (editor);
  g_assert_cmpint (width, >, 0);
  gtk_drop_down_set_selected (dropdown, 1);
  test_iterate_a_while ();
  shown = test_find_widget (GTK_WIDGET (dropdown), TRUE, is_label_with_text,
                            LONG_SESSION " · Tier 3 · 5 Mar 2024 · Somerset Council");
  g_assert_nonnull (shown);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (shown)), ==, PANGO_ELLIPSIZE_END);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (shown), ==, gtk_label_get_text (GTK_LABEL (shown)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dropdown)), ==, width);
  g_assert_cmpint (gtk_widget_get_width (editor), ==, editor_width);
  gtk_window_destroy (GTK_WINDOW (editor));
  test_wait_for_toplevel_gone (TI_TYPE_MILESTONE_EDITOR);
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static void
test_delete_undo (Fixture *f, gconstpointer data)
{
  GtkWidget *button = test_find_widget (f->view, TRUE, has_tooltip,
                                        "Delete “Schools plan agreed”");
  GtkWidget *undo;

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  test_wait_for_gone (f->view, "Schools plan agreed");
  g_assert_nonnull (test_find_shown (f->view, "No milestones in this workstream yet."));
  g_assert_cmpint (count (f, "SELECT count(*) FROM milestones WHERE id = 3"), ==, 0);

  undo = test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  test_wait_for_text (f->view, "Schools plan agreed");
  assert_chip (f, "Schools plan agreed", "Late", "error");
  g_assert_cmpint (count (f, "SELECT count(*) FROM milestones WHERE id = 3"), ==, 1);
}

/* An empty timeline says what to do; the destination reopens on the view shown last. */
static void
test_empty_and_remembered (void)
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *view;

  test_programme_set_up (&programme, "empty.sqlite", partners_sql);
  window = test_window_new (programme.path);
  view = test_show_view (window, EVALUATION, "timeline", TI_TYPE_TIMELINE_VIEW);
  test_wait_for_text (view, "No Milestones Yet");
  g_assert_nonnull (test_find_button (view, "_Add Milestone"));
  test_window_close (window);

  window = test_window_new (programme.path);
  ti_window_show_destination (window, EVALUATION);
  view = test_find_type (GTK_WIDGET (window), TI_TYPE_TIMELINE_VIEW);
  test_wait_for_text (view, "No Milestones Yet");
  test_show_view (window, EVALUATION, "overview", TI_TYPE_DASHBOARD_VIEW);
  test_window_close (window);
  test_programme_tear_down (&programme);
}

int
main (int argc, char **argv)
{
  int status;

  test_widget_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/timeline-view/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("chips", test_chips);
  ADD ("add", test_add);
  ADD ("edit", test_edit);
  ADD ("session-chooser", test_session_chooser);
  ADD ("delete-undo", test_delete_undo);
#undef ADD
  g_test_add_func ("/timeline-view/empty-and-remembered", test_empty_and_remembered);

  status = g_test_run ();
  return test_widget_finish (status);
}
