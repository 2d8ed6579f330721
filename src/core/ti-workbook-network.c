/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-format.h"
#include "ti-network-graph.h"
#include "ti-vocabulary.h"
#include "ti-workbook-private.h"

/*
 * The Network sheet: the champions' network as it stood on the period's last day (or today),
 * measured by the same igraph code as the network map: its size, the bridges between sectors,
 * the ties between each pair of sectors with the gaps named, and the isolated organisations.
 */

static void
write_fact (TiSheet *sheet, const char *label, gint64 value)
{
  ti_sheet_text_format (sheet, 0, label, sheet->export->formats.label);
  ti_sheet_count (sheet, 1, value);
  sheet->row++;
}

static void
write_heading (TiSheet *sheet, const char *heading, const char *line)
{
  sheet->row++;
  ti_sheet_text_format (sheet, 0, heading, sheet->export->formats.label);
  sheet->row++;
  if (line != NULL)
    {
      ti_sheet_text_format (sheet, 0, line, sheet->export->formats.subtitle);
      sheet->row++;
    }
}

static void
write_header (TiSheet *sheet, const char *const *headings, guint n)
{
  for (guint c = 0; c < n; c++)
    ti_sheet_text_format (sheet, c, _ (headings[c]), sheet->export->formats.header);
  sheet->row++;
}

static const TiNetworkNode *
node_at (const TiNetworkGraph *graph, guint index)
{
  return &g_array_index (graph->nodes, TiNetworkNode, index);
}

/* The champions whose ties reach other sectors, highest betweenness first. */
static void
write_bridges (TiSheet *sheet, const TiNetworkGraph *graph)
{
  static const char *headings[] = { N_ ("Champion"), N_ ("Organisation"), N_ ("Sector"),
                                    N_ ("Ties"), N_ ("Betweenness") };

  write_heading (sheet, _("Bridges"),
                 _("Champions whose ties reach at least two other sectors, by betweenness (the "
                   "share of shortest paths between others that pass through them)."));
  write_header (sheet, headings, G_N_ELEMENTS (headings));
  for (guint i = 0; i < graph->bridges->len; i++)
    {
      const TiNetworkNode *node = node_at (graph, g_array_index (graph->bridges, guint, i));
      g_autofree char *who = ti_workbook_person (sheet->export, node->id, node->label);

      ti_sheet_text (sheet, 0, who);
      if (node->organisation >= 0)
        ti_sheet_text (sheet, 1, node_at (graph, (guint)node->organisation)->label);
      ti_sheet_text (sheet, 2, node->sector_label);
      ti_sheet_count (sheet, 3, node->degree);
      ti_sheet_number (sheet, 4, node->betweenness, sheet->export->formats.fraction);
      sheet->row++;
    }
  if (graph->bridges->len == 0)
    {
      ti_sheet_text_format (sheet, 0, _("No champion ties two other sectors yet."),
                            sheet->export->formats.subtitle);
      sheet->row++;
    }
}

/* Ties within and between the sectors as a matrix (a sector's row and column, within a
 * sector on the diagonal), then the pairs with none named in words. */
static void
write_sectors (TiSheet *sheet, const TiNetworkGraph *graph)
{
  const TiSectorMatrix *matrix = &graph->sector_matrix;
  g_autoptr (GString) gaps = g_string_new (NULL);

  write_heading (sheet, _("Ties within and between sectors"),
                 _("How many champion ties join a champion of the row’s sector to one of the "
                   "column’s (within a sector on the diagonal); 0 between two sectors is a "
                   "gap."));
  ti_sheet_text_format (sheet, 0, _("Sector"), sheet->export->formats.header);
  for (guint c = 0; c < matrix->n_sectors; c++)
    ti_sheet_text_format (sheet, c + 1, ti_vocabulary_sector_label (matrix->sectors[c]),
                          sheet->export->formats.header);
  sheet->row++;
  for (guint r = 0; r < matrix->n_sectors; r++)
    {
      ti_sheet_text_format (sheet, 0, ti_vocabulary_sector_label (matrix->sectors[r]),
                            sheet->export->formats.label);
      for (guint c = 0; c < matrix->n_sectors; c++)
        ti_sheet_count (sheet, c + 1, ti_sector_matrix_get_ties (matrix, r, c));
      sheet->row++;
    }

  for (guint i = 0; i < graph->sector_pairs->len; i++)
    {
      const TiSectorPair *pair = &g_array_index (graph->sector_pairs, TiSectorPair, i);

      if (pair->ties > 0)
        continue;
      if (gaps->len > 0)
        g_string_append (gaps, "; ");
      g_string_append_printf (gaps, _("no ties between %s and %s"),
                              ti_vocabulary_sector_label (pair->a),
                              ti_vocabulary_sector_label (pair->b));
    }
  write_heading (sheet, _("Gaps between sectors"), NULL);
  ti_sheet_text_format (sheet, 0, gaps->len > 0 ? gaps->str : _("Every pair of sectors is tied."),
                        sheet->export->formats.wrap);
  sheet->row++;
}

static void
write_isolated (TiSheet *sheet, const TiNetworkGraph *graph)
{
  static const char *headings[] = { N_ ("Organisation"), N_ ("Sector"), N_ ("Champions") };

  write_heading (sheet, _("Isolated organisations"),
                 _("Organisations with no champion, or none of whose champions has a tie with a "
                   "champion of another organisation."));
  write_header (sheet, headings, G_N_ELEMENTS (headings));
  for (guint i = 0; i < graph->isolated->len; i++)
    {
      const TiNetworkNode *node = node_at (graph, g_array_index (graph->isolated, guint, i));

      ti_sheet_text (sheet, 0, node->label);
      ti_sheet_text (sheet, 1, node->sector_label);
      ti_sheet_count (sheet, 2, node->champions);
      sheet->row++;
    }
}

/**
 * ti_workbook_write_network:
 *
 * Writes the Network sheet.
 */
gboolean
ti_workbook_write_network (TiWorkbookExport *export, GError **error)
{
  const char *day = export->sources.network.on;
  g_autoptr (TiNetworkGraph) graph = ti_network_graph_build (export->db, TI_NETWORK_CHAMPIONS,
                                                             day, error);
  g_autofree char *on = NULL;
  g_autofree char *subtitle = NULL;
  guint organisations = 0, champions = 0, ties = 0;
  TiSheet sheet;

  if (graph == NULL)
    return FALSE;
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      if (node_at (graph, i)->kind == TI_NETWORK_NODE_ORGANISATION)
        organisations++;
      else
        champions++;
    }
  for (guint i = 0; i < graph->ties->len; i++)
    ties += !g_array_index (graph->ties, TiNetworkTie, i).membership;

  on = ti_format_date (graph->as_of);
  subtitle = g_strdup_printf (_("The champions’ network as it stood on %s: ties are sessions "
                                "facilitated or attended together and events attended "
                                "together."),
                              on);
  ti_sheet_start (&sheet, export, "Network", _("The champions’ network"), subtitle);
  worksheet_set_column (sheet.worksheet, 0, 0, 40, NULL);
  worksheet_set_column (sheet.worksheet, 1, 1, 36, NULL);
  worksheet_set_column (sheet.worksheet, 2, 12, 14, NULL);
  write_fact (&sheet, _("Organisations"), organisations);
  write_fact (&sheet, _("Champions"), champions);
  write_fact (&sheet, _("Ties between champions"), ties);
  write_fact (&sheet, _("Connected groups"), graph->n_components);
  write_fact (&sheet, _("Isolated organisations"), graph->isolated->len);
  write_fact (&sheet, _("Large gatherings not counted as ties"), graph->large_gatherings);
  write_bridges (&sheet, graph);
  write_sectors (&sheet, graph);
  write_isolated (&sheet, graph);
  ti_sheet_note (export, "Network",
                 _("The network map’s measures on the period’s last day (or today if earlier): "
                   "champions tied by delivered sessions facilitated or attended together and "
                   "events attended together; gatherings of more than 40 champions make no "
                   "ties. Bridges appear by pseudonymous ID unless names are included."));
  return TRUE;
}
