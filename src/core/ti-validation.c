/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-validation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-validation.h"

/*
 * What every editor's validation shares: the problems of a record are an array of #GError,
 * one per field at fault, in the editor's order (the `*_validate_all` functions return it),
 * so that every field can be marked at once; saving refuses with the first of them.
 */

/**
 * ti_field_errors_add:
 * @errors: (element-type GError): the problems found so far
 * @domain: the module's error domain
 * @code: which field is at fault, as the module's error enum says
 * @format: the message, in words, as printf() takes it
 *
 * Adds one problem to @errors.
 */
void
ti_field_errors_add (GPtrArray *errors, GQuark domain, int code, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (errors, g_error_new_valist (domain, code, format, args));
  va_end (args);
}

/**
 * ti_field_errors_none:
 * @errors: (nullable) (element-type GError): the problems a `*_validate_all` function found,
 *   or %NULL when it could not check (with @error set)
 *
 * Whether a record may be saved: the first problem, if any, becomes @error.
 *
 * Returns: %TRUE when @errors is empty; %FALSE with @error set otherwise
 */
gboolean
ti_field_errors_none (GPtrArray *errors, GError **error)
{
  if (errors == NULL)
    return FALSE;
  if (errors->len > 0)
    {
      g_propagate_error (error, g_error_copy (g_ptr_array_index (errors, 0)));
      return FALSE;
    }
  return TRUE;
}

/**
 * ti_name_too_long:
 * @name: (nullable): a name as entered
 *
 * Returns: (transfer full) (nullable): %NULL when @name fits %TI_NAME_MAX_CHARS characters;
 *   otherwise how long it is, for the form's or the import's sentence ("20,000 characters
 *   long; at most 200 are allowed")
 */
char *
ti_name_too_long (const char *name)
{
  glong length = name != NULL ? g_utf8_strlen (name, -1) : 0;
  g_autofree char *has = NULL;
  g_autofree char *most = NULL;

  if (length <= TI_NAME_MAX_CHARS)
    return NULL;
  has = ti_format_count (length);
  most = ti_format_count (TI_NAME_MAX_CHARS);
  return g_strdup_printf (_("%s characters long; at most %s are allowed"), has, most);
}

/**
 * ti_text_is_blank:
 * @text: (nullable): what the person typed
 *
 * Returns: %TRUE when @text is %NULL, empty or only white space
 */
gboolean
ti_text_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/**
 * ti_text_trimmed:
 * @text: (nullable): what the person typed
 *
 * Returns: (transfer full) (not nullable): @text without the white space around it; an empty
 *   string for %NULL
 */
char *
ti_text_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}
