/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-progress.h"

G_BEGIN_DECLS

#define TI_WORKBOOK_ERROR (ti_workbook_error_quark ())

/* An export's temporary file older than this (in seconds) was left by an export that was
 * killed: the next export to the same file removes it. */
#define TI_WORKBOOK_STALE_SECONDS (15 * 60)

/**
 * TiWorkbookError:
 * @TI_WORKBOOK_ERROR_OPTIONS: the options make no workbook (a period ending before it starts,
 *   a threshold out of range); nothing was written
 * @TI_WORKBOOK_ERROR_WRITE: the file could not be written (a full disk, a folder that is not
 *   writable); nothing was left behind
 */
typedef enum
{
  TI_WORKBOOK_ERROR_OPTIONS,
  TI_WORKBOOK_ERROR_WRITE,
} TiWorkbookError;

/**
 * TiWorkbookOptions:
 * @from: (nullable): the period's first day, 'YYYY-MM-DD'; NULL when open
 * @to: (nullable): its last day; NULL when open
 * @include_names: whether people are named (and emailed) in the file; off, they appear as
 *   pseudonymous IDs ("P-3F9A0C21D4"), the same for a person in every export of the programme
 * @suppression_threshold: counts from 1 to below this are shown as "<N" in organisation-level
 *   tables (0 or 1: nothing is hidden); at most %TI_SUPPRESSION_THRESHOLD_MAX
 * @today: (nullable): the day statuses are judged on and the file says it was produced;
 *   NULL for today
 *
 * What goes into an evaluation workbook. Initialise with ti_workbook_options_init(), which
 * takes the period and the threshold from the programme's settings.
 */
typedef struct
{
  char *from;
  char *to;
  gboolean include_names;
  guint suppression_threshold;
  char *today;
} TiWorkbookOptions;

gboolean ti_workbook_options_init (TiWorkbookOptions *options, TiDatabase *db, GError **error);
void ti_workbook_options_clear (TiWorkbookOptions *options);

GQuark ti_workbook_error_quark (void);

gboolean ti_workbook_export (TiDatabase *db, const char *path, const TiWorkbookOptions *options,
                             TiProgressFunc progress, gpointer progress_data,
                             GCancellable *cancellable, GError **error);
void ti_workbook_export_async (const char *db_path, const char *path,
                               const TiWorkbookOptions *options, TiProgressFunc progress,
                               gpointer progress_data, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
gboolean ti_workbook_export_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TiWorkbookOptions, ti_workbook_options_clear)

G_END_DECLS
