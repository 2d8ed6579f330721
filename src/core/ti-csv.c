/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-csv"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-csv.h"

/**
 * TiCsvReader:
 *
 * Reads RFC 4180 CSV from a stream with libcsv, one record at a time, and says on which
 * physical line each record starts. libcsv knows nothing of lines, so the input is fed to
 * it one physical line at a time and the line count advances between the pieces.
 */
struct _TiCsvReader
{
  GInputStream *stream;
  struct csv_parser parser;

  guint line;         /* the physical line being fed */
  guint record_line;  /* where the record being parsed started */
  gboolean in_record; /* a record has started and not yet ended */
  guint64 bytes_read;
  gboolean started;
  gboolean finished;

  GString *text;   /* the values of the record being parsed, each followed by a NUL */
  GArray *lengths; /* of those values */
  GQueue records;  /* finished records not yet handed out */
  GError *pending; /* handed out once the records before it are */
  guint error_line;
};

G_DEFINE_QUARK (ti - csv - error - quark, ti_csv_error)

#define BLOCK_SIZE (64 * 1024)

/* libcsv's state for "between records" (ROW_NOT_BEGUN in libcsv.c). */
#define CSV_STATE_BETWEEN_RECORDS 0

static void
on_field (void *data, size_t length, void *user_data)
{
  TiCsvReader *self = user_data;
  gsize field_length = length;

  if (!self->in_record)
    {
      self->in_record = TRUE;
      self->record_line = self->line;
    }
  if (data != NULL && length > 0)
    g_string_append_len (self->text, data, length);
  g_string_append_c (self->text, '\0');
  g_array_append_val (self->lengths, field_length);
}

/* A record is one block: the struct, the value pointers, the lengths and the text, so a
 * file of a million values costs one allocation a record rather than one a value. */
static void
on_record (int terminator, void *user_data)
{
  TiCsvReader *self = user_data;
  guint n = self->lengths->len;
  gsize head = sizeof (TiCsvRecord) + (n + 1) * sizeof (char *) + n * sizeof (gsize);
  TiCsvRecord *record = g_malloc (head + self->text->len);
  char *text = (char *)record + head;

  record->line = self->in_record ? self->record_line : self->line;
  record->n_fields = n;
  record->fields = (char **)(record + 1);
  record->lengths = (gsize *)(record->fields + n + 1);
  memcpy (record->lengths, self->lengths->data, n * sizeof (gsize));
  memcpy (text, self->text->str, self->text->len);
  for (guint i = 0; i < n; i++)
    {
      record->fields[i] = text;
      text += record->lengths[i] + 1;
    }
  record->fields[n] = NULL;
  g_queue_push_tail (&self->records, record);

  g_string_truncate (self->text, 0);
  g_array_set_size (self->lengths, 0);
  self->in_record = FALSE;
}

/**
 * ti_csv_reader_new:
 * @stream: (transfer none): UTF-8 text; a byte order mark is skipped
 *
 * Returns: (transfer full): a reader
 */
TiCsvReader *
ti_csv_reader_new (GInputStream *stream)
{
  TiCsvReader *self = g_new0 (TiCsvReader, 1);

  self->stream = g_object_ref (stream);
  csv_init (&self->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  /* Grow a long value in large steps rather than libcsv's default 128 bytes. */
  csv_set_blk_size (&self->parser, 4096);
  self->line = 1;
  self->text = g_string_sized_new (1024);
  self->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_queue_init (&self->records);
  return self;
}

void
ti_csv_reader_free (TiCsvReader *self)
{
  if (self == NULL)
    return;
  csv_free (&self->parser);
  g_clear_object (&self->stream);
  g_string_free (self->text, TRUE);
  g_array_unref (self->lengths);
  g_queue_clear_full (&self->records, (GDestroyNotify)ti_csv_record_free);
  g_clear_error (&self->pending);
  g_free (self);
}

void
ti_csv_record_free (TiCsvRecord *record)
{
  g_free (record); /* one block with its values */
}

static void
fail (TiCsvReader *self, guint line, TiCsvError code, const char *message)
{
  self->finished = TRUE;
  self->error_line = line;
  g_set_error_literal (&self->pending, TI_CSV_ERROR, code, message);
}

static guint
current_record_line (TiCsvReader *self)
{
  return self->in_record ? self->record_line : self->line;
}

/* Feeds one piece that ends at a line break or at the end of the block. */
static gboolean
feed (TiCsvReader *self, const char *piece, gsize length)
{
  if (csv_parse (&self->parser, piece, length, on_field, on_record, self) != length)
    {
      if (csv_error (&self->parser) == CSV_EPARSE)
        fail (self, current_record_line (self), TI_CSV_ERROR_QUOTES,
              _ ("a quote mark is out of place: a value with commas, quote marks or line "
                 "breaks must be wholly inside double quotes, with any quote mark in it doubled "
                 "(\"\")"));
      else
        fail (self, current_record_line (self), TI_CSV_ERROR_TOO_BIG,
              _ ("a value is too large to read"));
      return FALSE;
    }
  if (!self->in_record && self->parser.pstate != CSV_STATE_BETWEEN_RECORDS)
    {
      self->in_record = TRUE;
      self->record_line = self->line;
    }
  if (self->parser.entry_pos > TI_CSV_MAX_FIELD_BYTES)
    {
      fail (self, current_record_line (self), TI_CSV_ERROR_TOO_BIG,
            _ ("a value is over 16 MB long: this is not a table of names (or a quote mark "
               "is never closed)"));
      return FALSE;
    }
  return TRUE;
}

static void
feed_block (TiCsvReader *self, const char *block, gsize length)
{
  const char *end = block + length;
  const char *p = block;

  if (!self->started)
    {
      self->started = TRUE;
      if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
      else if (length >= 2 && (memcmp (p, "\xFF\xFE", 2) == 0 || memcmp (p, "\xFE\xFF", 2) == 0))
        {
          fail (self, 1, TI_CSV_ERROR_ENCODING,
                _ ("the file is in UTF-16, not UTF-8: save it again as “CSV UTF-8”"));
          return;
        }
    }

  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *stop = newline != NULL ? newline + 1 : end;

      if (!feed (self, p, stop - p))
        return;
      if (newline != NULL)
        self->line++;
      p = stop;
    }
}

static gboolean
read_more (TiCsvReader *self, GCancellable *cancellable, GError **error)
{
  g_autofree char *block = g_malloc (BLOCK_SIZE);
  gsize length = 0;

  if (!g_input_stream_read_all (self->stream, block, BLOCK_SIZE, &length, cancellable, error))
    return FALSE;
  self->bytes_read += length;

  if (length > 0)
    {
      feed_block (self, block, length);
      return TRUE;
    }

  self->finished = TRUE;
  if (csv_fini (&self->parser, on_field, on_record, self) != 0)
    fail (self, current_record_line (self), TI_CSV_ERROR_UNTERMINATED,
          _ ("a quoted value starts here and its closing quote mark is missing"));
  return TRUE;
}

/**
 * ti_csv_reader_next:
 *
 * Reads the next record. Empty lines are skipped. After a #TI_CSV_ERROR the reader stops:
 * a broken quote leaves no reliable way to find where the next record starts.
 *
 * Returns: (transfer full) (nullable): the next record; %NULL at the end of the input, or
 *   with @error set (see ti_csv_reader_get_error_line() for a #TI_CSV_ERROR)
 */
TiCsvRecord *
ti_csv_reader_next (TiCsvReader *self, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  while (g_queue_is_empty (&self->records) && !self->finished)
    if (!read_more (self, cancellable, error))
      {
        self->finished = TRUE;
        return NULL;
      }

  if (!g_queue_is_empty (&self->records))
    return g_queue_pop_head (&self->records);
  if (self->pending != NULL)
    g_propagate_error (error, g_steal_pointer (&self->pending));
  return NULL;
}

/**
 * ti_csv_reader_get_error_line:
 *
 * Returns: the line of the last #TI_CSV_ERROR: where the record that broke starts
 */
guint
ti_csv_reader_get_error_line (TiCsvReader *self)
{
  return self->error_line;
}

guint64
ti_csv_reader_get_bytes_read (TiCsvReader *self)
{
  return self->bytes_read;
}
