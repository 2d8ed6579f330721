/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-map-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ti-feedback.h"
#include "ti-format.h"
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
 * it — its size, the bridges between sectors, the isolated organisations and the sectors with
 * no ties between them — as lists that open what they name. The graph is built, measured and
 * laid out in a worker thread (ti_network_graph_build_async()); the toolbar chooses the
 * network (organisations only, or with their champions), finds a name, filters by sector,
 * locality and tier, shows the network as it stood on a day, zooms and saves the map.
 */
/* The isolated organisations the panel names one by one; the rest it counts. */
#define PANEL_MAX_ISOLATED 10

struct _TiMapView
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GCancellable *cancellable;
  GCancellable *save_cancellable; /* a layout's positions being saved */
  TiNetworkGraph *graph;          /* what the map shows: the map only borrows it */
  gboolean layout_unsaved;        /* the graph's layout placed nodes that are not kept yet */
  char *as_of; /* 'YYYY-MM-DD', or NULL for today */
  GtkFileChooserNative *chooser;

  GtkToggleButton *organisations_button;
  GtkToggleButton *champions_button;
  GtkSearchEntry *search_entry;
  GtkDropDown *sector_dropdown;
  GtkDropDown *locality_dropdown;
  GtkDropDown *tier_dropdown;
  GtkEntry *as_of_entry;
  GtkLabel *as_of_error;
  GtkStack *stack;
  GtkSpinner *spinner;
  TiNetworkMap *map;
  GtkWidget *selected_group;
  AdwActionRow *selected_row;
  GtkWidget *open_button;
  AdwPreferencesGroup *measures_group;
  AdwPreferencesGroup *bridges_group;
  AdwPreferencesGroup *isolated_group;
  GtkWidget *matrix_group;
  GtkGrid *matrix_grid;
  GtkLabel *matrix_key;
  AdwPreferencesGroup *gaps_group;
  AdwStatusPage *error_page;

  GPtrArray *panel_rows; /* the rows added to the panel's groups, to take them away */
};

G_DEFINE_FINAL_TYPE (TiMapView, ti_map_view, GTK_TYPE_WIDGET)

/* The tier filter: any, or champions who reached at least this tier. */
static const char *const tier_labels[] = {
  N_("Any tier"),
  N_("Tier 1 or more"),
  N_("Tier 2 or more"),
  N_("Tier 3"),
};

/* The sectors abbreviated for the rows and columns of the ties between sectors; their full
 * names are in the key under it, the tooltips and the accessible labels. */
static const struct
{
  const char *key;
  const char *abbreviation;
} sector_abbreviations[] = {
  /* Translators: a sector abbreviated to four letters at most, a table's column */
  { "nhs_trust", NC_("sector", "NHS") },
  { "icb", NC_("sector", "ICB") },
  { "council", NC_("sector", "Coun") },
  { "police", NC_("sector", "Pol") },
  { "vcse", NC_("sector", "VCSE") },
  { "primary_care", NC_("sector", "Prim") },
  { "education", NC_("sector", "Edu") },
  { "housing", NC_("sector", "Hous") },
  { "university", NC_("sector", "Uni") },
  { "other", NC_("sector", "Oth") },
};

static TiNetworkMode
chosen_mode (TiMapView *self)
{
  return gtk_toggle_button_get_active (self->organisations_button) ? TI_NETWORK_ORGANISATIONS
                                                                   : TI_NETWORK_CHAMPIONS;
}

static const TiNetworkNode *
node_at_index (TiNetworkGraph *graph, guint index)
{
  return &g_array_index (graph->nodes, TiNetworkNode, index);
}

/* The panel ------------------------------------------------------------------------------ */

static void
clear_panel (TiMapView *self)
{
  for (guint i = 0; i < self->panel_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->panel_rows, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->panel_rows, 0);
}

static GtkWidget *
panel_row_add (TiMapView *self, AdwPreferencesGroup *group, const char *title,
               const char *subtitle, const char *suffix)
{
  GtkWidget *row = ti_table_info_row_new (title, subtitle, suffix);

  g_object_set_data (G_OBJECT (row), "group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->panel_rows, row);
  return row;
}

static void
node_row_activated_cb (AdwActionRow *row, TiMapView *self)
{
  ti_network_map_focus_node (self->map,
                             GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "node")));
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

/* A row naming a node: activating it finds the node on the map. */
static void
node_row_add (TiMapView *self, AdwPreferencesGroup *group, guint index,
              const char *suffix)
{
  TiNetworkGraph *graph = ti_network_map_get_graph (self->map);
  const TiNetworkNode *node = node_at_index (graph, index);
  const char *subtitle = node->sector_label;
  g_autofree char *organisation = NULL;
  GtkWidget *row;

  if (node->kind == TI_NETWORK_NODE_CHAMPION && node->organisation >= 0)
    subtitle = organisation = g_strdup_printf (
      "%s · %s", node_at_index (graph, node->organisation)->label, node->sector_label);
  row = panel_row_add (self, group, node->label, subtitle, suffix);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "node", GUINT_TO_POINTER (index));
  g_signal_connect_object (row, "activated", G_CALLBACK (node_row_activated_cb), self, 0);
}

static guint
count_nodes (TiNetworkGraph *graph, TiNetworkNodeKind kind)
{
  guint n = 0;

  for (guint i = 0; i < graph->nodes->len; i++)
    n += node_at_index (graph, i)->kind == kind;
  return n;
}

static void
count_row_add (TiMapView *self, const char *title, guint count)
{
  g_autofree char *value = ti_format_count (count);

  panel_row_add (self, self->measures_group, title, NULL, value);
}

static char *
abbreviate_sector (const char *sector)
{
  for (guint i = 0; i < G_N_ELEMENTS (sector_abbreviations); i++)
    if (g_strcmp0 (sector_abbreviations[i].key, sector) == 0)
      return g_strdup (g_dpgettext2 (NULL, "sector", sector_abbreviations[i].abbreviation));
  return g_utf8_substring (ti_vocabulary_sector_label (sector), 0, 4);
}

/* A count in four characters at most: thousands as "1.7k" or "12k"; the tooltip has it
 * whole. */
static char *
format_short_count (guint count)
{
  g_autofree char *thousands = NULL;

  if (count < 1000)
    return ti_format_count (count);
  thousands = count < 9950 ? ti_format_decimal (count / 1000.0, 1, FALSE)
                           : ti_format_count ((count + 500) / 1000);
  /* Translators: thousands, abbreviated: "1.7k" */
  return g_strdup_printf (_("%sk"), thousands);
}

/* A cell or a heading of the matrix: @text shown, @words in its tooltip and said in its
 * place by screen readers. */
static GtkWidget *
matrix_label_attach (TiMapView *self, const char *text, const char *words, int column, int row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_tooltip_text (label, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
  gtk_grid_attach (self->matrix_grid, label, column, row, 1, 1);
  return label;
}

/* What a cell says in words: "Police and Education: 2 ties (3 sessions and events
 * together)". */
static char *
describe_cell (const TiSectorMatrix *matrix, guint a, guint b)
{
  const char *name_a = ti_vocabulary_sector_label (matrix->sectors[a]);
  const char *name_b = ti_vocabulary_sector_label (matrix->sectors[b]);
  guint ties = ti_sector_matrix_get_ties (matrix, a, b);
  gint64 together = (gint64) ti_sector_matrix_get_weight (matrix, a, b);
  g_autofree char *n_ties = NULL;
  g_autofree char *n_together = NULL;
  g_autofree char *counted_ties = NULL;
  g_autofree char *counted_together = NULL;
  g_autofree char *sectors = NULL;

  if (ties == 0)
    /* Translators: a gap in the network: "No ties within Housing" */
    return a == b ? g_strdup_printf (_("No ties within %s"), name_a)
                  : g_strdup_printf (_("No ties between %s and %s"), name_a, name_b);
  n_ties = ti_format_count (ties);
  n_together = ti_format_count (together);
  counted_ties = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s tie", "%s ties", ties), n_ties);
  counted_together = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s session or event together",
                                                   "%s sessions and events together", together),
                                      n_together);
  /* Translators: "Within Police" or "Police and Education", before their ties */
  sectors = a == b ? g_strdup_printf (_("Within %s"), name_a)
                   : g_strdup_printf (_("%s and %s"), name_a, name_b);
  /* Translators: "Police and Education: 2 ties (3 sessions and events together)" */
  return g_strdup_printf (_("%s: %s (%s)"), sectors, counted_ties, counted_together);
}

/* The ties within and between the sectors: a row and a column for each sector, abbreviated;
 * a gap (no ties) is a 0 on a pill, marked in shape as well as colour. */
static void
fill_matrix (TiMapView *self, const TiSectorMatrix *matrix)
{
  g_autoptr (GString) key = g_string_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matrix_grid))) != NULL)
    gtk_grid_remove (self->matrix_grid, child);
  gtk_widget_set_visible (self->matrix_group, matrix->n_sectors > 0);

  for (guint a = 0; a < matrix->n_sectors; a++)
    {
      const char *name = ti_vocabulary_sector_label (matrix->sectors[a]);
      g_autofree char *abbreviation = abbreviate_sector (matrix->sectors[a]);

      GtkWidget *row_heading = matrix_label_attach (self, abbreviation, name, 0, a + 1);

      gtk_widget_set_halign (row_heading, GTK_ALIGN_START);
      gtk_widget_add_css_class (row_heading, "caption-heading");
      gtk_widget_add_css_class (matrix_label_attach (self, abbreviation, name, a + 1, 0),
                                "caption-heading");
      if (g_strcmp0 (abbreviation, name) != 0)
        {
          if (key->len > 0)
            /* Translators: between the entries of the key to the sectors' abbreviations */
            g_string_append (key, _(" · "));
          /* Translators: an entry of the key to the abbreviations: "Pol: Police" */
          g_string_append_printf (key, _("%s: %s"), abbreviation, name);
        }
      for (guint b = 0; b < matrix->n_sectors; b++)
        {
          guint ties = ti_sector_matrix_get_ties (matrix, a, b);
          g_autofree char *shown = format_short_count (ties);
          g_autofree char *words = describe_cell (matrix, a, b);
          GtkWidget *cell = matrix_label_attach (self, shown, words, b + 1, a + 1);

          if (ties == 0)
            {
              gtk_widget_add_css_class (cell, "status-chip");
              gtk_widget_add_css_class (cell, "error");
            }
        }
    }
  gtk_label_set_text (self->matrix_key, key->str);
  gtk_widget_set_visible (GTK_WIDGET (self->matrix_key), key->len > 0);
}

/* A bridge's betweenness to two significant figures (two decimals at least): in a network
 * of thousands it is a few thousandths, and "0.00" for every bridge would say nothing. */
static char *
format_betweenness (double betweenness)
{
  int decimals = betweenness > 0 ? 1 - (int) floor (log10 (betweenness)) : 2;

  return ti_format_decimal (betweenness, CLAMP (decimals, 2, 6), FALSE);
}

static void
fill_panel (TiMapView *self)
{
  TiNetworkGraph *graph = ti_network_map_get_graph (self->map);
  const TiSectorMatrix *matrix;
  guint gaps = 0;

  clear_panel (self);
  if (graph == NULL)
    return;
  matrix = &graph->sector_matrix;

  count_row_add (self, _("Organisations"), count_nodes (graph, TI_NETWORK_NODE_ORGANISATION));
  if (graph->mode == TI_NETWORK_CHAMPIONS)
    count_row_add (self, _("Champions"), count_nodes (graph, TI_NETWORK_NODE_CHAMPION));
  count_row_add (self, _("Ties"), graph->ties->len);
  count_row_add (self, _("Connected groups"), graph->n_components);

  for (guint i = 0; i < graph->bridges->len; i++)
    {
      guint index = g_array_index (graph->bridges, guint, i);
      g_autofree char *score = format_betweenness (node_at_index (graph, index)->betweenness);

      node_row_add (self, self->bridges_group, index, score);
    }
  if (graph->bridges->len == 0)
    panel_row_add (self, self->bridges_group, _("No bridges yet"),
                   _("Nobody's ties reach two other sectors."), NULL);

  /* A few rows, not hundreds: at scale 10 some 700 rows took GTK a second to lay out on the
   * main thread. The rest are counted; each is found by name on the map. */
  for (guint i = 0; i < MIN (graph->isolated->len, PANEL_MAX_ISOLATED); i++)
    node_row_add (self, self->isolated_group, g_array_index (graph->isolated, guint, i), NULL);
  if (graph->isolated->len > PANEL_MAX_ISOLATED)
    {
      guint more = graph->isolated->len - PANEL_MAX_ISOLATED;
      g_autofree char *count = ti_format_count (more);
      g_autofree char *title
        = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more", "And %s more", more), count);

      panel_row_add (self, self->isolated_group, title,
                     _("Find one by name above the map; the evaluation workbook's Network "
                       "sheet lists them all."),
                     NULL);
    }
  if (graph->isolated->len == 0)
    panel_row_add (self, self->isolated_group, _("None"),
                   _("Every organisation has a champion with ties."), NULL);

  /* The gaps: the matrix's empty cells between two sectors, in words. */
  fill_matrix (self, matrix);
  for (guint a = 0; a < matrix->n_sectors; a++)
    for (guint b = a + 1; b < matrix->n_sectors; b++)
      if (ti_sector_matrix_get_ties (matrix, a, b) == 0)
        {
          g_autofree char *gap = describe_cell (matrix, a, b);

          panel_row_add (self, self->gaps_group, gap, NULL, NULL);
          gaps++;
        }
  if (gaps == 0)
    panel_row_add (self, self->gaps_group, _("None"),
                   _("Every sector has ties with every other."), NULL);
}

/* What is selected: its summary and a way to open it. */
static void
selection_changed_cb (TiMapView *self)
{
  TiNetworkGraph *graph = ti_network_map_get_graph (self->map);
  int selected = ti_network_map_get_selected (self->map);
  const TiNetworkNode *node;
  g_autoptr (GString) summary = g_string_new (NULL);
  g_autofree char *ties = NULL;

  gtk_widget_set_visible (self->selected_group, graph != NULL && selected >= 0);
  if (graph == NULL || selected < 0)
    return;
  node = node_at_index (graph, selected);
  ties = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tie", "%u ties", node->degree),
                          node->degree);
  if (node->kind == TI_NETWORK_NODE_ORGANISATION)
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE, "%s · %u champion · %s",
                                         "%s · %u champions · %s", node->champions),
                            node->sector_label, node->champions, ties);
  else
    {
      if (node->organisation >= 0)
        g_string_append_printf (summary, "%s · ",
                                node_at_index (graph, node->organisation)->label);
      if (node->tier > 0)
        /* Translators: a champion's highest tier */
        g_string_append_printf (summary, _("Tier %d · "), node->tier);
      g_string_append (summary, ties);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->selected_row), node->label);
  adw_action_row_set_subtitle (self->selected_row, summary->str);
  gtk_button_set_label (GTK_BUTTON (self->open_button),
                        node->kind == TI_NETWORK_NODE_ORGANISATION ? _("_Open Organisation")
                                                                   : _("_Open Profile"));
}

static void
open_node (TiMapView *self, int index)
{
  TiNetworkGraph *graph = ti_network_map_get_graph (self->map);
  const TiNetworkNode *node;

  if (graph == NULL || index < 0)
    return;
  node = node_at_index (graph, index);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)",
                              ti_record_kind_key (node->kind == TI_NETWORK_NODE_ORGANISATION
                                                    ? TI_RECORD_ORGANISATION
                                                    : TI_RECORD_PERSON),
                              node->id);
}

static void
open_clicked_cb (TiMapView *self)
{
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

  if (ti_network_graph_save_positions_finish (result, &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  ti_feedback_show_message (GTK_WIDGET (self), _("The Map Could Not Be Saved"), error->message);
}

/* The whole layout kept, in a worker: thousands of rows at scale ten. */
static void
save_layout (TiMapView *self, TiNetworkGraph *graph)
{
  self->layout_unsaved = FALSE;
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

  if (self->database == NULL || graph == NULL)
    return;
  if (!ti_network_graph_save_position (self->database, graph, node, &error))
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

/* The first shown node whose name holds what was typed (case and accents folded). */
static int
find_node (TiMapView *self, const char *text)
{
  TiNetworkGraph *graph = ti_network_map_get_graph (self->map);
  g_autofree char *wanted = ti_text_fold (text);

  if (graph == NULL || *wanted == '\0')
    return -1;
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      g_autofree char *label = ti_text_fold (node_at_index (graph, i)->label);

      if (strstr (label, wanted) != NULL && ti_network_map_node_is_shown (self->map, i))
        return (int) i;
    }
  return -1;
}

static void
search_changed_cb (TiMapView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  int found = find_node (self, text);

  if (found >= 0)
    ti_network_map_focus_node (self->map, found);
  if (*text != '\0' && found < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
search_activate_cb (TiMapView *self)
{
  if (find_node (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) >= 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->map));
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
  filter_changed_cb (self);
  fill_panel (self);
  selection_changed_cb (self);
  gtk_stack_set_visible_child_name (self->stack, "map");
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

  g_set_object (&self->database, database);
  ti_map_view_reload (self);
}

static void
mode_toggled_cb (TiMapView *self)
{
  ti_map_view_reload (self);
}

/* "As of" a day: the network as it stood then; empty for today. Refused in words. */
static void
as_of_activate_cb (TiMapView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->as_of_entry));
  GDate date;

  if (ti_text_is_blank (text))
    g_clear_pointer (&self->as_of, g_free);
  else if (ti_date_parse (text, &date))
    {
      g_free (self->as_of);
      self->as_of = ti_date_to_iso (&date);
    }
  else
    {
      gtk_label_set_text (self->as_of_error,
                          _("The day is not a date: write it as 2023-06-30 or 30/06/2023, or "
                            "leave it empty for today."));
      gtk_widget_set_visible (GTK_WIDGET (self->as_of_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->as_of_entry), "error");
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->as_of_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->as_of_entry), "error");
  ti_map_view_reload (self);
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
  g_ptr_array_unref (self->panel_rows);
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

  g_type_ensure (TI_TYPE_NETWORK_MAP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiMapView, organisations_button);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, champions_button);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, sector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, locality_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, as_of_entry);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, as_of_error);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, stack);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, map);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, selected_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, selected_row);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, open_button);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, measures_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, bridges_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, isolated_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, matrix_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, matrix_grid);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, matrix_key);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_of_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, node_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, node_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, ti_map_view_reload);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "map.fit", NULL, fit_activated);
  gtk_widget_class_install_action (widget_class, "map.save", "s", save_activated);
}

static void
ti_map_view_init (TiMapView *self)
{
  g_autoptr (GtkStringList) tiers = gtk_string_list_new (NULL);
  guint n_sectors, n_localities;
  const TiTerm *sectors = ti_vocabulary_sectors (&n_sectors);
  const TiTerm *localities = ti_vocabulary_localities (&n_localities);

  self->panel_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The network shown last is shown again (the binding keeps the settings alive). */
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    g_settings_bind (settings, "network-map-organisations-only", self->organisations_button,
                     "active", G_SETTINGS_BIND_DEFAULT);
  }

  /* Filled before the filter can run: the template connects it. */
  g_signal_handlers_block_by_func (self->sector_dropdown, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->locality_dropdown, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->tier_dropdown, filter_changed_cb, self);
  ti_table_set_choices (self->sector_dropdown, _("Any sector"), sectors, n_sectors);
  ti_table_set_choices (self->locality_dropdown, _("Any locality"), localities, n_localities);
  for (guint i = 0; i < G_N_ELEMENTS (tier_labels); i++)
    gtk_string_list_append (tiers, _(tier_labels[i]));
  gtk_drop_down_set_model (self->tier_dropdown, G_LIST_MODEL (tiers));
  g_signal_handlers_unblock_by_func (self->sector_dropdown, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->locality_dropdown, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->tier_dropdown, filter_changed_cb, self);

  /* The toolbar's wrappers are no stops for the Tab key; what they hold is. */
  for (GtkWidget *child = gtk_widget_get_first_child (
         gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->search_entry))));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}
