/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-people"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-people-private.h"

/*
 * Who may be put on a list of people (a session's register, an event's list): someone in
 * the programme whose details have not been erased, and who is not on it yet.
 */

/* Whether @person_id is on @owner_id's list: 1 or 0, or -1 with @error set. */
static int
on_list (TiDatabase *db, const TiPeopleList *list, gint64 owner_id, gint64 person_id,
         GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE %s = ?1 AND person_id = ?2",
                                          list->table, list->owner_column);
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc == SQLITE_ROW;
  ti_database_set_error_from_sqlite (db, rc, _(list->reading), error);
  return -1;
}

/**
 * ti_people_list_can_add:
 * @list: which kind of list
 * @owner_id: the session or event whose list it is; the caller checks it exists
 * @person_id: who would go on it
 *
 * Whether @person_id can go on the list: they exist, their details are not erased, and they
 * are not on it yet.
 *
 * Returns: %TRUE when they can; %FALSE with @error set (@list's person or on-list code, or
 *   why the programme could not be read) otherwise
 */
gboolean
ti_people_list_can_add (TiDatabase *db, const TiPeopleList *list, gint64 owner_id,
                        gint64 person_id, GError **error)
{
  gint64 n;
  int on;

  n = ti_database_count_with (db, "SELECT count(*) FROM people WHERE id = ? AND erased_on IS NULL",
                              person_id, NULL, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      g_set_error_literal (error, list->error_domain (), list->person_code,
                           _(list->person_gone));
      return FALSE;
    }
  on = on_list (db, list, owner_id, person_id, error);
  if (on == 1)
    g_set_error_literal (error, list->error_domain (), list->on_list_code, _(list->on_list));
  return on == 0;
}
