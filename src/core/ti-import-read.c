/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-format.h"
#include "ti-import-private.h"

/*
 * Reading a CSV file for an import: the header row matched to the kind's fields, and every
 * record checked for what any value must be (text, UTF-8, not too long) before the kind
 * checks what its own values mean.
 */

/* "Job Title", "job-title" and "job_title" are the same header; so are "E-mail" and "email". */
static char *
normalise_header (const char *text, gssize length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  GString *key = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p++)
    if (*p != ' ' && *p != '-' && *p != '_' && *p != '\t')
      g_string_append_c (key, g_ascii_tolower (*p));
  return g_string_free (key, FALSE);
}

void
ti_import_row_free (gpointer data)
{
  g_free (data); /* one block with its values */
}

static gboolean
has_nul (const char *text, gsize length)
{
  return memchr (text, '\0', length) != NULL;
}

/* The most characters of a header that a message quotes. A header cell may be megabytes
 * long, and every problem in its column names it: quoted whole, a file of a megabyte made a
 * gigabyte of messages. */
#define HEADER_SHOWN_CHARS 80

/* A header as messages name it: UTF-8, trimmed, cut short with "…" when long; "" for none. */
static char *
header_in_words (const char *text, gsize length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  const char *shown = g_strstrip (valid);
  const char *end = shown;
  g_autofree char *cut = NULL;

  for (guint n = 0; n < HEADER_SHOWN_CHARS && *end != '\0'; n++)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_strdup (shown);
  cut = g_strndup (shown, end - shown);
  return g_strconcat (g_strchomp (cut), "…", NULL);
}

/* Finds the column of each field; missing required columns are problems on the header's
 * line, columns nobody asked for are named in one warning. @shown: each column's header
 * in words. */
static gboolean
read_header (TiImportContext *ctx, const TiCsvRecord *header, const GPtrArray *shown,
             const TiImportMapping *mapping, int *column_of)
{
  g_autofree gboolean *used = g_new0 (gboolean, header->n_fields);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) ignored = g_string_new (NULL);
  guint n_ignored = 0;
  gboolean ok = TRUE;

  for (guint c = 0; c < header->n_fields; c++)
    g_ptr_array_add (keys, normalise_header (header->fields[c], header->lengths[c]));

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      const char *wanted = mapping != NULL ? ti_import_mapping_get (mapping, ctx->fields[f].name)
                                           : ctx->fields[f].name;
      g_autofree char *wanted_key = NULL;

      column_of[f] = -1;
      if (wanted != NULL)
        {
          wanted_key = normalise_header (wanted, strlen (wanted));
          for (guint c = 0; c < header->n_fields; c++)
            {
              if (g_strcmp0 (wanted_key, g_ptr_array_index (keys, c)) != 0)
                continue;
              if (column_of[f] >= 0)
                {
                  ti_import_problem (ctx, header->line,
                                     _ ("the column “%s” appears twice in the header row"), wanted);
                  ok = FALSE;
                  break;
                }
              column_of[f] = (int)c;
              used[c] = TRUE;
            }
        }
      if (column_of[f] >= 0)
        ctx->columns[f] = g_strdup (g_ptr_array_index (shown, column_of[f]));
      else if (ctx->fields[f].required)
        {
          g_autoptr (GString) required = g_string_new (NULL);

          for (guint i = 0; i < ctx->n_fields; i++)
            if (ctx->fields[i].required)
              g_string_append_printf (required, "%s%s", required->len ? ", " : "",
                                      ctx->fields[i].name);
          ti_import_problem (ctx, header->line,
                             _ ("the column “%s” is missing; the header row must name the "
                                "columns %s"),
                             wanted != NULL ? wanted : ctx->fields[f].name, required->str);
          ok = FALSE;
        }
    }

  for (guint c = 0; c < header->n_fields; c++)
    if (!used[c])
      {
        const char *key = g_ptr_array_index (keys, c);

        n_ignored++;
        if (*key != '\0')
          g_string_append_printf (ignored, "%s“%s”", ignored->len ? ", " : "",
                                  (const char *)g_ptr_array_index (shown, c));
        else
          g_string_append_printf (ignored, _ ("%sone without a name (column %u)"),
                                  ignored->len ? ", " : "", c + 1);
      }
  if (n_ignored > 0)
    g_ptr_array_add (ctx->report->warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "this column was ignored, because the %s "
                                                   "import does not read it: %s.",
                                                   "these columns were ignored, because the %s "
                                                   "import does not read them: %s.",
                                                   n_ignored),
                                      ti_import_kind_to_string (ctx->report->kind), ignored->str));
  return ok;
}

static const char *
column_in_words (const GPtrArray *shown, guint column, char **scratch)
{
  if (column < shown->len && *(const char *)g_ptr_array_index (shown, column) != '\0')
    return g_ptr_array_index (shown, column);
  *scratch = g_strdup_printf (_ ("column %u"), column + 1);
  return *scratch;
}

/* Checks what every value must be, whatever the kind: text, UTF-8, not too long. */
static gboolean
check_values (TiImportContext *ctx, const TiCsvRecord *header, const GPtrArray *shown,
              const TiCsvRecord *record)
{
  gboolean ok = TRUE;

  if (record->n_fields > header->n_fields)
    {
      ti_import_problem (ctx, record->line,
                         _ ("this record has %u values but the header row names %u columns; a "
                            "value with a comma in it must be in double quotes"),
                         record->n_fields, header->n_fields);
      ok = FALSE;
    }

  for (guint c = 0; c < record->n_fields; c++)
    {
      const char *text = record->fields[c];
      gsize length = record->lengths[c];
      g_autofree char *scratch = NULL;

      if (has_nul (text, length))
        ti_import_problem (ctx, record->line,
                           _ ("the value in the column “%s” holds a NUL byte, so this is not a "
                              "text file"),
                           column_in_words (shown, c, &scratch));
      else if (!g_utf8_validate_len (text, length, NULL))
        ti_import_problem (ctx, record->line,
                           _ ("the value in the column “%s” is not UTF-8 text; save the file "
                              "again as “CSV UTF-8”"),
                           column_in_words (shown, c, &scratch));
      else if (length > TI_IMPORT_MAX_CHARS && g_utf8_strlen (text, length) > TI_IMPORT_MAX_CHARS)
        {
          g_autofree char *has = ti_format_count (g_utf8_strlen (text, length));
          g_autofree char *most = ti_format_count (TI_IMPORT_MAX_CHARS);

          ti_import_problem (ctx, record->line,
                             _ ("the value in the column “%s” is %s characters long; at most "
                                "%s are allowed"),
                             column_in_words (shown, c, &scratch), has, most);
        }
      else
        continue;
      ok = FALSE;
    }
  return ok;
}

static gboolean
record_is_blank (const TiCsvRecord *record)
{
  for (guint c = 0; c < record->n_fields; c++)
    for (gsize i = 0; i < record->lengths[c]; i++)
      if (!g_ascii_isspace (record->fields[c][i]))
        return FALSE;
  return TRUE;
}

/* The trimmed value of a field in the record: where it starts, and its length. */
static const char *
trimmed (const TiCsvRecord *record, int column, gsize *length)
{
  const char *start;
  const char *end;

  *length = 0;
  if (column < 0 || (guint)column >= record->n_fields)
    return NULL;
  start = record->fields[column];
  end = start + record->lengths[column];
  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  *length = end - start;
  return start;
}

/* A row is one block, like a record: the struct, the value pointers and the values. A
 * large file holds a quarter of a million of them until it is written. */
static TiImportRow *
row_from_record (TiImportContext *ctx, const TiCsvRecord *record, const int *column_of)
{
  gsize head = sizeof (TiImportRow) + ctx->n_fields * sizeof (char *);
  gsize size = head;
  TiImportRow *row;
  char *text;

  for (guint f = 0; f < ctx->n_fields; f++)
    {
      gsize length;

      if (trimmed (record, column_of[f], &length) != NULL && length > 0)
        size += length + 1;
    }
  row = g_malloc (size);
  row->line = record->line;
  row->n_values = ctx->n_fields;
  row->values = (char **)(row + 1);
  text = (char *)row + head;
  for (guint f = 0; f < ctx->n_fields; f++)
    {
      gsize length;
      const char *value = trimmed (record, column_of[f], &length);

      row->values[f] = NULL;
      if (value == NULL || length == 0)
        continue;
      memcpy (text, value, length);
      text[length] = '\0';
      row->values[f] = text;
      text += length + 1;
    }
  return row;
}

gboolean
ti_import_open_csv (const char *csv_path, GFileInputStream **stream, goffset *size, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (csv_path);
  g_autoptr (GError) local = NULL;
  g_autofree char *display = g_filename_display_name (csv_path);
  g_autoptr (GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_UNREADABLE,
                     _ ("There is no file “%s” to import."), display);
      else
        g_set_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_UNREADABLE,
                     _ ("“%s” cannot be read: %s"), display, local->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_UNREADABLE,
                   _ ("“%s” is a folder, not a CSV file."), display);
      return FALSE;
    }
  *size = g_file_info_get_size (info);
  *stream = g_file_read (file, NULL, &local);
  if (*stream == NULL)
    {
      g_set_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_UNREADABLE,
                   _ ("“%s” cannot be read: %s"), display, local->message);
      return FALSE;
    }
  return TRUE;
}

/* Reads every record into ctx->rows; problems go to the report. FALSE only when the file
 * cannot be read at all or the reading was cancelled. */
gboolean
ti_import_read_rows (TiImportContext *ctx, TiCsvReader *reader, goffset size,
                     const TiImportMapping *mapping, gboolean *out_header_ok, GError **error)
{
  g_autoptr (TiCsvRecord) header = NULL;
  g_autofree int *column_of = g_new0 (int, ctx->n_fields);
  g_autoptr (GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local = NULL;
  TiCsvRecord *record;

  *out_header_ok = FALSE;
  header = ti_csv_reader_next (reader, ctx->cancellable, &local);
  if (header == NULL && local == NULL)
    {
      g_autofree char *columns = NULL;
      g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
      g_auto (GStrv) strv = NULL;

      for (guint f = 0; f < ctx->n_fields; f++)
        g_strv_builder_add (names, ctx->fields[f].name);
      strv = g_strv_builder_end (names);
      columns = g_strjoinv (", ", strv);
      ti_import_problem (
        ctx, 1, _ ("the file is empty; it needs a header row naming its columns (%s)"), columns);
      return TRUE;
    }
  if (header != NULL)
    {
      for (guint c = 0; c < header->n_fields; c++)
        g_ptr_array_add (shown, header_in_words (header->fields[c], header->lengths[c]));
      *out_header_ok = read_header (ctx, header, shown, mapping, column_of);
    }

  while (local == NULL && (record = ti_csv_reader_next (reader, ctx->cancellable, &local)))
    {
      g_autoptr (TiCsvRecord) owned = record;

      if (record_is_blank (record))
        continue;
      ctx->report->rows++;
      if (check_values (ctx, header, shown, record) && *out_header_ok)
        g_ptr_array_add (ctx->rows, row_from_record (ctx, record, column_of));

      if (ctx->report->rows % 1000 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
            return FALSE;
          if (ctx->progress != NULL && size > 0)
            ctx->progress (0.5 * MIN (1.0, (double)ti_csv_reader_get_bytes_read (reader) / size),
                           _ ("Reading the file"), ctx->progress_data);
        }
    }

  if (local != NULL && local->domain == TI_CSV_ERROR)
    ti_import_problem (ctx, ti_csv_reader_get_error_line (reader), "%s", local->message);
  else if (local != NULL)
    {
      g_autofree char *display = g_filename_display_name (ctx->report->file);

      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_UNREADABLE,
                     _ ("“%s” cannot be read: %s"), display, local->message);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------- */

static const char *
find_header_named (const char *const *headers, const char *name)
{
  g_autofree char *wanted = normalise_header (name, -1);

  for (guint c = 0; headers[c] != NULL; c++)
    {
      g_autofree char *key = normalise_header (headers[c], -1);

      if (g_strcmp0 (key, wanted) == 0)
        return headers[c];
    }
  return NULL;
}

/* The file's header for a field: its own name first, then the names exports give it. */
static const char *
find_header (const char *const *headers, const TiImportField *field)
{
  const char *found = find_header_named (headers, field->name);

  for (guint a = 0; found == NULL && field->aliases != NULL && field->aliases[a] != NULL; a++)
    found = find_header_named (headers, field->aliases[a]);
  return found;
}

/**
 * ti_import_preview:
 * @csv_path: the file
 * @n_rows: how many records after the header to return, at most
 *
 * Reads the header and the first records of a file for the import assistant, and matches
 * each field to the header of the same name, or else to one of the field's aliases
 * (case-insensitive; spaces, hyphens and underscores ignored). Problems in
 * the records are left for ti_import_file() to find; only an unreadable or empty file is
 * an error here.
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL with @error set
 */
TiImportPreview *
ti_import_preview (const char *csv_path, TiImportKind kind, guint n_rows, GError **error)
{
  g_autoptr (TiImportPreview) preview = g_new0 (TiImportPreview, 1);
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (TiCsvReader) reader = NULL;
  g_autoptr (TiCsvRecord) header = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GStrvBuilder) headers = g_strv_builder_new ();
  const TiImportField *fields;
  guint n_fields;
  goffset size = 0;

  if (!ti_import_open_csv (csv_path, &stream, &size, error))
    return NULL;
  reader = ti_csv_reader_new (G_INPUT_STREAM (stream));
  header = ti_csv_reader_next (reader, NULL, &local);
  if (header == NULL)
    {
      g_autofree char *display = g_filename_display_name (csv_path);

      if (local == NULL || local->domain == TI_CSV_ERROR)
        g_set_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_INVALID,
                     _ ("“%s” has no header row: %s."), display,
                     local != NULL ? local->message : _ ("the file is empty"));
      else
        g_set_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_UNREADABLE,
                     _ ("“%s” cannot be read: %s"), display, local->message);
      return NULL;
    }

  preview->kind = kind;
  preview->mapping = ti_import_mapping_new (kind);
  for (guint c = 0; c < header->n_fields; c++)
    {
      g_autofree char *text = g_utf8_make_valid (header->fields[c], header->lengths[c]);
      g_strv_builder_add (headers, g_strstrip (text));
    }
  preview->headers = g_strv_builder_end (headers);

  fields = ti_import_kind_get_fields (kind, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    ti_import_mapping_set (preview->mapping, fields[f].name,
                           find_header ((const char *const *)preview->headers, &fields[f]));

  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  while (preview->rows->len < n_rows)
    {
      g_autoptr (TiCsvRecord) record = ti_csv_reader_next (reader, NULL, NULL);
      g_autoptr (GStrvBuilder) values = NULL;

      if (record == NULL)
        break;
      if (record_is_blank (record))
        continue;
      values = g_strv_builder_new ();
      for (guint c = 0; c < record->n_fields; c++)
        {
          g_autofree char *text = g_utf8_make_valid (record->fields[c], record->lengths[c]);
          g_strv_builder_add (values, text);
        }
      g_ptr_array_add (preview->rows, g_strv_builder_end (values));
    }
  return g_steal_pointer (&preview);
}

/**
 * ti_import_preview_copy:
 *
 * Returns: (transfer full): a copy of @self
 */
TiImportPreview *
ti_import_preview_copy (const TiImportPreview *self)
{
  TiImportPreview *copy = g_new0 (TiImportPreview, 1);

  copy->kind = self->kind;
  copy->headers = g_strdupv (self->headers);
  copy->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (copy->rows, g_strdupv (g_ptr_array_index (self->rows, i)));
  copy->mapping = ti_import_mapping_copy (self->mapping);
  return copy;
}

void
ti_import_preview_free (TiImportPreview *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->headers);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, ti_import_mapping_free);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (TiImportPreview, ti_import_preview, ti_import_preview_copy,
                     ti_import_preview_free)
