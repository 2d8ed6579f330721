/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-map-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-map-panel.h"
#include "ti-map-view.h"
#include "ti-network-map.h"
#include "ti-page.h"
#include "ti-table.h"
#include "ti-validation.h"
#include "ti-vocabulary.h"

/**
 * TiMapView:
 *
 * Network map › Map: the champions' network drawn (TiNetworkMap) beside what is measured of
 * it (TiMapPanel: its size, the bridges between sectors, the isolated organisations and the
 * sectors with no ties between them, as lists that find what they name). The graph is
 * built, measured and laid out in a worker thread (ti_network_graph_build_async()), and
 * built again when the map is shown after the programme changed; the toolbar chooses the
 * network (organisations only, or with their champions), finds a name (Enter: the next
 * match), filters by sector, locality and tier, shows the network as it stood on a day,
 * zooms and saves the map.
 */
struct _TiMapView
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GCancellable *cancellable;
  GCancellable *save_cancellable; /* a layout's positions being saved */
  TiNetworkGraph *graph;          /* what the map shows: the map only borrows it */
  gboolean layout_unsaved;        /* the graph's layout placed nodes that are not kept yet */
  guint64 stamp;                  /* ti_database_get_change_stamp() when the graph was asked for */
  gboolean stamp_follows_save;    /* nothing else changed before the layout's save began */
  char *as_of; /* 'YYYY-MM-DD', or NULL for today */
  GtkFileChooserNative *chooser;

  GtkToggleButton *organisations_button;
  GtkToggleButton *champions_button;
  GtkWidget *toolbar;
  GtkSearchEntry *search_entry;
  GtkLabel *search_status;
  GtkDropDown *sector_dropdown;
  GtkDropDown *locality_dropdown;
  GtkDropDown *tier_dropdown;
  GtkEntry *as_of_entry;
  GtkLabel *as_of_error;
  GtkWidget *as_of_bar;
  GtkLabel *as_of_caption;
  GtkStack *stack;
  GtkSpinner *spinner;
  TiNetworkMap *map;
  TiMapPanel *panel;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TiMapView, ti_map_view, GTK_TYPE_WIDGET)

/* The tier filter: any, or champions who reached at least this tier. */
static const char *const tier_labels[] = {
  N_("Any tier"),
  N_("Tier 1 or more"),
  N_("Tier 2 or more"),
  N_("Tier 3"),
};

static void set_as_of (TiMapView *self, const char *as_of);

static TiNetworkMode
chosen_mode (TiMapView *self)
{
  return gtk_toggle_button_get_active (self->organisations_button) ? TI_NETWORK_ORGANISATIONS
                                                                   : TI_NETWORK_CHAMPIONS;
}

static void
open_node (TiMapView *self, int index)
{
  TiNetworkGraph *graph = ti_network_map_get_graph (self->map);
  const TiNetworkNode *node;

  if (graph == NULL || index < 0)
    return;
  node = &g_array_index (graph->nodes, TiNetworkNode, index);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)",
                              ti_record_kind_key (node->kind == TI_NETWORK_NODE_ORGANISATION
                                                    ? TI_RECORD_ORGANISATION
                                                    : TI_RECORD_PERSON),
                              node->id);
}

static void
open_selected_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  TiMapView *self = TI_MAP_VIEW (widget);

  open_node (self, ti_network_map_get_selected (self->map));
}

static void
node_activated_cb (TiMapView *self, guint node)
{
  open_node (self, node);
}

/* Dispose cancels the save: @self is only touched when it was not cancelled. */
static void
positions_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  TiMapView *self = user_data;
  g_autoptr (GError) error = NULL;

  if (ti_network_graph_save_positions_finish (result, &error))
    {
      /* The map's own positions are no change to rebuild it for. */
      if (self->stamp_follows_save && self->database != NULL)
        self->stamp = ti_database_get_change_stamp (self->database);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  ti_feedback_show_message (GTK_WIDGET (self), _("The Map Could Not Be Saved"), error->message);
}

/* The whole layout kept, in a worker: thousands of rows at scale ten. */
static void
save_layout (TiMapView *self, TiNetworkGraph *graph)
{
  self->layout_unsaved = FALSE;
  self->stamp_follows_save = ti_database_get_change_stamp (self->database) == self->stamp;
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  self->save_cancellable = g_cancellable_new ();
  ti_network_graph_save_positions_async (ti_database_get_path (self->database), graph,
                                         self->save_cancellable, positions_saved_cb, self);
}

/* A node dragged is pinned there: its row alone is saved, at once. A layout nobody had kept
 * yet is kept with it, so that the picture the person is shaping stays. */
static void
node_moved_cb (TiMapView *self, guint node)
{
  g_autoptr (GError) error = NULL;
  TiNetworkGraph *graph = ti_network_map_get_graph (self->map);
  gboolean unchanged;

  if (self->database == NULL || graph == NULL)
    return;
  /* The map keeps today's places: a past day's is shown from them, never saved over them. */
  if (graph->past)
    {
      ti_feedback_toast (GTK_WIDGET (self), _("A past day’s map is not kept: go back to today "
                                              "to arrange the map"));
      return;
    }
  unchanged = ti_database_get_change_stamp (self->database) == self->stamp;
  if (ti_network_graph_save_position (self->database, graph, node, &error) && unchanged)
    self->stamp = ti_database_get_change_stamp (self->database);
  if (error != NULL)
    ti_feedback_show_message (GTK_WIDGET (self), _("The Map Could Not Be Saved"), error->message);
  else if (self->layout_unsaved)
    save_layout (self, graph);
}

/* A layout that placed nodes for the first time: kept at once when the programme already
 * keeps this map's positions, so that a newcomer keeps the place they were first given and
 * the map does not jump when it is next opened with more; otherwise (nobody has moved
 * anything yet: the seeded layout comes out the same for the same programme) with the first
 * node a person drags, so that opening the programme writes nothing to it. */
static void
keep_layout (TiMapView *self, TiNetworkGraph *graph)
{
  self->layout_unsaved = graph->new_positions > 0;
  if (self->layout_unsaved && graph->new_positions < graph->nodes->len)
    save_layout (self, graph);
}

/* Finding and filtering ------------------------------------------------------------------ */

/* The shown nodes whose names hold what was typed (case and accents folded), in node order. */
static GArray *
find_nodes (TiMapView *self, const char *text)
{
  TiNetworkGraph *graph = ti_network_map_get_graph (self->map);
  g_autofree char *wanted = ti_text_fold (text);
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  if (graph == NULL || *wanted == '\0')
    return found;
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      g_autofree char *label = ti_text_fold (g_array_index (graph->nodes, TiNetworkNode, i).label);

      if (strstr (label, wanted) != NULL && ti_network_map_node_is_shown (self->map, i))
        g_array_append_val (found, i);
    }
  return found;
}

/* Shows the @index-th of @found on the map, and says which of how many it is, or that there
 * is none: in the toolbar, and to screen readers as the entry's invalid state. */
static void
show_match (TiMapView *self, GArray *found, guint index)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkWidget *entry = GTK_WIDGET (self->search_entry);
  gboolean none = *text != '\0' && found->len == 0;

  if (index < found->len)
    ti_network_map_focus_node (self->map, g_array_index (found, guint, index));
  if (none)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_label_set_text (self->search_status, _("No match"));
    }
  else
    {
      g_autofree char *which = ti_format_count (index + 1);
      g_autofree char *count = ti_format_count (found->len);
      /* Translators: which match of a search the map shows: "2 of 5" */
      g_autofree char *status = g_strdup_printf (_("%s of %s"), which, count);

      gtk_widget_remove_css_class (entry, "error");
      gtk_label_set_text (self->search_status, status);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->search_status), *text != '\0');
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               none ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
search_changed_cb (TiMapView *self)
{
  g_autoptr (GArray) found
    = find_nodes (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  show_match (self, found, 0);
}

/* Enter: the next match after the one selected, round again after the last. */
static void
search_activate_cb (TiMapView *self)
{
  g_autoptr (GArray) found
    = find_nodes (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  int selected = ti_network_map_get_selected (self->map);
  guint next = 0;

  for (guint i = 0; i < found->len; i++)
    if ((int) g_array_index (found, guint, i) == selected)
      next = (i + 1) % found->len;
  show_match (self, found, next);
}

static void
search_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  TiMapView *self = TI_MAP_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static const char *
chosen_key (GtkDropDown *dropdown, const TiTerm *terms, guint n_terms)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == 0 || selected > n_terms ? NULL : terms[selected - 1].key;
}

static void
filter_changed_cb (TiMapView *self)
{
  guint n_sectors, n_localities;
  const TiTerm *sectors = ti_vocabulary_sectors (&n_sectors);
  const TiTerm *localities = ti_vocabulary_localities (&n_localities);
  guint tier = gtk_drop_down_get_selected (self->tier_dropdown);

  ti_network_map_set_filter (self->map, chosen_key (self->sector_dropdown, sectors, n_sectors),
                             chosen_key (self->locality_dropdown, localities, n_localities),
                             tier == 0 || tier == GTK_INVALID_LIST_POSITION ? -1 : (int) tier);
  ti_map_panel_update_shown (self->panel);
}

/* A filter chosen: what it shows is brought into view, or, while a name is being found, its
 * first match among what is shown (the count following). */
static void
filter_chosen_cb (TiMapView *self)
{
  filter_changed_cb (self);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    search_changed_cb (self);
  else
    ti_network_map_fit (self->map);
}

/* Down from the search goes to the map, where n, p and the arrows carry on. */
static gboolean
search_key_pressed_cb (TiMapView *self, guint keyval, guint keycode, GdkModifierType state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

/* Every node shown again: the filters back to "any". */
static void
clear_filters_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  TiMapView *self = TI_MAP_VIEW (widget);

  gtk_drop_down_set_selected (self->sector_dropdown, 0);
  gtk_drop_down_set_selected (self->locality_dropdown, 0);
  gtk_drop_down_set_selected (self->tier_dropdown, 0);
}

/* Loading -------------------------------------------------------------------------------- */

static void
built_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiMapView) self = user_data;
  g_autoptr (GError) error = NULL;
  TiNetworkGraph *graph = ti_network_graph_build_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  if (graph == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  ti_network_map_set_graph (self->map, graph);
  g_clear_pointer (&self->graph, ti_network_graph_free);
  self->graph = graph;
  keep_layout (self, graph);
  /* The map keeps the filter chosen (set as it was chosen) for the new graph: setting it
   * again would prepare the whole map twice (≈80 ms at scale 10). */
  ti_map_panel_update (self->panel);
  gtk_stack_set_visible_child_name (self->stack, "map");
  /* Changed elsewhere while it was being built: built again, if on screen (else when shown). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self))
      && ti_database_get_change_stamp (self->database) != self->stamp)
    ti_map_view_reload (self);
}

/**
 * ti_map_view_reload:
 * @self: the map
 *
 * Builds the network chosen again, in a worker thread.
 */
void
ti_map_view_reload (TiMapView *self)
{
  g_return_if_fail (TI_IS_MAP_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  self->stamp = ti_database_get_change_stamp (self->database);
  if (ti_network_map_get_graph (self->map) == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  ti_network_graph_build_async (ti_database_get_path (self->database), chosen_mode (self),
                                self->as_of, self->cancellable, built_cb, g_object_ref (self));
}

/**
 * ti_map_view_is_loading:
 *
 * Returns: whether the network is being built
 */
gboolean
ti_map_view_is_loading (TiMapView *self)
{
  g_return_val_if_fail (TI_IS_MAP_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * ti_map_view_get_map:
 *
 * Returns: (transfer none): the map drawn
 */
TiNetworkMap *
ti_map_view_get_map (TiMapView *self)
{
  g_return_val_if_fail (TI_IS_MAP_VIEW (self), NULL);
  return self->map;
}

/**
 * ti_map_view_set_database:
 * @self: the map
 * @database: (nullable): the open programme
 */
void
ti_map_view_set_database (TiMapView *self, TiDatabase *database)
{
  g_return_if_fail (TI_IS_MAP_VIEW (self));

  /* Another programme: nothing of this one's map (its view, its selection, the day it was
   * shown as of, the name being found) carries over. */
  if (database != self->database)
    {
      g_clear_object (&self->database);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), "");
      set_as_of (self, NULL);
      ti_network_map_set_graph (self->map, NULL);
      g_clear_pointer (&self->graph, ti_network_graph_free);
      ti_map_panel_update (self->panel);
    }
  g_set_object (&self->database, database);
  ti_map_view_reload (self);
}

/* Tiers are champions': with organisations only, the tier filter has nothing to filter. */
static void
update_tier_filter (TiMapView *self)
{
  gboolean champions = chosen_mode (self) == TI_NETWORK_CHAMPIONS;

  gtk_widget_set_sensitive (GTK_WIDGET (self->tier_dropdown), champions);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->tier_dropdown),
                               champions ? _("Show champions who reached a tier")
                                         : _("Tiers are champions’: choose With Champions to "
                                             "show those who reached a tier"));
}

static void
mode_toggled_cb (TiMapView *self)
{
  update_tier_filter (self);
  ti_map_view_reload (self);
}

/* The entry marked wrong (or right again, @problem %NULL), in words, colour and to screen
 * readers. */
static void
as_of_refuse (TiMapView *self, const char *problem)
{
  GtkWidget *entry = GTK_WIDGET (self->as_of_entry);

  gtk_label_set_text (self->as_of_error, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->as_of_error), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                               problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                               : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (problem != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    problem, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The map shows the network as it stood on @as_of ('YYYY-MM-DD'), or today when %NULL. */
static void
set_as_of (TiMapView *self, const char *as_of)
{
  as_of_refuse (self, NULL);
  gtk_widget_set_visible (self->as_of_bar, as_of != NULL);
  if (as_of != NULL)
    {
      g_autofree char *day = ti_format_date (as_of);
      /* Translators: above the map, when it shows the past: "As it stood on 30 Jun 2023" */
      g_autofree char *caption = g_strdup_printf (_("As it stood on %s"), day);

      gtk_label_set_text (self->as_of_caption, caption);
    }
  if (g_strcmp0 (as_of, self->as_of) == 0)
    return;
  g_free (self->as_of);
  self->as_of = g_strdup (as_of);
  ti_map_view_reload (self);
}

/* "As of" a day: the network as it stood then; empty for today. A day that is not one, or is
 * still to come, is refused in words and the map stays as it was. */
static void
as_of_activate_cb (TiMapView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->as_of_entry));
  g_autofree char *iso = NULL;
  GDate date, today;

  ti_date_today (&today);
  if (ti_text_is_blank (text))
    set_as_of (self, NULL);
  else if (ti_date_check (text, &date) != TI_DATE_OK)
    as_of_refuse (self, _("The day is not a date: write it as 2023-06-30 or 30/06/2023, or "
                          "leave it empty for today."));
  else if (ti_date_is_future (&date))
    as_of_refuse (self, _("The day is after today: the map can show the network as it stood "
                          "on a day up to today, not as it will be."));
  else if (g_date_compare (&date, &today) == 0)
    set_as_of (self, NULL);
  else
    {
      iso = ti_date_to_iso (&date);
      set_as_of (self, iso);
    }
}

static void
today_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  TiMapView *self = TI_MAP_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), "");
  set_as_of (self, NULL);
}

/* Actions -------------------------------------------------------------------------------- */

static void
zoom_in_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  ti_network_map_zoom_by (TI_MAP_VIEW (widget)->map, 1.25);
}

static void
zoom_out_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  ti_network_map_zoom_by (TI_MAP_VIEW (widget)->map, 0.8);
}

static void
fit_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  ti_network_map_fit (TI_MAP_VIEW (widget)->map);
}

static void
save_response_cb (GtkNativeDialog *chooser, int response, TiMapView *self)
{
  TiChartFileFormat format;
  g_autofree char *path = ti_chart_file_chooser_get_target (chooser, response, &format);
  g_autoptr (GError) error = NULL;

  g_clear_object (&self->chooser);
  if (path == NULL)
    return;
  if (ti_network_map_save (self->map, path, format, &error))
    {
      g_autofree char *name = g_path_get_basename (path);
      /* Translators: a toast; %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Map saved as “%s”"), name);

      ti_feedback_toast (GTK_WIDGET (self), message);
    }
  else
    ti_feedback_show_message (GTK_WIDGET (self), _("Map Not Saved"), error->message);
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  TiMapView *self = TI_MAP_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  TiChartFileFormat format;

  if (self->chooser != NULL || ti_network_map_get_graph (self->map) == NULL
      || !ti_chart_file_format_from_name (g_variant_get_string (parameter, NULL), &format))
    return;
  self->chooser = ti_chart_file_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             _("Save Map"), _("Network map"), format);
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The widget ----------------------------------------------------------------------------- */

/* Shown again after a change elsewhere (a champion added, an organisation edited): the
 * network is built again, the map keeping its view. */
static void
ti_map_view_map (GtkWidget *widget)
{
  TiMapView *self = TI_MAP_VIEW (widget);

  GTK_WIDGET_CLASS (ti_map_view_parent_class)->map (widget);
  if (self->database != NULL && self->cancellable == NULL
      && (self->graph == NULL || ti_database_get_change_stamp (self->database) != self->stamp))
    ti_map_view_reload (self);
}

static void
ti_map_view_dispose (GObject *object)
{
  TiMapView *self = TI_MAP_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* GTK 4.8 unparents only the template's bound children. */
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_MAP_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (ti_map_view_parent_class)->dispose (object);
}

static void
ti_map_view_finalize (GObject *object)
{
  TiMapView *self = TI_MAP_VIEW (object);

  g_free (self->as_of);
  g_clear_pointer (&self->graph, ti_network_graph_free);
  G_OBJECT_CLASS (ti_map_view_parent_class)->finalize (object);
}

static void
ti_map_view_class_init (TiMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_map_view_dispose;
  object_class->finalize = ti_map_view_finalize;
  widget_class->map = ti_map_view_map;

  g_type_ensure (TI_TYPE_NETWORK_MAP);
  g_type_ensure (TI_TYPE_MAP_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiMapView, organisations_button);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, champions_button);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, search_status);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, sector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, locality_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, as_of_entry);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, as_of_error);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, as_of_bar);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, as_of_caption);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, stack);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, map);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, panel);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_of_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, node_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, node_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, ti_map_view_reload);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "map.fit", NULL, fit_activated);
  gtk_widget_class_install_action (widget_class, "map.save", "s", save_activated);
  gtk_widget_class_install_action (widget_class, "map.open-selected", NULL,
                                   open_selected_activated);
  gtk_widget_class_install_action (widget_class, "map.clear-filters", NULL,
                                   clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "map.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "map.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "map.search",
                                       NULL);
}

static void
ti_map_view_init (TiMapView *self)
{
  g_autoptr (GtkStringList) tiers = gtk_string_list_new (NULL);
  guint n_sectors, n_localities;
  const TiTerm *sectors = ti_vocabulary_sectors (&n_sectors);
  const TiTerm *localities = ti_vocabulary_localities (&n_localities);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The network shown last is shown again (the binding keeps the settings alive). */
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    g_settings_bind (settings, "network-map-organisations-only", self->organisations_button,
                     "active", G_SETTINGS_BIND_DEFAULT);
  }

  /* Filled before the filter can run: the template connects it. */
  g_signal_handlers_block_by_func (self->sector_dropdown, filter_chosen_cb, self);
  g_signal_handlers_block_by_func (self->locality_dropdown, filter_chosen_cb, self);
  g_signal_handlers_block_by_func (self->tier_dropdown, filter_chosen_cb, self);
  ti_table_set_choices (self->sector_dropdown, _("Any sector"), sectors, n_sectors);
  ti_table_set_choices (self->locality_dropdown, _("Any locality"), localities, n_localities);
  for (guint i = 0; i < G_N_ELEMENTS (tier_labels); i++)
    gtk_string_list_append (tiers, _(tier_labels[i]));
  gtk_drop_down_set_model (self->tier_dropdown, G_LIST_MODEL (tiers));
  g_signal_handlers_unblock_by_func (self->sector_dropdown, filter_chosen_cb, self);
  g_signal_handlers_unblock_by_func (self->locality_dropdown, filter_chosen_cb, self);
  g_signal_handlers_unblock_by_func (self->tier_dropdown, filter_chosen_cb, self);

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }

  /* The toolbar's wrappers are no stops for the Tab key; what they hold is. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->toolbar); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  update_tier_filter (self);
}
