/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ti_field_errors_add (GPtrArray *errors, GQuark domain, int code, const char *format, ...)
  G_GNUC_PRINTF (4, 5);
gboolean ti_field_errors_none (GPtrArray *errors, GError **error);

/* The longest name the programme keeps (a person's, an organisation's), in characters: a name
 * is read on a line of its own, and a CSV's unclosed quote would otherwise make a paragraph
 * one. */
#define TI_NAME_MAX_CHARS 200

gboolean ti_text_is_blank (const char *text);
char *ti_name_too_long (const char *name);
char *ti_text_trimmed (const char *text);

G_END_DECLS
