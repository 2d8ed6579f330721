/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-charter-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-charter-principle.h"
#include "ti-charter-view.h"
#include "ti-charter.h"
#include "ti-format.h"

/**
 * TiCharterView:
 *
 * The county charter: its principles in order, and where the partners stand in adopting
 * it, overall and sector by sector. The charter is small (one row per organisation), so it
 * is read directly from the window's connection.
 */
struct _TiCharterView
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GPtrArray *rows; /* the rows added to the groups, removed on reload */

  AdwPreferencesGroup *principles_group;
  AdwPreferencesGroup *stages_group;
  AdwPreferencesGroup *sectors_group;
};

G_DEFINE_FINAL_TYPE (TiCharterView, ti_charter_view, GTK_TYPE_WIDGET)

static void
add_row (TiCharterView *self, AdwPreferencesGroup *group, const char *title,
         const char *subtitle, const char *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (TiCharterView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_error (TiCharterView *self, const GError *error)
{
  add_row (self, self->principles_group, _("The charter could not be read"), error->message,
           NULL);
}

static void
load (TiCharterView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) principles = NULL;
  g_autoptr (TiCharterOverview) overview = NULL;
  guint n;

  clear_rows (self);
  if (self->database == NULL)
    return;

  principles = ti_charter_list_principles (self->database, &error);
  if (principles == NULL)
    return show_error (self, error);
  n = g_list_model_get_n_items (principles);
  if (n == 0)
    add_row (self, self->principles_group, _("The charter has no principles yet"), NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiCharterPrinciple) principle = g_list_model_get_item (principles, i);
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1,
                                                ti_charter_principle_get_name (principle));
      add_row (self, self->principles_group, title,
               ti_charter_principle_get_description (principle), NULL);
    }

  overview = ti_charter_get_overview (self->database, &error);
  if (overview == NULL)
    return show_error (self, error);
  for (guint stage = 0; stage < TI_CHARTER_N_STAGES; stage++)
    {
      g_autofree char *count = ti_format_count (overview->counts[stage]);
      add_row (self, self->stages_group,
               ti_charter_stage_label (ti_charter_stage_key (stage)), NULL, count);
    }
  for (guint i = 0; i < overview->sectors->len; i++)
    {
      TiCharterSectorRow *row = g_ptr_array_index (overview->sectors, i);
      guint adopted = row->counts[TI_CHARTER_STAGE_SIGNED] + row->counts[TI_CHARTER_STAGE_REVIEW_DUE];
      g_autofree char *suffix = g_strdup_printf (_("%u of %u"), adopted, row->total);
      add_row (self, self->sectors_group, row->sector, NULL, suffix);
    }
}

void
ti_charter_view_set_database (TiCharterView *self, TiDatabase *database)
{
  g_return_if_fail (TI_IS_CHARTER_VIEW (self));

  g_set_object (&self->database, database);
  load (self);
}

static void
ti_charter_view_dispose (GObject *object)
{
  TiCharterView *self = TI_CHARTER_VIEW (object);
  GtkWidget *child;

  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_CHARTER_VIEW);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ti_charter_view_parent_class)->dispose (object);
}

static void
ti_charter_view_class_init (TiCharterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_charter_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-charter-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiCharterView, principles_group);
  gtk_widget_class_bind_template_child (widget_class, TiCharterView, stages_group);
  gtk_widget_class_bind_template_child (widget_class, TiCharterView, sectors_group);
}

static void
ti_charter_view_init (TiCharterView *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
