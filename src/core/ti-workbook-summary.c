/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ti-format.h"
#include "ti-workbook-private.h"

/*
 * The Summary sheet, first in the workbook: the programme, the period, when it was produced
 * and how people appear; every headline figure labelled in the same row as its value (each
 * a defined name, "active_champions"); and native Excel charts of the evaluation's charts,
 * drawn from the numbers on the Chart data sheet.
 */

#define SUMMARY "Summary"
#define CHART_DATA "Chart data"

/* How many categories a chart draws at most, the latest: more bars than this cannot be
 * told apart at a chart's size. */
#define CHART_MAX_RECORDS 20

/* How each of the evaluation's charts is drawn in Excel; a chart not listed is not drawn
 * (the milestone timeline is the Milestones sheet). */
static const struct
{
  const char *key;
  uint8_t type;
  const char *category_axis; /* marked with N_() */
} chart_kinds[] = {
  { "completions_over_time", LXW_CHART_LINE, N_ ("Month") },
  { "reach_by_sector", LXW_CHART_BAR, N_ ("Sector") },
  { "confidence_by_tier", LXW_CHART_COLUMN, N_ ("Tier") },
  { "attendance_by_event", LXW_CHART_COLUMN, N_ ("Event") },
  { "charter_by_sector", LXW_CHART_BAR_STACKED, N_ ("Sector") },
  { "champions_over_time", LXW_CHART_LINE, N_ ("Month") },
  { "sessions_by_facilitator", LXW_CHART_COLUMN, N_ ("Facilitator") },
  { "review_outcomes", LXW_CHART_DOUGHNUT, NULL },
};

/* Where one chart's numbers stand on the Chart data sheet. */
typedef struct
{
  const TiChartFigure *figure;
  uint8_t type;
  const char *category_axis;
  lxw_row_t header_row; /* categories from the row under it */
  guint n_categories;
  guint n_series;
  gboolean months; /* every category is a month */
} ChartBlock;

/* A month's key, 'YYYY-MM' (ti_series_set_category_month()). */
static gboolean
is_month (const char *key)
{
  return key != NULL && strlen (key) == 7 && g_ascii_isdigit (key[0]) && key[4] == '-'
         && g_ascii_isdigit (key[5]) && g_ascii_isdigit (key[6]);
}

static lxw_format *
value_format (TiWorkbookExport *export, TiSeriesFormat format)
{
  switch (format)
    {
    case TI_SERIES_FORMAT_PERCENT:
      return export->formats.percent;
    case TI_SERIES_FORMAT_SCORE:
      return export->formats.score;
    case TI_SERIES_FORMAT_COUNT:
    case TI_SERIES_FORMAT_MONTH:
    default:
      return export->formats.count;
    }
}

static lxw_format *
headline_format (TiWorkbookExport *export, const char *key)
{
  if (g_str_equal (key, "tier1_reach"))
    return export->formats.percent;
  if (g_str_equal (key, "confidence_change"))
    return export->formats.decimal;
  return export->formats.count;
}

static void
write_fact (TiSheet *sheet, const char *label, const char *value)
{
  ti_sheet_text_format (sheet, 0, label, sheet->export->formats.label);
  ti_sheet_text (sheet, 1, value);
  sheet->row++;
}

static void
write_facts (TiSheet *sheet)
{
  TiWorkbookExport *export = sheet->export;
  const TiWorkbookOptions *options = export->options;
  g_autofree char *period = ti_format_period (options->from, options->to);
  g_autofree char *produced = ti_format_date (export->today);
  g_autofree char *small = NULL;

  if (options->suppression_threshold > 1)
    small = g_strdup_printf (_("Counts from 1 to %u are shown as “<%u” in organisation-level "
                               "tables (see Notes)."),
                             options->suppression_threshold - 1, options->suppression_threshold);
  else
    small = g_strdup (_("Not hidden: every count is shown."));

  write_fact (sheet, _("Programme"), export->programme_name);
  write_fact (sheet, _("Period"), period);
  write_fact (sheet, _("Produced"), produced);
  write_fact (sheet, _("People"),
              options->include_names
                ? _("Named: this file holds personal data; share it only with those who need it.")
                : _("Pseudonymised (IDs such as P-3F9A0C21D4; no names or email addresses), but "
                    "still personal data: free text is exported as written and a champion may "
                    "stand out in a small organisation. Share it as the programme’s data rules "
                    "allow."));
  write_fact (sheet, _("Small numbers"), small);
}

/* The headline figures, one row each, each value a defined name of its key. */
static void
write_headlines (TiSheet *sheet)
{
  static const char *headings[] = { N_ ("Figure"), N_ ("Value"), N_ ("Context"),
                                    N_ ("Outcomes") };
  static const double widths[] = { 34, 14, 40, 26 };
  const char *translated[G_N_ELEMENTS (headings)];
  TiWorkbookExport *export = sheet->export;
  GPtrArray *headlines = export->evaluation->headlines;

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    translated[c] = _ (headings[c]);
  sheet->row++;
  ti_sheet_header (sheet, translated, widths, G_N_ELEMENTS (headings));
  for (guint i = 0; i < headlines->len; i++)
    {
      const TiHeadline *headline = g_ptr_array_index (headlines, i);
      g_autofree char *outcomes = ti_outcomes_join (headline->outcomes, TRUE, ", ");
      g_autofree char *reference = NULL;
      char cell[16];

      ti_sheet_text (sheet, 0, headline->label);
      if (isnan (headline->number))
        ti_sheet_text_format (sheet, 1, _("no data"), export->formats.hidden);
      else
        ti_sheet_number (sheet, 1, headline->number, headline_format (export, headline->key));
      ti_sheet_text (sheet, 2, headline->detail);
      ti_sheet_text (sheet, 3, outcomes);
      lxw_rowcol_to_cell_abs (cell, sheet->row, 1, TRUE, TRUE);
      /* The keys are ours: lower case, digits and underscores, never a cell's name. */
      reference = g_strdup_printf ("=%s!%s", SUMMARY, cell);
      workbook_define_name (export->workbook, headline->key, reference);
      sheet->row++;
    }
}

/* For the reach by sector, the sectors whose people reached are a small number: their reach
 * (over a published headcount) would give it away, so it is hidden as the organisations'
 * counts are. NULL for any other chart, or when nothing is hidden. */
static gboolean *
hidden_sectors (TiWorkbookExport *export, const TiSeries *series)
{
  guint threshold = export->options->suppression_threshold;
  g_autoptr (GListModel) rows = NULL;
  gboolean *hidden;
  guint n;

  if (threshold <= 1 || !g_str_equal (ti_series_get_key (series), "reach_by_sector"))
    return NULL;
  rows = ti_tier1_tally_rows (export->sources.breakdown.tier1, TI_REACH_BY_SECTOR);
  n = g_list_model_get_n_items (rows);
  g_return_val_if_fail (n == ti_series_get_n_categories (series), NULL);
  hidden = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiReachRow) row = g_list_model_get_item (rows, i);
      guint reached = ti_reach_row_get_reached (row);

      hidden[i] = reached > 0 && reached < threshold;
    }
  return hidden;
}

/* One chart's numbers on the Chart data sheet: a title, a header of the series' names, a
 * row for each category. */
static void
write_chart_block (TiSheet *data, ChartBlock *block)
{
  const TiSeries *series = block->figure->series;
  lxw_format *format = value_format (data->export, ti_series_get_format (series));
  g_autofree gboolean *hidden = hidden_sectors (data->export, series);
  g_autofree char *hidden_text
    = g_strdup_printf ("<%u", data->export->options->suppression_threshold);

  ti_sheet_text_format (data, 0, block->figure->title, data->export->formats.label);
  data->row++;
  block->header_row = data->row;
  block->n_categories = ti_series_get_n_categories (series);
  block->n_series = ti_series_get_n_series (series);
  ti_sheet_text_format (data, 0, _ (block->category_axis != NULL ? block->category_axis
                                                                  : N_ ("Category")),
                        data->export->formats.header);
  for (guint s = 0; s < block->n_series; s++)
    ti_sheet_text_format (data, s + 1, ti_series_get_series_name (series, s),
                          data->export->formats.header);
  data->row++;
  block->months = block->n_categories > 0;
  for (guint c = 0; c < block->n_categories; c++)
    block->months = block->months && is_month (ti_series_get_category_key (series, c));
  for (guint c = 0; c < block->n_categories; c++)
    {
      /* Months as dates, so that every spreadsheet shows them as months. */
      if (block->months)
        ti_sheet_month (data, 0, ti_series_get_category_key (series, c));
      else
        ti_sheet_text (data, 0, ti_series_get_category_label (series, c));
      for (guint s = 0; s < block->n_series; s++)
        if (hidden != NULL && hidden[c])
          ti_sheet_text_format (data, s + 1, hidden_text, data->export->formats.hidden);
        else
          ti_sheet_number (data, s + 1, ti_series_get_value (series, s, c), format);
      data->row++;
    }
  data->row++;
}

static lxw_chart *
make_chart (TiWorkbookExport *export, const ChartBlock *block)
{
  lxw_chart *chart = workbook_add_chart (export->workbook, block->type);
  lxw_chart_axis *category_axis = chart->x_axis;
  lxw_chart_axis *value_axis = chart->y_axis;
  /* A chart of many records draws the latest of them, readable; Chart data has them all. */
  guint shown = block->months ? block->n_categories
                              : MIN (block->n_categories, CHART_MAX_RECORDS);
  lxw_row_t first = block->header_row + 1 + (block->n_categories - shown);
  lxw_row_t last = block->header_row + block->n_categories;
  g_autofree char *title
    = shown < block->n_categories
        ? g_strdup_printf (_("%s (the latest %u; all on Chart data)"), block->figure->title, shown)
        : ti_workbook_safe_text (block->figure->title);
  g_autofree char *categories = ti_workbook_sheet_reference (CHART_DATA, first, 0, last, 0);

  chart_title_set_name (chart, title);
  for (guint s = 0; s < block->n_series; s++)
    {
      g_autofree char *values
        = ti_workbook_sheet_reference (CHART_DATA, first, s + 1, last, s + 1);
      lxw_chart_series *series = chart_add_series (chart, categories, values);
      /* The dashboards' colours. */
      lxw_chart_line line = { .color = ti_series_colour (s), .width = 2.25 };
      lxw_chart_fill fill = { .color = ti_series_colour (s) };

      chart_series_set_name_range (series, CHART_DATA, block->header_row, s + 1);
      if (block->type == LXW_CHART_LINE)
        {
          chart_series_set_line (series, &line);
          chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
          chart_series_set_marker_fill (series, &fill);
          chart_series_set_marker_line (series, &line);
        }
      else if (block->type != LXW_CHART_DOUGHNUT)
        chart_series_set_fill (series, &fill);
    }
  if (block->n_series == 1 && block->type != LXW_CHART_DOUGHNUT)
    chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  else
    chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  /* In a bar chart the categories run up the y axis and the values along the x axis. */
  if (block->type == LXW_CHART_BAR || block->type == LXW_CHART_BAR_STACKED)
    {
      category_axis = chart->y_axis;
      value_axis = chart->x_axis;
      /* Bars read from the top, in the table's order. */
      chart_axis_set_reverse (category_axis);
    }
  if (block->category_axis != NULL)
    chart_axis_set_name (category_axis, _ (block->category_axis));
  if (block->months)
    chart_axis_set_num_format (category_axis, "mmm yyyy");
  switch (ti_series_get_format (block->figure->series))
    {
    case TI_SERIES_FORMAT_PERCENT:
      chart_axis_set_num_format (value_axis, "0%");
      break;
    case TI_SERIES_FORMAT_SCORE:
      /* The whole 1–5 scale, so that a change looks its size. */
      chart_axis_set_min (value_axis, 1);
      chart_axis_set_max (value_axis, 5);
      break;
    default:
      break;
    }
  return chart;
}

/* The charts two to a row under the headlines; a chart with nothing to measure in the
 * period is named with that said instead. */
static void
place_charts (TiSheet *summary, ChartBlock *blocks, guint n_blocks)
{
  TiWorkbookExport *export = summary->export;
  lxw_row_t top = summary->row + 2;
  guint placed = 0;

  summary->row++;
  ti_sheet_text_format (summary, 0, _("Charts (numbers on the Chart data sheet)"),
                        export->formats.label);
  for (guint i = 0; i < n_blocks; i++)
    {
      const ChartBlock *block = &blocks[i];
      lxw_row_t row = top + (placed / 2) * 17;
      lxw_col_t col = (placed % 2) == 0 ? 0 : 3;

      if (!ti_series_has_values (block->figure->series))
        continue;
      lxw_chart_options position = { .x_offset = 4, .y_offset = 4, .x_scale = 1.2, .y_scale = 1.1 };
      worksheet_insert_chart_opt (summary->worksheet, row, col, make_chart (export, block),
                                  &position);
      placed++;
    }
  summary->row = top + ((placed + 1) / 2) * 17;
  for (guint i = 0; i < n_blocks; i++)
    if (!ti_series_has_values (blocks[i].figure->series))
      {
        g_autofree char *line = g_strdup_printf (_("%s: nothing to measure in the period."),
                                                 blocks[i].figure->title);

        ti_sheet_text_format (summary, 0, line, export->formats.subtitle);
        summary->row++;
      }
}

/**
 * ti_workbook_write_summary:
 *
 * Writes the Summary sheet and the Chart data sheet its charts draw from.
 */
gboolean
ti_workbook_write_summary (TiWorkbookExport *export, GError **error)
{
  g_autofree ChartBlock *blocks = g_new0 (ChartBlock, G_N_ELEMENTS (chart_kinds));
  g_autofree char *title = g_strdup_printf (_("%s: evaluation workbook"),
                                            export->programme_name);
  g_autofree char *period = ti_format_period (export->options->from, export->options->to);
  TiSheet summary, data;
  guint n_blocks = 0;

  ti_sheet_start (&summary, export, SUMMARY, title, period);
  write_facts (&summary);
  write_headlines (&summary);

  ti_sheet_start (&data, export, CHART_DATA, _("Chart data"),
                  _("The numbers behind the Summary sheet’s charts, as the dashboards show "
                    "them."));
  worksheet_set_column (data.worksheet, 0, 0, 36, NULL);
  worksheet_set_column (data.worksheet, 1, 6, 14, NULL);
  for (guint k = 0; k < G_N_ELEMENTS (chart_kinds); k++)
    {
      const TiChartFigure *figure = ti_evaluation_find_chart (export->evaluation,
                                                              chart_kinds[k].key);

      if (figure == NULL)
        continue;
      blocks[n_blocks] = (ChartBlock){ .figure = figure,
                                       .type = chart_kinds[k].type,
                                       .category_axis = chart_kinds[k].category_axis };
      write_chart_block (&data, &blocks[n_blocks]);
      n_blocks++;
    }
  place_charts (&summary, blocks, n_blocks);
  worksheet_activate (summary.worksheet);
  ti_sheet_note (export, SUMMARY,
                 _("The headline figures of the period, each with the line of context the "
                   "dashboard shows, and the evaluation’s charts; each value has a defined "
                   "name (its key, such as active_champions) for use in other workbooks."));
  ti_sheet_note (export, CHART_DATA,
                 _("The numbers behind each chart on the Summary sheet, by category and "
                   "series."));
  return TRUE;
}
