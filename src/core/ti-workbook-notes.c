/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-network-graph.h"
#include "ti-workbook-private.h"

/*
 * The Notes sheet, last: the period, how people appear, the small-number rule, where the
 * numbers come from and which version produced them, what each sheet holds, and how every
 * figure is defined: the same definitions the dashboard's "How Each Figure Is Counted" shows.
 */

#define NOTES "Notes"

static void
write_pair (TiSheet *sheet, const char *label, const char *text)
{
  ti_sheet_text_format (sheet, 0, label, sheet->export->formats.label);
  ti_sheet_text_format (sheet, 1, text, sheet->export->formats.wrap);
  sheet->row++;
}

static void
write_section (TiSheet *sheet, const char *heading, const char *first, const char *second)
{
  sheet->row++;
  ti_sheet_text_format (sheet, 0, heading, sheet->export->formats.title);
  sheet->row++;
  ti_sheet_text_format (sheet, 0, first, sheet->export->formats.header);
  ti_sheet_text_format (sheet, 1, second, sheet->export->formats.header);
  sheet->row++;
}

static void
write_definition (TiSheet *sheet, const char *key, const char *label)
{
  const TiFigureDefinition *definition = ti_evaluation_definition (key);

  if (definition == NULL)
    return;
  write_pair (sheet, label != NULL ? label : _ (definition->label), _ (definition->definition));
}

static void
write_about (TiSheet *sheet)
{
  TiWorkbookExport *export = sheet->export;
  const TiWorkbookOptions *options = export->options;
  g_autofree char *period = ti_format_period (options->from, options->to);
  g_autofree char *produced = ti_format_date (export->today);
  g_autofree char *file = g_path_get_basename (ti_database_get_path (export->db));
  g_autofree char *source = g_strdup_printf (_("The programme file “%s” (schema version %d), "
                                               "read in one consistent snapshot."),
                                             file, ti_database_get_schema_version (export->db));
  g_autofree char *version = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  g_autofree char *rule = NULL;

  if (options->suppression_threshold > 1)
    rule = g_strdup_printf (
      _("In organisation-level tables (Tier 1 reach), a count from 1 to %u is shown as “<%u”. "
        "So that a total cannot give a hidden count away, where a group of sibling rows (the "
        "directorates of one organisation, or the top-level organisations) would hide a single "
        "count of a column, the next smallest count of that column in the group is hidden as "
        "well, and a hidden count’s reach is hidden with it. Zeros are shown."),
      options->suppression_threshold - 1, options->suppression_threshold);
  else
    rule = g_strdup (_("No counts are hidden: the threshold was set to show every count."));

  write_pair (sheet, _("Programme"), export->programme_name);
  write_pair (sheet, _("Period"), period);
  write_pair (sheet, _("Produced"), produced);
  write_pair (sheet, _("Produced by"), version);
  write_pair (sheet, _("Data source"), source);
  write_pair (sheet, _("People"),
              options->include_names
                ? _("Names were included at the producer’s request: this file holds personal "
                    "data. Keep it only where the programme’s data protection rules allow.")
                : _("No names or email addresses: each person appears as a pseudonymous ID "
                    "(P- and ten characters) made from a secret kept in the programme file, "
                    "the same for a person in every export of the programme. Free-text fields "
                    "are exported as written."));
  write_pair (sheet, _("Small numbers"), rule);
  write_pair (sheet, _("Dates"),
              _("A period includes both its days. Sessions and events count by the day they "
                "start; completions, reviews and engagement by the day recorded."));
}

/**
 * ti_workbook_write_notes:
 *
 * Writes the Notes sheet; call it last, once every other sheet has left its note.
 */
gboolean
ti_workbook_write_notes (TiWorkbookExport *export, GError **error)
{
  GPtrArray *headlines = export->evaluation->headlines;
  GPtrArray *charts = export->evaluation->charts;
  const TiFigureDefinition *network;
  guint n_network;
  TiSheet sheet;

  ti_sheet_start (&sheet, export, NOTES, _("Notes"),
                  _("How this workbook was made and how every figure in it is defined."));
  worksheet_set_column (sheet.worksheet, 0, 0, 34, NULL);
  worksheet_set_column (sheet.worksheet, 1, 1, 110, export->formats.wrap);
  write_about (&sheet);

  write_section (&sheet, _("Sheets"), _("Sheet"), _("What it holds"));
  for (guint i = 0; i < export->notes->len; i++)
    {
      const TiWorkbookNote *note = g_ptr_array_index (export->notes, i);

      write_pair (&sheet, note->sheet, note->text);
    }

  write_section (&sheet, _("Headline figures"), _("Figure"), _("How it is counted"));
  for (guint i = 0; i < headlines->len; i++)
    {
      const TiHeadline *headline = g_ptr_array_index (headlines, i);

      write_definition (&sheet, headline->key, headline->label);
    }

  write_section (&sheet, _("Charts"), _("Chart"), _("How it is counted"));
  for (guint i = 0; i < charts->len; i++)
    {
      const TiChartFigure *chart = g_ptr_array_index (charts, i);

      write_definition (&sheet, chart->key, chart->title);
    }

  write_section (&sheet, _("Network measures"), _("Measure"), _("How it is counted"));
  network = ti_network_graph_figure_definitions (&n_network);
  for (guint i = 0; i < n_network; i++)
    write_pair (&sheet, _ (network[i].label), _ (network[i].definition));
  return TRUE;
}
