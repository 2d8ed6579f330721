/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-overview"

#include "config.h"

#include "ti-overview.h"

/**
 * ti_overview_programme_is_empty:
 * @db: a programme
 * @error: (nullable): where a failure to read goes
 *
 * Whether the window should welcome the person to a new programme rather than show its
 * destinations.
 *
 * Returns: %TRUE when the programme has no organisations and no people yet
 */
gboolean
ti_overview_programme_is_empty (TiDatabase *db, GError **error)
{
  gint64 n = ti_database_count (
    db, "SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM people)", error);

  return n == 0;
}
