/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-overview-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-overview-view.h"

/**
 * TiOverviewView:
 *
 * Shows one destination's headline figures and latest records, loaded off the main thread
 * from its own reader connection. The destinations' own issues replace it page by page.
 */
struct _TiOverviewView
{
  GtkWidget parent_instance;

  TiDestination destination;
  TiDatabase *database;
  GCancellable *cancellable;

  GtkStack *stack;
  GtkSpinner *spinner;
  GtkFlowBox *figures;
  GtkBox *sections;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TiOverviewView, ti_overview_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DESTINATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remove_all_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static GtkWidget *
figure_new (const TiFigure *figure)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value = gtk_label_new (figure->value);
  GtkWidget *label = gtk_label_new (figure->label);
  g_autofree char *spoken = g_strdup_printf ("%s: %s", figure->label, figure->value);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "figure");
  gtk_widget_add_css_class (value, "figure-value");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Narrow tiles: four figures fit on a line in a normal window. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  return box;
}

static GtkWidget *
section_new (const TiRecordSection *section)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), section->title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), section->description);

  if (section->records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), section->empty_text);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  for (guint i = 0; i < section->records->len; i++)
    {
      const TiRecord *record = g_ptr_array_index (section->records, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->title);
      if (record->subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), record->subtitle);
      if (record->suffix != NULL)
        {
          GtkWidget *suffix = gtk_label_new (record->suffix);
          gtk_widget_add_css_class (suffix, "dim-label");
          gtk_widget_add_css_class (suffix, "numeric");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
show_overview (TiOverviewView *self, const TiOverview *overview)
{
  remove_all_children (GTK_WIDGET (self->figures));
  remove_all_children (GTK_WIDGET (self->sections));

  for (guint i = 0; i < overview->figures->len; i++)
    gtk_flow_box_append (self->figures, figure_new (g_ptr_array_index (overview->figures, i)));
  for (guint i = 0; i < overview->sections->len; i++)
    gtk_box_append (self->sections, section_new (g_ptr_array_index (overview->sections, i)));

  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
overview_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiOverviewView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiOverview) overview = ti_overview_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (overview == NULL)
    {
      gtk_spinner_stop (self->spinner);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_overview (self, overview);
}

/**
 * ti_overview_view_reload:
 *
 * Loads the figures again, cancelling a load in progress.
 */
void
ti_overview_view_reload (TiOverviewView *self)
{
  g_return_if_fail (TI_IS_OVERVIEW_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->database == NULL)
    {
      remove_all_children (GTK_WIDGET (self->figures));
      remove_all_children (GTK_WIDGET (self->sections));
      return;
    }

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  ti_overview_load_async (ti_database_get_path (self->database), self->destination,
                          self->cancellable, overview_loaded_cb, g_object_ref (self));
}

void
ti_overview_view_set_database (TiOverviewView *self, TiDatabase *database)
{
  g_return_if_fail (TI_IS_OVERVIEW_VIEW (self));

  g_set_object (&self->database, database);
  ti_overview_view_reload (self);
}

gboolean
ti_overview_view_is_loading (TiOverviewView *self)
{
  g_return_val_if_fail (TI_IS_OVERVIEW_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

static void
ti_overview_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiOverviewView *self = TI_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_DESTINATION:
      g_value_set_int (value, self->destination);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_overview_view_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  TiOverviewView *self = TI_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_DESTINATION:
      if (self->destination != (TiDestination) g_value_get_int (value))
        {
          self->destination = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_overview_view_dispose (GObject *object)
{
  TiOverviewView *self = TI_OVERVIEW_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_OVERVIEW_VIEW);

  G_OBJECT_CLASS (ti_overview_view_parent_class)->dispose (object);
}

static void
ti_overview_view_class_init (TiOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_overview_view_dispose;
  object_class->get_property = ti_overview_view_get_property;
  object_class->set_property = ti_overview_view_set_property;

  properties[PROP_DESTINATION] = g_param_spec_int (
    "destination", NULL, NULL, 0, TI_N_DESTINATIONS - 1, 0,
    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-overview-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiOverviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, TiOverviewView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiOverviewView, figures);
  gtk_widget_class_bind_template_child (widget_class, TiOverviewView, sections);
  gtk_widget_class_bind_template_child (widget_class, TiOverviewView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, ti_overview_view_reload);
}

static void
ti_overview_view_init (TiOverviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
