/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-fidelity"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-fidelity.h"

/*
 * The fidelity checklist the psychologist reviews a session against: an ordered list of
 * items, edited in Preferences. The items in the checklist (not retired) hold positions
 * 1…n. Past reviews must stay readable as they were written, so an item that a review has
 * answered is never deleted or reworded in place: removing it retires it, and rewording it
 * retires it and puts a new item with the new words in its place. An item nobody answered
 * yet is simply changed or deleted. Every change is one transaction with an audit entry.
 */

G_DEFINE_QUARK (ti-fidelity-error-quark, ti_fidelity_error)

void
ti_fidelity_item_free (TiFidelityItem *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_free (item);
}

/**
 * ti_fidelity_list_items:
 * @with_retired: also list retired items, after the others
 *
 * Returns: (transfer full) (element-type TiFidelityItem) (nullable): the checklist in
 *   order, or %NULL with @error set
 */
GPtrArray *
ti_fidelity_list_items (TiDatabase *db, gboolean with_retired, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT i.id, i.position, i.text, i.retired,"
    "  (SELECT count(*) FROM review_answers a WHERE a.item_id = i.id)"
    " FROM fidelity_items i WHERE ?1 OR i.retired = 0"
    " ORDER BY i.retired, i.position, i.id",
    error);
  g_autoptr (GPtrArray) items
    = g_ptr_array_new_with_free_func ((GDestroyNotify) ti_fidelity_item_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, with_retired);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiFidelityItem *item = g_new0 (TiFidelityItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->position = sqlite3_column_int (stmt, 1);
      item->text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      item->retired = sqlite3_column_int (stmt, 3) != 0;
      item->uses = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the fidelity checklist"), error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

static gboolean
fail_with (GError **error, int code, const char *message)
{
  g_set_error_literal (error, TI_FIDELITY_ERROR, code, message);
  return FALSE;
}

/* Whether item @id exists, and if so whether it is retired and how many answers name it. */
static gboolean
read_item (TiDatabase *db, gint64 id, gboolean *retired, guint *uses, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT retired, (SELECT count(*) FROM review_answers WHERE item_id = ?1)"
    " FROM fidelity_items WHERE id = ?1",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return fail_with (error, TI_FIDELITY_ERROR_NOT_FOUND,
                      _("This item is no longer in the fidelity checklist."));
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the fidelity checklist"), error);
  *retired = sqlite3_column_int (stmt, 0) != 0;
  *uses = sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* As read_item(), but a retired item counts as gone: it is not in the checklist. */
static gboolean
read_active_item (TiDatabase *db, gint64 id, guint *uses, GError **error)
{
  gboolean retired = FALSE;

  if (!read_item (db, id, &retired, uses, error))
    return FALSE;
  if (retired)
    return fail_with (error, TI_FIDELITY_ERROR_NOT_FOUND,
                      _("This item is no longer in the fidelity checklist."));
  return TRUE;
}

/* Checks an item's text: not blank, not too long, not already another item in the
 * checklist (whatever the case). Returns it trimmed. */
static char *
checked_text (TiDatabase *db, gint64 id, const char *text, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  gint64 taken;

  if (*trimmed == '\0')
    {
      fail_with (error, TI_FIDELITY_ERROR_TEXT, _("Enter what the psychologist checks."));
      return NULL;
    }
  if (g_utf8_strlen (trimmed, -1) > TI_FIDELITY_ITEM_MAX_CHARS)
    {
      g_set_error (error, TI_FIDELITY_ERROR, TI_FIDELITY_ERROR_TEXT,
                   _("Keep an item to %d characters or fewer; the detail belongs in the "
                     "review’s comments."),
                   TI_FIDELITY_ITEM_MAX_CHARS);
      return NULL;
    }
  taken = ti_database_count_with (db,
                                  "SELECT count(*) FROM fidelity_items WHERE retired = 0"
                                  " AND id <> ?1 AND lower(text) = lower(?2)",
                                  id, trimmed, error);
  if (taken < 0)
    return NULL;
  if (taken > 0)
    {
      g_set_error (error, TI_FIDELITY_ERROR, TI_FIDELITY_ERROR_TEXT,
                   _("The checklist already has the item “%s”."), trimmed);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

/* The ids of the items in the checklist, in order, without @except. */
static GArray *
active_ids (TiDatabase *db, gint64 except, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db, "SELECT id FROM fidelity_items WHERE retired = 0 AND id <> ? ORDER BY position, id",
    error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, except);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the fidelity checklist"), error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Numbers the checklist 1…n in the order of @ids, with @id inserted at @position (1-based)
 * unless @id is 0. */
static gboolean
renumber (TiDatabase *db, gint64 id, guint position, GError **error)
{
  g_autoptr (GArray) ids = active_ids (db, id, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (ids == NULL)
    return FALSE;
  if (id != 0)
    {
      if (position < 1 || position > ids->len + 1)
        {
          g_set_error (error, TI_FIDELITY_ERROR, TI_FIDELITY_ERROR_POSITION,
                       _("Choose a position from 1 to %u."), ids->len + 1);
          return FALSE;
        }
      g_array_insert_val (ids, position - 1, id);
    }
  stmt = ti_database_prepare (db, "UPDATE fidelity_items SET position = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int (stmt, 1, i + 1);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!ti_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Runs one statement with an id as ?1 and, unless %NULL, a text as ?2. */
static gboolean
run (TiDatabase *db, const char *sql, gint64 id, const char *text, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  return ti_database_step_done (db, stmt, error);
}

/* Adds @text at the end of the checklist; returns its id, or 0 with @error set. */
static gint64
insert_item (TiDatabase *db, const char *text, GError **error)
{
  if (!run (db,
            "INSERT INTO fidelity_items (position, text) VALUES ((SELECT coalesce(max(position), 0)"
            " + 1 FROM fidelity_items WHERE retired = 0), ?2)",
            0, text, error))
    return 0;
  return sqlite3_last_insert_rowid (ti_database_get_handle (db));
}

static gboolean
finish (TiDatabase *db, gboolean done, GError **error)
{
  if (done && ti_database_commit (db, error))
    return TRUE;
  ti_database_rollback (db);
  return FALSE;
}

/**
 * ti_fidelity_add_item:
 * @out_id: (out) (optional): the new item's id
 *
 * Adds an item at the end of the checklist.
 */
gboolean
ti_fidelity_add_item (TiDatabase *db, const char *text, gint64 *out_id, GError **error)
{
  g_autofree char *trimmed = NULL;
  gint64 id = 0;
  gboolean done;

  if (!ti_database_begin (db, error))
    return FALSE;
  done = (trimmed = checked_text (db, 0, text, error)) != NULL
         && (id = insert_item (db, trimmed, error)) != 0
         && ti_database_audit (db, "create", "fidelity_item", id, NULL, error);
  if (!finish (db, done, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

/**
 * ti_fidelity_rename_item:
 * @out_id: (out) (optional): the id of the item that now has @text
 *
 * Rewords an item. One that past reviews answered keeps its words for them: it is retired
 * and a new item with @text takes its place, whose id is @out_id.
 */
gboolean
ti_fidelity_rename_item (TiDatabase *db, gint64 id, const char *text, gint64 *out_id,
                         GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *detail = NULL;
  guint uses = 0;
  gint64 new_id = id;
  gboolean done;

  if (!ti_database_begin (db, error))
    return FALSE;
  done = read_active_item (db, id, &uses, error)
         && (trimmed = checked_text (db, id, text, error)) != NULL;
  if (done && uses == 0)
    done = run (db, "UPDATE fidelity_items SET text = ?2 WHERE id = ?1", id, trimmed, error)
           && ti_database_audit (db, "update", "fidelity_item", id, "reworded", error);
  else if (done)
    {
      done = (new_id = insert_item (db, trimmed, error)) != 0
             && run (db, "UPDATE fidelity_items SET retired = 1 WHERE id = ?1", id, NULL, error)
             && run (db,
                     "UPDATE fidelity_items SET position = (SELECT position FROM fidelity_items"
                     " WHERE id = ?1) WHERE id = last_insert_rowid()",
                     id, NULL, error)
             && renumber (db, 0, 0, error);
      detail = g_strdup_printf ("reworded: retired, replaced by item %" G_GINT64_FORMAT, new_id);
      done = done && ti_database_audit (db, "update", "fidelity_item", id, detail, error)
             && ti_database_audit (db, "create", "fidelity_item", new_id, NULL, error);
    }
  if (!finish (db, done, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = new_id;
  return TRUE;
}

/**
 * ti_fidelity_move_item:
 * @position: the new position, from 1 (first) to the number of items
 *
 * Moves an item; the others shift so positions stay 1…n.
 */
gboolean
ti_fidelity_move_item (TiDatabase *db, gint64 id, guint position, GError **error)
{
  g_autofree char *detail = g_strdup_printf ("moved to position %u", position);
  guint uses = 0;

  if (!ti_database_begin (db, error))
    return FALSE;
  return finish (db,
                 read_active_item (db, id, &uses, error) && renumber (db, id, position, error)
                   && ti_database_audit (db, "update", "fidelity_item", id, detail, error),
                 error);
}

/**
 * ti_fidelity_remove_item:
 * @out_retired: (out) (optional): %TRUE when the item was retired rather than deleted
 *
 * Takes an item out of the checklist: retired when past reviews answered it (they keep
 * showing it), deleted otherwise. The items after it move up.
 */
gboolean
ti_fidelity_remove_item (TiDatabase *db, gint64 id, gboolean *out_retired, GError **error)
{
  guint uses = 0;
  gboolean done;

  if (!ti_database_begin (db, error))
    return FALSE;
  done = read_active_item (db, id, &uses, error);
  if (done && uses > 0)
    done = run (db, "UPDATE fidelity_items SET retired = 1 WHERE id = ?1", id, NULL, error)
           && ti_database_audit (db, "update", "fidelity_item", id, "retired", error);
  else if (done)
    done = run (db, "DELETE FROM fidelity_items WHERE id = ?1", id, NULL, error)
           && ti_database_audit (db, "delete", "fidelity_item", id, NULL, error);
  if (!finish (db, done && renumber (db, 0, 0, error), error))
    return FALSE;
  if (out_retired != NULL)
    *out_retired = uses > 0;
  return TRUE;
}

/**
 * ti_fidelity_restore_item:
 * @position: where it goes back, from 1 to the number of items + 1
 *
 * Puts a retired item back in the checklist (the Undo of ti_fidelity_remove_item()).
 * Refused when the checklist meanwhile has an item with the same words.
 */
gboolean
ti_fidelity_restore_item (TiDatabase *db, gint64 id, guint position, GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *trimmed = NULL;
  gboolean retired = FALSE;
  guint uses = 0;
  gboolean done;

  if (!ti_database_begin (db, error))
    return FALSE;
  done = read_item (db, id, &retired, &uses, error);
  if (done && !retired)
    done = fail_with (error, TI_FIDELITY_ERROR_NOT_FOUND,
                      _("This item is already in the fidelity checklist."));
  if (done)
    {
      g_autoptr (sqlite3_stmt) stmt
        = ti_database_prepare (db, "SELECT text FROM fidelity_items WHERE id = ?", error);
      done = stmt != NULL;
      if (done)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        }
    }
  done = done && (trimmed = checked_text (db, id, text, error)) != NULL
         && run (db, "UPDATE fidelity_items SET retired = 0 WHERE id = ?1", id, NULL, error)
         && renumber (db, id, position, error)
         && ti_database_audit (db, "restore", "fidelity_item", id, NULL, error);
  return finish (db, done, error);
}
