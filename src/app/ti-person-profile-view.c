/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-person-profile-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-format.h"
#include "ti-person-profile-view.h"
#include "ti-vocabulary.h"

/**
 * TiPersonProfileView:
 *
 * One person's profile, read-only: organisation and role, contact details (only with
 * consent), champion status, tier progression, their sessions and events, their
 * organisation's charter adoption, professional notes and the consent record.
 */
struct _TiPersonProfileView
{
  GtkWidget parent_instance;

  /* Rows added for the current profile's history, to remove on the next one. */
  GPtrArray *history_rows;

  GtkScrolledWindow *scroller;
  GtkLabel *name_label;
  GtkLabel *summary_label;
  AdwActionRow *organisation_row;
  AdwActionRow *job_title_row;
  AdwActionRow *locality_row;
  AdwActionRow *charter_row;
  AdwActionRow *email_row;
  AdwActionRow *champion_since_row;
  AdwActionRow *status_row;
  AdwActionRow *tier1_row;
  AdwActionRow *tier2_row;
  AdwActionRow *tier3_row;
  AdwPreferencesGroup *attended_group;
  AdwPreferencesGroup *facilitated_group;
  AdwPreferencesGroup *events_group;
  AdwActionRow *notes_row;
  AdwActionRow *contact_consent_row;
  AdwActionRow *directory_consent_row;
};

G_DEFINE_FINAL_TYPE (TiPersonProfileView, ti_person_profile_view, GTK_TYPE_WIDGET)

static const char *
or_none (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("Not recorded");
}

static char *
date_or_not_yet (const char *iso_date)
{
  return iso_date != NULL ? ti_format_date (iso_date) : g_strdup (_("Not yet"));
}

/* "Given on 3 Feb 2023, by sign-up form", or "Not given". */
static char *
consent_text (gboolean given, const char *on, const char *how)
{
  g_autofree char *date = on != NULL ? ti_format_date (on) : NULL;

  if (!given)
    return g_strdup (_("Not given"));
  if (date != NULL && how != NULL && *how != '\0')
    return g_strdup_printf (_("Given on %s, by %s"), date, how);
  if (date != NULL)
    return g_strdup_printf (_("Given on %s"), date);
  if (how != NULL && *how != '\0')
    return g_strdup_printf (_("Given by %s"), how);
  return g_strdup (_("Given"));
}

static const char *
facilitator_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "coordinator") == 0)
    return _("as coordinator");
  if (g_strcmp0 (kind, "psychologist") == 0)
    return _("as psychologist");
  if (g_strcmp0 (kind, "champion") == 0)
    return _("as champion");
  return NULL;
}

typedef enum
{
  HISTORY_ATTENDED,
  HISTORY_FACILITATED,
  HISTORY_EVENTS,
} HistoryKind;

static char *
entry_subtitle (const TiProfileEntry *entry, HistoryKind kind)
{
  g_autofree char *date = ti_format_date (entry->date);
  g_autofree char *tier = NULL;
  const char *as;

  if (kind == HISTORY_EVENTS)
    return g_steal_pointer (&date);

  tier = g_strdup_printf (_("Tier %d"), entry->tier);
  if (kind == HISTORY_ATTENDED)
    return g_strdup_printf ("%s · %s · %s", date, tier,
                            entry->completed ? _("Completed") : _("Not completed"));

  as = facilitator_kind_label (entry->kind);
  return g_strdup_printf ("%s · %s%s%s · %s", date, tier, as ? " · " : "", as ? as : "",
                          entry->completed ? _("Delivered") : _("Not delivered yet"));
}

static void
fill_history (TiPersonProfileView *self, AdwPreferencesGroup *group, GPtrArray *entries,
              HistoryKind kind, const char *none)
{
  guint n = entries != NULL ? entries->len : 0;
  g_autofree char *count = ti_format_count (n);

  adw_preferences_group_set_description (group, n == 0 ? none : count);
  for (guint i = 0; i < n; i++)
    {
      const TiProfileEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *subtitle = entry_subtitle (entry, kind);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), or_none (entry->title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static void
clear_history (TiPersonProfileView *self)
{
  for (guint i = 0; i < self->history_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->history_rows, i);
      AdwPreferencesGroup *group
        = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->history_rows, 0);
}

/**
 * ti_person_profile_view_set_profile:
 * @profile: (nullable): the person to show
 *
 * Shows @profile, scrolled to its top.
 */
void
ti_person_profile_view_set_profile (TiPersonProfileView *self, const TiPersonProfile *profile)
{
  g_autofree char *summary = NULL;
  g_autofree char *charter = NULL;
  g_autofree char *since = NULL;
  g_autofree char *tier1 = NULL;
  g_autofree char *tier2 = NULL;
  g_autofree char *tier3 = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *directory = NULL;
  const char *locality;

  g_return_if_fail (TI_IS_PERSON_PROFILE_VIEW (self));

  clear_history (self);
  if (profile == NULL)
    return;

  gtk_label_set_text (self->name_label, profile->name ? profile->name : _("Erased person"));
  if (profile->erased_on != NULL)
    {
      g_autofree char *date = ti_format_date (profile->erased_on);
      summary = g_strdup_printf (_("Personal details erased on %s"), date);
    }
  else if (profile->job_title != NULL && profile->organisation != NULL)
    /* Translators: job title, then organisation: "Practice nurse at Frome Medical Practice" */
    summary = g_strdup_printf (_("%s at %s"), profile->job_title, profile->organisation);
  else
    summary = g_strdup (profile->job_title ? profile->job_title : profile->organisation);
  gtk_label_set_text (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);

  adw_action_row_set_subtitle (self->organisation_row, or_none (profile->organisation));
  adw_action_row_set_subtitle (self->job_title_row, or_none (profile->job_title));
  locality = profile->locality_key ? _(ti_vocabulary_locality_label (profile->locality_key)) : NULL;
  adw_action_row_set_subtitle (self->locality_row, or_none (locality));
  if (profile->charter_signed_on != NULL)
    {
      g_autofree char *date = ti_format_date (profile->charter_signed_on);
      /* Translators: a charter stage and the date it was signed: "Signed · 3 Mar 2023" */
      charter = g_strdup_printf (_("%s · signed on %s"), profile->charter_stage, date);
    }
  adw_action_row_set_subtitle (self->charter_row,
                               charter ? charter : or_none (profile->charter_stage));

  /* The profile may show only what consent allows: a held email stays hidden without it. */
  if (profile->email != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->email_row), _("Email"));
      adw_action_row_set_subtitle (self->email_row, profile->email);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->email_row),
                                     profile->contact_consent
                                       ? _("No email address recorded")
                                       : _("Contact details hidden: no consent to contact"));
      adw_action_row_set_subtitle (self->email_row, "");
    }

  since = profile->is_champion && profile->champion_since ? ti_format_date (profile->champion_since)
                                                          : g_strdup (_("Not a champion"));
  adw_action_row_set_subtitle (self->champion_since_row, since);
  adw_action_row_set_subtitle (self->status_row, profile->is_champion ? or_none (profile->status)
                                                                      : _("Not a champion"));

  tier1 = date_or_not_yet (profile->tiers.tier1_on);
  tier2 = date_or_not_yet (profile->tiers.tier2_on);
  tier3 = date_or_not_yet (profile->tiers.tier3_on);
  adw_action_row_set_subtitle (self->tier1_row, tier1);
  adw_action_row_set_subtitle (self->tier2_row, tier2);
  adw_action_row_set_subtitle (self->tier3_row, tier3);

  fill_history (self, self->attended_group, profile->sessions_attended, HISTORY_ATTENDED,
                _("No Tier 2 or Tier 3 sessions attended yet."));
  fill_history (self, self->facilitated_group, profile->sessions_facilitated,
                HISTORY_FACILITATED, _("No sessions facilitated."));
  fill_history (self, self->events_group, profile->events_attended, HISTORY_EVENTS,
                _("No network events attended yet."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notes_row),
                                 profile->notes && *profile->notes ? profile->notes
                                                                   : _("No notes"));

  contact = consent_text (profile->contact_consent, profile->contact_consent_on,
                          profile->contact_consent_how);
  directory = consent_text (profile->directory_consent, profile->directory_consent_on,
                            profile->directory_consent_how);
  adw_action_row_set_subtitle (self->contact_consent_row, contact);
  adw_action_row_set_subtitle (self->directory_consent_row, directory);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

GtkWidget *
ti_person_profile_view_new (void)
{
  return g_object_new (TI_TYPE_PERSON_PROFILE_VIEW, NULL);
}

static void
ti_person_profile_view_dispose (GObject *object)
{
  TiPersonProfileView *self = TI_PERSON_PROFILE_VIEW (object);

  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_PERSON_PROFILE_VIEW);

  G_OBJECT_CLASS (ti_person_profile_view_parent_class)->dispose (object);
}

static void
ti_person_profile_view_class_init (TiPersonProfileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_person_profile_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-person-profile-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, scroller);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, name_label);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, job_title_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, locality_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, charter_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, email_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, champion_since_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, status_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, tier1_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, tier2_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, tier3_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, attended_group);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, facilitated_group);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, events_group);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, contact_consent_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonProfileView, directory_consent_row);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ti_person_profile_view_init (TiPersonProfileView *self)
{
  self->history_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
