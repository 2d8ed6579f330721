/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-progress.h"

G_BEGIN_DECLS

#define TI_IMPORT_ERROR (ti_import_error_quark ())

typedef enum
{
  TI_IMPORT_ERROR_UNREADABLE,   /* the file could not be opened or read */
  TI_IMPORT_ERROR_INVALID,      /* the report lists problems; nothing was written */
  TI_IMPORT_ERROR_UNKNOWN_KIND, /* not one of ti_import_kind_names() */
} TiImportError;

/* Each kind has its own columns and rules; the reading, checking and writing around them
 * are shared, so a new kind is one more entry in the table in ti-import.c. */
typedef enum
{
  TI_IMPORT_ORGANISATIONS,
  TI_IMPORT_PEOPLE,
  TI_IMPORT_TIER1,
} TiImportKind;

/* The most characters one value (a name, a job title) may have. */
#define TI_IMPORT_MAX_CHARS 10000

/**
 * TiImportField:
 * @name: the canonical header, as DESIGN.md §5 names it ("champion_since")
 * @description: what the column holds, in words (translated)
 * @required: whether the file must have this column
 * @aliases: (nullable) (array zero-terminated=1): other headers that mean this column, as
 *   exports from elsewhere write them ("Email Address"); ti_import_preview() matches them
 * @noun: (nullable): how a message names the column when the file uses our header and the
 *   header does not read as words ("completion date" for "completed_on"), marked with N_()
 */
typedef struct
{
  const char *name;
  const char *description;
  gboolean required;
  const char *const *aliases;
  const char *noun;
} TiImportField;

/**
 * TiImportProblem:
 * @line: the 1-based physical line of the file where the record starts
 * @message: the problem in plain words, naming the column and value
 */
typedef struct
{
  guint line;
  char *message;
} TiImportProblem;

/**
 * TiImportReport:
 * @kind: what was imported
 * @file: the path as it was given
 * @rows: the records read below the header (blank ones not counted)
 * @added: records that became new rows
 * @updated: records that changed something already held
 * @unchanged: records that matched what was already held
 * @people_added: people a Tier 1 import added because nobody held matched them
 * @problems: (element-type TiImportProblem): in line order; when there are any, nothing
 *   was written
 * @warnings: (element-type utf8): things worth knowing that did not stop the import
 */
typedef struct
{
  TiImportKind kind;
  char *file;
  guint rows;
  guint added;
  guint updated;
  guint unchanged;
  guint people_added;
  GPtrArray *problems;
  GPtrArray *warnings;
} TiImportReport;

/* Which column of the file holds each of our fields (the window's assistant edits it). */
typedef struct _TiImportMapping TiImportMapping;

/**
 * TiImportPreview:
 * @kind: the kind it was read for
 * @headers: the file's header row, as written
 * @rows: (element-type GStrv): the first rows, each made valid UTF-8 for display
 * @mapping: the default mapping: each field matched to a header of the same name
 */
typedef struct
{
  TiImportKind kind;
  GStrv headers;
  GPtrArray *rows;
  TiImportMapping *mapping;
} TiImportPreview;

#define TI_TYPE_IMPORT_REPORT (ti_import_report_get_type ())
#define TI_TYPE_IMPORT_MAPPING (ti_import_mapping_get_type ())
#define TI_TYPE_IMPORT_PREVIEW (ti_import_preview_get_type ())

GQuark ti_import_error_quark (void);

const char *const *ti_import_kind_names (void);
gboolean ti_import_kind_from_string (const char *text, TiImportKind *kind, GError **error);
const char *ti_import_kind_to_string (TiImportKind kind);
const TiImportField *ti_import_kind_get_fields (TiImportKind kind, guint *n_fields);

GType ti_import_mapping_get_type (void);
TiImportMapping *ti_import_mapping_new (TiImportKind kind);
TiImportMapping *ti_import_mapping_copy (const TiImportMapping *self);
void ti_import_mapping_free (TiImportMapping *self);
TiImportKind ti_import_mapping_get_kind (const TiImportMapping *self);
void ti_import_mapping_set (TiImportMapping *self, const char *field, const char *header);
const char *ti_import_mapping_get (const TiImportMapping *self, const char *field);

GType ti_import_report_get_type (void);
TiImportReport *ti_import_report_copy (const TiImportReport *self);
void ti_import_report_free (TiImportReport *self);
char *ti_import_report_describe (const TiImportReport *self);
char *ti_import_report_summary (const TiImportReport *self);

GType ti_import_preview_get_type (void);
TiImportPreview *ti_import_preview (const char *csv_path, TiImportKind kind, guint n_rows,
                                    GError **error);
TiImportPreview *ti_import_preview_copy (const TiImportPreview *self);
void ti_import_preview_free (TiImportPreview *self);

gboolean ti_import_file (TiDatabase *db, TiImportKind kind, const char *csv_path,
                         const TiImportMapping *mapping, TiProgressFunc progress,
                         gpointer progress_data, GCancellable *cancellable, TiImportReport **report,
                         GError **error);

void ti_import_file_async (const char *db_path, TiImportKind kind, const char *csv_path,
                           const TiImportMapping *mapping, TiProgressFunc progress,
                           gpointer progress_data, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data);
gboolean ti_import_file_finish (GAsyncResult *result, TiImportReport **report, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiImportMapping, ti_import_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiImportReport, ti_import_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiImportPreview, ti_import_preview_free)

G_END_DECLS
