/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ti-format.h"

/**
 * ti_format_count:
 *
 * Returns: (transfer full): @count with thousands grouped, as people read figures ("25,310")
 */
char *
ti_format_count (gint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             (guint64) (count < 0 ? -count : count));
  GString *out = g_string_new (count < 0 ? "−" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static const char *
month_abbreviation (int month)
{
  static const char *const months[] = {
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
  };
  return _(months[CLAMP (month, 1, 12) - 1]);
}

/**
 * ti_format_date:
 * @iso_date: (nullable): 'YYYY-MM-DD', optionally followed by a time
 *
 * Returns: (transfer full): "14 Jun 2023", or an empty string for no date
 */
char *
ti_format_date (const char *iso_date)
{
  int y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso_date ? iso_date : "");
  return g_strdup_printf ("%d %s %d", d, month_abbreviation (m), y);
}

/**
 * ti_format_month:
 * @iso_month: (nullable): 'YYYY-MM'
 *
 * Returns: (transfer full): "Jun 2023"
 */
char *
ti_format_month (const char *iso_month)
{
  int y, m;

  if (iso_month == NULL || sscanf (iso_month, "%4d-%2d", &y, &m) != 2)
    return g_strdup (iso_month ? iso_month : "");
  return g_strdup_printf ("%s %d", month_abbreviation (m), y);
}

/**
 * ti_format_period:
 * @from: (nullable): the first day, 'YYYY-MM-DD'; %NULL when open
 * @to: (nullable): the last day; %NULL when open
 *
 * Returns: (transfer full): the period as every page and export says it: "1 Jan 2023 –
 *   30 Apr 2024", "From 1 Jan 2023", "Up to 30 Apr 2024", "Everything recorded"
 */
char *
ti_format_period (const char *from, const char *to)
{
  g_autofree char *first = from ? ti_format_date (from) : NULL;
  g_autofree char *last = to ? ti_format_date (to) : NULL;

  if (first == NULL && last == NULL)
    return g_strdup (_("Everything recorded"));
  if (first == NULL)
    /* Translators: a period with no start */
    return g_strdup_printf (_("Up to %s"), last);
  if (last == NULL)
    /* Translators: a period with no end */
    return g_strdup_printf (_("From %s"), first);
  /* Translators: a period, “1 Jan 2023 – 30 Apr 2024” */
  return g_strdup_printf (_("%s – %s"), first, last);
}

/**
 * ti_format_decimal:
 * @signed_value: show a "+" before positive values (a change)
 *
 * Returns: (transfer full): @value with @digits decimals, in the C locale's notation
 */
char *
ti_format_decimal (double value, int digits, gboolean signed_value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char fmt[8];

  g_snprintf (fmt, sizeof fmt, "%%.%df", CLAMP (digits, 0, 6));
  g_ascii_formatd (buf, sizeof buf, fmt, value);
  if (signed_value && value > 0)
    return g_strconcat ("+", buf, NULL);
  return g_strdup (buf);
}

/* Every confidence figure has this many decimals, on every page and in every dialog. */
#define CONFIDENCE_DIGITS 2

/**
 * ti_format_confidence:
 * @mean: a mean confidence score (1–5), or NAN when there are no scores
 *
 * Returns: (transfer full): "3.50"; "—" for NAN
 */
char *
ti_format_confidence (double mean)
{
  return isnan (mean) ? g_strdup ("—") : ti_format_decimal (mean, CONFIDENCE_DIGITS, FALSE);
}

/**
 * ti_format_confidence_change:
 * @change: a mean change in confidence (after − before), or NAN when there are no pairs
 *
 * Returns: (transfer full): "+1.18", "0.00", "-0.50"; "—" for NAN
 */
char *
ti_format_confidence_change (double change)
{
  return isnan (change) ? g_strdup ("—") : ti_format_decimal (change, CONFIDENCE_DIGITS, TRUE);
}

/**
 * ti_format_person_detail:
 * @organisation: (nullable): the person's organisation
 * @job_title: (nullable): their job title
 *
 * The line under a person's name that tells two people of the same name apart. It never
 * holds contact details.
 *
 * Returns: (transfer full): "Somerset NHS Foundation Trust · Ward manager", either part
 *   alone, or "" when neither is known
 */
char *
ti_format_person_detail (const char *organisation, const char *job_title)
{
  gboolean has_organisation = organisation != NULL && *organisation != '\0';
  gboolean has_job = job_title != NULL && *job_title != '\0';

  if (has_organisation && has_job)
    /* Translators: a person's organisation and job title, under their name */
    return g_strdup_printf (_("%s · %s"), organisation, job_title);
  return g_strdup (has_organisation ? organisation : has_job ? job_title : "");
}

/* Reads @min_digits to @max_digits ASCII digits, and nothing else, from *@p. */
static gboolean
read_digits (const char **p, guint min_digits, guint max_digits, int *value)
{
  guint n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    *value = *value * 10 + ((*p)[n++] - '0');
  *p += n;
  return n >= min_digits;
}

static gboolean
read_char (const char **p, char c)
{
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

/**
 * ti_date_check:
 * @text: (nullable): a date as `YYYY-MM-DD` or `DD/MM/YYYY`, surrounding space allowed
 * @date: (out caller-allocates): the date, cleared unless the result is %TI_DATE_OK
 *
 * Tells a date written the wrong way from one written right that does not exist, so every
 * form and the import can say which: "31/02/2023" is %TI_DATE_IMPOSSIBLE, "2023/02/01" and
 * "1/2/23" are %TI_DATE_MALFORMED. A year before 1900 counts as impossible: nobody in the
 * programme was trained or became a champion then.
 *
 * Returns: %TI_DATE_OK when @text is a real calendar date in one of those forms
 */
TiDateProblem
ti_date_check (const char *text, GDate *date)
{
  g_autofree char *trimmed = NULL;
  const char *p;
  int y = 0, m = 0, d = 0;
  gboolean iso, dmy;

  g_date_clear (date, 1);
  if (text == NULL)
    return TI_DATE_MALFORMED;
  trimmed = g_strstrip (g_strdup (text));

  p = trimmed;
  iso = read_digits (&p, 4, 4, &y) && read_char (&p, '-') && read_digits (&p, 2, 2, &m)
        && read_char (&p, '-') && read_digits (&p, 2, 2, &d) && *p == '\0';
  p = trimmed;
  dmy = !iso && read_digits (&p, 1, 2, &d) && read_char (&p, '/') && read_digits (&p, 1, 2, &m)
        && read_char (&p, '/') && read_digits (&p, 4, 4, &y) && *p == '\0';
  if (!iso && !dmy)
    return TI_DATE_MALFORMED;

  if (y < 1900 || !g_date_valid_dmy (d, m, y))
    return TI_DATE_IMPOSSIBLE;
  g_date_set_dmy (date, d, m, y);
  return TI_DATE_OK;
}

/**
 * ti_date_parse:
 * @text: (nullable): a date as `YYYY-MM-DD` or `DD/MM/YYYY`, surrounding space allowed
 * @date: (out caller-allocates): the date, cleared when @text is not one
 *
 * Returns: %TRUE when @text is a real calendar date in one of those forms
 */
gboolean
ti_date_parse (const char *text, GDate *date)
{
  return ti_date_check (text, date) == TI_DATE_OK;
}

/**
 * ti_date_to_iso:
 *
 * Returns: (transfer full): @date as `YYYY-MM-DD`
 */
char *
ti_date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * ti_date_today:
 * @today: (out caller-allocates): today's date, local time
 */
void
ti_date_today (GDate *today)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * ti_date_is_future:
 *
 * Returns: %TRUE when @date is after today (local time)
 */
gboolean
ti_date_is_future (const GDate *date)
{
  GDate today;

  ti_date_today (&today);
  return g_date_compare (date, &today) > 0;
}

/**
 * ti_text_is_email:
 * @text: (nullable): an address, already trimmed
 *
 * A practical check, not RFC 5322: one "@", something before it, a dotted domain after it,
 * no spaces or control characters, at most 254 bytes.
 *
 * Returns: %TRUE when @text looks like an email address
 */
gboolean
ti_text_is_email (const char *text)
{
  const char *at;
  const char *dot;

  if (text == NULL || *text == '\0' || strlen (text) > 254 || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || *p == ',' || *p == ';' || *p == '<'
        || *p == '>' || *p == '"')
      return FALSE;
  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0' && at[1] != '.';
}

/**
 * ti_text_fold:
 * @text: (nullable): what to search for, or search in
 *
 * Normalises (compatibility decomposition) and case-folds @text, so that searching compares
 * like with like: "SIÂN" finds "Siân".
 *
 * Returns: (transfer full): the folded text ("" for %NULL)
 */
char *
ti_text_fold (const char *text)
{
  g_autofree char *normalised = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalised ? normalised : "", -1);
}
