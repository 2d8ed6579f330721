/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ti_format_count (gint64 count);
char *ti_format_date (const char *iso_date);
char *ti_format_month (const char *iso_month);
char *ti_format_decimal (double value, int digits, gboolean signed_value);

gboolean ti_date_parse (const char *text, GDate *date);
gboolean ti_date_is_future (const GDate *date);
gboolean ti_text_is_email (const char *text);
char *ti_text_fold (const char *text);
char *ti_date_to_iso (const GDate *date);

G_END_DECLS
