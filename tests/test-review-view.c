/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "test-reviews-fixture.h"
#include "test-util.h"
#include "test-widget-util.h"
#include "ti-preferences-window.h"
#include "ti-review-checklist-page.h"
#include "ti-review-dialog.h"
#include "ti-review-item.h"
#include "ti-review-view.h"
#include "ti-window.h"

/* The psychologist's review queue, the review dialog and the checklist in Preferences,
 * driven as a person would, on test-reviews-fixture.h: three sessions await review (held on
 * 20 Apr, 2 May and 10 Jun 2023), one has changes requested and one is approved. */

typedef struct
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *view;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (&f->programme, "review.sqlite", reviews_fixture_sql);
  f->window = test_window_new (f->programme.path);
  f->view = test_show_view (f->window, 1, "review", TI_TYPE_REVIEW_VIEW);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_window_close (f->window);
  test_programme_tear_down (&f->programme);
}

static TiDatabase *
database (Fixture *f)
{
  return ti_window_get_database (f->window);
}

/* "72 days": the age of a session held on @iso_date, as of today. */
static char *
age_of (const char *iso_date)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  GDate today, day;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_clear (&day, 1);
  g_date_set_parse (&day, iso_date);
  return ti_review_age_in_words (g_date_days_between (&day, &today));
}

/* The titles the queue shows, in order, joined with "|". */
static char *
shown_titles (Fixture *f)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (test_find_type (f->view, GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  g_autoptr (GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (TiReviewItem) item = g_list_model_get_item (model, i);
      g_string_append_printf (titles, "%s%s", i ? "|" : "", ti_review_item_get_title (item));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static gboolean
is_dropdown (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_DROP_DOWN (widget);
}

/* Chooses @text in the dropdown whose tooltip is @filter, as a person would. */
static void
choose (Fixture *f, const char *filter, const char *text)
{
  GtkDropDown *dropdown = NULL;
  g_autoptr (GPtrArray) dropdowns = test_collect_widgets (f->view, TRUE, is_dropdown, NULL);
  GListModel *model;

  for (guint i = 0; i < dropdowns->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (dropdowns, i)), filter) == 0)
      dropdown = g_ptr_array_index (dropdowns, i);
  g_assert_nonnull (dropdown);
  model = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_assert_not_reached ();
}

static void
test_queue (Fixture *f, gconstpointer data)
{
  g_autofree char *oldest = age_of ("2023-04-20");
  g_autofree char *count = g_strdup_printf ("3 sessions awaiting review; the oldest waiting %s",
                                            oldest);
  g_autofree char *titles = NULL;
  GtkWidget *page = gtk_widget_get_ancestor (f->view, g_type_from_name ("TiTrainingPage"));
  AdwViewStack *stack = ADW_VIEW_STACK (test_find_type (page, ADW_TYPE_VIEW_STACK));

  /* Awaiting, oldest first, each with its age, tier, host and facilitators. */
  test_wait_for_text (f->view, count);
  titles = shown_titles (f);
  g_assert_cmpstr (titles, ==,
                   "Trauma-skilled schools|Trauma-skilled practice|Trauma-enhanced supervision");
  test_wait_for_text (f->view, oldest);
  test_wait_for_text (f->view, "20 Apr 2023");
  test_wait_for_text (f->view, "Tier 3");
  test_wait_for_text (f->view, "Wellsway Primary School");
  test_wait_for_text (f->view, "Morgan Reed (coordinator), Sam Carter (champion)");

  /* The Review view's badge counts what awaits the psychologist. */
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (adw_view_stack_get_page (stack, f->view)),
                    ==, 3);
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  g_autofree char *titles = NULL;

  test_wait_for_text (f->view, "Trauma-skilled schools");

  /* Changes requested, then approved. */
  choose (f, "Review status", "Changes requested");
  test_wait_for_text (f->view, "1 session with changes requested");
  titles = shown_titles (f);
  g_assert_cmpstr (titles, ==, "Trauma-skilled police");
  choose (f, "Review status", "Approved");
  test_wait_for_text (f->view, "1 approved session");
  test_wait_for_text (f->view, "Trauma-skilled housing");

  /* One facilitator's: Kit Elms has none approved, and the page says what to do. */
  choose (f, "Facilitator", "Kit Elms");
  test_wait_for_text (f->view, "No Approved Sessions Yet");
  test_wait_for_text (f->view, "0 approved sessions, facilitated by Kit Elms");
  choose (f, "Review status", "Awaiting review");
  test_wait_for_text (f->view, "Trauma-enhanced supervision");
  g_free (titles);
  titles = shown_titles (f);
  g_assert_cmpstr (titles, ==, "Trauma-enhanced supervision");

  /* Everyone again. */
  choose (f, "Facilitator", "All facilitators");
  test_wait_for_text (f->view, "Trauma-skilled schools");
  g_free (titles);
  titles = shown_titles (f);
  g_assert_cmpstr (titles, ==,
                   "Trauma-skilled schools|Trauma-skilled practice|Trauma-enhanced supervision");
}

/* The titles of the queue's visible columns, joined with "|". */
static char *
visible_columns (Fixture *f)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (test_find_type (f->view, GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr (GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (gtk_column_view_column_get_visible (column))
        g_string_append_printf (titles, "%s%s", titles->len ? "|" : "",
                                gtk_column_view_column_get_title (column));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static gboolean
columns_are (gpointer data)
{
  gpointer *args = data;
  g_autofree char *shown = visible_columns (args[0]);

  return g_strcmp0 (shown, args[1]) == 0;
}

/* The queue in a window @width wide shows @expected columns. */
static void
expect_columns_at (Fixture *f, int width, const char *expected)
{
  GtkWidget *window = gtk_window_new ();
  TiReviewView *view = g_object_new (TI_TYPE_REVIEW_VIEW, NULL);
  Fixture sized = *f;
  gpointer args[2] = { &sized, (gpointer) expected };

  sized.view = GTK_WIDGET (view);
  gtk_window_set_default_size (GTK_WINDOW (window), width, 640);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  ti_review_view_set_database (view, database (f));
  gtk_window_present (GTK_WINDOW (window));
  test_wait_for_text (GTK_WIDGET (view), "Trauma-skilled schools");
  test_iterate_until (columns_are, args);
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate_a_while ();
}

/* Never the status the filter already names. Wide, every other column; at the default
 * window's width the age says when and the title takes the host's room; as narrow as a
 * phone, only age, tier and title, so the list reads without scrolling sideways. */
static void
test_narrow_columns (Fixture *f, gconstpointer data)
{
  test_wait_for_text (f->view, "First review");
  expect_columns_at (f, 1200, "Session date|Age|Tier|Title|Host|Facilitators|Review");
  expect_columns_at (f, 770, "Age|Tier|Title|Facilitators|Review");
  expect_columns_at (f, 360, "Age|Tier|Title");
}

/* Activates the queue's row for @title and waits for its dialog to load. */
static TiReviewDialog *
open_review (Fixture *f, const char *title)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (test_find_type (f->view, GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  GtkWidget *dialog;

  test_wait_for_text (f->view, title);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (TiReviewItem) item = g_list_model_get_item (model, i);
      if (g_strcmp0 (ti_review_item_get_title (item), title) == 0)
        {
          g_signal_emit_by_name (column_view, "activate", i);
          dialog = GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_REVIEW_DIALOG));
          test_wait_for_text (dialog, "Register and Feedback");
          return TI_REVIEW_DIALOG (dialog);
        }
    }
  g_assert_not_reached ();
}

static gboolean
is_check_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

/* The visible label right after @widget's list or frame in its group: its message. */
static const char *
message_after (GtkWidget *widget, GType container)
{
  GtkWidget *holder = G_TYPE_CHECK_INSTANCE_TYPE (widget, container)
                        ? widget
                        : gtk_widget_get_ancestor (widget, container);
  GtkWidget *label = gtk_widget_get_next_sibling (holder);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
test_dialog_records_approval (Fixture *f, gconstpointer data)
{
  TiReviewDialog *dialog = open_review (f, "Trauma-skilled schools");
  GtkWidget *approve = test_find_row (GTK_WIDGET (dialog), "_Approve");
  g_autoptr (GPtrArray) checks = NULL;
  GtkWidget *reviewer = test_find_row (GTK_WIDGET (dialog), "Reviewed by");

  /* The session's facts and register. */
  test_wait_for_text (GTK_WIDGET (dialog), "Tier 2: Trauma-skilled schools");
  test_wait_for_text (GTK_WIDGET (dialog), "2 of 2 on the register attended; 2 completed");
  test_wait_for_text (GTK_WIDGET (dialog), "2.50 before, 4.00 after; a mean change of +1.50, "
                                           "with 2 of 2 improving");
  test_wait_for_text (GTK_WIDGET (dialog), "A mean of 4.5 from 2 attendees");
  /* The only psychologist reviews; Sam Carter's history is there. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (reviewer)), ==, 0);
  g_assert_nonnull (test_find_row (GTK_WIDGET (dialog), "Sam Carter"));

  /* Tick every item, approve, save. */
  checks = test_collect_widgets (GTK_WIDGET (dialog), FALSE, is_check_button, NULL);
  for (guint i = 0; i < checks->len; i++)
    if (gtk_widget_get_ancestor (g_ptr_array_index (checks, i), ADW_TYPE_EXPANDER_ROW) != NULL)
      gtk_check_button_set_active (g_ptr_array_index (checks, i), TRUE);
  gtk_widget_activate (approve);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_REVIEW_DIALOG);

  /* Recorded, said so, and the session leaves the awaiting queue. */
  g_assert_cmpint (test_count (database (f), "SELECT review_status = 'approved' FROM sessions"
                                             " WHERE id = 3"), ==, 1);
  g_assert_cmpint (test_count (database (f), "SELECT count(*) FROM review_answers a"
                                             " JOIN reviews r ON r.id = a.review_id"
                                             " WHERE r.session_id = 3 AND a.met = 1"), ==, 8);
  test_wait_for_text (GTK_WIDGET (f->window), "“Trauma-skilled schools” approved");
  test_wait_for_gone (f->view, "Trauma-skilled schools");
  test_wait_for_text (f->view, "Trauma-skilled practice");
}

static void
test_dialog_needs_notes (Fixture *f, gconstpointer data)
{
  TiReviewDialog *dialog = open_review (f, "Trauma-skilled practice");
  g_autofree char *oldest = age_of ("2023-04-20");
  g_autofree char *count = g_strdup_printf ("2 sessions awaiting review; the oldest waiting %s",
                                            oldest);
  GtkWidget *changes = test_find_row (GTK_WIDGET (dialog), "Request _changes");
  GtkWidget *notes = test_find_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);

  /* Nothing chosen yet: the outcome is asked for. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL));
  g_assert_cmpstr (message_after (changes, GTK_TYPE_LIST_BOX), ==,
                   "Choose whether to approve the session or ask for changes.");

  /* Changes requested without notes: refused, with the message under the notes. */
  gtk_widget_activate (changes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL));
  g_assert_true (gtk_widget_has_css_class (notes, "error"));
  g_assert_cmpstr (message_after (notes, GTK_TYPE_FRAME), ==,
                   "Say in the notes what should change: notes are required when changes are "
                   "requested.");
  g_assert_null (message_after (changes, GTK_TYPE_LIST_BOX));
  g_assert_cmpint (test_count (database (f), "SELECT count(*) FROM reviews"), ==, 3);

  /* With notes it is recorded. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)),
                            "Add a check-out at the end.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_REVIEW_DIALOG);
  g_assert_cmpint (test_count (database (f), "SELECT count(*) FROM reviews WHERE session_id = 1"
                                             " AND outcome = 'changes_requested'"
                                             " AND notes = 'Add a check-out at the end.'"),
                   ==, 1);
  test_wait_for_text (f->view, count);
}

/* Ticks the first @n checklist items as met, the others not. */
static void
tick_items (TiReviewDialog *dialog, guint n)
{
  g_autoptr (GPtrArray) checks
    = test_collect_widgets (GTK_WIDGET (dialog), FALSE, is_check_button, NULL);
  guint item = 0;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_widget_get_ancestor (g_ptr_array_index (checks, i), ADW_TYPE_EXPANDER_ROW) != NULL)
      gtk_check_button_set_active (g_ptr_array_index (checks, i), item++ < n);
  g_assert_cmpuint (item, ==, 8);
}

static void
test_dialog_marks_every_field (Fixture *f, gconstpointer data)
{
  TiReviewDialog *dialog = open_review (f, "Trauma-skilled practice");
  GtkWidget *approve = test_find_row (GTK_WIDGET (dialog), "_Approve");
  GtkWidget *changes = test_find_row (GTK_WIDGET (dialog), "Request _changes");
  GtkWidget *notes = test_find_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  GtkWidget *date = test_find_row (GTK_WIDGET (dialog), "Reviewed on (YYYY-MM-DD)");
  GtkWidget *checklist = test_find_row (GTK_WIDGET (dialog), "Comment");

  /* Nothing chosen and no date: both fields marked at once. */
  gtk_editable_set_text (GTK_EDITABLE (date), "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL));
  g_assert_cmpstr (message_after (changes, GTK_TYPE_LIST_BOX), ==,
                   "Choose whether to approve the session or ask for changes.");
  g_assert_true (gtk_widget_has_css_class (approve, "error"));
  g_assert_cmpstr (message_after (date, GTK_TYPE_LIST_BOX), ==, "Enter the date of the review.");
  g_assert_true (gtk_widget_has_css_class (date, "error"));

  /* Choosing an outcome takes its message away at once; typing a date takes the date's. */
  gtk_widget_activate (changes);
  g_assert_null (message_after (changes, GTK_TYPE_LIST_BOX));
  g_assert_false (gtk_widget_has_css_class (approve, "error"));
  gtk_editable_set_text (GTK_EDITABLE (date), "2023-06-30");
  g_assert_null (message_after (date, GTK_TYPE_LIST_BOX));
  g_assert_false (gtk_widget_has_css_class (date, "error"));

  /* Changes without notes, and a date in the future: both. */
  gtk_editable_set_text (GTK_EDITABLE (date), "2999-01-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL));
  g_assert_true (gtk_widget_has_css_class (notes, "error"));
  g_assert_cmpstr (message_after (notes, GTK_TYPE_FRAME), ==,
                   "Say in the notes what should change: notes are required when changes are "
                   "requested.");
  g_assert_cmpstr (message_after (date, GTK_TYPE_LIST_BOX), ==,
                   "The review date cannot be in the future.");

  /* Approving needs no notes: their message goes. Approving with nothing met is refused. */
  gtk_widget_activate (approve);
  g_assert_false (gtk_widget_has_css_class (notes, "error"));
  g_assert_null (message_after (notes, GTK_TYPE_FRAME));
  gtk_editable_set_text (GTK_EDITABLE (date), "2023-06-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL));
  g_assert_cmpstr (message_after (gtk_widget_get_ancestor (checklist, ADW_TYPE_EXPANDER_ROW),
                                  GTK_TYPE_LIST_BOX),
                   ==,
                   "No checklist item is ticked as met. Tick each item the session met; a session "
                   "that met none of them cannot be approved: ask for changes instead.");
  tick_items (dialog, 8);
  g_assert_null (message_after (gtk_widget_get_ancestor (checklist, ADW_TYPE_EXPANDER_ROW),
                                GTK_TYPE_LIST_BOX));
  g_assert_cmpint (test_count (database (f), "SELECT count(*) FROM reviews"), ==, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_wait_for_toplevel_gone (TI_TYPE_REVIEW_DIALOG);
}

static void
test_dialog_confirms_unmet (Fixture *f, gconstpointer data)
{
  TiReviewDialog *dialog = open_review (f, "Trauma-skilled practice");
  const char *heading = "Approve With 2 of 8 Checklist Items Not Met?";
  AdwMessageDialog *ask;

  /* Six of eight met: approving asks first, naming the two. */
  tick_items (dialog, 6);
  gtk_widget_activate (test_find_row (GTK_WIDGET (dialog), "_Approve"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL));
  ask = test_wait_for_dialog (heading);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask),
                            "Offered wellbeing support: opt-out and breaks made clear"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ask, "approve"), ==, "_Approve Anyway");

  /* Cancel (the button also closes the dialog): nothing recorded, the review still open. */
  adw_message_dialog_response (ask, "cancel");
  gtk_window_destroy (GTK_WINDOW (ask));
  test_iterate_a_while ();
  g_assert_nonnull (test_find_toplevel (TI_TYPE_REVIEW_DIALOG));
  g_assert_cmpint (test_count (database (f), "SELECT count(*) FROM reviews"), ==, 3);

  /* Approve anyway: recorded with the two not met. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL));
  ask = test_wait_for_dialog (heading);
  adw_message_dialog_response (ask, "approve");
  gtk_window_destroy (GTK_WINDOW (ask));
  test_wait_for_toplevel_gone (TI_TYPE_REVIEW_DIALOG);
  g_assert_cmpint (test_count (database (f), "SELECT count(*) FROM review_answers a"
                                             " JOIN reviews r ON r.id = a.review_id"
                                             " WHERE r.session_id = 1 AND r.outcome = 'approved'"
                                             " AND a.met = 0"), ==, 2);
  test_wait_for_text (GTK_WIDGET (f->window), "“Trauma-skilled practice” approved");
}

static void
test_back_for_review (Fixture *f, gconstpointer data)
{
  TiReviewDialog *dialog;

  /* The approved session's delivery was edited (before the audit log could say when). */
  test_wait_for_text (f->view, "Trauma-skilled schools");
  g_assert_cmpint (test_count (database (f), "UPDATE sessions SET review_status = 'awaiting'"
                                             " WHERE id = 4 RETURNING 1"), ==, 1);
  choose (f, "Review status", "Approved");
  test_wait_for_text (f->view, "No Approved Sessions Yet");
  choose (f, "Review status", "Awaiting review");

  /* The queue tells a re-review from a first one; the dialog says why it is back. */
  test_wait_for_text (f->view, "Re-review: approved 10 Mar 2023");
  test_wait_for_text (f->view, "First review");
  dialog = open_review (f, "Trauma-skilled housing");
  test_wait_for_text (GTK_WIDGET (dialog), "Approved on 10 Mar 2023; the delivery was edited "
                                           "afterwards, so it needs a fresh review.");
  g_assert_nonnull (test_find_shown (GTK_WIDGET (dialog), "Fidelity Checklist"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.cancel", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_REVIEW_DIALOG);
}

static void
test_dialog_shows_approved (Fixture *f, gconstpointer data)
{
  TiReviewDialog *dialog;

  /* An approved session opens with its history, says why it cannot be reviewed again, and
   * offers nothing to save. */
  test_wait_for_text (f->view, "Trauma-skilled schools");
  choose (f, "Review status", "Approved");
  dialog = open_review (f, "Trauma-skilled housing");
  test_wait_for_text (GTK_WIDGET (dialog), "“Trauma-skilled housing” is already approved. It "
                                           "comes back for review if its delivery is edited.");
  g_assert_null (test_find_shown (GTK_WIDGET (dialog), "Fidelity Checklist"));
  g_assert_null (test_find_button (GTK_WIDGET (dialog), "_Save Review"));
  g_assert_nonnull (test_find_button (GTK_WIDGET (dialog), "_Close"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL);
  g_assert_cmpint (test_count (database (f), "SELECT count(*) FROM reviews"), ==, 3);
  g_assert_nonnull (test_find_row (GTK_WIDGET (dialog), "Approved · 10 Mar 2023"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.cancel", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_REVIEW_DIALOG);
}

static void
test_checklist_preferences (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new ("org.somerset.TraumaInformed");
  TiPreferencesWindow *preferences
    = ti_preferences_window_new (GTK_WINDOW (f->window), database (f), settings);
  GtkWidget *page;
  GtkWidget *new_row;
  GtkWidget *undo;

  gtk_window_present (GTK_WINDOW (preferences));
  page = test_find_type (GTK_WIDGET (preferences), TI_TYPE_REVIEW_CHECKLIST_PAGE);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (page));

  /* A blank item is refused in words; a new one goes at the end. */
  new_row = test_find_row (page, "New item");
  g_assert_true (gtk_widget_activate_action (page, "checklist.add", NULL));
  g_assert_true (gtk_widget_has_css_class (new_row, "error"));
  test_wait_for_text (GTK_WIDGET (preferences), "Enter what the psychologist checks.");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (page, "New item")),
                         "Used strengths-based language");
  g_assert_true (gtk_widget_activate_action (page, "checklist.add", NULL));
  g_assert_nonnull (test_find_row (page, "9. Used strengths-based language"));

  /* Moved first. */
  g_assert_true (gtk_widget_activate_action (
    page, "checklist.move-up", "x",
    test_count (database (f), "SELECT id FROM fidelity_items WHERE position = 9")));
  g_assert_nonnull (test_find_row (page, "8. Used strengths-based language"));

  /* Removing an item past reviews answered retires it, and Undo puts it back. */
  g_assert_true (gtk_widget_activate_action (page, "checklist.remove", "x", (gint64) 7));
  g_assert_cmpint (test_count (database (f), "SELECT retired FROM fidelity_items WHERE id = 7"),
                   ==, 1);
  test_wait_for_text (GTK_WIDGET (preferences), "Retired Items");
  undo = test_find_button (GTK_WIDGET (preferences), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpint (test_count (database (f), "SELECT retired FROM fidelity_items WHERE id = 7"),
                   ==, 0);
  g_assert_cmpint (test_count (database (f), "SELECT position FROM fidelity_items WHERE id = 7"),
                   ==, 7);

  gtk_window_destroy (GTK_WINDOW (preferences));
  test_iterate_a_while ();
}

int
main (int argc, char *argv[])
{
  test_widget_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("queue-oldest-first", test_queue);
  ADD ("filters", test_filters);
  ADD ("narrow-columns", test_narrow_columns);
  ADD ("dialog-records-approval", test_dialog_records_approval);
  ADD ("dialog-needs-notes-for-changes", test_dialog_needs_notes);
  ADD ("dialog-marks-every-field", test_dialog_marks_every_field);
  ADD ("dialog-confirms-unmet", test_dialog_confirms_unmet);
  ADD ("back-for-review", test_back_for_review);
  ADD ("dialog-shows-approved", test_dialog_shows_approved);
  ADD ("checklist-preferences", test_checklist_preferences);
#undef ADD

  return test_widget_finish (g_test_run ());
}
