/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-organisations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-validation.h"
#include "ti-organisations.h"
#include "ti-training-figures.h"
#include "ti-vocabulary.h"

/*
 * Organisations: the list with its figures, the editor's validation and saving, delete
 * and merge. Reach counts people (not completions): the people of the organisation and its
 * directorates with a Tier 1 completion, over its headcount, as the training figures count
 * it (ti_tier1_reach_list(), the one place reach is defined) — see TiOrganisation.
 */

G_DEFINE_QUARK (ti-organisations-error-quark, ti_organisations_error)

static const char list_sql[] =
  "WITH champs AS ("
  "  SELECT p.organisation_id AS oid, count(*) AS n FROM champions c"
  "  JOIN people p ON p.id = c.person_id WHERE c.status = 'active' GROUP BY 1),"
  " hosted AS ("
  "  SELECT host_organisation_id AS oid, count(*) AS n FROM sessions"
  "  WHERE status = 'delivered' GROUP BY 1),"
  " members AS ("
  "  SELECT organisation_id AS oid, count(*) AS n FROM people GROUP BY 1)"
  " SELECT o.id, o.name, o.sector, o.locality, o.headcount, o.parent_id, parent.name,"
  "  coalesce(champs.n, 0), 0, coalesce(hosted.n, 0), ca.stage,"
  "  coalesce(members.n, 0)"
  " FROM organisations o"
  " LEFT JOIN organisations parent ON parent.id = o.parent_id"
  " LEFT JOIN champs ON champs.oid = o.id"
  " LEFT JOIN hosted ON hosted.oid = o.id"
  " LEFT JOIN members ON members.oid = o.id"
  " LEFT JOIN charter_adoptions ca ON ca.organisation_id = o.id"
  " ORDER BY o.name COLLATE NOCASE";

/* The same columns without the figures: what a chooser needs, without counting anyone. */
static const char choices_sql[] =
  "SELECT o.id, o.name, o.sector, o.locality, o.headcount, o.parent_id, parent.name,"
  "  0, 0, 0, NULL, 0"
  " FROM organisations o LEFT JOIN organisations parent ON parent.id = o.parent_id"
  " ORDER BY o.name COLLATE NOCASE";

static GListModel *
list_with_sql (TiDatabase *db, const char *sql, GHashTable *reached, GError **error);

/**
 * ti_organisations_list:
 *
 * Every organisation with its champions, Tier 1 reach (over the whole programme), sessions
 * hosted and charter stage, sorted by name.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiOrganisation
 */
GListModel *
ti_organisations_list (TiDatabase *db, GError **error)
{
  g_autoptr (GHashTable) reached = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          g_object_unref);
  g_autoptr (GListModel) reach = NULL;
  GListModel *list = NULL;
  gboolean own_transaction;

  /* One snapshot for the reach and the rest. */
  if (!ti_database_snapshot_begin (db, &own_transaction, error))
    return NULL;
  reach = ti_tier1_reach_list (db, TI_REACH_BY_ORGANISATION, NULL, NULL, error);
  if (reach != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (reach); i++)
        {
          TiReachRow *row = g_list_model_get_item (reach, i);
          g_hash_table_insert (reached, (gpointer) ti_reach_row_get_key (row), row);
        }
      list = list_with_sql (db, list_sql, reached, error);
    }
  ti_database_snapshot_end (db, own_transaction);
  return list;
}

/**
 * ti_organisations_list_choices:
 *
 * Every organisation's name, sector, locality, headcount and parent, sorted by name, for a
 * chooser: quick enough for the main thread at any scale. Its figures read as zero.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiOrganisation
 */
GListModel *
ti_organisations_list_choices (TiDatabase *db, GError **error)
{
  return list_with_sql (db, choices_sql, NULL, error);
}

/* @reached: (nullable): organisation ids (as text) → their #TiReachRow */
static GListModel *
list_with_sql (TiDatabase *db, const char *sql, GHashTable *reached, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiOrganisationFields f = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = (const char *) sqlite3_column_text (stmt, 1),
        .sector_key = (const char *) sqlite3_column_text (stmt, 2),
        .locality_key = (const char *) sqlite3_column_text (stmt, 3),
        .headcount = sqlite3_column_int64 (stmt, 4),
        .parent_id = sqlite3_column_int64 (stmt, 5),
        .parent = (const char *) sqlite3_column_text (stmt, 6),
        .champions = sqlite3_column_int (stmt, 7),
        .tier1_people = sqlite3_column_int (stmt, 8),
        .sessions_hosted = sqlite3_column_int (stmt, 9),
        .charter_stage_key = (const char *) sqlite3_column_text (stmt, 10),
        .people = sqlite3_column_int (stmt, 11),
      };
      const char *id_text = (const char *) sqlite3_column_text (stmt, 0);
      /* The id is never NULL in a whole file; in a damaged one it can be. */
      TiReachRow *reach = reached != NULL && id_text != NULL
                            ? g_hash_table_lookup (reached, id_text)
                            : NULL;

      if (reach != NULL)
        f.tier1_people = ti_reach_row_get_reached (reach);
      g_ptr_array_add (items, ti_organisation_new (&f));
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the organisations"), error);
      return NULL;
    }
  store = g_list_store_new (TI_TYPE_ORGANISATION);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

static gpointer
read_list (TiDatabase *db, gpointer data, GError **error)
{
  return ti_organisations_list (db, error);
}

/**
 * ti_organisations_list_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 *
 * Reads the list in a thread (see ti_organisations_list()).
 */
void
ti_organisations_list_async (const char *db_path, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  ti_database_read_async (db_path, read_list, NULL, NULL, g_object_unref, cancellable, callback,
                          user_data);
}

/**
 * ti_organisations_list_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiOrganisation
 */
GListModel *
ti_organisations_list_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}

/* Editing ------------------------------------------------------------------------------ */

static gboolean
fail_with (GError **error, int code, const char *message)
{
  g_set_error_literal (error, TI_ORGANISATIONS_ERROR, code, message);
  return FALSE;
}

static gboolean
check_exists (TiDatabase *db, gint64 id, GError **error)
{
  gint64 n = ti_database_count_with (db, "SELECT count(*) FROM organisations WHERE id = ?", id,
                                     NULL, error);

  if (n == 0)
    return fail_with (error, TI_ORGANISATIONS_ERROR_NOT_FOUND,
                      _("This organisation is no longer in the programme."));
  return n > 0;
}

/* Walks up from @parent_id: reaching @id means @id would become its own ancestor. */
static gboolean
check_parent (TiDatabase *db, gint64 id, gint64 parent_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 at = parent_id;
  guint steps = 0;

  if (parent_id == 0)
    return TRUE;
  if (parent_id == id)
    return fail_with (error, TI_ORGANISATIONS_ERROR_PARENT,
                      _("An organisation cannot be its own parent."));
  stmt = ti_database_prepare (db, "SELECT parent_id FROM organisations WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  while (at != 0)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, at);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE && at == parent_id)
        return fail_with (error, TI_ORGANISATIONS_ERROR_PARENT,
                          _("Choose a parent organisation that exists."));
      if (rc != SQLITE_ROW)
        break;
      at = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (id > 0 && at == id)
        return fail_with (error, TI_ORGANISATIONS_ERROR_PARENT,
                          _("This parent is part of this organisation already: the parent "
                            "would become its own ancestor."));
      if (++steps > 10000)
        break;
    }
  return TRUE;
}

/**
 * ti_organisations_validate:
 *
 * Checks @edit field by field and stops at the first problem.
 *
 * Returns: %TRUE when it can be saved; otherwise %FALSE with @error's code naming the field
 */
gboolean
ti_organisations_validate (TiDatabase *db, const TiOrganisationEdit *edit, GError **error)
{
  g_autofree char *name = g_strstrip (g_strdup (edit->name ? edit->name : ""));
  g_autofree char *too_long = NULL;
  gint64 taken;

  if (edit->id > 0 && !check_exists (db, edit->id, error))
    return FALSE;
  if (*name == '\0')
    return fail_with (error, TI_ORGANISATIONS_ERROR_NAME, _("Enter the organisation’s name."));
  too_long = ti_name_too_long (name);
  if (too_long != NULL)
    {
      g_set_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_NAME,
                   _("The name is %s."), too_long);
      return FALSE;
    }
  taken = ti_database_count_with (
    db, "SELECT count(*) FROM organisations WHERE id <> ?1 AND name = ?2", edit->id, name, error);
  if (taken < 0)
    return FALSE;
  if (taken > 0)
    {
      g_set_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_NAME,
                   _("There is already an organisation called “%s”. Choose another name, or "
                     "merge the two."),
                   name);
      return FALSE;
    }
  if (edit->sector == NULL || g_strcmp0 (ti_vocabulary_sector_key (edit->sector), edit->sector) != 0)
    return fail_with (error, TI_ORGANISATIONS_ERROR_SECTOR, _("Choose a sector from the list."));
  if (edit->locality == NULL
      || g_strcmp0 (ti_vocabulary_locality_key (edit->locality), edit->locality) != 0)
    return fail_with (error, TI_ORGANISATIONS_ERROR_LOCALITY, _("Choose a locality from the list."));
  if (edit->headcount < 0)
    return fail_with (error, TI_ORGANISATIONS_ERROR_HEADCOUNT,
                      _("The headcount cannot be negative; enter 0 if it is not known."));
  return check_parent (db, edit->id, edit->parent_id, error);
}

/**
 * ti_organisations_save:
 * @out_id: (out) (optional): the organisation's id
 *
 * Validates and writes an organisation in one transaction with an audit entry.
 */
gboolean
ti_organisations_save (TiDatabase *db, const TiOrganisationEdit *edit, gint64 *out_id,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *name = g_strstrip (g_strdup (edit->name ? edit->name : ""));
  gint64 id;

  if (!ti_database_begin (db, error))
    return FALSE;
  if (!ti_organisations_validate (db, edit, error))
    goto fail;
  if (edit->id > 0)
    stmt = ti_database_prepare (db,
                                "UPDATE organisations SET name = ?2, sector = ?3, locality = ?4,"
                                "  headcount = ?5, parent_id = ?6 WHERE id = ?1",
                                error);
  else
    stmt = ti_database_prepare (db,
                                "INSERT INTO organisations (name, sector, locality, headcount,"
                                "  parent_id) VALUES (?2, ?3, ?4, ?5, ?6)",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->sector, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->locality, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, edit->headcount);
  if (edit->parent_id > 0)
    sqlite3_bind_int64 (stmt, 6, edit->parent_id);
  if (!ti_database_step_done (db, stmt, error))
    goto fail;
  id = edit->id > 0 ? edit->id : sqlite3_last_insert_rowid (ti_database_get_handle (db));
  if (!ti_database_audit (db, edit->id > 0 ? "update" : "create", "organisation", id, NULL, error)
      || !ti_database_commit (db, error))
    goto fail;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;

fail:
  ti_database_rollback (db);
  return FALSE;
}

/**
 * ti_organisations_delete:
 *
 * Deletes an organisation that nobody belongs to (its charter adoption goes with it; the
 * sessions it hosted and its child organisations lose the link). With people it is refused
 * (%TI_ORGANISATIONS_ERROR_IN_USE), saying how many and suggesting a merge.
 */
gboolean
ti_organisations_delete (TiDatabase *db, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 people;

  if (!ti_database_begin (db, error))
    return FALSE;
  if (!check_exists (db, id, error))
    goto fail;
  people = ti_database_count_with (db, "SELECT count(*) FROM people WHERE organisation_id = ?",
                                   id, NULL, error);
  if (people < 0)
    goto fail;
  if (people > 0)
    {
      g_autofree char *count = ti_format_count (people);

      g_set_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s person belongs to this organisation. Move them to another "
                                "organisation, or merge this one into the organisation it "
                                "duplicates.",
                                "%s people belong to this organisation. Move them to another "
                                "organisation, or merge this one into the organisation it "
                                "duplicates.",
                                people),
                   count);
      goto fail;
    }
  stmt = ti_database_prepare (db, "DELETE FROM organisations WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (ti_database_step_done (db, stmt, error)
      && ti_database_audit (db, "delete", "organisation", id, NULL, error)
      && ti_database_commit (db, error))
    return TRUE;

fail:
  ti_database_rollback (db);
  return FALSE;
}
