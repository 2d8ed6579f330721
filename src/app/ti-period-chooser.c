/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-period-chooser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ti-format.h"
#include "ti-period-chooser.h"
#include "ti-programme-settings.h"

/**
 * TiPeriodChooser:
 *
 * Chooses the dates figures are counted over: the programme's evaluation period (from its
 * settings), the whole programme, the last quarter, the 2023/24 financial year, or dates of
 * the person's own, which are checked as they are applied and refused in words. Beside it,
 * the period in dates. Used by the dashboard and the workbook export alike.
 */
struct _TiPeriodChooser
{
  GtkWidget parent_instance;

  TiProgrammeSettings *settings; /* read with the programme: the evaluation period */
  char *custom_from; /* the custom period applied, 'YYYY-MM-DD', or NULL */
  char *custom_to;

  GtkDropDown *dropdown;
  GtkLabel *dates_label;
  GtkRevealer *custom_revealer;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkLabel *custom_error;
};

G_DEFINE_FINAL_TYPE (TiPeriodChooser, ti_period_chooser, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The presets in the order the drop-down lists them (TiPeriodPreset). */
static const char *const preset_labels[] = {
  N_("Evaluation period"),
  N_("Whole programme"),
  N_("Last quarter"),
  N_("Financial year 2023/24"),
  N_("Custom…"),
};

/**
 * ti_period_chooser_get_period:
 * @self: the chooser
 * @from: (out) (transfer full) (nullable): the first day, 'YYYY-MM-DD'; %NULL when open
 * @to: (out) (transfer full) (nullable): the last day; %NULL when open
 *
 * Returns: %FALSE while custom dates are chosen but not yet applied
 */
gboolean
ti_period_chooser_get_period (TiPeriodChooser *self, char **from, char **to)
{
  TiPeriodPreset preset;
  g_autoptr (TiProgrammeSettings) defaults = NULL;
  const TiProgrammeSettings *settings;
  GDate today;

  g_return_val_if_fail (TI_IS_PERIOD_CHOOSER (self), FALSE);

  *from = *to = NULL;
  preset = gtk_drop_down_get_selected (self->dropdown);
  if (preset == TI_PERIOD_CUSTOM)
    {
      if (self->custom_from == NULL)
        return FALSE;
      *from = g_strdup (self->custom_from);
      *to = g_strdup (self->custom_to);
      return TRUE;
    }

  settings = self->settings;
  if (settings == NULL)
    settings = defaults = ti_programme_settings_new_default ();
  ti_date_today (&today);
  return ti_period_preset_range (preset, &today, &settings->period_start, &settings->period_end,
                                 from, to);
}

/* The dates beside the drop-down follow the period chosen; a period is announced. */
static void
changed (TiPeriodChooser *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!ti_period_chooser_get_period (self, &from, &to))
    return;
  {
    g_autofree char *text = ti_format_period (from, to);

    gtk_label_set_text (self->dates_label, text);
  }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
preset_changed_cb (TiPeriodChooser *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->dropdown) == TI_PERIOD_CUSTOM;

  gtk_revealer_set_reveal_child (self->custom_revealer, custom);
  if (custom && self->custom_from == NULL)
    {
      gtk_label_set_text (self->dates_label, "");
      gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
      return;
    }
  changed (self);
}

/* Reads one end of a custom period; says which and why when it is not a date. */
static gboolean
read_date (GtkEntry *entry, const char *which, GString *problems, char **iso)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GDate date;

  if (ti_date_parse (text, &date))
    {
      *iso = ti_date_to_iso (&date);
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return TRUE;
    }
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  if (problems->len > 0)
    g_string_append_c (problems, ' ');
  /* Translators: %s is “The first day” or “The last day” */
  g_string_append_printf (problems, _("%s is not a date: write it as 2023-01-31 or 31/01/2023."),
                          which);
  return FALSE;
}

static void
apply_custom_cb (TiPeriodChooser *self)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean from_ok, to_ok;

  from_ok = read_date (self->from_entry, _("The first day"), problems, &from);
  to_ok = read_date (self->to_entry, _("The last day"), problems, &to);
  if (from_ok && to_ok && strcmp (from, to) > 0)
    {
      to_ok = FALSE;
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      g_string_append (problems,
                       _("The last day is before the first: the period would be empty."));
    }
  gtk_label_set_text (self->custom_error, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_error), !from_ok || !to_ok);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  from_ok ? "" : problems->str, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  to_ok ? "" : problems->str, -1);
  if (!from_ok || !to_ok)
    {
      gtk_widget_grab_focus (GTK_WIDGET (from_ok ? self->to_entry : self->from_entry));
      return;
    }

  g_free (self->custom_from);
  g_free (self->custom_to);
  self->custom_from = g_steal_pointer (&from);
  self->custom_to = g_steal_pointer (&to);
  changed (self);
}

/**
 * ti_period_chooser_set_custom:
 * @self: the chooser
 * @from: the first day, as a person would type it
 * @to: the last day
 *
 * Chooses dates of one's own, as typing them and applying them does: refused in words (and
 * nothing changes) when they are not a period.
 */
void
ti_period_chooser_set_custom (TiPeriodChooser *self, const char *from, const char *to)
{
  g_return_if_fail (TI_IS_PERIOD_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  g_clear_pointer (&self->custom_from, g_free);
  g_clear_pointer (&self->custom_to, g_free);
  gtk_drop_down_set_selected (self->dropdown, TI_PERIOD_CUSTOM);
  apply_custom_cb (self);
}

/**
 * ti_period_chooser_set_preset:
 * @self: the chooser
 * @preset: a period other than %TI_PERIOD_CUSTOM (see ti_period_chooser_set_custom())
 */
void
ti_period_chooser_set_preset (TiPeriodChooser *self, TiPeriodPreset preset)
{
  g_return_if_fail (TI_IS_PERIOD_CHOOSER (self));
  g_return_if_fail (preset < TI_PERIOD_CUSTOM);

  gtk_drop_down_set_selected (self->dropdown, preset);
}

/**
 * ti_period_chooser_set_database:
 * @self: the chooser
 * @database: (nullable): the programme whose settings hold the evaluation period
 *
 * Reads the evaluation period from @database's settings (once: a quick read on the main
 * thread); call it again when the settings change.
 */
void
ti_period_chooser_set_database (TiPeriodChooser *self, TiDatabase *database)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (TI_IS_PERIOD_CHOOSER (self));

  g_clear_pointer (&self->settings, ti_programme_settings_free);
  if (database != NULL)
    self->settings = ti_programme_settings_load (database, NULL);
  if (ti_period_chooser_get_period (self, &from, &to))
    {
      g_autofree char *text = ti_format_period (from, to);

      gtk_label_set_text (self->dates_label, text);
    }
}

static void
ti_period_chooser_dispose (GObject *object)
{
  TiPeriodChooser *self = TI_PERIOD_CHOOSER (object);
  GtkWidget *child;

  /* GTK 4.8 unparents only the template's bound children. */
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_PERIOD_CHOOSER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ti_period_chooser_parent_class)->dispose (object);
}

static void
ti_period_chooser_finalize (GObject *object)
{
  TiPeriodChooser *self = TI_PERIOD_CHOOSER (object);

  g_free (self->custom_from);
  g_free (self->custom_to);
  g_clear_pointer (&self->settings, ti_programme_settings_free);
  G_OBJECT_CLASS (ti_period_chooser_parent_class)->finalize (object);
}

static void
ti_period_chooser_class_init (TiPeriodChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_period_chooser_dispose;
  object_class->finalize = ti_period_chooser_finalize;

  /**
   * TiPeriodChooser::changed:
   *
   * Another period is chosen; ti_period_chooser_get_period() gives it.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-period-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, TiPeriodChooser, dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiPeriodChooser, dates_label);
  gtk_widget_class_bind_template_child (widget_class, TiPeriodChooser, custom_revealer);
  gtk_widget_class_bind_template_child (widget_class, TiPeriodChooser, from_entry);
  gtk_widget_class_bind_template_child (widget_class, TiPeriodChooser, to_entry);
  gtk_widget_class_bind_template_child (widget_class, TiPeriodChooser, custom_error);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_custom_cb);
}

static void
ti_period_chooser_init (TiPeriodChooser *self)
{
  g_autoptr (GtkStringList) presets = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Filled before anyone listens: no period is announced while it is built. */
  g_signal_handlers_block_by_func (self->dropdown, preset_changed_cb, self);
  for (guint i = 0; i < G_N_ELEMENTS (preset_labels); i++)
    gtk_string_list_append (presets, _(preset_labels[i]));
  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (presets));
  gtk_drop_down_set_selected (self->dropdown, TI_PERIOD_EVALUATION);
  g_signal_handlers_unblock_by_func (self->dropdown, preset_changed_cb, self);
}
