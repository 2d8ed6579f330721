/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-charter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-charter.h"
#include "ti-vocabulary.h"

/* Charter adoption across all partners, for the Charter view's summary. */

static void
sector_row_free (gpointer data)
{
  TiCharterSectorRow *row = data;

  g_free (row->sector_key);
  g_free (row);
}

void
ti_charter_overview_free (TiCharterOverview *overview)
{
  if (overview == NULL)
    return;
  g_clear_pointer (&overview->sectors, g_ptr_array_unref);
  g_free (overview);
}

/**
 * ti_charter_get_overview:
 *
 * Adoption across all partners: organisations by stage, and by sector and stage. An
 * organisation with no adoption record counts as not started.
 *
 * Returns: (transfer full) (nullable): the overview
 */
TiCharterOverview *
ti_charter_get_overview (TiDatabase *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT o.sector, coalesce(ca.stage, 'not_started'), count(*) FROM organisations o"
    " LEFT JOIN charter_adoptions ca ON ca.organisation_id = o.id GROUP BY 1, 2",
    error);
  g_autoptr (TiCharterOverview) overview = g_new0 (TiCharterOverview, 1);
  const TiTerm *sectors;
  guint n_sectors;
  int rc;

  if (stmt == NULL)
    return NULL;
  sectors = ti_vocabulary_sectors (&n_sectors);
  overview->sectors = g_ptr_array_new_with_free_func (sector_row_free);
  for (guint i = 0; i < n_sectors; i++)
    {
      TiCharterSectorRow *row = g_new0 (TiCharterSectorRow, 1);

      row->sector_key = g_strdup (sectors[i].key);
      row->sector = ti_vocabulary_sector_label (sectors[i].key);
      g_ptr_array_add (overview->sectors, row);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sector = (const char *) sqlite3_column_text (stmt, 0);
      int stage = ti_charter_stage_from_key ((const char *) sqlite3_column_text (stmt, 1));
      guint n = sqlite3_column_int (stmt, 2);

      if (stage < 0)
        continue;
      overview->counts[stage] += n;
      overview->total += n;
      for (guint i = 0; i < overview->sectors->len; i++)
        {
          TiCharterSectorRow *row = g_ptr_array_index (overview->sectors, i);
          if (g_strcmp0 (row->sector_key, sector) == 0)
            {
              row->counts[stage] += n;
              row->total += n;
            }
        }
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the charter"), error);
      return NULL;
    }

  /* Only sectors that have organisations: the view has nothing to say about the others. */
  for (guint i = overview->sectors->len; i > 0; i--)
    if (((TiCharterSectorRow *) g_ptr_array_index (overview->sectors, i - 1))->total == 0)
      g_ptr_array_remove_index (overview->sectors, i - 1);
  return g_steal_pointer (&overview);
}
