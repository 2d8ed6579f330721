/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-map-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-format.h"
#include "ti-map-panel.h"
#include "ti-table.h"
#include "ti-vocabulary.h"

/**
 * TiMapPanel:
 *
 * The panel beside the network map (#TiMapView): what is selected on the map, with a way to
 * open it; how much of the network the filters show; and what is measured of the whole
 * network — its size, the bridges between sectors, the ties between sectors as a matrix and
 * the gaps in words, the isolated organisations — as lists whose rows find what they name on
 * the map. It reads the map's graph; the view tells it when the graph or the filter changed.
 * Its buttons run the view's actions (map.open-selected, map.clear-filters).
 */

/* The isolated organisations the panel names one by one; the rest it counts. */
#define PANEL_MAX_ISOLATED 10

struct _TiMapPanel
{
  GtkWidget parent_instance;

  TiNetworkMap *map;

  GtkWidget *scroller;
  GtkWidget *shown_group;
  GtkLabel *shown_label;
  GtkWidget *selected_group;
  AdwActionRow *selected_row;
  GtkWidget *open_button;
  AdwPreferencesGroup *measures_group;
  AdwPreferencesGroup *bridges_group;
  AdwPreferencesGroup *isolated_group;
  GtkWidget *matrix_group;
  GtkWidget *matrix_scroller;
  GtkGrid *matrix_grid;
  GtkLabel *matrix_key;
  AdwPreferencesGroup *gaps_group;

  GPtrArray *rows; /* the rows added to the groups, to take them away */
};

G_DEFINE_FINAL_TYPE (TiMapPanel, ti_map_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static TiNetworkGraph *
panel_graph (TiMapPanel *self)
{
  return self->map != NULL ? ti_network_map_get_graph (self->map) : NULL;
}

static const TiNetworkNode *
node_at_index (TiNetworkGraph *graph, guint index)
{
  return &g_array_index (graph->nodes, TiNetworkNode, index);
}

/* Rows ----------------------------------------------------------------------------------- */

static void
clear_rows (TiMapPanel *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
row_add (TiMapPanel *self, AdwPreferencesGroup *group, const char *title, const char *subtitle,
         const char *suffix)
{
  GtkWidget *row = ti_table_info_row_new (title, subtitle, suffix);

  g_object_set_data (G_OBJECT (row), "group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
node_row_activated_cb (AdwActionRow *row, TiMapPanel *self)
{
  if (self->map == NULL)
    return;
  ti_network_map_focus_node (self->map,
                             GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "node")));
  gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

/* A row naming a node: activating it finds the node on the map. */
static GtkWidget *
node_row_add (TiMapPanel *self, AdwPreferencesGroup *group, guint index, const char *subtitle,
              const char *suffix)
{
  TiNetworkGraph *graph = panel_graph (self);
  const TiNetworkNode *node = node_at_index (graph, index);
  g_autofree char *organisation = NULL;
  GtkWidget *row;

  if (subtitle == NULL && node->kind == TI_NETWORK_NODE_CHAMPION && node->organisation >= 0)
    subtitle = organisation = g_strdup_printf (
      "%s · %s", node_at_index (graph, node->organisation)->label, node->sector_label);
  else if (subtitle == NULL)
    subtitle = node->sector_label;
  row = row_add (self, group, node->label, subtitle, suffix);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "node", GUINT_TO_POINTER (index));
  g_signal_connect_object (row, "activated", G_CALLBACK (node_row_activated_cb), self, 0);
  return row;
}

static guint
count_nodes (TiNetworkGraph *graph, TiNetworkNodeKind kind)
{
  guint n = 0;

  for (guint i = 0; i < graph->nodes->len; i++)
    n += node_at_index (graph, i)->kind == kind;
  return n;
}

/* The champions of the network, drawn or (the organisations only) counted in their
 * organisations. */
static guint
count_champions (TiNetworkGraph *graph)
{
  guint n = 0;

  if (graph->mode == TI_NETWORK_CHAMPIONS)
    return count_nodes (graph, TI_NETWORK_NODE_CHAMPION);
  for (guint i = 0; i < graph->nodes->len; i++)
    n += node_at_index (graph, i)->champions;
  return n;
}

static void
count_row_add (TiMapPanel *self, const char *title, guint count)
{
  g_autofree char *value = ti_format_count (count);

  row_add (self, self->measures_group, title, NULL, value);
}

/* The ties between sectors ---------------------------------------------------------------- */

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
matrix_label_attach (TiMapPanel *self, const char *text, const char *words, int column, int row)
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
fill_matrix (TiMapPanel *self, const TiSectorMatrix *matrix)
{
  g_autoptr (GString) key = g_string_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matrix_grid))) != NULL)
    gtk_grid_remove (self->matrix_grid, child);
  gtk_widget_set_visible (self->matrix_group, matrix != NULL && matrix->n_sectors > 0);
  if (matrix == NULL)
    return;

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

/* @names joined for a sentence: "Police, Education, Housing". */
static char *
join_names (GPtrArray *names)
{
  g_autoptr (GString) joined = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of a list in a sentence */
        g_string_append (joined, _(", "));
      g_string_append (joined, g_ptr_array_index (names, i));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* The sectors @node's ties (not a champion's to their organisation) reach, in words, as the
 * core found them for the bridges: its own first, then the others in the vocabulary's order. */
static GPtrArray *
tied_sectors (TiNetworkGraph *graph, guint node)
{
  const TiNetworkNode *n = node_at_index (graph, node);
  guint n_terms;
  const TiTerm *terms = ti_vocabulary_sectors (&n_terms);
  GPtrArray *names = g_ptr_array_new ();

  g_ptr_array_add (names, (gpointer) ti_vocabulary_sector_label (n->sector));
  for (guint i = 0; i < MIN (n_terms, 32); i++)
    if ((n->sectors_reached & (1u << i)) != 0 && g_strcmp0 (terms[i].key, n->sector) != 0)
      g_ptr_array_add (names, (gpointer) ti_vocabulary_sector_label (terms[i].key));
  return names;
}

/* Filling -------------------------------------------------------------------------------- */

/* The bridges, most paths between others through them first: their rank, and the sectors
 * they tie together in words (betweenness itself means little to the board). */
static void
fill_bridges (TiMapPanel *self, TiNetworkGraph *graph)
{
  for (guint i = 0; i < graph->bridges->len; i++)
    {
      guint index = g_array_index (graph->bridges, guint, i);
      const TiNetworkNode *node = node_at_index (graph, index);
      g_autoptr (GPtrArray) sectors = tied_sectors (graph, index);
      g_autofree char *names = join_names (sectors);
      g_autofree char *connects
        = sectors->len == graph->sector_matrix.n_sectors && sectors->len > 2
            /* Translators: a bridge whose ties reach every sector of the network */
            ? g_strdup_printf (_("Connects all %u sectors"), sectors->len)
            : g_strdup_printf (
              /* Translators: a bridge: "Connects 3 sectors: NHS trust, Council, Police" */
              g_dngettext (GETTEXT_PACKAGE, "Connects %u sector: %s", "Connects %u sectors: %s",
                           sectors->len),
              sectors->len, names);
      g_autofree char *subtitle = NULL;
      /* Translators: a bridge's rank: "#1" is the bridge most paths go through */
      g_autofree char *rank = g_strdup_printf (_("#%u"), i + 1);

      if (node->kind == TI_NETWORK_NODE_CHAMPION && node->organisation >= 0)
        subtitle = g_strdup_printf ("%s\n%s", node_at_index (graph, node->organisation)->label,
                                    connects);
      node_row_add (self, self->bridges_group, index, subtitle ? subtitle : connects, rank);
    }
  if (graph->bridges->len == 0)
    row_add (self, self->bridges_group, _("No bridges yet"),
             _("Nobody's ties reach two other sectors."), NULL);
}

static void
fill_isolated (TiMapPanel *self, TiNetworkGraph *graph)
{
  /* A few rows, not hundreds: at scale 10 some 700 rows took GTK a second to lay out on the
   * main thread. The rest are counted; each is found by name on the map. */
  for (guint i = 0; i < MIN (graph->isolated->len, PANEL_MAX_ISOLATED); i++)
    {
      guint index = g_array_index (graph->isolated, guint, i);
      const TiNetworkNode *node = node_at_index (graph, index);
      g_autofree char *why = NULL;

      if (node->champions == 0)
        /* Translators: why an organisation is isolated: "Primary care · no champion" */
        why = g_strdup_printf (_("%s · no champion"), node->sector_label);
      else
        why = g_strdup_printf (
          /* Translators: why an organisation is isolated */
          g_dngettext (GETTEXT_PACKAGE,
                       "%s · %u champion, with no ties beyond the organisation",
                       "%s · %u champions, with no ties beyond the organisation",
                       node->champions),
          node->sector_label, node->champions);
      node_row_add (self, self->isolated_group, index, why, NULL);
    }
  if (graph->isolated->len > PANEL_MAX_ISOLATED)
    {
      guint more = graph->isolated->len - PANEL_MAX_ISOLATED;
      g_autofree char *count = ti_format_count (more);
      g_autofree char *title
        = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more", "And %s more", more), count);

      row_add (self, self->isolated_group, title,
               _("Find one by name above the map; the evaluation workbook's Network "
                 "sheet lists them all."),
               NULL);
    }
  if (graph->isolated->len == 0)
    row_add (self, self->isolated_group, _("None"),
             _("Every organisation has a champion with ties."), NULL);
}

/* The gaps, the matrix's empty cells between two sectors, in words and grouped: the sector
 * with the most gaps first, with all of them ("University: no ties with Police, Education,
 * …"), then the one with the most of those left, so that each gap is said once. */
static void
fill_gaps (TiMapPanel *self, const TiSectorMatrix *matrix)
{
  guint n = matrix->n_sectors;
  g_autofree gboolean *said = g_new0 (gboolean, n * n + 1);
  guint left = 0;

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      left += ti_sector_matrix_get_ties (matrix, a, b) == 0;
  if (left == 0)
    row_add (self, self->gaps_group, _("None"), _("Every sector has ties with every other."),
             NULL);
  while (left > 0)
    {
      guint most = 0, most_gaps = 0;
      g_autoptr (GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;
      g_autofree char *subtitle = NULL;

      for (guint a = 0; a < n; a++)
        {
          guint gaps = 0;

          for (guint b = 0; b < n; b++)
            gaps += b != a && ti_sector_matrix_get_ties (matrix, a, b) == 0 && !said[a * n + b];
          if (gaps > most_gaps)
            most = a, most_gaps = gaps;
        }
      for (guint b = 0; b < n; b++)
        if (b != most && ti_sector_matrix_get_ties (matrix, most, b) == 0 && !said[most * n + b])
          {
            said[most * n + b] = said[b * n + most] = TRUE;
            g_ptr_array_add (names, (gpointer) ti_vocabulary_sector_label (matrix->sectors[b]));
          }
      left -= names->len;
      joined = join_names (names);
      /* Translators: a sector's gaps: "No ties with Police, Education" */
      subtitle = g_strdup_printf (_("No ties with %s"), joined);
      row_add (self, self->gaps_group, ti_vocabulary_sector_label (matrix->sectors[most]),
               subtitle, NULL);
    }
}

/* What is selected: its summary, and a way to open it (the view's map.open-selected). */
static void
selection_changed_cb (TiMapPanel *self)
{
  TiNetworkGraph *graph = panel_graph (self);
  int selected = self->map != NULL ? ti_network_map_get_selected (self->map) : -1;
  const TiNetworkNode *node;
  g_autoptr (GString) summary = g_string_new (NULL);
  g_autofree char *n_ties = NULL;
  g_autofree char *ties = NULL;

  gtk_widget_set_visible (self->selected_group, graph != NULL && selected >= 0);
  if (graph == NULL || selected < 0)
    return;
  node = node_at_index (graph, selected);
  n_ties = ti_format_count (node->degree);
  ties = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s tie", "%s ties", node->degree),
                          n_ties);
  if (node->kind == TI_NETWORK_NODE_ORGANISATION)
    {
      g_autofree char *n_champions = ti_format_count (node->champions);

      /* Translators: a selected organisation: "Police · 1,622 champions · 1,622 ties" */
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, "%s · %s champion · %s",
                                           "%s · %s champions · %s", node->champions),
                              node->sector_label, n_champions, ties);
    }
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

/**
 * ti_map_panel_update_shown:
 * @self: the panel
 *
 * Says how much of the network the map's filter shows, when it hides any of it: the figures
 * below are the whole network's.
 */
void
ti_map_panel_update_shown (TiMapPanel *self)
{
  TiNetworkGraph *graph;
  guint organisations = 0, champions = 0, shown_organisations = 0, shown_champions = 0;

  g_return_if_fail (TI_IS_MAP_PANEL (self));

  graph = panel_graph (self);
  if (graph != NULL)
    for (guint i = 0; i < graph->nodes->len; i++)
      {
        gboolean shown = ti_network_map_node_is_shown (self->map, i);

        if (node_at_index (graph, i)->kind == TI_NETWORK_NODE_ORGANISATION)
          organisations++, shown_organisations += shown;
        else
          champions++, shown_champions += shown;
      }
  gtk_widget_set_visible (self->shown_group, graph != NULL
                                               && (shown_organisations < organisations
                                                   || shown_champions < champions));
  if (graph != NULL)
    {
      g_autofree char *n_organisations = ti_format_count (organisations);
      g_autofree char *n_shown_organisations = ti_format_count (shown_organisations);
      g_autofree char *n_champions = ti_format_count (champions);
      g_autofree char *n_shown_champions = ti_format_count (shown_champions);
      g_autofree char *text = NULL;

      /* Translators: part of "Showing 2 of 136 organisations" */
      g_autofree char *shown_part = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s of %s organisation", "%s of %s organisations",
                     organisations),
        n_shown_organisations, n_organisations);

      if (champions == 0)
        /* Translators: "Showing 2 of 136 organisations" */
        text = g_strdup_printf (_("Showing %s"), shown_part);
      else
        {
          /* Translators: part of "Showing 2 of 136 organisations and 14 of 820 champions" */
          g_autofree char *champions_part = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%s of %s champion", "%s of %s champions", champions),
            n_shown_champions, n_champions);

          /* Translators: "Showing 2 of 136 organisations and 14 of 820 champions" */
          text = g_strdup_printf (_("Showing %s and %s"), shown_part, champions_part);
        }
      gtk_label_set_text (self->shown_label, text);
    }
}

/**
 * ti_map_panel_update:
 * @self: the panel
 *
 * Fills the panel from the map's graph, which has just changed.
 */
void
ti_map_panel_update (TiMapPanel *self)
{
  TiNetworkGraph *graph;

  g_return_if_fail (TI_IS_MAP_PANEL (self));

  graph = panel_graph (self);
  clear_rows (self);
  fill_matrix (self, graph != NULL ? &graph->sector_matrix : NULL);
  ti_map_panel_update_shown (self);
  selection_changed_cb (self);
  if (graph == NULL)
    return;

  count_row_add (self, _("Organisations"), count_nodes (graph, TI_NETWORK_NODE_ORGANISATION));
  if (graph->mode == TI_NETWORK_CHAMPIONS)
    count_row_add (self, _("Champions"), count_nodes (graph, TI_NETWORK_NODE_CHAMPION));
  count_row_add (self, _("Ties"), graph->ties->len);
  count_row_add (self, _("Connected groups"), graph->n_components);
  /* No ties (a day before any activity, a new programme): a matrix of gaps and a list of
   * every pair of sectors would say nothing more, and nothing of why. */
  gtk_widget_set_visible (GTK_WIDGET (self->gaps_group), graph->ties->len > 0);
  if (graph->ties->len == 0)
    {
      gtk_widget_set_visible (self->matrix_group, FALSE);
      if (count_champions (graph) == 0)
        row_add (self, self->measures_group,
                 graph->past ? _("No champions yet on this day") : _("No champions yet"),
                 NULL, NULL);
      row_add (self, self->measures_group,
               graph->past ? _("No ties yet on this day") : _("No ties yet"),
               NULL, NULL);
    }
  fill_bridges (self, graph);
  fill_isolated (self, graph);
  if (graph->ties->len > 0)
    fill_gaps (self, &graph->sector_matrix);
}

/**
 * ti_map_panel_set_map:
 * @self: the panel
 * @map: (nullable): the map it speaks of
 */
void
ti_map_panel_set_map (TiMapPanel *self, TiNetworkMap *map)
{
  g_return_if_fail (TI_IS_MAP_PANEL (self));

  if (self->map == map)
    return;
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_func (self->map, selection_changed_cb, self);
  g_set_object (&self->map, map);
  if (map != NULL)
    g_signal_connect_object (map, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                             G_CONNECT_SWAPPED);
  ti_map_panel_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP]);
}

/**
 * ti_map_panel_get_map:
 *
 * Returns: (transfer none) (nullable): the map it speaks of
 */
TiNetworkMap *
ti_map_panel_get_map (TiMapPanel *self)
{
  g_return_val_if_fail (TI_IS_MAP_PANEL (self), NULL);
  return self->map;
}

/* The widget ----------------------------------------------------------------------------- */

/* As wide as it needs up to TI_MAP_PANEL_MAX_WIDTH: its wrapping descriptions would ask for
 * half a wide window. */
static void
ti_map_panel_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  TiMapPanel *self = TI_MAP_PANEL (widget);

  gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, MIN (*natural, TI_MAP_PANEL_MAX_WIDTH));
}

static void
ti_map_panel_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  gtk_widget_allocate (TI_MAP_PANEL (widget)->scroller, width, height, baseline, NULL);
}

static void
ti_map_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiMapPanel *self = TI_MAP_PANEL (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_map_panel_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TiMapPanel *self = TI_MAP_PANEL (object);

  switch (prop_id)
    {
    case PROP_MAP:
      ti_map_panel_set_map (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_map_panel_dispose (GObject *object)
{
  TiMapPanel *self = TI_MAP_PANEL (object);

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_func (self->map, selection_changed_cb, self);
  g_clear_object (&self->map);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_MAP_PANEL);
  G_OBJECT_CLASS (ti_map_panel_parent_class)->dispose (object);
}

static void
ti_map_panel_finalize (GObject *object)
{
  g_ptr_array_unref (TI_MAP_PANEL (object)->rows);
  G_OBJECT_CLASS (ti_map_panel_parent_class)->finalize (object);
}

static void
ti_map_panel_class_init (TiMapPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ti_map_panel_get_property;
  object_class->set_property = ti_map_panel_set_property;
  object_class->dispose = ti_map_panel_dispose;
  object_class->finalize = ti_map_panel_finalize;
  widget_class->measure = ti_map_panel_measure;
  widget_class->size_allocate = ti_map_panel_size_allocate;

  properties[PROP_MAP]
    = g_param_spec_object ("map", NULL, NULL, TI_TYPE_NETWORK_MAP,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-map-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, shown_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, shown_label);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, selected_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, selected_row);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, open_button);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, measures_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, bridges_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, isolated_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, matrix_group);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, matrix_scroller);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, matrix_grid);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, matrix_key);
  gtk_widget_class_bind_template_child (widget_class, TiMapPanel, gaps_group);
}

static void
ti_map_panel_init (TiMapPanel *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The matrix scrolls sideways only: a wheel turned over it scrolls the panel. GTK 4.8's
   * scrolled window keeps every wheel event once it can scroll either way. */
  {
    g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (self->matrix_scroller);

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
          gtk_event_controller_scroll_set_flags (
            GTK_EVENT_CONTROLLER_SCROLL (controller),
            gtk_event_controller_scroll_get_flags (GTK_EVENT_CONTROLLER_SCROLL (controller))
              & ~GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
      }
  }
}
