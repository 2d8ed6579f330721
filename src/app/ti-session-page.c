/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-session-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-register-editor.h"
#include "ti-register.h"
#include "ti-session-page.h"
#include "ti-sessions.h"

/**
 * TiSessionPage:
 *
 * One Tier 2 or 3 session: what, when and who facilitated; what needs a look (the register's
 * warnings, in words); its register in figures (the mean change in confidence first); and
 * the register itself, edited in place. Its figures and warnings follow every change to the
 * register, after which it emits #TiSessionPage::changed.
 */
struct _TiSessionPage
{
  GtkWidget parent_instance;

  TiDatabase *database;
  TiSession *session;

  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkWidget *warnings_box;
  GtkListBox *warnings_list;
  GtkLabel *change_value;
  GtkLabel *change_label;
  GtkLabel *attended_value;
  GtkLabel *completed_value;
  GtkLabel *feedback_value;
  GtkLabel *feedback_label;
  GtkLabel *figures_note;
  AdwActionRow *status_value;
  AdwActionRow *review_value;
  AdwActionRow *host_value;
  AdwActionRow *venue_value;
  AdwActionRow *capacity_value;
  AdwActionRow *facilitators_value;
  TiRegisterEditor *register_editor;
};

G_DEFINE_FINAL_TYPE (TiSessionPage, ti_session_page, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_duration (int minutes)
{
  int hours = minutes / 60, rest = minutes % 60;

  if (hours == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes),
                            minutes);
  if (rest == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", hours), hours);
  /* Translators: a length of time, "1 h 30 min" */
  return g_strdup_printf (_("%d h %d min"), hours, rest);
}

static char *
format_mean (double mean)
{
  return isnan (mean) ? g_strdup ("—") : ti_format_decimal (mean, 1, FALSE);
}

static void
set_fact (AdwActionRow *row, const char *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : "—");
}

static void
show_facts (TiSessionPage *self)
{
  TiSession *s = self->session;
  GPtrArray *facilitators = ti_session_get_facilitators (s);
  g_autoptr (GString) who = g_string_new (NULL);
  g_autofree char *when = NULL;
  g_autofree char *duration = format_duration (ti_session_get_duration (s));
  g_autofree char *subtitle = NULL;
  g_autofree char *capacity = NULL;

  g_object_get (s, "when", &when, NULL);
  /* Translators: tier, date and time, length and mode: "Tier 2 · 12 Sep 2023, 09:30 · 3 hours
   * · In person" */
  subtitle = g_strdup_printf (_("Tier %d · %s · %s · %s"), ti_session_get_tier (s), when,
                              duration, ti_session_get_mode (s));
  gtk_label_set_text (self->title_label, ti_session_get_title (s));
  gtk_label_set_text (self->subtitle_label, subtitle);

  set_fact (self->status_value, ti_session_status_label (ti_session_get_status (s)));
  set_fact (self->review_value, ti_review_status_label (ti_session_get_review_status (s)));
  set_fact (self->host_value, ti_session_get_host_organisation (s));
  set_fact (self->venue_value, ti_session_get_venue (s));
  if (ti_session_get_capacity (s) > 0)
    capacity = ti_format_count (ti_session_get_capacity (s));
  set_fact (self->capacity_value, capacity ? capacity : _("No limit"));
  for (guint i = 0; i < facilitators->len; i++)
    {
      TiFacilitator *f = g_ptr_array_index (facilitators, i);

      g_string_append_printf (who, i ? "\n%s (%s)" : "%s (%s)", f->name,
                              ti_facilitator_kind_label (f->kind));
    }
  set_fact (self->facilitators_value, who->str);
}

static void
show_figures (TiSessionPage *self, const TiRegisterSummary *s)
{
  g_autofree char *change = ti_format_confidence_change (s->mean_change);
  g_autofree char *change_label = NULL;
  g_autofree char *attended = NULL;
  g_autofree char *completed = NULL;
  g_autofree char *feedback = format_mean (s->feedback_mean);
  g_autofree char *feedback_label = NULL;
  g_autofree char *before = ti_format_confidence (s->mean_before);
  g_autofree char *after = ti_format_confidence (s->mean_after);
  g_autofree char *note = NULL;

  change_label = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "Mean confidence change (%u person with both scores)",
                 "Mean confidence change (%u people with both scores)", s->paired),
    s->paired);
  /* Translators: "4 of 5": of the people on the register */
  attended = g_strdup_printf (_("%u of %u"), s->attended, s->registered);
  completed = g_strdup_printf (_("%u of %u"), s->completed, s->registered);
  feedback_label = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "Mean feedback (%u rating)", "Mean feedback (%u ratings)",
                 s->feedback_count),
    s->feedback_count);
  if (s->paired == 0)
    note = g_strdup (_("No confidence scores yet: record them before and after for the people "
                       "who attended."));
  else
    note = g_strdup_printf (_("Mean confidence %s before and %s after, on a scale of 1 to 5, "
                              "of those who attended with both scores; %u of %u of them "
                              "improved."),
                            before, after, s->improved, s->paired);

  gtk_label_set_text (self->change_value, change);
  gtk_label_set_text (self->change_label, change_label);
  gtk_label_set_text (self->attended_value, attended);
  gtk_label_set_text (self->completed_value, completed);
  gtk_label_set_text (self->feedback_value, feedback);
  gtk_label_set_text (self->feedback_label, feedback_label);
  gtk_label_set_text (self->figures_note, note);
}

static GtkWidget *
warning_row_new (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Warning"), -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_warnings (TiSessionPage *self, GPtrArray *warnings)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);
  for (guint i = 0; i < warnings->len; i++)
    gtk_list_box_append (self->warnings_list, warning_row_new (g_ptr_array_index (warnings, i)));
  gtk_widget_set_visible (self->warnings_box, warnings->len > 0);
}

/* Reads the session, its figures and its warnings again: another session from its top, the
 * same one where the person had scrolled to. */
static gboolean
refresh (TiSessionPage *self, gint64 session_id, GError **error)
{
  g_autoptr (TiSession) session = ti_sessions_get (self->database, session_id, error);
  g_autoptr (GPtrArray) warnings = NULL;
  TiRegisterSummary summary;
  gboolean another = self->session == NULL || ti_session_get_id (self->session) != session_id;

  if (session == NULL || !ti_register_get_summary (self->database, session_id, &summary, error))
    return FALSE;
  warnings = ti_register_get_warnings (self->database, session_id, error);
  if (warnings == NULL)
    return FALSE;
  g_set_object (&self->session, session);
  show_facts (self);
  show_figures (self, &summary);
  show_warnings (self, warnings);
  if (another)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

static void
register_changed_cb (TiSessionPage *self)
{
  g_autoptr (GError) error = NULL;

  if (self->session != NULL && !refresh (self, ti_session_get_id (self->session), &error))
    ti_feedback_show_message (GTK_WIDGET (self), _("The Session Could Not Be Shown"),
                              error->message);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * ti_session_page_show:
 * @database: the open programme
 * @session_id: the session
 *
 * Shows the session, read again from @database with its register (quick: one session):
 * another session from its top, the one shown again where it was scrolled to.
 *
 * Returns: %FALSE with @error set when it could not be read (or is no longer there)
 */
gboolean
ti_session_page_show (TiSessionPage *self, TiDatabase *database, gint64 session_id,
                      GError **error)
{
  g_return_val_if_fail (TI_IS_SESSION_PAGE (self), FALSE);
  g_return_val_if_fail (TI_IS_DATABASE (database), FALSE);

  if (database != self->database)
    g_clear_object (&self->session); /* another programme: another session, whatever its id */
  g_set_object (&self->database, database);
  return refresh (self, session_id, error)
         && ti_register_editor_show (self->register_editor, database, self->session, error);
}

/**
 * ti_session_page_get_session:
 *
 * Returns: (transfer none) (nullable): the session shown, as last read
 */
TiSession *
ti_session_page_get_session (TiSessionPage *self)
{
  g_return_val_if_fail (TI_IS_SESSION_PAGE (self), NULL);
  return self->session;
}

static void
ti_session_page_dispose (GObject *object)
{
  TiSessionPage *self = TI_SESSION_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->database);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_SESSION_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_session_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TiSessionPage, name)

static void
ti_session_page_class_init (TiSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_session_page_dispose;

  /**
   * TiSessionPage::changed:
   *
   * The session's register was changed (and saved).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TI_TYPE_REGISTER_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-session-page.ui");
  BIND (scroller);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (warnings_box);
  BIND (warnings_list);
  BIND (change_value);
  BIND (change_label);
  BIND (attended_value);
  BIND (completed_value);
  BIND (feedback_value);
  BIND (feedback_label);
  BIND (figures_note);
  BIND (status_value);
  BIND (review_value);
  BIND (host_value);
  BIND (venue_value);
  BIND (capacity_value);
  BIND (facilitators_value);
  BIND (register_editor);
  gtk_widget_class_bind_template_callback (widget_class, register_changed_cb);
}

static void
ti_session_page_init (TiSessionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
