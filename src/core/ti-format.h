/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ti_format_count (gint64 count);
char *ti_format_date (const char *iso_date);
char *ti_format_month (const char *iso_month);
char *ti_format_period (const char *from, const char *to);
char *ti_format_decimal (double value, int digits, gboolean signed_value);
char *ti_format_confidence (double mean);
char *ti_format_confidence_change (double change);
char *ti_format_person_detail (const char *organisation, const char *job_title);

/* What is wrong with a date as written, if anything. */
typedef enum
{
  TI_DATE_OK,         /* a real calendar date */
  TI_DATE_MALFORMED,  /* not written as YYYY-MM-DD or DD/MM/YYYY */
  TI_DATE_IMPOSSIBLE, /* written right, but no such day: 31/02/2023, 2023-13-01 */
} TiDateProblem;

TiDateProblem ti_date_check (const char *text, GDate *date);
gboolean ti_date_parse (const char *text, GDate *date);
void ti_date_today (GDate *today);
gboolean ti_date_is_future (const GDate *date);
gboolean ti_text_is_email (const char *text);
char *ti_text_fold (const char *text);
char *ti_date_to_iso (const GDate *date);

G_END_DECLS
