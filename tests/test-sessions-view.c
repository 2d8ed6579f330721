/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "test-sessions-fixture.h"
#include "test-util.h"
#include "test-widget-util.h"
#include "ti-person-chooser.h"
#include "ti-register-editor.h"
#include "ti-session-editor.h"
#include "ti-session-page.h"
#include "ti-sessions-view.h"
#include "ti-window.h"

/* Widget tests of Training tiers › Sessions: the list's filters, a session's page with its
 * warnings and figures, the register edited in place, and delete with Undo, driven as a
 * person would and checked by what they see and what the programme holds. */

typedef struct
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *view;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GtkWidget *page;
  AdwViewStack *stack;

  test_programme_set_up (&f->programme, "sessions.sqlite", sessions_fixture_sql);
  f->window = test_window_new (f->programme.path);
  ti_window_show_destination (f->window, 1);
  page = test_find_type (GTK_WIDGET (f->window), g_type_from_name ("TiTrainingPage"));
  g_assert_nonnull (page);
  stack = ADW_VIEW_STACK (test_find_type (page, ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "sessions");
  f->view = test_find_type (page, TI_TYPE_SESSIONS_VIEW);
  g_assert_nonnull (f->view);
  test_wait_for_text (f->view, "4 sessions");
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_window_close (f->window);
  test_wait_for_finalized ((gpointer *) &f->view); /* the view goes with its window */
  test_programme_tear_down (&f->programme);
}

/* Counted through the window's own connection to the programme. */
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

/* Chooses @label in @dropdown, as a person would. */
static void
choose (GtkDropDown *dropdown, const char *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_assert_not_reached ();
}

#define FROM "First date: YYYY-MM-DD or DD/MM/YYYY"
#define TO "Last date: YYYY-MM-DD or DD/MM/YYYY"

/* One step of the filters test: choose (a drop-down) or type (an entry), then see @shown. */
static const struct
{
  const char *tooltip;
  const char *value;
  const char *shown;
} filter_steps[] = {
  { "Tier", "Tier 3", "Showing 1 of 4 sessions" },
  { "Tier", "Tier 2", "Showing 3 of 4 sessions" },
  { "Status", "Delivered", "Showing 2 of 4 sessions" },
  { "Host organisation", "Quantock Housing", "Showing 1 of 4 sessions" },
  { "Status", "Planned", "Showing 1 of 4 sessions" },
  { "Status", "Cancelled", "No Matching Sessions" },
  { "Status", "Any status", "Showing 2 of 4 sessions" },
  { "Host organisation", "Any host", "Showing 3 of 4 sessions" },
  { "Tier", "Any tier", "4 sessions" },
  /* Sam facilitated sessions 1 and 3. */
  { "Facilitator", "Sam Carter", "Showing 2 of 4 sessions" },
  { "Facilitator", "Any facilitator", "4 sessions" },
  /* Dates: inclusive, either way of writing them; one that cannot be read is said so. */
  { FROM, "01/01/2024", "Showing 3 of 4 sessions" },
  { TO, "2024-03-05", "Showing 2 of 4 sessions" },
  { TO, "31/02/2024", "31/02/2024 is not a real date." },
  { TO, "31/02/2024", "Showing 3 of 4 sessions" },
  { TO, "2023-12-31", "The first date is after the last: no session can match." },
  { FROM, "", "Showing 1 of 4 sessions" },
  { TO, "", "4 sessions" },
  /* The search reads titles, hosts, facilitators and venues. */
  { "Search", "priya", "Showing 1 of 4 sessions" },
  { "Search", "hall", "Showing 1 of 4 sessions" },
  { "Search", "", "4 sessions" },
};

static void
test_filters (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (filter_steps); i++)
    {
      const char *tooltip = filter_steps[i].tooltip;
      GtkWidget *widget = g_str_equal (tooltip, "Search")
                            ? test_find_type (f->view, GTK_TYPE_SEARCH_ENTRY)
                            : test_find_widget (f->view, TRUE, has_tooltip, tooltip);

      g_test_message ("%s: %s", tooltip, filter_steps[i].value);
      if (GTK_IS_DROP_DOWN (widget))
        choose (GTK_DROP_DOWN (widget), filter_steps[i].value);
      else
        gtk_editable_set_text (GTK_EDITABLE (widget), filter_steps[i].value);
      test_wait_for_text (f->view, filter_steps[i].shown);
    }
}

/* Activates the list's row for @title, as Enter or a double click would. */
static GtkWidget *
open_session (Fixture *f, const char *title)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (test_find_type (f->view, GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  guint n = g_list_model_get_n_items (model);
  guint i;
  GtkWidget *page;

  for (i = 0; i < n; i++)
    {
      g_autoptr (GObject) session = g_list_model_get_item (model, i);
      g_autofree char *session_title = NULL;

      g_object_get (session, "title", &session_title, NULL);
      if (g_strcmp0 (session_title, title) == 0)
        break;
    }
  g_assert_cmpuint (i, <, n);
  g_signal_emit_by_name (view, "activate", i);
  page = test_find_type (f->view, TI_TYPE_SESSION_PAGE);
  test_wait_for_text (page, title);
  return page;
}

static void
test_session_page (Fixture *f, gconstpointer data)
{
  GtkWidget *page = open_session (f, "Trauma-enhanced practice");

  /* The facts, the warnings in words, the figures. */
  g_assert_nonnull (test_find_shown (page, "Tier 3 · 5 Mar 2024, 13:00 · 4 hours · Online"));
  g_assert_nonnull (test_find_shown (page, "Priya Lund (Psychologist)"));
  g_assert_nonnull (test_find_shown (page, "Somerset NHS Foundation Trust"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (test_find_row (page, "Places"))),
                   ==, "2");
  g_assert_nonnull (test_find_shown (page, "Needs a Look"));
  g_assert_nonnull (test_find_shown (page, "The register has 3 people for 2 places."));
  g_assert_nonnull (test_find_shown (
    page, "Kit Elms (Wellsway Primary School) is on this Tier 3 session without having "
                            "completed Tier 2."));
  g_assert_nonnull (test_find_shown (page, "+1.50"));
  g_assert_nonnull (test_find_shown (page, "Mean confidence change (2 people with both scores)"));
  g_assert_nonnull (test_find_shown (page, "3 of 3"));
  /* The register itself, with Kit's own warning. */
  g_assert_nonnull (test_find_shown (page, "3 people"));
  g_assert_nonnull (test_find_shown (page, "No Tier 2 yet"));

  /* A delivered session with nobody on its register is a warning too. */
  g_assert_true (gtk_widget_activate_action (f->view, "sessions.back", NULL));
  page = open_session (f, "Quiet delivery");
  test_wait_for_text (page, "This session was delivered but its register is empty: add the "
                            "people who came.");
  g_assert_nonnull (test_find_shown (page, "No One on the Register"));
  g_assert_null (test_find_shown (page, "No Tier 2 yet"));
}

/* The register row showing @name. */
static GtkWidget *
register_row (GtkWidget *page, const char *name)
{
  GtkWidget *list = test_find_type (test_find_type (page, TI_TYPE_REGISTER_EDITOR),
                                    GTK_TYPE_LIST_BOX);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (test_find_shown (row, name) != NULL)
      return row;
  g_assert_not_reached ();
}

static gboolean
is_check_labelled (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_CHECK_BUTTON (widget)
         && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

static GtkCheckButton *
row_check (GtkWidget *row, const char *label)
{
  return GTK_CHECK_BUTTON (test_find_widget (row, TRUE, is_check_labelled, label));
}

static gboolean
is_score_labelled (GtkWidget *widget, gconstpointer tooltip)
{
  return GTK_IS_BOX (widget) && has_tooltip (widget, tooltip);
}

static GtkDropDown *
row_score (GtkWidget *row, const char *tooltip)
{
  GtkWidget *box = test_find_widget (row, TRUE, is_score_labelled, tooltip);

  return GTK_DROP_DOWN (test_find_type (box, GTK_TYPE_DROP_DOWN));
}

static void
test_register_edit (Fixture *f, gconstpointer data)
{
  GtkWidget *page = open_session (f, "Trauma-skilled schools");
  GtkWidget *ana = register_row (page, "Ana Cole");

  g_assert_nonnull (test_find_shown (page, "+1.00"));
  /* Before and after over the same paired attendees as the change, two decimals each. */
  g_assert_nonnull (test_find_shown (page, "Mean confidence 2.50 before and 3.50 after, on a "
                                           "scale of 1 to 5, of those who attended with both "
                                           "scores; 1 of 2 of them improved."));
  g_assert_nonnull (test_find_shown (page, "4 of 5"));
  g_assert_false (gtk_check_button_get_active (row_check (ana, "Attended")));

  /* Ticking completed ticks attended too, and saves both at once. */
  gtk_check_button_set_active (row_check (ana, "Completed"), TRUE);
  test_iterate_a_while ();
  g_assert_true (gtk_check_button_get_active (row_check (ana, "Attended")));
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE session_id = 1"
                             " AND person_id = 7 AND attended = 1 AND completed = 1"), ==, 1);
  test_wait_for_text (page, "5 of 5");

  /* A score: Ana 4 → 3 makes the mean change (2 + 0 − 1) / 3. */
  gtk_drop_down_set_selected (row_score (ana, "Confidence after the session, from 1 (low) to 5 "
                                              "(high)"),
                              3);
  test_wait_for_text (page, "+0.33");
  g_assert_cmpint (count (f, "SELECT confidence_after FROM attendance WHERE person_id = 7"
                             " AND session_id = 1"), ==, 3);
  gtk_drop_down_set_selected (row_score (ana, "Their rating of the session, from 1 (poor) to 5 "
                                              "(excellent)"),
                              5);
  test_iterate_a_while ();
  g_assert_cmpint (count (f, "SELECT feedback FROM attendance WHERE person_id = 7"
                             " AND session_id = 1"), ==, 5);

  /* "—" takes a score away; unticking attended unticks completed. */
  gtk_drop_down_set_selected (row_score (ana, "Confidence after the session, from 1 (low) to 5 "
                                              "(high)"),
                              0);
  gtk_check_button_set_active (row_check (ana, "Attended"), FALSE);
  test_iterate_a_while ();
  g_assert_false (gtk_check_button_get_active (row_check (ana, "Completed")));
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE person_id = 7"
                             " AND session_id = 1 AND attended = 0 AND completed = 0"
                             " AND confidence_after IS NULL"), ==, 1);
  test_wait_for_text (page, "+1.00");

  /* One audit entry per change saved: completed, after, feedback, after again, attended. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'attendance'"), ==, 5);
}

static void
test_register_remove_undo (Fixture *f, gconstpointer data)
{
  GtkWidget *page = open_session (f, "Trauma-enhanced practice");
  GtkWidget *kit = register_row (page, "Kit Elms");
  GtkWidget *remove = test_find_widget (kit, TRUE, has_tooltip, "Remove Kit Elms from the register");
  GtkWidget *undo;

  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  test_wait_for_text (page, "2 people");
  test_wait_for_gone (page, "Kit Elms (Wellsway Primary School) is on this Tier 3 session without having "
                            "completed Tier 2.");
  g_assert_null (test_find_shown (page, "The register has 3 people for 2 places."));
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE session_id = 2"), ==, 2);

  undo = test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  test_wait_for_text (page, "3 people");
  test_wait_for_text (page, "Kit Elms (Wellsway Primary School) is on this Tier 3 session without having "
                            "completed Tier 2.");
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE session_id = 2 AND person_id = 5"
                             " AND confidence_before = 2 AND confidence_after = 4 AND feedback = 4"),
                   ==, 1);
}

static void
test_delete_undo (Fixture *f, gconstpointer data)
{
  GtkWidget *undo;

  open_session (f, "Trauma-skilled schools");
  g_assert_true (gtk_widget_activate_action (f->view, "sessions.delete", NULL));
  test_wait_for_text (f->view, "3 sessions");
  g_assert_cmpint (count (f, "SELECT count(*) FROM sessions WHERE id = 1"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE session_id = 1"), ==, 0);

  undo = test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  test_wait_for_text (f->view, "4 sessions");
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE session_id = 1"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM session_facilitators WHERE session_id = 1"),
                   ==, 2);
}

/* The message under @row_title, whose row must be marked as the field at fault. */
static void
assert_field_error (GtkWidget *editor, const char *row_title, const char *message)
{
  GtkWidget *row = test_find_row (editor, row_title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (test_find_shown (gtk_widget_get_next_sibling (row), message));
}

static void
set_row_text (GtkWidget *editor, const char *row_title, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (editor, row_title)), text);
}

static void
test_editor (Fixture *f, gconstpointer data)
{
  GtkWidget *editor;
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (f->view, "sessions.add", NULL));
  editor = GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_SESSION_EDITOR));

  /* Every field at fault at once, each message under its field. */
  set_row_text (editor, "Date (YYYY-MM-DD or DD/MM/YYYY)", "31/02/2024");
  set_row_text (editor, "Start time (HH:MM, 24-hour)", "9.30");
  set_row_text (editor, "Places (empty for no limit)", "twenty");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_iterate_a_while ();
  assert_field_error (editor, "Title", "Enter a title.");
  assert_field_error (editor, "Date (YYYY-MM-DD or DD/MM/YYYY)", "31/02/2024 is not a real date.");
  assert_field_error (editor, "Start time (HH:MM, 24-hour)",
                      "Enter the start time as HH:MM on the 24-hour clock, for example 09:30.");
  assert_field_error (editor, "Places (empty for no limit)",
                      "Enter the number of places, or leave it empty for no limit.");
  assert_field_error (editor, "_Add Facilitator…", "Add at least one facilitator.");
  g_assert_cmpint (count (f, "SELECT count(*) FROM sessions"), ==, 4);

  /* Delivered, by the coordinator: saved, and awaiting the psychologist's review. */
  set_row_text (editor, "Title", "Trauma-skilled front desks");
  set_row_text (editor, "Date (YYYY-MM-DD or DD/MM/YYYY)", "01/05/2024");
  set_row_text (editor, "Start time (HH:MM, 24-hour)", "9:30");
  set_row_text (editor, "Places (empty for no limit)", "12");
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_find_row (editor, "Status")), 1);
  ti_session_editor_add_facilitator (TI_SESSION_EDITOR (editor), 1, "Alex Rowe", "coordinator");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_SESSION_EDITOR);

  page = test_find_type (f->view, TI_TYPE_SESSION_PAGE);
  test_wait_for_text (page, "Trauma-skilled front desks");
  test_wait_for_text (page, "Awaiting review");
  g_assert_nonnull (test_find_shown (page, "Tier 2 · 1 May 2024, 09:30 · 2 hours · In person"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (test_find_row (page, "Places"))),
                   ==, "12");
  test_wait_for_text (f->view, "5 sessions");
  g_assert_cmpint (count (f, "SELECT count(*) FROM sessions WHERE title = 'Trauma-skilled front"
                             " desks' AND starts_at = '2024-05-01 09:30' AND capacity = 12"
                             " AND status = 'delivered' AND review_status = 'awaiting'"),
                   ==, 1);
}

/* Booked and Attended are two columns, and the start time has its own. */
static void
test_columns (Fixture *f, gconstpointer data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (test_find_type (f->view, GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_string_append_printf (titles, "%s|", gtk_column_view_column_get_title (column));
    }
  g_assert_cmpstr (titles->str, ==,
                   "Date|Time|Tier|Title|Host organisation|Facilitators|Booked|Attended|Status|"
                   "Review|");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) session = g_list_model_get_item (model, i);
      g_autofree char *title = NULL;
      g_autofree char *time = NULL;
      guint booked = 0, attended = 0;

      g_object_get (session, "title", &title, "time", &time, "attendees", &booked, "attended",
                    &attended, NULL);
      if (g_str_equal (title, "Trauma-skilled schools"))
        {
          /* Five on the register, four came. */
          g_assert_cmpstr (time, ==, "09:30");
          g_assert_cmpuint (booked, ==, 5);
          g_assert_cmpuint (attended, ==, 4);
        }
    }
}

static void
record_no_match (GtkStack *stack, GParamSpec *pspec, gboolean *seen)
{
  *seen |= g_strcmp0 (gtk_stack_get_visible_child_name (stack), "no-match") == 0;
}

static void
test_person_chooser (Fixture *f, gconstpointer data)
{
  GtkWidget *page = open_session (f, "Housing teams");
  GtkWidget *chooser;
  GtkWidget *stack;
  gboolean no_match_seen = FALSE;

  g_assert_true (gtk_widget_activate_action (test_find_type (page, TI_TYPE_REGISTER_EDITOR),
                                             "register.add", NULL));
  chooser = GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_PERSON_CHOOSER));
  test_wait_for_text (chooser, "Alex Rowe");
  /* Under each name, what tells two people of one name apart. */
  g_assert_nonnull (test_find_shown (chooser, "Somerset NHS Foundation Trust"));

  /* Adding someone never flashes "No One Found" while the list is filtered again. */
  stack = test_find_type (chooser, GTK_TYPE_STACK);
  g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (record_no_match),
                    &no_match_seen);
  g_signal_emit_by_name (test_find_type (chooser, GTK_TYPE_LIST_VIEW), "activate", 0);
  test_wait_for_text (chooser, "Alex Rowe (Somerset NHS Foundation Trust) is on the register.");
  test_iterate_a_while ();
  g_assert_false (no_match_seen);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");
  g_signal_handlers_disconnect_by_data (stack, &no_match_seen);

  /* Escape in the search closes the chooser. */
  g_signal_emit_by_name (test_find_type (chooser, GTK_TYPE_SEARCH_ENTRY), "stop-search");
  test_wait_for_toplevel_gone (TI_TYPE_PERSON_CHOOSER);
}

#define BACK_IN_QUEUE "Saving sends this session back to the psychologist's review queue: what " \
                      "was delivered has changed since it was reviewed."

/* Editing an approved session: a corrected title leaves it approved; a new start time sends
 * it back to the queue, which the editor says before saving and the toast after. */
static void
test_edit_approved (Fixture *f, gconstpointer data)
{
  GtkWidget *editor;
  GtkWidget *alex;

  open_session (f, "Quiet delivery");
  g_assert_true (gtk_widget_activate_action (f->view, "sessions.edit", NULL));
  editor = GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_SESSION_EDITOR));
  alex = test_find_row (editor, "Alex Rowe");
  g_assert_nonnull (alex);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (alex)), ==,
                   "Somerset NHS Foundation Trust");

  set_row_text (editor, "Title", "Quiet delivery, corrected");
  test_iterate_a_while ();
  g_assert_null (test_find_shown (editor, BACK_IN_QUEUE));
  set_row_text (editor, "Start time (HH:MM, 24-hour)", "10:30");
  test_wait_for_text (editor, BACK_IN_QUEUE);
  set_row_text (editor, "Start time (HH:MM, 24-hour)", "10:00");
  test_wait_for_gone (editor, BACK_IN_QUEUE);
  set_row_text (editor, "Start time (HH:MM, 24-hour)", "10:30");
  test_wait_for_text (editor, BACK_IN_QUEUE);

  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_SESSION_EDITOR);
  test_wait_for_text (GTK_WIDGET (f->window), "Session saved — back in the review queue");
  g_assert_cmpint (count (f, "SELECT count(*) FROM sessions WHERE id = 4"
                             " AND review_status = 'awaiting'"),
                   ==, 1);
}

int
main (int argc, char **argv)
{
  int status;

  test_widget_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/sessions-view/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("filters", test_filters);
  ADD ("session-page", test_session_page);
  ADD ("register-edit", test_register_edit);
  ADD ("register-remove-undo", test_register_remove_undo);
  ADD ("delete-undo", test_delete_undo);
  ADD ("editor", test_editor);
  ADD ("columns", test_columns);
  ADD ("person-chooser", test_person_chooser);
  ADD ("edit-approved", test_edit_approved);
#undef ADD

  status = g_test_run ();
  return test_widget_finish (status);
}
