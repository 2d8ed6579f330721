/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "test-events-fixture.h"
#include "test-util.h"
#include "test-widget-util.h"
#include "ti-event-editor.h"
#include "ti-event-guest-list.h"
#include "ti-event-page.h"
#include "ti-events-view.h"
#include "ti-window.h"

/* Widget tests of Events › Network events: the list and its filters, an event's page read as
 * the board would, inviting every active champion, ticking attendance, the editor's messages,
 * delete with Undo and the empty state, driven as a person would and checked by what they
 * see and what the programme holds. */

typedef struct
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *view;
} Fixture;

static void
set_up_with (Fixture *f, const char *sql, const char *shown)
{
  GtkWidget *page;
  AdwViewStack *stack;

  test_programme_set_up (&f->programme, "events.sqlite", sql);
  f->window = test_window_new (f->programme.path);
  ti_window_show_destination (f->window, 3);
  page = test_find_type (GTK_WIDGET (f->window), g_type_from_name ("TiEventsPage"));
  g_assert_nonnull (page);
  stack = ADW_VIEW_STACK (test_find_type (page, ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "events");
  f->view = test_find_type (page, TI_TYPE_EVENTS_VIEW);
  g_assert_nonnull (f->view);
  test_wait_for_text (f->view, shown);
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  set_up_with (f, events_fixture_sql, "5 events");
}

static void
empty_set_up (Fixture *f, gconstpointer data)
{
  /* A programme with partners but no events yet (an empty one opens on the welcome page). */
  set_up_with (f,
               "INSERT INTO organisations (id, name, sector, locality) VALUES"
               "  (1, 'Somerset Council', 'council', 'county_wide');"
               "INSERT INTO people (id, name, organisation_id) VALUES (1, 'Alex Rowe', 1);",
               "No Network Events Yet");
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

/* Activates the list's row for @title, as Enter or a double click would. */
static GtkWidget *
open_event (Fixture *f, const char *title)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (test_find_type (f->view, GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  guint n = g_list_model_get_n_items (model);
  guint i;
  GtkWidget *page;

  for (i = 0; i < n; i++)
    {
      g_autoptr (GObject) event = g_list_model_get_item (model, i);
      g_autofree char *event_title = NULL;

      g_object_get (event, "title", &event_title, NULL);
      if (g_strcmp0 (event_title, title) == 0)
        break;
    }
  g_assert_cmpuint (i, <, n);
  g_signal_emit_by_name (view, "activate", i);
  page = test_find_type (f->view, TI_TYPE_EVENT_PAGE);
  test_wait_for_text (page, title);
  return page;
}

static const char *
fact (GtkWidget *page, const char *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (test_find_row (page, title)));
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  GtkDropDown *kind = GTK_DROP_DOWN (test_find_widget (f->view, TRUE, has_tooltip, "Kind"));
  GtkWidget *from = test_find_widget (f->view, TRUE, has_tooltip,
                                      "First date: YYYY-MM-DD or DD/MM/YYYY");
  GtkWidget *search = test_find_type (f->view, GTK_TYPE_SEARCH_ENTRY);

  gtk_drop_down_set_selected (kind, 5); /* Webinar */
  test_wait_for_text (f->view, "Showing 1 of 5 events");
  gtk_drop_down_set_selected (kind, 0);
  gtk_editable_set_text (GTK_EDITABLE (from), "01/01/2023");
  test_wait_for_text (f->view, "Showing 4 of 5 events");
  gtk_editable_set_text (GTK_EDITABLE (from), "30/02/2023");
  test_wait_for_text (f->view, "Enter “30/02/2023” as a real date, YYYY-MM-DD or DD/MM/YYYY.");
  gtk_editable_set_text (GTK_EDITABLE (from), "");
  gtk_editable_set_text (GTK_EDITABLE (search), "principles");
  test_wait_for_text (f->view, "Showing 1 of 5 events");
  gtk_editable_set_text (GTK_EDITABLE (search), "nothing like this");
  test_wait_for_text (f->view, "No Matching Events");
}

static void
test_event_page (Fixture *f, gconstpointer data)
{
  GtkWidget *page = open_event (f, "Network and Charter Launch");

  /* The record the board would see: the worked answers of the fixture. */
  g_assert_nonnull (test_find_shown (page, "Launch · 26 Jan 2023, 10:00 · County Hall, Taunton"));
  g_assert_nonnull (test_find_shown (page, "Attended (3 of those invited)"));
  g_assert_nonnull (test_find_shown (page, "Mean feedback, 1–5 (3 ratings)"));
  g_assert_nonnull (test_find_shown (page, "4.0"));
  /* Who came: one headline, the organisations folded away with the most first. */
  g_assert_nonnull (test_find_shown (page, "4 organisations · 3 sectors"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (
                     ADW_EXPANDER_ROW (test_find_row (page, "Organisations represented"))),
                   ==, "Children's Services (1); Somerset Council (1); Somerset NHS Foundation "
                       "Trust (1) and 1 more");
  g_assert_nonnull (test_find_row (page, "Wellsway Primary School"));
  g_assert_null (test_find_shown (page, "Wellsway Primary School"));
  g_assert_cmpstr (fact (page, "Sectors represented"), ==,
                   "Council · 2 people\nEducation · 1 person\nNHS trust · 1 person");
  g_assert_cmpstr (fact (page, "Feedback themes"), ==, "Networking · 2 people\nSpeakers · 1 person");
  g_assert_nonnull (test_find_shown (page, "Young people presented the principles they helped "
                                           "to shape."));
  g_assert_nonnull (test_find_shown (page, "Prof Lena Berg"));
  g_assert_nonnull (test_find_shown (page, "University of Bath · National · ACEs and the brain"));
  test_wait_for_text (page, "5 invited · 4 attended");
  g_assert_nonnull (test_find_shown (page, "Children's Services · Came without an invitation · First event"));
}

static double
scrolled_to (GtkWidget *page)
{
  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (test_find_type (page, GTK_TYPE_SCROLLED_WINDOW))));
}

static void
scroll_to_end (GtkWidget *page)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (test_find_type (page, GTK_TYPE_SCROLLED_WINDOW)));

  test_iterate_a_while ();
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
}

/* Another event opens at its top, whatever the last was scrolled to; the same one read again
 * stays where it was. An event without speakers says how to add them. */
static void
test_page_top_and_no_speakers (Fixture *f, gconstpointer data)
{
  GtkWidget *page = open_event (f, "Network and Charter Launch");
  double where;

  scroll_to_end (page);
  g_assert_true (gtk_widget_activate_action (f->view, "events.back", NULL));
  page = open_event (f, "Webinar: trauma-informed supervision");
  g_assert_cmpfloat (scrolled_to (page), ==, 0);
  g_assert_nonnull (
    test_find_shown (page, "No speakers yet — add the guest speakers with Add Speaker."));
  g_assert_nonnull (test_find_shown (page, "1 organisation · 1 sector"));

  scroll_to_end (page);
  where = scrolled_to (page);
  g_assert_true (ti_event_page_show (TI_EVENT_PAGE (page), ti_window_get_database (f->window),
                                     3, NULL));
  g_assert_cmpfloat (scrolled_to (page), ==, where);
}

static gboolean
is_check_labelled (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_CHECK_BUTTON (widget)
         && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

/* The list of guests, not the list in a drop-down's popover (Show, or a row's Feedback). */
static gboolean
is_guest_list_view (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL;
}

/* The row of the list showing @name: the list is a #GtkListView, so only rows on screen
 * exist. */
static GtkWidget *
guest_row (GtkWidget *page, const char *name)
{
  GtkWidget *list = test_find_widget (test_find_type (page, TI_TYPE_EVENT_GUEST_LIST), FALSE,
                                      is_guest_list_view, NULL);

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (test_find_shown (row, name) != NULL)
      return row;
  g_assert_not_reached ();
}

static gboolean
is_check_in (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static gboolean
is_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget);
}

static gboolean
is_feedback (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

/* Clicks a bulk invitation, checks the question says how many, and answers Invite. */
static void
invite_after_asking (GtkWidget *page, const char *button, const char *question)
{
  AdwMessageDialog *dialog;

  g_signal_emit_by_name (test_find_button (page, button), "clicked");
  dialog = test_wait_for_dialog (question);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "invite"));
  adw_message_dialog_response (dialog, "invite");
}

static void
test_invite_champions_and_attendance (Fixture *f, gconstpointer data)
{
  GtkWidget *page = open_event (f, "Webinar: trauma-informed supervision");
  GtkWidget *lee;
  GtkWidget *feedback;
  GtkWidget *theme;
  GtkCheckButton *attended;

  test_wait_for_text (page, "0 invited · 1 attended");
  /* Sam, Jo and Lee: not Kit (paused), not the erased champion; asked first. */
  invite_after_asking (page, "Invite Active _Champions", "Invite 3 Active Champions?");
  test_wait_for_text (page, "3 invited · 1 attended");
  test_wait_for_text (GTK_WIDGET (f->window), "Invited 3 active champions");
  g_assert_nonnull (test_find_shown (page, "Lee Hart"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 3"), ==, 4);
  /* Again: nobody twice, and it says so without asking. */
  g_signal_emit_by_name (test_find_button (page, "Invite Active _Champions"), "clicked");
  test_wait_for_text (GTK_WIDGET (f->window), "Every active champion is already on the list.");
  g_assert_null (test_find_dialog ("Invite 0 Active Champions?"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 3"), ==, 4);

  /* Lee has not come yet: no feedback can be given, and the tooltip says why. */
  lee = guest_row (page, "Lee Hart");
  feedback = gtk_widget_get_parent (test_find_widget (lee, TRUE, is_feedback, NULL));
  theme = test_find_widget (lee, TRUE, is_entry, NULL);
  g_assert_false (gtk_widget_get_sensitive (feedback));
  g_assert_false (gtk_widget_get_sensitive (theme));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (feedback), "Tick Attended first"));
  g_assert_null (test_find_shown (lee, "Avon and Somerset Police · First event"));

  /* Lee came: ticked, saved, counted in place, and feedback opens; not a first-timer, having
   * come to the June Network Event. */
  attended = GTK_CHECK_BUTTON (test_find_widget (lee, TRUE, is_check_labelled, "Attended"));
  gtk_check_button_set_active (attended, TRUE);
  test_wait_for_text (page, "3 invited · 2 attended");
  g_assert_true (guest_row (page, "Lee Hart") == lee); /* the same row, not a new list */
  g_assert_nonnull (test_find_shown (lee, "Avon and Somerset Police"));
  g_assert_null (test_find_shown (lee, "Avon and Somerset Police · First event"));
  g_assert_true (gtk_widget_get_sensitive (feedback));
  g_assert_true (gtk_widget_get_sensitive (theme));
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 3"
                             " AND person_id = 5 AND attended = 1"), ==, 1);
  test_wait_for_text (page, "Attended (1 of those invited)");

  /* A theme is saved when focus leaves it, not only on Enter. */
  gtk_widget_grab_focus (theme);
  gtk_editable_set_text (GTK_EDITABLE (theme), "Supervision");
  gtk_widget_grab_focus (test_find_type (page, GTK_TYPE_SEARCH_ENTRY));
  test_iterate_a_while ();
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 3"
                             " AND person_id = 5 AND feedback_theme = 'Supervision'"), ==, 1);

  /* Not there after all: the tag goes with the tick. */
  gtk_check_button_set_active (attended, FALSE);
  test_wait_for_text (page, "3 invited · 1 attended");
  g_assert_null (test_find_shown (lee, "Avon and Somerset Police · First event"));
  g_assert_false (gtk_widget_get_sensitive (feedback));
  /* The list's counts follow. */
  g_assert_true (gtk_widget_activate_action (f->view, "events.back", NULL));
  test_wait_for_text (f->view, "5 events");
}

/* Undo takes off exactly whom the batch invited: not Ana, who was there before, nor Lee,
 * marked as attended since. */
static void
test_undo_invite (Fixture *f, gconstpointer data)
{
  GtkWidget *page = open_event (f, "Webinar: trauma-informed supervision");
  GtkWidget *undo;

  test_wait_for_text (page, "0 invited · 1 attended");
  invite_after_asking (page, "Invite Active _Champions", "Invite 3 Active Champions?");
  test_wait_for_text (page, "3 invited · 1 attended");
  gtk_check_button_set_active (
    GTK_CHECK_BUTTON (test_find_widget (guest_row (page, "Lee Hart"), TRUE, is_check_in, NULL)),
    TRUE);
  test_wait_for_text (page, "3 invited · 2 attended");
  undo = test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  test_wait_for_text (page, "1 invited · 2 attended");
  test_wait_for_text (GTK_WIDGET (f->window), "Took 2 invitations back");
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 3"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 3"
                             " AND person_id IN (5, 6)"), ==, 2);
}

/* The organisation's question: nothing chosen, Invite off until something is, then how many
 * (its directorate included, erased people and those on the list already not). */
static void
test_invite_organisation (Fixture *f, gconstpointer data)
{
  GtkWidget *page = open_event (f, "Webinar: trauma-informed supervision");
  AdwMessageDialog *dialog;
  GtkDropDown *dropdown;
  GListModel *organisations;
  guint council = GTK_INVALID_LIST_POSITION;

  test_wait_for_text (page, "0 invited · 1 attended");
  g_signal_emit_by_name (test_find_button (page, "Invite an _Organisation…"), "clicked");
  dialog = test_wait_for_dialog ("Invite an Organisation?");
  dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, GTK_INVALID_LIST_POSITION);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "invite"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "directorates"));

  organisations = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr (GObject) organisation = g_list_model_get_item (organisations, i);
      g_autofree char *name = NULL;

      g_object_get (organisation, "name", &name, NULL);
      if (g_strcmp0 (name, "Somerset Council") == 0)
        council = i;
    }
  g_assert_cmpuint (council, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (dropdown, council);
  /* Alex and Rae at the council, Kit at Children's Services; Ana is on the list already. */
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Invite 3 People?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "directorates"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "invite"));
  adw_message_dialog_response (dialog, "invite");
  test_wait_for_text (page, "3 invited · 1 attended");
  test_wait_for_text (GTK_WIDGET (f->window), "Invited 3 people");
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 3"
                             " AND person_id IN (1, 4, 7) AND invited"), ==, 3);
}

/* Finding a guest by name or organisation, and by whether they came. */
static void
test_find_guest (Fixture *f, gconstpointer data)
{
  GtkWidget *page = open_event (f, "Network and Charter Launch");
  GtkWidget *list = test_find_type (page, TI_TYPE_EVENT_GUEST_LIST);
  GtkWidget *search = test_find_type (list, GTK_TYPE_SEARCH_ENTRY);
  GtkDropDown *show;

  test_wait_for_text (list, "5 invited · 4 attended");
  /* Finding is offered once there is someone to find. */
  show = GTK_DROP_DOWN (test_find_widget (list, TRUE, has_tooltip, "Show"));
  g_assert_nonnull (show);
  gtk_editable_set_text (GTK_EDITABLE (search), "children");
  test_wait_for_text (list, "Showing 2 of 6 · 5 invited · 4 attended");
  g_assert_nonnull (test_find_shown (list, "Kit Elms"));
  g_assert_null (test_find_shown (list, "Jo Marsh"));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  gtk_drop_down_set_selected (show, 2); /* Not attended: Kit and Rae */
  test_wait_for_text (list, "Showing 2 of 6 · 5 invited · 4 attended");
  g_assert_nonnull (test_find_shown (list, "Rae Dunn"));
  gtk_drop_down_set_selected (show, 1);
  test_wait_for_text (list, "Showing 4 of 6 · 5 invited · 4 attended");
  gtk_editable_set_text (GTK_EDITABLE (search), "nobody like this");
  test_wait_for_text (list, "No Matching Guests");
}

static void
test_delete_undo (Fixture *f, gconstpointer data)
{
  GtkWidget *undo;

  open_event (f, "Network and Charter Launch");
  g_assert_true (gtk_widget_activate_action (f->view, "events.delete", NULL));
  test_wait_for_text (f->view, "4 events");
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 1"), ==, 0);

  undo = test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  test_wait_for_text (f->view, "5 events");
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 1"), ==, 6);
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_speakers WHERE event_id = 1"), ==, 2);
}

static void
assert_field_error (GtkWidget *editor, const char *row_title, const char *message)
{
  GtkWidget *row = test_find_row (editor, row_title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (test_find_shown (gtk_widget_get_next_sibling (row), message));
}

static void
test_empty_and_editor (Fixture *f, gconstpointer data)
{
  GtkWidget *editor;

  g_assert_nonnull (test_find_button (f->view, "_Add Event"));
  g_assert_true (gtk_widget_activate_action (f->view, "events.add", NULL));
  editor = GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_EVENT_EDITOR));
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (editor, "Online link")), "meet.example");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_iterate_a_while ();
  assert_field_error (editor, "Title", "Enter a title.");
  assert_field_error (editor, "Date (YYYY-MM-DD or DD/MM/YYYY)", "Enter the date of the event.");
  assert_field_error (editor, "Online link", "Enter the online link as a web address, such as "
                                             "https://meet.example.org/network-event.");

  gtk_editable_set_text (GTK_EDITABLE (test_find_row (editor, "Title")), "Spring network event");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (editor, "Date (YYYY-MM-DD or DD/MM/YYYY)")),
                         "14/03/2024");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (editor, "Online link")), "");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (editor, "Venue")), "Frome Town Hall");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_EVENT_EDITOR);
  test_wait_for_text (f->view, "Network event · 14 Mar 2024, 09:30 · Frome Town Hall");
  test_wait_for_text (f->view, "No One Invited Yet");
  g_assert_cmpint (count (f, "SELECT count(*) FROM events WHERE title = 'Spring network event'"
                             " AND starts_at = '2024-03-14 09:30' AND kind = 'network_event'"),
                   ==, 1);
}

int
main (int argc, char **argv)
{
  int status;

  test_widget_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/events-view/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("filters", test_filters);
  ADD ("event-page", test_event_page);
  ADD ("page-top-and-no-speakers", test_page_top_and_no_speakers);
  ADD ("invite-champions-and-attendance", test_invite_champions_and_attendance);
  ADD ("undo-invite", test_undo_invite);
  ADD ("invite-organisation", test_invite_organisation);
  ADD ("find-guest", test_find_guest);
  ADD ("delete-undo", test_delete_undo);
#undef ADD
  g_test_add ("/events-view/empty-and-editor", Fixture, NULL, empty_set_up,
              test_empty_and_editor, fixture_tear_down);

  status = g_test_run ();
  return test_widget_finish (status);
}
