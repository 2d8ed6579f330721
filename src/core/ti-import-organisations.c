/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-import-private.h"

/*
 * Importing organisations: matched by name (case-insensitive), so a file imported twice
 * changes nothing. A parent is named by its name: an organisation already held or one
 * anywhere in the same file.
 */

typedef struct
{
  const TiImportRow *row;
  const char *name;
  const char *sector;   /* vocabulary key */
  const char *locality; /* vocabulary key */
  gint64 headcount;     /* -1 when not given: a new one gets 0, a held one keeps its own */
  const char *parent;   /* (nullable) */
  char *signature;      /* what the record says, to tell a repeat from a conflict */
  gboolean repeat;      /* says exactly what an earlier record says: nothing to do */
  gint64 id;
  TiImportOutcome outcome;
} Plan;

static void
plan_clear (gpointer data)
{
  Plan *plan = data;

  g_free (plan->signature);
}

static gint64
parse_headcount (TiImportContext *ctx, const TiImportRow *row, gboolean *ok)
{
  const char *text = row->values[ORGANISATION_HEADCOUNT];
  guint64 value = 0;
  gint64 negative = 0;

  if (text == NULL)
    return -1;
  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &value, NULL))
    return (gint64)value;
  if (g_ascii_string_to_signed (text, 10, G_MININT64, -1, &negative, NULL))
    ti_import_problem (ctx, row->line,
                       _ ("the %s “%s” is negative; it must be a number of staff, 0 or more"),
                       ti_import_column (ctx, ORGANISATION_HEADCOUNT), text);
  else
    ti_import_problem (ctx, row->line, _ ("the %s “%s” is not a whole number of staff"),
                       ti_import_column (ctx, ORGANISATION_HEADCOUNT), text);
  *ok = FALSE;
  return -1;
}

/* Checks one record on its own; FALSE when it has a problem. */
static gboolean
plan_row (TiImportContext *ctx, const TiImportRow *row, Plan *plan)
{
  const char *const *v = (const char *const *)row->values;
  const TiTerm *sectors, *localities;
  guint n_sectors, n_localities;
  gboolean ok = TRUE;
  g_autofree char *parent_key = NULL;

  sectors = ti_vocabulary_sectors (&n_sectors);
  localities = ti_vocabulary_localities (&n_localities);

  plan->row = row;
  ok &= ti_import_require (ctx, row, ORGANISATION_NAME);
  ok &= ti_import_name_fits (ctx, row, ORGANISATION_NAME);
  ok &= ti_import_name_fits (ctx, row, ORGANISATION_PARENT);
  ok &= ti_import_require (ctx, row, ORGANISATION_SECTOR);
  ok &= ti_import_require (ctx, row, ORGANISATION_LOCALITY);
  plan->name = v[ORGANISATION_NAME];
  plan->sector
    = ti_import_term (ctx, row, ORGANISATION_SECTOR,
                      ti_vocabulary_sector_key (v[ORGANISATION_SECTOR]), sectors, n_sectors);
  plan->locality = ti_import_term (ctx, row, ORGANISATION_LOCALITY,
                                   ti_vocabulary_locality_key (v[ORGANISATION_LOCALITY]),
                                   localities, n_localities);
  plan->headcount = parse_headcount (ctx, row, &ok);
  plan->parent = v[ORGANISATION_PARENT];
  if (!ok || plan->sector == NULL || plan->locality == NULL)
    return FALSE;

  parent_key = plan->parent != NULL ? ti_import_key (plan->parent) : g_strdup ("");
  plan->signature = g_strdup_printf ("%s\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s", plan->name,
                                     plan->sector, plan->locality, plan->headcount, parent_key);
  return TRUE;
}

/* The organisation called @name in the programme: its id, or 0. */
static gint64
find_by_name (TiImportContext *ctx, sqlite3_stmt *find, const char *name, gint64 *parent_id,
              GError **error)
{
  gint64 id = 0;
  int rc;

  sqlite3_bind_text (find, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (find, 0);
      if (parent_id != NULL)
        *parent_id = sqlite3_column_int64 (find, 5);
    }
  sqlite3_reset (find);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (ctx->db, rc, _ ("reading the organisations"), error);
      return -1;
    }
  return id;
}

/* Adds the organisation or brings its name, sector, locality and headcount up to date. */
static gboolean
write_plan (TiImportContext *ctx, sqlite3_stmt *find, sqlite3_stmt *insert, sqlite3_stmt *update,
            Plan *plan, GError **error)
{
  gint64 headcount;
  int rc;

  sqlite3_bind_text (find, 1, plan->name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (find);
      sqlite3_bind_text (insert, 1, plan->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 2, plan->sector, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, plan->locality, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 4, MAX (plan->headcount, 0));
      if (!ti_database_step_done (ctx->db, insert, error))
        return FALSE;
      plan->id = sqlite3_last_insert_rowid (ti_database_get_handle (ctx->db));
      plan->outcome = TI_IMPORT_ADDED;
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (find);
      return ti_database_set_error_from_sqlite (ctx->db, rc, _ ("reading the organisations"),
                                                error);
    }

  plan->id = sqlite3_column_int64 (find, 0);
  headcount = plan->headcount >= 0 ? plan->headcount : sqlite3_column_int64 (find, 4);
  if (g_strcmp0 ((const char *)sqlite3_column_text (find, 1), plan->name) != 0
      || g_strcmp0 ((const char *)sqlite3_column_text (find, 2), plan->sector) != 0
      || g_strcmp0 ((const char *)sqlite3_column_text (find, 3), plan->locality) != 0
      || sqlite3_column_int64 (find, 4) != headcount)
    plan->outcome = TI_IMPORT_UPDATED;
  sqlite3_reset (find);
  if (plan->outcome != TI_IMPORT_UPDATED)
    return TRUE;

  sqlite3_bind_text (update, 1, plan->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (update, 2, plan->sector, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, plan->locality, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 4, headcount);
  sqlite3_bind_int64 (update, 5, plan->id);
  return ti_database_step_done (ctx->db, update, error);
}

/* A parent's parent's … parent must never be the organisation itself. Every organisation's
 * way up is walked once, in time linear in their number: a recursive query from each one up
 * to its top took eight minutes for a file of 50,000 organisations in a chain, and missed a
 * loop longer than its depth limit. */
static gboolean
check_for_loops (TiImportContext *ctx, GArray *plans, GError **error)
{
  enum { UNSEEN, ON_THE_WAY, DONE };
  g_autoptr (sqlite3_stmt) all
    = ti_database_prepare (ctx->db, "SELECT id, parent_id FROM organisations", error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) index_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) way = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint8 *state = NULL;
  g_autofree gboolean *in_loop = NULL;
  int rc;

  if (all == NULL)
    return FALSE;
  while ((rc = sqlite3_step (all)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (all, 0);
      gint64 parent = sqlite3_column_type (all, 1) == SQLITE_NULL ? 0 : sqlite3_column_int64 (all, 1);

      g_array_append_val (ids, id);
      g_array_append_val (parents, parent);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (ctx->db, rc, _ ("reading the organisations"), error);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (index_of, &g_array_index (ids, gint64, i), GUINT_TO_POINTER (i + 1));

  state = g_new0 (guint8, ids->len);
  in_loop = g_new0 (gboolean, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      guint at = i;
      gboolean more = TRUE;

      g_array_set_size (way, 0);
      while (more && state[at] == UNSEEN)
        {
          gint64 parent = g_array_index (parents, gint64, at);
          gpointer found = parent != 0 ? g_hash_table_lookup (index_of, &parent) : NULL;

          state[at] = ON_THE_WAY;
          g_array_append_val (way, at);
          more = found != NULL;
          if (more)
            at = GPOINTER_TO_UINT (found) - 1;
        }
      /* Back at an organisation of this same way up: it and those after it are a loop. */
      if (more && state[at] == ON_THE_WAY)
        for (guint w = way->len; w-- > 0;)
          {
            in_loop[g_array_index (way, guint, w)] = TRUE;
            if (g_array_index (way, guint, w) == at)
              break;
          }
      for (guint w = 0; w < way->len; w++)
        state[g_array_index (way, guint, w)] = DONE;
    }

  for (guint i = 0; i < plans->len; i++)
    {
      Plan *plan = &g_array_index (plans, Plan, i);
      gpointer found = g_hash_table_lookup (index_of, &plan->id);

      if (found != NULL && in_loop[GPOINTER_TO_UINT (found) - 1] && !plan->repeat
          && plan->parent != NULL)
        ti_import_problem (ctx, plan->row->line,
                           _ ("the %s “%s” would make “%s” a part of itself, through a loop of "
                              "parents"),
                           ti_import_column (ctx, ORGANISATION_PARENT), plan->parent, plan->name);
    }
  return TRUE;
}

static gboolean
write_parents (TiImportContext *ctx, GArray *plans, GHashTable *by_name, sqlite3_stmt *find,
               GError **error)
{
  g_autoptr (sqlite3_stmt) set_parent = ti_database_prepare (
    ctx->db, "UPDATE organisations SET parent_id = ?1 WHERE id = ?2 AND parent_id IS NOT ?1",
    error);

  if (set_parent == NULL)
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    {
      Plan *plan = &g_array_index (plans, Plan, i);
      g_autofree char *key = NULL;
      gpointer found;
      gint64 parent_id;

      if (plan->repeat || plan->parent == NULL)
        continue;
      key = ti_import_key (plan->parent);
      found = g_hash_table_lookup (by_name, key);
      parent_id = found != NULL ? g_array_index (plans, Plan, GPOINTER_TO_UINT (found) - 1).id
                                : find_by_name (ctx, find, plan->parent, NULL, error);
      if (parent_id < 0)
        return FALSE;

      sqlite3_bind_int64 (set_parent, 1, parent_id);
      sqlite3_bind_int64 (set_parent, 2, plan->id);
      if (!ti_database_step_done (ctx->db, set_parent, error))
        return FALSE;
      if (sqlite3_changes (ti_database_get_handle (ctx->db)) > 0
          && plan->outcome == TI_IMPORT_UNCHANGED)
        plan->outcome = TI_IMPORT_UPDATED;
    }
  return TRUE;
}

/* Every parent must be an organisation held or one in this file, and not itself. */
static gboolean
check_parents (TiImportContext *ctx, GArray *plans, GHashTable *by_name, sqlite3_stmt *find,
               GError **error)
{
  for (guint i = 0; i < plans->len; i++)
    {
      Plan *plan = &g_array_index (plans, Plan, i);
      g_autofree char *key = NULL;
      g_autofree char *own_key = NULL;
      gint64 id;

      if (plan->repeat || plan->parent == NULL)
        continue;
      key = ti_import_key (plan->parent);
      own_key = ti_import_key (plan->name);
      if (g_str_equal (key, own_key))
        {
          ti_import_problem (ctx, plan->row->line,
                             _ ("the %s of “%s” is itself; leave it empty when it has none"),
                             ti_import_column (ctx, ORGANISATION_PARENT), plan->name);
          continue;
        }
      if (g_hash_table_contains (by_name, key))
        continue;
      id = find_by_name (ctx, find, plan->parent, NULL, error);
      if (id < 0)
        return FALSE;
      if (id == 0)
        ti_import_problem (ctx, plan->row->line,
                           _ ("the %s “%s” is neither in the programme nor in this file"),
                           ti_import_column (ctx, ORGANISATION_PARENT), plan->parent);
    }
  return TRUE;
}

gboolean
ti_import_organisations_run (TiImportContext *ctx, GError **error)
{
  g_autoptr (GArray) plans = g_array_sized_new (FALSE, TRUE, sizeof (Plan), ctx->rows->len);
  g_autoptr (GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) find = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  TiImportReport *report = ctx->report;

  g_array_set_clear_func (plans, plan_clear);

  for (guint i = 0; i < ctx->rows->len; i++)
    {
      const TiImportRow *row = g_ptr_array_index (ctx->rows, i);
      Plan plan = { 0 };
      g_autofree char *key = NULL;
      gpointer earlier;

      if (!plan_row (ctx, row, &plan))
        {
          plan_clear (&plan);
          continue;
        }
      key = ti_import_key (plan.name);
      earlier = g_hash_table_lookup (by_name, key);
      if (earlier != NULL)
        {
          const Plan *first = &g_array_index (plans, Plan, GPOINTER_TO_UINT (earlier) - 1);

          if (!g_str_equal (first->signature, plan.signature))
            ti_import_problem (ctx, row->line,
                               _ ("“%s” is also on line %u, with different details; each "
                                  "organisation may appear once"),
                               plan.name, first->row->line);
          plan.repeat = TRUE;
        }
      else
        g_hash_table_insert (by_name, g_steal_pointer (&key), GUINT_TO_POINTER (plans->len + 1));
      g_array_append_val (plans, plan);
    }

  find = ti_database_prepare (ctx->db,
                              "SELECT id, name, sector, locality, headcount, parent_id"
                              " FROM organisations WHERE name = ?",
                              error);
  if (find == NULL || !check_parents (ctx, plans, by_name, find, error))
    return FALSE;
  if (report->problems->len > 0)
    return TRUE;

  insert = ti_database_prepare (ctx->db,
                                "INSERT INTO organisations (name, sector, locality, headcount)"
                                " VALUES (?, ?, ?, ?)",
                                error);
  update = ti_database_prepare (ctx->db,
                                "UPDATE organisations SET name = ?, sector = ?, locality = ?,"
                                " headcount = ? WHERE id = ?",
                                error);
  if (insert == NULL || update == NULL)
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    {
      Plan *plan = &g_array_index (plans, Plan, i);

      if (!ti_import_step (ctx, i, plans->len, error)
          || (!plan->repeat && !write_plan (ctx, find, insert, update, plan, error)))
        return FALSE;
    }
  if (!write_parents (ctx, plans, by_name, find, error) || !check_for_loops (ctx, plans, error))
    return FALSE;

  for (guint i = 0; i < plans->len; i++)
    ti_import_count (ctx, g_array_index (plans, Plan, i).outcome);
  return TRUE;
}
