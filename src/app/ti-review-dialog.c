/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-review-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ti-fidelity.h"
#include "ti-format.h"
#include "ti-review-context.h"
#include "ti-review-dialog.h"
#include "ti-session.h"

/* Each facilitator's history lists at most this many reviews; the figures count them all. */
#define HISTORY_LIMIT 20

/**
 * TiReviewDialog:
 *
 * The psychologist reviews one delivered session: its facts, its register and feedback,
 * the fidelity checklist (met or not, with a comment), the outcome with notes, who reviewed
 * it and when; beside the earlier reviews of the session and of each facilitator. What it
 * shows is read in a worker thread. A session that cannot be reviewed now (an approved one)
 * is shown with its history and says why; one back for review after its delivery was edited
 * says that too. Saving marks every field the core refuses at once, each message going as
 * soon as its field changes; approving with checklist items not met asks first.
 */
struct _TiReviewDialog
{
  TiEditorWindow parent_instance;

  TiDatabase *database;
  gint64 session_id;
  GCancellable *cancellable;
  TiReviewContext *context;
  GPtrArray *checks;   /* a GtkCheckButton for each checklist item, in order */
  GPtrArray *comments; /* an AdwEntryRow for each checklist item, in order */
  char *reviewer_error; /* the reviewer and the date share one message: each one's part */
  char *date_error;
  gboolean unmet_confirmed; /* the psychologist chose to approve with items not met */

  GtkButton *cancel_button;
  GtkWidget *save_button;
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkLabel *general_message;
  GtkLabel *back_for_review_label;
  AdwPreferencesGroup *session_group;
  AdwPreferencesGroup *register_group;
  GtkLabel *not_reviewable_label;
  GtkWidget *review_box;
  AdwPreferencesGroup *checklist_group;
  GtkLabel *checklist_message;
  AdwActionRow *approve_row;
  GtkCheckButton *approve_check;
  GtkCheckButton *changes_check;
  GtkLabel *outcome_message;
  GtkTextView *notes_view;
  GtkLabel *notes_message;
  AdwComboRow *reviewer_row;
  AdwEntryRow *date_row;
  GtkLabel *reviewer_message;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *facilitators_group;
};

G_DEFINE_FINAL_TYPE (TiReviewDialog, ti_review_dialog, TI_TYPE_EDITOR_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Rows ------------------------------------------------------------------------------------- */

static GtkWidget *
info_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
add_info_row (AdwPreferencesGroup *group, const char *title, const char *subtitle)
{
  adw_preferences_group_add (group, info_row (title, subtitle));
}

static GtkWidget *
expander_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  return row;
}

/* "Approved · 10 Mar 2023" */
static char *
outcome_on (const TiReviewEntry *entry)
{
  g_autofree char *date = ti_format_date (entry->reviewed_on);

  /* Translators: a review's outcome and its date */
  return g_strdup_printf (_("%s · %s"), ti_review_outcome_label (entry->outcome), date);
}

/* The notes, and each item not met with its comment, one per line. */
static char *
entry_details (const TiReviewEntry *entry)
{
  g_autoptr (GString) text = g_string_new (entry->notes);

  for (guint i = 0; i < entry->unmet->len; i++)
    {
      TiReviewUnmet *unmet = g_ptr_array_index (entry->unmet, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (unmet->comment != NULL)
        /* Translators: a checklist item a review found not met, and the reviewer's comment */
        g_string_append_printf (text, _("Not met: %s — %s"), unmet->item, unmet->comment);
      else
        g_string_append_printf (text, _("Not met: %s"), unmet->item);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The session and its register ------------------------------------------------------------ */

static char *
duration_in_words (int minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", minutes / 60),
                            minutes / 60);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes),
                          minutes);
}

static void
fill_session (TiReviewDialog *self, const TiReviewContext *c)
{
  g_autofree char *date = ti_format_date (c->starts_at);
  g_autofree char *duration = duration_in_words (c->duration_minutes);
  g_autofree char *when = NULL;
  g_autofree char *title = g_strdup_printf (_("Tier %d: %s"), c->tier, c->title);

  /* Translators: date, start time, how long, and in person or online */
  when = g_strdup_printf (_("%s at %s · %s · %s"), date,
                          strlen (c->starts_at) > 11 ? c->starts_at + 11 : "", duration,
                          ti_session_mode_label (c->mode_key));
  add_info_row (self->session_group, title, when);
  add_info_row (self->session_group, _("Host"), c->host ? c->host : _("No host recorded"));
  if (c->venue != NULL && *c->venue != '\0')
    add_info_row (self->session_group, _("Venue"), c->venue);
  if (c->facilitators->len == 0)
    add_info_row (self->session_group, _("Facilitators"), _("None recorded"));
  for (guint i = 0; i < c->facilitators->len; i++)
    {
      TiReviewPerson *person = g_ptr_array_index (c->facilitators, i);
      /* Translators: how a person facilitated the session: coordinator, psychologist, champion */
      g_autofree char *as = g_strdup_printf (_("Facilitator · %s"), person->kind);
      add_info_row (self->session_group, person->name, as);
    }
}

static void
fill_register (TiReviewDialog *self, const TiRegisterSummary *s)
{
  g_autofree char *attendance = NULL;
  g_autofree char *confidence = NULL;
  g_autofree char *feedback = NULL;

  if (s->registered == 0)
    attendance = g_strdup (_("Nobody is on the register"));
  else
    /* Translators: "12 of 14 on the register attended; 11 completed" */
    attendance = g_strdup_printf (_("%u of %u on the register attended; %u completed"),
                                  s->attended, s->registered, s->completed);
  add_info_row (self->register_group, _("Attendance"), attendance);

  if (s->paired == 0)
    confidence = g_strdup (_("No attendee scored their confidence both before and after"));
  else
    {
      /* As the session page shows them: one formatting for every confidence figure. */
      g_autofree char *before = ti_format_confidence (s->mean_before);
      g_autofree char *after = ti_format_confidence (s->mean_after);
      g_autofree char *change = ti_format_confidence_change (s->mean_change);

      /* Translators: mean confidence scores out of 5, the mean change, how many improved */
      confidence = g_strdup_printf (_("%s before, %s after; a mean change of %s, with %u of %u "
                                      "improving"),
                                    before, after, change, s->improved, s->paired);
    }
  add_info_row (self->register_group, _("Confidence (1–5)"), confidence);

  if (s->feedback_count == 0)
    feedback = g_strdup (_("No feedback recorded"));
  else
    {
      g_autofree char *mean = ti_format_decimal (s->feedback_mean, 1, FALSE);

      feedback = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A mean of %s from %u attendee",
                                               "A mean of %s from %u attendees",
                                               s->feedback_count),
                                  mean, s->feedback_count);
    }
  add_info_row (self->register_group, _("Feedback (1–5)"), feedback);
}

/* The form --------------------------------------------------------------------------------- */

static void
field_changed_cb (TiReviewDialog *self)
{
  ti_editor_window_mark_changed (TI_EDITOR_WINDOW (self));
}

/* The reviewer's and the date's messages, one under the other. */
static void
show_reviewer_errors (TiReviewDialog *self)
{
  TiEditorWindow *window = TI_EDITOR_WINDOW (self);
  g_autofree char *both = NULL;

  ti_editor_window_clear_error (window, NULL, self->reviewer_message);
  if (self->reviewer_error != NULL && self->date_error != NULL)
    both = g_strdup_printf ("%s\n%s", self->reviewer_error, self->date_error);
  else
    both = g_strdup (self->reviewer_error != NULL ? self->reviewer_error : self->date_error);
  if (both != NULL)
    ti_editor_window_show_error (window, NULL, self->reviewer_message, both, FALSE);
}

static void
clear_reviewer_error (TiReviewDialog *self)
{
  g_clear_pointer (&self->reviewer_error, g_free);
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), GTK_WIDGET (self->reviewer_row), NULL);
  show_reviewer_errors (self);
}

static void
clear_date_error (TiReviewDialog *self)
{
  g_clear_pointer (&self->date_error, g_free);
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), GTK_WIDGET (self->date_row), NULL);
  show_reviewer_errors (self);
}

/* Once someone is chosen, the row shows them instead of asking, and its message goes. */
static void
reviewer_selected_cb (TiReviewDialog *self)
{
  if (adw_combo_row_get_selected (self->reviewer_row) != GTK_INVALID_LIST_POSITION)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->reviewer_row), NULL);
  clear_reviewer_error (self);
  field_changed_cb (self);
}

static void
date_changed_cb (TiReviewDialog *self)
{
  clear_date_error (self);
  field_changed_cb (self);
}

/* Choosing an outcome answers its message; approving needs no notes, so theirs goes too. */
static void
outcome_toggled_cb (TiReviewDialog *self)
{
  TiEditorWindow *window = TI_EDITOR_WINDOW (self);

  ti_editor_window_clear_error (window, GTK_WIDGET (self->approve_row), self->outcome_message);
  if (gtk_check_button_get_active (self->approve_check))
    ti_editor_window_clear_error (window, GTK_WIDGET (self->notes_view), self->notes_message);
  /* Ticking nothing met is a problem of approving only. */
  if (gtk_check_button_get_active (self->changes_check))
    ti_editor_window_clear_error (window, NULL, self->checklist_message);
  field_changed_cb (self);
}

static void
notes_changed_cb (TiReviewDialog *self)
{
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), GTK_WIDGET (self->notes_view),
                                self->notes_message);
  field_changed_cb (self);
}

static void
check_toggled_cb (TiReviewDialog *self)
{
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), NULL, self->checklist_message);
  field_changed_cb (self);
}

static void
fill_checklist (TiReviewDialog *self, GPtrArray *items)
{
  if (items->len == 0)
    add_info_row (self->checklist_group, _("The checklist has no items"),
                  _("Add them in Preferences, under Review Checklist."));
  for (guint i = 0; i < items->len; i++)
    {
      TiFidelityItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = expander_row (item->text, NULL);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *comment = adw_entry_row_new ();
      g_autofree char *label = g_strdup_printf (_("Met: %s"), item->text);

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_widget_set_tooltip_text (check, _("Met"));
      g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment), _("Comment"));
      g_signal_connect_object (comment, "changed", G_CALLBACK (field_changed_cb), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), comment);

      adw_preferences_group_add (self->checklist_group, row);
      g_ptr_array_add (self->checks, check);
      g_ptr_array_add (self->comments, comment);
    }
}

static void
fill_reviewers (TiReviewDialog *self, const TiReviewContext *c)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < c->reviewers->len; i++)
    {
      TiReviewPerson *person = g_ptr_array_index (c->reviewers, i);

      if (person->id == c->default_reviewer_id)
        selected = i;
      gtk_string_list_append (names, person->name);
    }
  adw_combo_row_set_model (self->reviewer_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->reviewer_row, selected);
  if (c->reviewers->len == 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->reviewer_row),
                                   _("Nobody in the programme is recorded as a psychologist: set "
                                     "the psychologist’s role in their profile first."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->reviewer_row), FALSE);
    }
  else if (selected == GTK_INVALID_LIST_POSITION)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->reviewer_row),
                                 _("Choose the psychologist who reviewed the session"));
}

/* Histories -------------------------------------------------------------------------------- */

static void
fill_session_history (TiReviewDialog *self, GPtrArray *history)
{
  if (history->len == 0)
    add_info_row (self->history_group, _("Not reviewed before"), NULL);
  for (guint i = 0; i < history->len; i++)
    {
      TiReviewEntry *entry = g_ptr_array_index (history, i);
      g_autofree char *title = outcome_on (entry);
      g_autofree char *by = g_strdup_printf (_("By %s"), entry->reviewer ? entry->reviewer
                                                                       : _("a former reviewer"));
      GtkWidget *row = expander_row (title, by);

      if (entry->notes != NULL)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), info_row (_("Notes"), entry->notes));
      if (entry->unmet->len == 0)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  info_row (_("Every checklist item met"), NULL));
      for (guint j = 0; j < entry->unmet->len; j++)
        {
          TiReviewUnmet *unmet = g_ptr_array_index (entry->unmet, j);
          g_autofree char *item = g_strdup_printf (_("Not met: %s"), unmet->item);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), info_row (item, unmet->comment));
        }
      adw_preferences_group_add (self->history_group, row);
    }
}

static char *
facilitator_summary (const TiReviewPerson *person, const TiFacilitatorReviews *h)
{
  g_autofree char *rate = NULL;
  g_autofree char *reviews = NULL;

  if (h->reviews == 0 || isnan (h->approval_rate))
    reviews = g_strdup (_("No reviews yet"));
  else
    {
      rate = ti_format_decimal (h->approval_rate * 100, 0, FALSE);
      /* Translators: "2 reviews, 50% approved" */
      reviews = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u review, %s%% approved",
                                              "%u reviews, %s%% approved", h->reviews),
                                 h->reviews, rate);
    }
  /* Translators: a facilitator's kind, and their reviews */
  return g_strdup_printf (_("%s · %s"), person->kind, reviews);
}

static void
fill_facilitator_histories (TiReviewDialog *self, const TiReviewContext *c)
{
  if (c->facilitators->len == 0)
    add_info_row (self->facilitators_group, _("No facilitators recorded"), NULL);
  for (guint i = 0; i < c->facilitators->len; i++)
    {
      TiReviewPerson *person = g_ptr_array_index (c->facilitators, i);
      TiFacilitatorReviews *h = g_ptr_array_index (c->facilitator_histories, i);
      g_autofree char *summary = facilitator_summary (person, h);
      GtkWidget *row = expander_row (person->name, summary);

      for (guint j = 0; j < h->entries->len; j++)
        {
          TiReviewEntry *entry = g_ptr_array_index (h->entries, j);
          g_autofree char *outcome = outcome_on (entry);
          g_autofree char *title = g_strdup_printf (_("%s · %s"), outcome, entry->session_title);
          g_autofree char *details = entry_details (entry);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), info_row (title, details));
        }
      if (h->reviews > h->entries->len)
        {
          guint more = h->reviews - h->entries->len;
          g_autofree char *text = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "And %u earlier review", "And %u earlier reviews", more),
            more);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), info_row (text, NULL));
        }
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), h->entries->len > 0);
      adw_preferences_group_add (self->facilitators_group, row);
    }
}

static void
context_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiReviewDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  TiReviewContext *c = ti_reviews_get_context_finish (result, &error);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = NULL;
  GDate day;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  if (c == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_button_set_label (self->cancel_button, _("_Close"));
      gtk_widget_set_visible (self->save_button, FALSE);
      return;
    }
  self->context = c;

  fill_session (self, c);
  fill_register (self, &c->summary);
  fill_checklist (self, c->items);
  fill_reviewers (self, c);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  today = ti_date_to_iso (&day);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  fill_session_history (self, c->history);
  fill_facilitator_histories (self, c);
  if (c->back_for_review != NULL)
    {
      gtk_label_set_text (self->back_for_review_label, c->back_for_review);
      gtk_widget_set_visible (GTK_WIDGET (self->back_for_review_label), TRUE);
    }

  if (c->not_reviewable != NULL)
    {
      gtk_label_set_text (self->not_reviewable_label, c->not_reviewable);
      gtk_widget_set_visible (GTK_WIDGET (self->not_reviewable_label), TRUE);
      gtk_widget_set_visible (self->review_box, FALSE);
      gtk_widget_set_visible (self->save_button, FALSE);
      gtk_button_set_label (self->cancel_button, _("_Close"));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", c->not_reviewable == NULL);
  gtk_stack_set_visible_child_name (self->stack, "form");
  /* Filling the fields is no change. */
  ti_editor_window_set_changed (TI_EDITOR_WINDOW (self), FALSE);
}

/* Saving ----------------------------------------------------------------------------------- */

static void
clear_messages (TiReviewDialog *self)
{
  TiEditorWindow *window = TI_EDITOR_WINDOW (self);

  ti_editor_window_clear_error (window, NULL, self->general_message);
  ti_editor_window_clear_error (window, NULL, self->checklist_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->approve_row), self->outcome_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->notes_view), self->notes_message);
  clear_reviewer_error (self);
  clear_date_error (self);
}

/* Marks the field @problem names, and puts its message under it; focus goes to the first. */
static void
show_problem (TiReviewDialog *self, const GError *problem, gboolean focus)
{
  TiEditorWindow *window = TI_EDITOR_WINDOW (self);
  GtkLabel *label = self->general_message;
  GtkWidget *row = NULL;

  if (problem->domain == TI_REVIEWS_ERROR)
    switch (problem->code)
      {
      case TI_REVIEWS_ERROR_REVIEWER:
        g_free (self->reviewer_error);
        self->reviewer_error = g_strdup (problem->message);
        ti_editor_window_show_error (window, GTK_WIDGET (self->reviewer_row), NULL,
                                     problem->message, focus);
        show_reviewer_errors (self);
        return;
      case TI_REVIEWS_ERROR_DATE:
        g_free (self->date_error);
        self->date_error = g_strdup (problem->message);
        ti_editor_window_show_error (window, GTK_WIDGET (self->date_row), NULL, problem->message,
                                     focus);
        show_reviewer_errors (self);
        return;
      case TI_REVIEWS_ERROR_OUTCOME:
        label = self->outcome_message, row = GTK_WIDGET (self->approve_row);
        break;
      case TI_REVIEWS_ERROR_NOTES:
        label = self->notes_message, row = GTK_WIDGET (self->notes_view);
        break;
      case TI_REVIEWS_ERROR_CHECKLIST:
      case TI_REVIEWS_ERROR_NOTHING_MET:
        label = self->checklist_message;
        break;
      default:
        break;
      }
  ti_editor_window_show_error (window, row, label, problem->message, focus);
}

static char *
notes_text (TiReviewDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Whether an outcome is chosen, and which. */
static gboolean
chosen_outcome (TiReviewDialog *self, TiReviewOutcome *outcome)
{
  if (gtk_check_button_get_active (self->approve_check))
    *outcome = TI_REVIEW_OUTCOME_APPROVED;
  else if (gtk_check_button_get_active (self->changes_check))
    *outcome = TI_REVIEW_OUTCOME_CHANGES_REQUESTED;
  else
    return FALSE;
  return TRUE;
}

static gboolean
save_confirmed (gpointer data)
{
  g_autoptr (TiReviewDialog) self = data;

  self->unmet_confirmed = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self), "review.save", NULL);
  self->unmet_confirmed = FALSE;
  return G_SOURCE_REMOVE;
}

static void
unmet_response_cb (TiReviewDialog *self, const char *response)
{
  /* Saved once the question has closed: saving closes this window, its parent. */
  if (g_str_equal (response, "approve"))
    g_idle_add (save_confirmed, g_object_ref (self));
}

/* Approving says the session was delivered as intended: with items not met, that is the
 * psychologist's call to make knowingly, so they are named and asked. (With none met, the
 * core refuses.) Returns whether it asked. */
static gboolean
ask_about_unmet (TiReviewDialog *self, const TiReviewEdit *edit)
{
  g_autoptr (GString) items = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint unmet = 0;
  AdwMessageDialog *dialog;

  if (self->unmet_confirmed || edit->outcome != TI_REVIEW_OUTCOME_APPROVED)
    return FALSE;
  for (guint i = 0; i < edit->n_answers; i++)
    if (!edit->answers[i].met)
      {
        TiFidelityItem *item = g_ptr_array_index (self->context->items, i);
        g_string_append_printf (items, "\n• %s", item->text);
        unmet++;
      }
  if (unmet == 0)
    return FALSE;

  /* Translators: "Approve With 2 of 8 Checklist Items Not Met?" */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Approve With %u of %u Checklist Items Not Met?",
                                          "Approve With %u of %u Checklist Items Not Met?",
                                          edit->n_answers),
                             unmet, edit->n_answers);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This item is not ticked as met:%s\n\nThe facilitators "
                                       "see it in the review. Tick it if the session met it, or "
                                       "ask for changes.",
                                       "These items are not ticked as met:%s\n\nThe "
                                       "facilitators see them in the review. Tick those the "
                                       "session met, or ask for changes.",
                                       unmet),
                          items->str);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "approve",
                                    _("_Approve Anyway"), NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unmet_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
ti_review_dialog_save (TiEditorWindow *window)
{
  TiReviewDialog *self = TI_REVIEW_DIALOG (window);
  TiReviewContext *c = self->context;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GArray) answers = g_array_new (FALSE, FALSE, sizeof (TiReviewAnswer));
  g_autofree char *notes = notes_text (self);
  g_autofree char *message = NULL;
  guint reviewer = adw_combo_row_get_selected (self->reviewer_row);
  TiReviewEdit edit = { 0 };

  if (c == NULL || c->not_reviewable != NULL)
    return FALSE;
  clear_messages (self);
  for (guint i = 0; i < c->items->len; i++)
    {
      TiFidelityItem *item = g_ptr_array_index (c->items, i);
      TiReviewAnswer answer = {
        .item_id = item->id,
        .met = gtk_check_button_get_active (g_ptr_array_index (self->checks, i)),
        .comment = gtk_editable_get_text (g_ptr_array_index (self->comments, i)),
      };
      g_array_append_val (answers, answer);
    }
  edit.session_id = self->session_id;
  edit.reviewer_id = reviewer < c->reviewers->len
                       ? ((TiReviewPerson *) g_ptr_array_index (c->reviewers, reviewer))->id
                       : 0;
  edit.reviewed_on = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  edit.decided = chosen_outcome (self, &edit.outcome);
  edit.notes = notes;
  edit.answers = (const TiReviewAnswer *) answers->data;
  edit.n_answers = answers->len;

  /* Every field at fault is marked at once. */
  problems = ti_reviews_validate_all (self->database, &edit, &error);
  if (problems == NULL)
    {
      show_problem (self, error, TRUE);
      return FALSE;
    }
  for (guint i = 0; i < problems->len; i++)
    show_problem (self, g_ptr_array_index (problems, i), i == 0);
  if (problems->len > 0 || ask_about_unmet (self, &edit))
    return FALSE;

  if (!ti_reviews_record (self->database, &edit, NULL, &error))
    {
      show_problem (self, error, TRUE);
      return FALSE;
    }
  if (edit.outcome == TI_REVIEW_OUTCOME_APPROVED)
    message = g_strdup_printf (_("“%s” approved"), c->title);
  else
    message = g_strdup_printf (_("Changes requested for “%s”"), c->title);
  g_signal_emit (self, signals[SAVED], 0, message);
  return TRUE;
}

/* Life ------------------------------------------------------------------------------------- */

/**
 * ti_review_dialog_new:
 * @database: the open programme
 * @session_id: the session to review
 *
 * Returns: (transfer none): a new dialog; it emits ::saved with a sentence saying what was
 *   recorded, then closes.
 */
TiReviewDialog *
ti_review_dialog_new (TiDatabase *database, gint64 session_id)
{
  TiReviewDialog *self = g_object_new (TI_TYPE_REVIEW_DIALOG, NULL);

  self->database = g_object_ref (database);
  self->session_id = session_id;
  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  ti_reviews_get_context_async (ti_database_get_path (database), session_id, HISTORY_LIMIT,
                                self->cancellable, context_loaded_cb, g_object_ref (self));
  return self;
}

static void
ti_review_dialog_dispose (GObject *object)
{
  TiReviewDialog *self = TI_REVIEW_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_pointer (&self->context, ti_review_context_free);

  G_OBJECT_CLASS (ti_review_dialog_parent_class)->dispose (object);
}

static void
ti_review_dialog_finalize (GObject *object)
{
  TiReviewDialog *self = TI_REVIEW_DIALOG (object);

  g_ptr_array_unref (self->checks);
  g_ptr_array_unref (self->comments);
  g_free (self->reviewer_error);
  g_free (self->date_error);

  G_OBJECT_CLASS (ti_review_dialog_parent_class)->finalize (object);
}

static void
ti_review_dialog_class_init (TiReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiEditorWindowClass *editor_class = TI_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = ti_review_dialog_dispose;
  object_class->finalize = ti_review_dialog_finalize;
  editor_class->save = ti_review_dialog_save;

  /**
   * TiReviewDialog::saved:
   * @message: what was recorded, in words, for a toast
   *
   * The review was recorded.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, general_message);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, back_for_review_label);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, session_group);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, register_group);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, not_reviewable_label);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, review_box);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, checklist_message);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, approve_row);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, approve_check);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, changes_check);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, outcome_message);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, notes_message);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, reviewer_message);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, history_group);
  gtk_widget_class_bind_template_child (widget_class, TiReviewDialog, facilitators_group);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reviewer_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_toggled_cb);

  ti_editor_window_class_install_actions (editor_class, "review");
}

static void
ti_review_dialog_init (TiReviewDialog *self)
{
  self->checks = g_ptr_array_new ();
  self->comments = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
}
