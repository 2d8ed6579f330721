/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-programme-settings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ti-format.h"
#include "ti-programme-settings.h"

G_DEFINE_QUARK (ti-programme-settings-error-quark, ti_programme_settings_error)

/**
 * ti_programme_settings_new_default:
 *
 * Returns: (transfer full): the settings of a new programme: the evaluation period of the
 *   April/May 2024 full evaluation (1 January 2023 to 30 April 2024), threshold 5
 */
TiProgrammeSettings *
ti_programme_settings_new_default (void)
{
  TiProgrammeSettings *settings = g_new0 (TiProgrammeSettings, 1);

  settings->name = g_strdup (_("Trauma Informed Somerset"));
  g_date_clear (&settings->period_start, 1);
  g_date_clear (&settings->period_end, 1);
  g_date_set_dmy (&settings->period_start, 1, G_DATE_JANUARY, 2023);
  g_date_set_dmy (&settings->period_end, 30, G_DATE_APRIL, 2024);
  settings->suppression_threshold = 5;
  settings->export_organisation = g_strdup ("Somerset County Council");
  return settings;
}

TiProgrammeSettings *
ti_programme_settings_copy (const TiProgrammeSettings *settings)
{
  TiProgrammeSettings *copy = g_memdup2 (settings, sizeof *settings);

  copy->name = g_strdup (settings->name);
  copy->export_organisation = g_strdup (settings->export_organisation);
  return copy;
}

void
ti_programme_settings_free (TiProgrammeSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->name);
  g_free (settings->export_organisation);
  g_free (settings);
}

/**
 * ti_programme_settings_load:
 *
 * Reads the settings; a missing or unreadable value keeps its default.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL with @error set
 */
TiProgrammeSettings *
ti_programme_settings_load (TiDatabase *db, GError **error)
{
  g_autoptr (TiProgrammeSettings) settings = ti_programme_settings_new_default ();
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, "SELECT key, value FROM settings",
                                                       error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      GDate date;

      /* The schema never stores a row without a key, but a damaged file can hold one. */
      if (key == NULL)
        continue;
      if (g_str_equal (key, "programme_name") && value && *value)
        { g_free (settings->name); settings->name = g_strdup (value); }
      else if (g_str_equal (key, "export_organisation") && value)
        { g_free (settings->export_organisation); settings->export_organisation = g_strdup (value); }
      else if (g_str_equal (key, "period_start") && ti_date_parse (value, &date))
        settings->period_start = date;
      else if (g_str_equal (key, "period_end") && ti_date_parse (value, &date))
        settings->period_end = date;
      else if (g_str_equal (key, "suppression_threshold"))
        settings->suppression_threshold
          = CLAMP (sqlite3_column_int (stmt, 1), 1, TI_SUPPRESSION_THRESHOLD_MAX);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the programme settings"), error);
      return NULL;
    }
  return g_steal_pointer (&settings);
}

/**
 * ti_programme_settings_validate:
 *
 * Returns: %TRUE when every value is acceptable; otherwise %FALSE with @error naming the field
 */
gboolean
ti_programme_settings_validate (const TiProgrammeSettings *settings, GError **error)
{
  g_autofree char *name = g_strstrip (g_strdup (settings->name ? settings->name : ""));

  if (*name == '\0')
    {
      g_set_error_literal (error, TI_PROGRAMME_SETTINGS_ERROR, TI_PROGRAMME_SETTINGS_ERROR_NAME,
                           _("The programme needs a name."));
      return FALSE;
    }
  if (!g_date_valid (&settings->period_start) || !g_date_valid (&settings->period_end))
    {
      g_set_error_literal (error, TI_PROGRAMME_SETTINGS_ERROR, TI_PROGRAMME_SETTINGS_ERROR_PERIOD,
                           _("The evaluation period needs a first and a last day."));
      return FALSE;
    }
  if (g_date_compare (&settings->period_start, &settings->period_end) > 0)
    {
      g_set_error_literal (error, TI_PROGRAMME_SETTINGS_ERROR, TI_PROGRAMME_SETTINGS_ERROR_PERIOD,
                           _("The evaluation period must start before it ends."));
      return FALSE;
    }
  if (settings->suppression_threshold < 1
      || settings->suppression_threshold > TI_SUPPRESSION_THRESHOLD_MAX)
    {
      g_set_error (error, TI_PROGRAMME_SETTINGS_ERROR, TI_PROGRAMME_SETTINGS_ERROR_THRESHOLD,
                   _("The small-number threshold must be between 1 and %d."),
                   TI_SUPPRESSION_THRESHOLD_MAX);
      return FALSE;
    }
  if (settings->export_organisation != NULL && strlen (settings->export_organisation) > 200)
    {
      g_set_error_literal (error, TI_PROGRAMME_SETTINGS_ERROR,
                           TI_PROGRAMME_SETTINGS_ERROR_ORGANISATION,
                           _("The organisation named in exports must be under 200 characters."));
      return FALSE;
    }
  return TRUE;
}

/**
 * ti_programme_settings_save:
 *
 * Validates and stores the settings. Inside a transaction it joins it; otherwise it makes
 * its own, with an audit entry.
 */
gboolean
ti_programme_settings_save (const TiProgrammeSettings *settings, TiDatabase *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *threshold = NULL;
  gboolean own_transaction = sqlite3_get_autocommit (ti_database_get_handle (db));
  const char *pairs[5][2];

  if (!ti_programme_settings_validate (settings, error))
    return FALSE;

  start = ti_date_to_iso (&settings->period_start);
  end = ti_date_to_iso (&settings->period_end);
  threshold = g_strdup_printf ("%d", settings->suppression_threshold);
  pairs[0][0] = "programme_name", pairs[0][1] = settings->name;
  pairs[1][0] = "period_start", pairs[1][1] = start;
  pairs[2][0] = "period_end", pairs[2][1] = end;
  pairs[3][0] = "suppression_threshold", pairs[3][1] = threshold;
  pairs[4][0] = "export_organisation",
  pairs[4][1] = settings->export_organisation ? settings->export_organisation : "";

  if (own_transaction && !ti_database_begin (db, error))
    return FALSE;

  stmt = ti_database_prepare (db, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                              error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      sqlite3_bind_text (stmt, 1, pairs[i][0], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, pairs[i][1], -1, SQLITE_STATIC);
      if (!ti_database_step_done (db, stmt, error))
        goto failed;
    }

  if (own_transaction)
    {
      if (!ti_database_audit (db, "update", "settings", 0, "programme settings", error)
          || !ti_database_commit (db, error))
        goto failed;
    }
  return TRUE;

failed:
  if (own_transaction)
    ti_database_rollback (db);
  return FALSE;
}
