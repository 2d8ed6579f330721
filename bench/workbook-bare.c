/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The floor for the evaluation workbook's writer (issue 9): a bare libxlsxwriter loop writing
 * the same sheets, cells and number formats as our export, read from the cells file that
 * bench/workbook-openpyxl.py dump wrote of it (its docstring says the format).
 *
 *   ti-bench-workbook-bare CELLS.tsv OUT.xlsx        (bench/workbook.sh runs and times it)
 *
 * Numbers, dates (as their serial numbers with the date's number format), booleans, formulas
 * and strings go through worksheet_write_number, _boolean, _formula and _string, each number
 * format made once. It links libxlsxwriter only: no database, no querying, none of the
 * workbook's charts or other styles, so it is what writing the cells alone costs. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_FIELDS 6

typedef struct
{
  char *num_format;
  lxw_format *format;
} NumberFormat;

static NumberFormat *formats;
static size_t n_formats;

/* The field undone in place: \\, \t, \n and \r back to what they stand for. */
static char *
unescape (char *field)
{
  char *in = field, *out = field;

  for (; *in != '\0'; in++)
    {
      if (*in != '\\' || in[1] == '\0')
        {
          *out++ = *in;
          continue;
        }
      in++;
      *out++ = *in == 't' ? '\t' : *in == 'n' ? '\n' : *in == 'r' ? '\r' : *in;
    }
  *out = '\0';
  return field;
}

/* A workbook's format for a number format, made the first time it is asked for. */
static lxw_format *
number_format (lxw_workbook *workbook, const char *num_format)
{
  if (*num_format == '\0')
    return NULL;
  for (size_t i = 0; i < n_formats; i++)
    if (strcmp (formats[i].num_format, num_format) == 0)
      return formats[i].format;

  formats = realloc (formats, (n_formats + 1) * sizeof *formats);
  if (formats == NULL)
    abort ();
  formats[n_formats].num_format = strdup (num_format);
  formats[n_formats].format = workbook_add_format (workbook);
  format_set_num_format (formats[n_formats].format, num_format);
  return formats[n_formats++].format;
}

static int
split (char *line, char **fields)
{
  int n = 0;

  line[strcspn (line, "\n")] = '\0';
  fields[n++] = line;
  for (char *tab = strchr (line, '\t'); tab != NULL && n < MAX_FIELDS; tab = strchr (tab, '\t'))
    {
      *tab++ = '\0';
      fields[n++] = tab;
    }
  return n;
}

int
main (int argc, char **argv)
{
  FILE *cells;
  lxw_workbook *workbook;
  lxw_worksheet *sheet = NULL;
  lxw_error closed;
  char *line = NULL, *fields[MAX_FIELDS];
  size_t size = 0;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s CELLS.tsv OUT.xlsx\n", argv[0]);
      return 2;
    }
  cells = fopen (argv[1], "r");
  if (cells == NULL)
    {
      perror (argv[1]);
      return 1;
    }
  workbook = workbook_new (argv[2]);
  if (workbook == NULL)
    {
      fprintf (stderr, "%s: could not start the workbook\n", argv[2]);
      return 1;
    }

  while (getline (&line, &size, cells) != -1)
    {
      int n = split (line, fields);
      lxw_row_t row;
      lxw_col_t col;
      lxw_format *format;
      const char *value;

      if (n == 2 && strcmp (fields[0], "S") == 0)
        {
          sheet = workbook_add_worksheet (workbook, unescape (fields[1]));
          continue;
        }
      if (n != MAX_FIELDS || strcmp (fields[0], "C") != 0 || sheet == NULL)
        {
          fprintf (stderr, "%s: not a cells file\n", argv[1]);
          return 1;
        }
      row = strtoul (fields[1], NULL, 10);
      col = strtoul (fields[2], NULL, 10);
      format = number_format (workbook, unescape (fields[4]));
      value = unescape (fields[5]);
      switch (fields[3][0])
        {
        case 'n':
        case 'd':
          worksheet_write_number (sheet, row, col, strtod (value, NULL), format);
          break;
        case 'b':
          worksheet_write_boolean (sheet, row, col, value[0] == '1', format);
          break;
        case 'f':
          worksheet_write_formula (sheet, row, col, value, format);
          break;
        default:
          worksheet_write_string (sheet, row, col, value, format);
          break;
        }
    }
  free (line);
  fclose (cells);

  closed = workbook_close (workbook);
  if (closed != LXW_NO_ERROR)
    {
      fprintf (stderr, "%s: %s\n", argv[2], lxw_strerror (closed));
      return 1;
    }
  return 0;
}
