/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ti-workbook-private.h"

/*
 * Writing the workbook's cells safely: every piece of text from the programme goes through
 * ti_workbook_safe_text() and is written as a string (never a formula), numbers as numbers
 * with the column's format, dates as Excel dates. A sheet is a title, a line under it, a
 * header row that stays in view, and rows under it with an autofilter over them.
 */

/* Excel's limit on a cell's text, in UTF-16 code units. */
#define CELL_MAX_UNITS 32767

/**
 * ti_workbook_safe_text:
 * @text: (nullable): text from the programme
 *
 * Returns: (transfer full): @text as a cell can hold it: valid UTF-8, without the control
 *   characters XML cannot carry (tabs and line breaks kept, carriage returns dropped), at
 *   most Excel's 32,767 UTF-16 units; "" for %NULL
 */
char *
ti_workbook_safe_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *safe = g_string_sized_new (strlen (valid));
  guint n_units = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint units = c > 0xffff ? 2 : 1;

      if (c == '\r')
        continue;
      if (n_units + units > CELL_MAX_UNITS)
        break;
      n_units += units;
      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c == 0xfffe || c == 0xffff)
        g_string_append_c (safe, ' ');
      else
        g_string_append_unichar (safe, c);
    }
  return g_string_free (safe, FALSE);
}

/**
 * ti_workbook_labels:
 * @keys: (nullable): keys separated by commas, as SQLite's group_concat() gives them
 * @label: a key's label, translated, or %NULL for a key it does not know
 *
 * Returns: (transfer full): the keys' labels joined by ", " ("Coordinator, Champion")
 */
char *
ti_workbook_labels (const char *keys, const char *(*label) (const char *key))
{
  g_auto (GStrv) split = g_strsplit (keys != NULL ? keys : "", ",", -1);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; split[i] != NULL; i++)
    {
      const char *words = *split[i] != '\0' ? label (split[i]) : NULL;

      if (words == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, words);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ti_workbook_pseudonym:
 *
 * Returns: (transfer full): the person's pseudonymous ID, "P-" and ten hexadecimal digits of
 *   a keyed hash of their id: the same in every export of the programme, and not traceable
 *   to them without the programme file's secret
 */
char *
ti_workbook_pseudonym (TiWorkbookExport *export, gint64 person_id)
{
  char id[32];
  g_autofree char *hash = NULL;
  g_autofree char *digits = NULL;

  g_snprintf (id, sizeof id, "person:%" G_GINT64_FORMAT, person_id);
  hash = g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *)export->pseudonym_key,
                                    strlen (export->pseudonym_key), id, -1);
  digits = g_ascii_strup (hash, 10);
  return g_strdup_printf ("P-%s", digits);
}

/**
 * ti_workbook_person:
 * @name: (nullable): their name, used only when the export includes names
 *
 * Returns: (transfer full): how the workbook names a person: their name when names are
 *   included, their pseudonymous ID otherwise
 */
char *
ti_workbook_person (TiWorkbookExport *export, gint64 person_id, const char *name)
{
  if (export->options->include_names && name != NULL)
    return g_strdup (name);
  return ti_workbook_pseudonym (export, person_id);
}

/**
 * ti_workbook_sheet_reference:
 *
 * Returns: (transfer full): a formula's reference to a range of a sheet of ours, the name
 *   quoted ("='Chart data'!$B$3:$B$9")
 */
char *
ti_workbook_sheet_reference (const char *sheet, lxw_row_t first_row, lxw_col_t first_col,
                             lxw_row_t last_row, lxw_col_t last_col)
{
  char first[16], last[16];

  lxw_rowcol_to_cell_abs (first, first_row, first_col, TRUE, TRUE);
  lxw_rowcol_to_cell_abs (last, last_row, last_col, TRUE, TRUE);
  /* Our sheet names are constants without quotes: nothing to escape. */
  return g_strdup_printf ("='%s'!%s:%s", sheet, first, last);
}

/* Counts a cell libxlsxwriter refused, so that the export fails rather than lose it. */
static void
checked (TiSheet *sheet, lxw_error error)
{
  if (error != LXW_NO_ERROR && sheet->export->write_errors++ == 0)
    sheet->export->first_write_error = error;
}

void
ti_sheet_note (TiWorkbookExport *export, const char *sheet, const char *text)
{
  TiWorkbookNote *note = g_new0 (TiWorkbookNote, 1);

  note->sheet = g_strdup (sheet);
  note->text = g_strdup (text);
  g_ptr_array_add (export->notes, note);
}

/**
 * ti_sheet_start:
 * @name: the sheet's name: a constant of ours, at most 31 characters, none of []:*?/\
 * @title: the first line, translated
 * @subtitle: (nullable): the line under it (the period, the rule)
 *
 * Adds a sheet to the workbook with its title; the table starts two rows down.
 */
void
ti_sheet_start (TiSheet *sheet, TiWorkbookExport *export, const char *name, const char *title,
                const char *subtitle)
{
  memset (sheet, 0, sizeof *sheet);
  sheet->export = export;
  sheet->worksheet = workbook_add_worksheet (export->workbook, name);
  g_assert (sheet->worksheet != NULL);
  ti_sheet_text_format (sheet, 0, title, export->formats.title);
  worksheet_set_row (sheet->worksheet, 0, 24, NULL);
  sheet->row = 1;
  if (subtitle != NULL)
    ti_sheet_text_format (sheet, 0, subtitle, export->formats.subtitle);
  sheet->row = 3;
}

/**
 * ti_sheet_header:
 * @headings: (array length=n_columns): each column's heading, translated
 * @widths: (array length=n_columns): each column's width in characters
 *
 * Writes the header row at the sheet's current row and sets the columns' widths; the rows
 * follow it.
 */
void
ti_sheet_header (TiSheet *sheet, const char *const *headings, const double *widths,
                 guint n_columns)
{
  sheet->header_row = sheet->row;
  sheet->n_columns = n_columns;
  /* Room for headings that wrap onto a second line. */
  worksheet_set_row (sheet->worksheet, sheet->row, 2 * LXW_DEF_ROW_HEIGHT, NULL);
  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_set_column (sheet->worksheet, c, c, widths[c], NULL);
      ti_sheet_text_format (sheet, c, headings[c], sheet->export->formats.header);
    }
  sheet->row++;
}

/**
 * ti_sheet_columns:
 * @headings: (array length=n_columns): each column's heading, marked with N_()
 *
 * Writes a detail table's header row (translated) as ti_sheet_header() does, and keeps it
 * in view when scrolling.
 */
void
ti_sheet_columns (TiSheet *sheet, const char *const *headings, const double *widths,
                  guint n_columns)
{
  g_autofree const char **translated = g_new (const char *, n_columns);

  for (guint c = 0; c < n_columns; c++)
    translated[c] = _ (headings[c]);
  ti_sheet_header (sheet, translated, widths, n_columns);
  worksheet_freeze_panes (sheet->worksheet, sheet->header_row + 1, 0);
}

/**
 * ti_sheet_finish:
 *
 * Puts an autofilter over the table (header row and every row written under it); a table
 * without rows says so.
 */
void
ti_sheet_finish (TiSheet *sheet)
{
  if (sheet->n_columns == 0)
    return;
  if (sheet->row == sheet->header_row + 1)
    {
      ti_sheet_text_format (sheet, 0, _("Nothing recorded in the period."),
                            sheet->export->formats.label);
      sheet->row++;
      return;
    }
  worksheet_autofilter (sheet->worksheet, sheet->header_row, 0, sheet->row - 1,
                        sheet->n_columns - 1);
}

void
ti_sheet_text_format (TiSheet *sheet, lxw_col_t col, const char *text, lxw_format *format)
{
  g_autofree char *safe = ti_workbook_safe_text (text);

  if (*safe == '\0')
    return;
  checked (sheet, worksheet_write_string (sheet->worksheet, sheet->row, col, safe, format));
}

void
ti_sheet_text (TiSheet *sheet, lxw_col_t col, const char *text)
{
  ti_sheet_text_format (sheet, col, text, NULL);
}

/**
 * ti_sheet_number:
 * @value: the number; NAN (nothing to measure) leaves the cell empty
 */
void
ti_sheet_number (TiSheet *sheet, lxw_col_t col, double value, lxw_format *format)
{
  if (isnan (value) || isinf (value))
    return;
  checked (sheet, worksheet_write_number (sheet->worksheet, sheet->row, col, value, format));
}

void
ti_sheet_count (TiSheet *sheet, lxw_col_t col, gint64 value)
{
  checked (sheet, worksheet_write_number (sheet->worksheet, sheet->row, col, (double)value,
                          sheet->export->formats.count));
}

/* 'YYYY-MM-DD' (or longer) into an Excel date; FALSE for anything else. */
static gboolean
parse_date (const char *iso, lxw_datetime *out)
{
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;
  *out = (lxw_datetime){ .year = year, .month = month, .day = day };
  return TRUE;
}

/**
 * ti_sheet_date:
 * @iso_date: (nullable): 'YYYY-MM-DD' or a date-time starting so; %NULL leaves the cell empty
 */
void
ti_sheet_date (TiSheet *sheet, lxw_col_t col, const char *iso_date)
{
  lxw_datetime datetime;

  if (parse_date (iso_date, &datetime))
    checked (sheet, worksheet_write_datetime (sheet->worksheet, sheet->row, col, &datetime,
                              sheet->export->formats.date));
}

/**
 * ti_sheet_month:
 * @iso_month: 'YYYY-MM', written as the month's first day, shown "Jun 2024"
 */
void
ti_sheet_month (TiSheet *sheet, lxw_col_t col, const char *iso_month)
{
  g_autofree char *day = g_strdup_printf ("%s-01", iso_month);
  lxw_datetime datetime;

  if (parse_date (day, &datetime))
    checked (sheet, worksheet_write_datetime (sheet->worksheet, sheet->row, col, &datetime,
                              sheet->export->formats.month));
}

/*
 * Small numbers. A count from 1 to below the threshold is hidden ("<5"); so that a total
 * cannot give it away, when a group of rows that a published total adds up (the directorates
 * under one parent, or the top-level organisations of one sector, whose reach the sector's
 * figure shows) would hide a single cell of a column, the next smallest count above zero of
 * that column in the group is hidden as well, preferring a row that is not a parent (a
 * parent's count, less its visible directorates', could give it back). Zeros are shown:
 * they disclose no one.
 */

void
ti_suppression_init (TiSuppression *suppression, guint threshold, guint n_rows, guint n_columns)
{
  suppression->threshold = threshold;
  suppression->n_rows = n_rows;
  suppression->n_columns = n_columns;
  suppression->values = g_new (gint64, (gsize)MAX (n_rows, 1) * n_columns);
  suppression->groups = g_new0 (int, MAX (n_rows, 1));
  suppression->avoid = g_new0 (gboolean, MAX (n_rows, 1));
  suppression->hidden = g_new0 (gboolean, (gsize)MAX (n_rows, 1) * n_columns);
  for (gsize i = 0; i < (gsize)n_rows * n_columns; i++)
    suppression->values[i] = -1;
}

void
ti_suppression_clear (TiSuppression *suppression)
{
  g_clear_pointer (&suppression->values, g_free);
  g_clear_pointer (&suppression->groups, g_free);
  g_clear_pointer (&suppression->avoid, g_free);
  g_clear_pointer (&suppression->hidden, g_free);
}

#define SUPPRESSED_AT(s, r, c) ((gsize)(r) * (s)->n_columns + (c))

static gboolean
is_small (const TiSuppression *s, gint64 value)
{
  return value > 0 && value < (gint64)s->threshold;
}

void
ti_suppression_apply (TiSuppression *s)
{
  g_autoptr (GHashTable) hidden_in_group = NULL;

  if (s->threshold <= 1)
    return;

  for (guint c = 0; c < s->n_columns; c++)
    {
      hidden_in_group = g_hash_table_new (g_direct_hash, g_direct_equal);

      /* Primary: every small count. */
      for (guint r = 0; r < s->n_rows; r++)
        if (is_small (s, s->values[SUPPRESSED_AT (s, r, c)]))
          {
            gpointer group = GINT_TO_POINTER (s->groups[r]);

            s->hidden[SUPPRESSED_AT (s, r, c)] = TRUE;
            g_hash_table_insert (
              hidden_in_group, group,
              GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (hidden_in_group, group))
                               + 1));
          }

      /* Complementary: a group hiding one cell hides its next smallest count too, a row
       * to avoid only when no other will do. */
      for (guint r = 0; r < s->n_rows; r++)
        {
          gpointer group = GINT_TO_POINTER (s->groups[r]);
          int smallest = -1;

          if (GPOINTER_TO_INT (g_hash_table_lookup (hidden_in_group, group)) != 1)
            continue;
          for (guint o = 0; o < s->n_rows; o++)
            {
              gint64 value = s->values[SUPPRESSED_AT (s, o, c)];

              if (s->groups[o] != s->groups[r] || s->hidden[SUPPRESSED_AT (s, o, c)] || value <= 0)
                continue;
              if (smallest < 0 || (s->avoid[smallest] && !s->avoid[o])
                  || (s->avoid[smallest] == s->avoid[o]
                      && value < s->values[SUPPRESSED_AT (s, smallest, c)]))
                smallest = (int)o;
            }
          if (smallest >= 0)
            s->hidden[SUPPRESSED_AT (s, smallest, c)] = TRUE;
          /* Done for this group whether or not a second cell was found. */
          g_hash_table_insert (hidden_in_group, group, GINT_TO_POINTER (2));
        }
      g_clear_pointer (&hidden_in_group, g_hash_table_unref);
    }
}

/**
 * ti_sheet_suppressed_count:
 *
 * Writes the count at (@row, @column) of @suppression: the number, or "<N" as text when it is
 * hidden.
 */
void
ti_sheet_suppressed_count (TiSheet *sheet, lxw_col_t col, const TiSuppression *suppression,
                           guint row, guint column)
{
  gint64 value = suppression->values[SUPPRESSED_AT (suppression, row, column)];

  if (suppression->hidden[SUPPRESSED_AT (suppression, row, column)])
    {
      char text[16];

      g_snprintf (text, sizeof text, "<%u", suppression->threshold);
      checked (sheet, worksheet_write_string (sheet->worksheet, sheet->row, col, text,
                              sheet->export->formats.hidden));
    }
  else if (value >= 0)
    ti_sheet_count (sheet, col, value);
}
