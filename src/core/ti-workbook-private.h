/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "ti-evaluation-private.h"
#include "ti-workbook.h"

G_BEGIN_DECLS

/* Shared by the ti-workbook*.c files only. */

/* The cell formats every sheet uses, made once per workbook. */
typedef struct
{
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *header;
  lxw_format *text;
  lxw_format *wrap;
  lxw_format *count;
  lxw_format *decimal;
  lxw_format *score;
  lxw_format *fraction; /* small shares such as betweenness: 0.0123 */
  lxw_format *percent;
  lxw_format *date;
  lxw_format *month;
  lxw_format *hidden;
  lxw_format *label;
} TiWorkbookFormats;

/* One export in progress: what it reads, what it writes, and how it tells its progress. */
typedef struct
{
  TiDatabase *db;
  const TiWorkbookOptions *options;
  TiPeriod period;             /* open ends as the earliest and latest dates */
  char today[11];
  lxw_workbook *workbook;
  TiWorkbookFormats formats;
  TiEvaluation *evaluation;
  TiEvaluationSources sources; /* what it was counted from: the detail sheets read the same */
  char *pseudonym_key;         /* the programme's secret for people's pseudonymous IDs */
  char *programme_name;
  char *export_organisation;
  GPtrArray *notes;            /* (element-type TiWorkbookNote): what each detail sheet holds */
  guint write_errors;          /* cells libxlsxwriter refused */
  lxw_error first_write_error;
} TiWorkbookExport;

/* A detail sheet's line on the Notes sheet. */
typedef struct
{
  char *sheet;
  char *text;
} TiWorkbookNote;

/* A sheet being written: rows go down from the header row. */
typedef struct
{
  TiWorkbookExport *export;
  lxw_worksheet *worksheet;
  lxw_row_t header_row;
  lxw_row_t row;      /* the next row to write */
  lxw_col_t n_columns;
} TiSheet;

/* A text column of a row of @stmt, as C text. */
static inline const char *
ti_column_text (sqlite3_stmt *stmt, int column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

void ti_sheet_start (TiSheet *sheet, TiWorkbookExport *export, const char *name,
                     const char *title, const char *subtitle);
void ti_sheet_header (TiSheet *sheet, const char *const *headings, const double *widths,
                      guint n_columns);
void ti_sheet_columns (TiSheet *sheet, const char *const *headings, const double *widths,
                       guint n_columns);
void ti_sheet_finish (TiSheet *sheet);
void ti_sheet_note (TiWorkbookExport *export, const char *sheet, const char *text);

void ti_sheet_text (TiSheet *sheet, lxw_col_t col, const char *text);
void ti_sheet_text_format (TiSheet *sheet, lxw_col_t col, const char *text, lxw_format *format);
void ti_sheet_number (TiSheet *sheet, lxw_col_t col, double value, lxw_format *format);
void ti_sheet_count (TiSheet *sheet, lxw_col_t col, gint64 value);
void ti_sheet_date (TiSheet *sheet, lxw_col_t col, const char *iso_date);
void ti_sheet_month (TiSheet *sheet, lxw_col_t col, const char *iso_month);

char *ti_workbook_safe_text (const char *text);
char *ti_workbook_labels (const char *keys, const char *(*label) (const char *key));
char *ti_workbook_pseudonym (TiWorkbookExport *export, gint64 person_id);
char *ti_workbook_person (TiWorkbookExport *export, gint64 person_id, const char *name);
char *ti_workbook_sheet_reference (const char *sheet, lxw_row_t first_row, lxw_col_t first_col,
                                   lxw_row_t last_row, lxw_col_t last_col);

/* Small numbers: which cells of a table are hidden. */
typedef struct
{
  guint threshold;
  guint n_rows;
  guint n_columns;
  gint64 *values;    /* n_rows × n_columns, −1 for a cell without a count */
  int *groups;       /* each row's group: the rows whose counts a published total adds up
                      * (siblings, or the organisations of a sector); complementary hiding
                      * is within a group */
  gboolean *avoid;   /* rows not to hide as a complement while another will do (a parent,
                      * whose count its visible children could rebuild) */
  gboolean *hidden;  /* n_rows × n_columns */
} TiSuppression;

void ti_suppression_init (TiSuppression *suppression, guint threshold, guint n_rows,
                          guint n_columns);
void ti_suppression_apply (TiSuppression *suppression);
void ti_suppression_clear (TiSuppression *suppression);
void ti_sheet_suppressed_count (TiSheet *sheet, lxw_col_t col, const TiSuppression *suppression,
                                guint row, guint column);

gboolean ti_workbook_write_summary (TiWorkbookExport *export, GError **error);
gboolean ti_workbook_write_training (TiWorkbookExport *export, GError **error);
gboolean ti_workbook_write_people (TiWorkbookExport *export, GError **error);
gboolean ti_workbook_write_activity (TiWorkbookExport *export, GError **error);
gboolean ti_workbook_write_network (TiWorkbookExport *export, GError **error);
gboolean ti_workbook_write_notes (TiWorkbookExport *export, GError **error);

G_END_DECLS
