/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-csv.h"
#include "ti-import.h"
#include "ti-vocabulary.h"

G_BEGIN_DECLS

/* The fields of each kind, in the order of its field table in ti-import.c. */
enum
{
  ORGANISATION_NAME,
  ORGANISATION_SECTOR,
  ORGANISATION_LOCALITY,
  ORGANISATION_HEADCOUNT,
  ORGANISATION_PARENT,
  N_ORGANISATION_FIELDS
};

enum
{
  PERSON_NAME,
  PERSON_EMAIL,
  PERSON_ORGANISATION,
  PERSON_JOB_TITLE,
  PERSON_LOCALITY,
  PERSON_CHAMPION,
  PERSON_CHAMPION_SINCE,
  N_PERSON_FIELDS
};

enum
{
  TIER1_EMAIL,
  TIER1_NAME,
  TIER1_ORGANISATION,
  TIER1_COMPLETED_ON,
  TIER1_SOURCE,
  N_TIER1_FIELDS
};

/**
 * TiImportRow:
 * @line: where the record starts in the file
 * @values: one per field of the kind: the trimmed text, or %NULL when the cell is empty or
 *   the file has no such column. Every value is valid UTF-8 without NUL bytes and at most
 *   %TI_IMPORT_MAX_CHARS characters long.
 *
 * The row and its values are one block: ti_import_row_free() frees it.
 */
typedef struct
{
  guint line;
  guint n_values;
  char **values;
} TiImportRow;

typedef struct
{
  TiDatabase *db;
  TiImportReport *report;
  const TiImportField *fields;
  guint n_fields;
  char **columns;  /* per field: the file's header for it, or NULL when not in the file */
  GPtrArray *rows; /* of TiImportRow, the records without problems of their own */
  TiProgressFunc progress;
  gpointer progress_data;
  GCancellable *cancellable;
  GDate today; /* a date after it is in the future */
} TiImportContext;

/* What a record did to the programme. */
typedef enum
{
  TI_IMPORT_UNCHANGED,
  TI_IMPORT_ADDED,
  TI_IMPORT_UPDATED,
} TiImportOutcome;

void ti_import_count (TiImportContext *ctx, TiImportOutcome outcome);
void ti_import_problem (TiImportContext *ctx, guint line, const char *format, ...)
  G_GNUC_PRINTF (3, 4);
const char *ti_import_column (TiImportContext *ctx, guint field);
gboolean ti_import_step (TiImportContext *ctx, guint done, guint total, GError **error);
gboolean ti_import_require (TiImportContext *ctx, const TiImportRow *row, guint field);
gboolean ti_import_name_fits (TiImportContext *ctx, const TiImportRow *row, guint field);
const char *ti_import_term (TiImportContext *ctx, const TiImportRow *row, guint field,
                            const char *key, const TiTerm *terms, guint n_terms);
gboolean ti_import_email (TiImportContext *ctx, const TiImportRow *row, guint field);
gboolean ti_import_date (TiImportContext *ctx, const TiImportRow *row, guint field, char iso[11]);
char *ti_import_key (const char *text);

void ti_import_row_free (gpointer row);
gboolean ti_import_open_csv (const char *csv_path, GFileInputStream **stream, goffset *size,
                             GError **error);
gboolean ti_import_read_rows (TiImportContext *ctx, TiCsvReader *reader, goffset size,
                              const TiImportMapping *mapping, gboolean *out_header_ok,
                              GError **error);

/* The programme's organisations and people, to match records against (ti-import-roster.c). */
typedef struct _TiImportRoster TiImportRoster;

/* What a record says of the person it is about. */
typedef struct
{
  const char *name;         /* (nullable) */
  const char *email;        /* (nullable) */
  const char *organisation; /* as the record writes it */
  gint64 organisation_id;
} TiImportWho;

TiImportRoster *ti_import_roster_load (TiDatabase *db, GError **error);
void ti_import_roster_free (TiImportRoster *self);
gint64 ti_import_roster_organisation (TiImportRoster *self, const char *name);
gint64 ti_import_organisation (TiImportContext *ctx, TiImportRoster *roster, const TiImportRow *row,
                               guint field);
void ti_import_roster_add (TiImportRoster *self, gint64 id, gint64 organisation_id,
                           const char *name, const char *email);
gboolean ti_import_roster_match (TiImportRoster *self, TiImportContext *ctx, const TiImportRow *row,
                                 const TiImportWho *who, guint email_field, gint64 *id,
                                 const char **held_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiImportRoster, ti_import_roster_free)

/* Each checks ctx->rows (adding problems) and writes them. The caller holds the transaction
 * and commits it only when there are no problems, so a kind may write as it checks. */
gboolean ti_import_organisations_run (TiImportContext *ctx, GError **error);
gboolean ti_import_people_run (TiImportContext *ctx, GError **error);
gboolean ti_import_tier1_run (TiImportContext *ctx, GError **error);

G_END_DECLS
