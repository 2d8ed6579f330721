/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-format.h"
#include "ti-preferences-window.h"
#include "ti-programme-settings.h"
#include "ti-review-checklist-page.h"

/**
 * TiPreferencesWindow:
 *
 * The programme's own settings (stored in its file) and the person's (in GSettings).
 * Each programme field is validated when applied; a refused value is marked and explained,
 * and nothing is saved.
 */
struct _TiPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  TiDatabase *database;
  GSettings *settings;
  gboolean loading;

  AdwEntryRow *name_row;
  AdwEntryRow *period_start_row;
  AdwEntryRow *period_end_row;
  AdwActionRow *threshold_row;
  GtkSpinButton *threshold_spin;
  AdwEntryRow *organisation_row;
  AdwComboRow *style_row;
  GtkSpinButton *retention_spin;
};

G_DEFINE_FINAL_TYPE (TiPreferencesWindow, ti_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROGRAMME_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const style_keys[] = { "default", "light", "dark" };

static void
clear_errors (TiPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_start_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_end_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->threshold_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->organisation_row), "error");
}

static void
refuse (TiPreferencesWindow *self, GtkWidget *row, const char *message)
{
  gtk_widget_add_css_class (row, "error");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static GtkWidget *
row_for_error (TiPreferencesWindow *self, const GError *error)
{
  if (error->domain != TI_PROGRAMME_SETTINGS_ERROR)
    return NULL;
  switch (error->code)
    {
    case TI_PROGRAMME_SETTINGS_ERROR_NAME:
      return GTK_WIDGET (self->name_row);
    case TI_PROGRAMME_SETTINGS_ERROR_PERIOD:
      return GTK_WIDGET (self->period_end_row);
    case TI_PROGRAMME_SETTINGS_ERROR_THRESHOLD:
      return GTK_WIDGET (self->threshold_row);
    case TI_PROGRAMME_SETTINGS_ERROR_ORGANISATION:
      return GTK_WIDGET (self->organisation_row);
    default:
      return NULL;
    }
}

static void
apply_programme_cb (TiPreferencesWindow *self)
{
  g_autoptr (TiProgrammeSettings) settings = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *row;

  if (self->loading)
    return;

  clear_errors (self);
  settings = ti_programme_settings_load (self->database, &error);
  if (settings == NULL)
    {
      refuse (self, GTK_WIDGET (self->name_row), error->message);
      return;
    }

  g_free (settings->name);
  settings->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_free (settings->export_organisation);
  settings->export_organisation
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row))));
  settings->suppression_threshold = gtk_spin_button_get_value_as_int (self->threshold_spin);

  if (!ti_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->period_start_row)),
                      &settings->period_start))
    {
      refuse (self, GTK_WIDGET (self->period_start_row),
              _("The start of the evaluation period must be a date such as 2023-01-01."));
      return;
    }
  if (!ti_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->period_end_row)),
                      &settings->period_end))
    {
      refuse (self, GTK_WIDGET (self->period_end_row),
              _("The end of the evaluation period must be a date such as 2024-04-30."));
      return;
    }

  if (!ti_programme_settings_save (settings, self->database, &error))
    {
      row = row_for_error (self, error);
      refuse (self, row ? row : GTK_WIDGET (self->name_row), error->message);
      return;
    }

  g_signal_emit (self, signals[PROGRAMME_CHANGED], 0);
}

static void
style_selected_cb (TiPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->style_row);

  if (!self->loading && selected < G_N_ELEMENTS (style_keys))
    g_settings_set_string (self->settings, "color-scheme", style_keys[selected]);
}

static void
load_values (TiPreferencesWindow *self)
{
  g_autoptr (TiProgrammeSettings) settings = ti_programme_settings_load (self->database, NULL);
  g_autofree char *style = g_settings_get_string (self->settings, "color-scheme");
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  self->loading = TRUE;

  if (settings == NULL)
    settings = ti_programme_settings_new_default ();
  start = ti_date_to_iso (&settings->period_start);
  end = ti_date_to_iso (&settings->period_end);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), settings->name);
  gtk_editable_set_text (GTK_EDITABLE (self->period_start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->period_end_row), end);
  gtk_spin_button_set_value (self->threshold_spin, settings->suppression_threshold);
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row),
                         settings->export_organisation ? settings->export_organisation : "");

  for (guint i = 0; i < G_N_ELEMENTS (style_keys); i++)
    if (g_strcmp0 (style, style_keys[i]) == 0)
      adw_combo_row_set_selected (self->style_row, i);

  self->loading = FALSE;
}

static void
ti_preferences_window_dispose (GObject *object)
{
  TiPreferencesWindow *self = TI_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ti_preferences_window_parent_class)->dispose (object);
}

static void
ti_preferences_window_class_init (TiPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_preferences_window_dispose;

  /* Emitted after the programme's own settings were saved. */
  signals[PROGRAMME_CHANGED] = g_signal_new ("programme-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TiPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, TiPreferencesWindow, period_start_row);
  gtk_widget_class_bind_template_child (widget_class, TiPreferencesWindow, period_end_row);
  gtk_widget_class_bind_template_child (widget_class, TiPreferencesWindow, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, TiPreferencesWindow, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, TiPreferencesWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, TiPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, TiPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_callback (widget_class, apply_programme_cb);
  gtk_widget_class_bind_template_callback (widget_class, style_selected_cb);
}

static void
ti_preferences_window_init (TiPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TiPreferencesWindow *
ti_preferences_window_new (GtkWindow *parent, TiDatabase *database, GSettings *settings)
{
  TiPreferencesWindow *self = g_object_new (TI_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent, NULL);

  self->database = g_object_ref (database);
  self->settings = g_object_ref (settings);
  load_values (self);
  g_settings_bind (settings, "backup-retention-days",
                   gtk_spin_button_get_adjustment (self->retention_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  /* The fidelity checklist the psychologist reviews sessions against. */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (ti_review_checklist_page_new (database)));
  return self;
}
