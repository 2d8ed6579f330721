/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ti_field_errors_add (GPtrArray *errors, GQuark domain, int code, const char *format, ...)
  G_GNUC_PRINTF (4, 5);
gboolean ti_field_errors_none (GPtrArray *errors, GError **error);

gboolean ti_text_is_blank (const char *text);
char *ti_text_trimmed (const char *text);

G_END_DECLS
