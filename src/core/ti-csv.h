/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TI_CSV_ERROR (ti_csv_error_quark ())

typedef enum
{
  TI_CSV_ERROR_QUOTES,       /* a quote mark where RFC 4180 allows none */
  TI_CSV_ERROR_UNTERMINATED, /* a quoted value that is never closed */
  TI_CSV_ERROR_TOO_BIG,      /* one value larger than TI_CSV_MAX_FIELD_BYTES */
  TI_CSV_ERROR_ENCODING,     /* UTF-16 or UTF-32, not UTF-8 */
} TiCsvError;

/* Beyond this one value is not worth holding in memory: reading stops. */
#define TI_CSV_MAX_FIELD_BYTES (16 * 1024 * 1024)

/**
 * TiCsvRecord:
 * @line: the 1-based physical line where the record starts
 * @n_fields: how many values it has
 * @fields: (array length=n_fields): each value, NUL-terminated; a value may itself hold NUL
 *   bytes, so use @lengths
 * @lengths: (array length=n_fields): the length of each value in bytes
 *
 * The record, its values and their lengths are one block: ti_csv_record_free() frees it.
 */
typedef struct
{
  guint line;
  guint n_fields;
  char **fields;
  gsize *lengths;
} TiCsvRecord;

typedef struct _TiCsvReader TiCsvReader;

GQuark ti_csv_error_quark (void);

TiCsvReader *ti_csv_reader_new (GInputStream *stream);
void ti_csv_reader_free (TiCsvReader *self);
TiCsvRecord *ti_csv_reader_next (TiCsvReader *self, GCancellable *cancellable, GError **error);
guint ti_csv_reader_get_error_line (TiCsvReader *self);
guint64 ti_csv_reader_get_bytes_read (TiCsvReader *self);

void ti_csv_record_free (TiCsvRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiCsvReader, ti_csv_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiCsvRecord, ti_csv_record_free)

G_END_DECLS
