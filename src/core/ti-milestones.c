/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-milestones"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-format.h"
#include "ti-milestones.h"

/*
 * The four workstreams and their milestones: the list (each with its status for the day and
 * its evidence in words) and the choices of evidence. Editing, deleting and restoring are in
 * ti-milestones-edit.c; the status in ti-milestone-status.c.
 */

G_DEFINE_QUARK (ti - milestones - error - quark, ti_milestones_error)

#define COL_TEXT(stmt, i) ((const char *)sqlite3_column_text ((stmt), (i)))

/* In the programme's order (the workstreams table's positions). */
static const char *const workstream_keys[]
  = { "principles", "training", "service_delivery", "organisational_change", NULL };

/**
 * ti_workstream_keys:
 * @n_keys: (out) (optional): how many: four
 *
 * Returns: (transfer none) (array zero-terminated=1): the workstreams' keys, in order
 */
const char *const *
ti_workstream_keys (guint *n_keys)
{
  if (n_keys != NULL)
    *n_keys = G_N_ELEMENTS (workstream_keys) - 1;
  return workstream_keys;
}

/**
 * ti_workstream_label:
 * @key: (nullable): a workstream's key
 *
 * Returns: (transfer none): the workstream in words, or "" for anything else
 */
const char *
ti_workstream_label (const char *key)
{
  if (g_strcmp0 (key, "principles") == 0)
    return _ ("Principles");
  if (g_strcmp0 (key, "training") == 0)
    return _ ("Training");
  if (g_strcmp0 (key, "service_delivery") == 0)
    return _ ("Service delivery");
  if (g_strcmp0 (key, "organisational_change") == 0)
    return _ ("Organisational change");
  return "";
}

/* ?1 is one milestone's id, or 0 for every milestone. */
static const char milestones_sql[]
  = "SELECT m.id, w.key, m.title, m.due_month, m.done_on,"
    "  m.evidence_event_id, e.title, m.evidence_session_id, s.title,"
    "  m.evidence_organisation_id, o.name, a.stage IN ('signed', 'review_due'),"
    "  nullif(trim(m.evidence_text), '')"
    " FROM milestones m JOIN workstreams w ON w.id = m.workstream_id"
    " LEFT JOIN events e ON e.id = m.evidence_event_id"
    " LEFT JOIN sessions s ON s.id = m.evidence_session_id"
    " LEFT JOIN charter_adoptions a ON a.organisation_id = m.evidence_organisation_id"
    " LEFT JOIN organisations o ON o.id = m.evidence_organisation_id"
    " WHERE ?1 = 0 OR m.id = ?1"
    " ORDER BY m.due_month, w.position, m.id";

/* A milestone has one kind of evidence; a file written elsewhere with several is read as
 * the first of event, session, charter, text. */
static TiMilestone *
milestone_from_row (sqlite3_stmt *stmt, const GDate *today)
{
  g_autofree char *words = NULL;
  TiMilestoneFields f = {
    .id = sqlite3_column_int64 (stmt, 0),
    .workstream_key = COL_TEXT (stmt, 1),
    .title = COL_TEXT (stmt, 2),
    .due_month = COL_TEXT (stmt, 3),
    .done_on = COL_TEXT (stmt, 4),
  };

  f.status = ti_milestone_status_compute (f.due_month, f.done_on, today);
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    {
      f.evidence_kind = TI_EVIDENCE_EVENT;
      f.evidence_id = sqlite3_column_int64 (stmt, 5);
      f.evidence = COL_TEXT (stmt, 6);
    }
  else if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    {
      f.evidence_kind = TI_EVIDENCE_SESSION;
      f.evidence_id = sqlite3_column_int64 (stmt, 7);
      f.evidence = COL_TEXT (stmt, 8);
    }
  else if (sqlite3_column_type (stmt, 9) != SQLITE_NULL)
    {
      f.evidence_kind = TI_EVIDENCE_CHARTER;
      f.evidence_id = sqlite3_column_int64 (stmt, 9);
      words = sqlite3_column_int (stmt, 11)
                /* Translators: a milestone's evidence; %s is an organisation */
                ? g_strdup_printf (_ ("Charter signed by %s"), COL_TEXT (stmt, 10))
                /* Translators: the organisation's adoption went back to before signing */
                : g_strdup_printf (_ ("Charter of %s, not signed now"), COL_TEXT (stmt, 10));
      f.evidence = words;
    }
  else if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
    {
      f.evidence_kind = TI_EVIDENCE_TEXT;
      f.evidence_text = COL_TEXT (stmt, 12);
      f.evidence = f.evidence_text;
    }
  return ti_milestone_new (&f);
}

static GPtrArray *
load_milestones (TiDatabase *db, gint64 milestone_id, const GDate *today, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, milestones_sql, error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GDate now;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (today == NULL || !g_date_valid (today))
    ti_date_today (&now);
  else
    now = *today;
  sqlite3_bind_int64 (stmt, 1, milestone_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, milestone_from_row (stmt, &now));
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _ ("reading the milestones"), error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * ti_milestones_list:
 * @today: (nullable): the day the statuses are for; %NULL for today
 *
 * Every milestone of the four workstreams, in due order (then by workstream), each with its
 * status (ti_milestone_status_compute()) and its evidence in words.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiMilestone, or %NULL with @error
 *   set
 */
GListModel *
ti_milestones_list (TiDatabase *db, const GDate *today, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;
  GListStore *store;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  items = load_milestones (db, 0, today, error);
  if (items == NULL)
    return NULL;
  store = g_list_store_new (TI_TYPE_MILESTONE);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

static gpointer
read_list (TiDatabase *db, gpointer data, GError **error)
{
  return ti_milestones_list (db, NULL, error);
}

/**
 * ti_milestones_list_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 *
 * Reads the list in a thread, with the statuses for today (see ti_milestones_list()).
 */
void
ti_milestones_list_async (const char *db_path, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  ti_database_read_async (db_path, read_list, NULL, NULL, g_object_unref, cancellable, callback,
                          user_data);
}

/**
 * ti_milestones_list_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiMilestone, or %NULL with @error
 *   set
 */
GListModel *
ti_milestones_list_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}

/**
 * ti_milestones_get:
 * @milestone_id: the milestone
 *
 * Returns: (transfer full) (nullable): the milestone, with its status for today, or %NULL
 *   with @error set (%TI_MILESTONES_ERROR_NOT_FOUND when there is no such milestone)
 */
TiMilestone *
ti_milestones_get (TiDatabase *db, gint64 milestone_id, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  items = milestone_id > 0 ? load_milestones (db, milestone_id, NULL, error) : g_ptr_array_new ();
  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, TI_MILESTONES_ERROR, TI_MILESTONES_ERROR_NOT_FOUND,
                   _ ("This milestone is no longer in the programme."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, 0));
}

/* Evidence choices ------------------------------------------------------------------------ */

static void
choice_free (gpointer data)
{
  TiEvidenceChoice *choice = data;

  g_free (choice->label);
  g_free (choice);
}

/* "Tier 2 refresher · Tier 2 · 3 Mar 2023 · Frome Medical Practice": the host tells apart
 * sessions of the same title on the same day. */
static char *
session_label (const char *title, int tier, const char *date, const char *host)
{
  if (host != NULL)
    /* Translators: a session offered as evidence: its title, tier, date and host organisation */
    return g_strdup_printf (_ ("%s · Tier %d · %s · %s"), title, tier, date, host);
  /* Translators: a session offered as evidence: its title, tier and date */
  return g_strdup_printf (_ ("%s · Tier %d · %s"), title, tier, date);
}

/* Choices still alike get their start time too ("… · 14:00"), so no two read the same
 * unless the sessions themselves are the same. @times holds each one's 'YYYY-MM-DD HH:MM'. */
static void
add_times_where_alike (GPtrArray *choices, GPtrArray *times)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < choices->len; i++)
    {
      const char *label = ((TiEvidenceChoice *) g_ptr_array_index (choices, i))->label;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, label));

      g_hash_table_replace (seen, g_strdup (label), GUINT_TO_POINTER (n + 1));
    }
  for (guint i = 0; i < choices->len; i++)
    {
      TiEvidenceChoice *choice = g_ptr_array_index (choices, i);
      const char *starts_at = g_ptr_array_index (times, i);
      char *label;

      if (GPOINTER_TO_UINT (g_hash_table_lookup (seen, choice->label)) < 2
          || strlen (starts_at) < 16)
        continue;
      /* Translators: a session's label and its start time, "… · 14:00" */
      label = g_strdup_printf (_ ("%s · %.5s"), choice->label, starts_at + 11);
      g_free (choice->label);
      choice->label = label;
    }
}

/**
 * ti_milestones_list_evidence:
 * @kind: %TI_EVIDENCE_EVENT, %TI_EVIDENCE_SESSION or %TI_EVIDENCE_CHARTER
 *
 * What the editor offers as evidence of that kind: every network event, newest first;
 * every Tier 2/3 session not cancelled, newest first, named by title, tier, date and host
 * (and start time when those are alike); every organisation that has signed the charter,
 * by name.
 *
 * Returns: (transfer full) (element-type TiEvidenceChoice) (nullable): the choices, or
 *   %NULL with @error set
 */
GPtrArray *
ti_milestones_list_evidence (TiDatabase *db, TiEvidenceKind kind, GError **error)
{
  g_autoptr (GPtrArray) choices = g_ptr_array_new_with_free_func (choice_free);
  g_autoptr (GPtrArray) times = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  const char *sql;
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  switch (kind)
    {
    case TI_EVIDENCE_EVENT:
      sql = "SELECT id, title, starts_at, NULL, NULL FROM events"
            " ORDER BY starts_at DESC, id DESC";
      break;
    case TI_EVIDENCE_SESSION:
      sql = "SELECT s.id, s.title, s.starts_at, s.tier, o.name FROM sessions s"
            " LEFT JOIN organisations o ON o.id = s.host_organisation_id"
            " WHERE s.status != 'cancelled' ORDER BY s.starts_at DESC, s.id DESC";
      break;
    case TI_EVIDENCE_CHARTER:
      sql = "SELECT a.organisation_id, o.name, a.signed_on, NULL, NULL FROM charter_adoptions a"
            " JOIN organisations o ON o.id = a.organisation_id"
            " WHERE a.stage IN ('signed', 'review_due') ORDER BY o.name COLLATE NOCASE";
      break;
    case TI_EVIDENCE_NONE:
    case TI_EVIDENCE_TEXT:
    default:
      return g_steal_pointer (&choices);
    }

  stmt = ti_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiEvidenceChoice *choice = g_new0 (TiEvidenceChoice, 1);
      g_autofree char *date = ti_format_date (COL_TEXT (stmt, 2));

      choice->id = sqlite3_column_int64 (stmt, 0);
      if (kind == TI_EVIDENCE_SESSION)
        {
          choice->label = session_label (COL_TEXT (stmt, 1), sqlite3_column_int (stmt, 3), date,
                                         COL_TEXT (stmt, 4));
          g_ptr_array_add (times, g_strdup (COL_TEXT (stmt, 2)));
        }
      else if (kind == TI_EVIDENCE_CHARTER)
        /* Translators: an organisation that signed the charter, and the day */
        choice->label = g_strdup_printf (_ ("%s · signed %s"), COL_TEXT (stmt, 1), date);
      else
        /* Translators: an event offered as evidence: its title and date */
        choice->label = g_strdup_printf (_ ("%s · %s"), COL_TEXT (stmt, 1), date);
      g_ptr_array_add (choices, choice);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _ ("reading the evidence"), error);
      return NULL;
    }
  if (kind == TI_EVIDENCE_SESSION)
    add_times_where_alike (choices, times);
  return g_steal_pointer (&choices);
}
