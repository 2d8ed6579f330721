/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-people"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-charter.h"
#include "ti-people.h"
#include "ti-vocabulary.h"

/*
 * People and champions: the lists and the profile. Editing is in ti-people-edit.c;
 * delete/undo, erasure and subject access in ti-people-privacy.c.
 *
 * Erased people (ti_people_erase()) stay in the all-people list as "Erased person #id"
 * with no contact details, because their completions and attendance still count; they are
 * left out of the champions list, which is a directory of people.
 */

G_DEFINE_QUARK (ti-people-error-quark, ti_people_error)

/* The latest date anything happened to a person: a Tier 1 completion, a delivered session
 * attended or facilitated, or a network event attended. %s is a condition on person ids
 * as for ti_tiers_sql(). */
#define LAST_ACTIVITY_SQL                                                                  \
  "SELECT person_id, max(d) AS last_on FROM ("                                              \
  "  SELECT tc.person_id AS person_id, max(tc.completed_on) AS d FROM tier1_completions tc" \
  "   WHERE tc.person_id %1$s GROUP BY tc.person_id"                                        \
  "  UNION ALL"                                                                             \
  "  SELECT a.person_id, max(substr(s.starts_at, 1, 10)) FROM attendance a"                 \
  "   JOIN sessions s ON s.id = a.session_id"                                               \
  "   WHERE a.person_id %1$s AND a.attended = 1 AND s.status = 'delivered'"                 \
  "   GROUP BY a.person_id"                                                                 \
  "  UNION ALL"                                                                             \
  "  SELECT f.person_id, max(substr(s.starts_at, 1, 10)) FROM session_facilitators f"       \
  "   JOIN sessions s ON s.id = f.session_id"                                               \
  "   WHERE f.person_id %1$s AND s.status = 'delivered' GROUP BY f.person_id"               \
  "  UNION ALL"                                                                             \
  "  SELECT ea.person_id, max(substr(e.starts_at, 1, 10)) FROM event_attendance ea"         \
  "   JOIN events e ON e.id = ea.event_id"                                                  \
  "   WHERE ea.person_id %1$s AND ea.attended = 1 GROUP BY ea.person_id"                    \
  ") GROUP BY person_id"

#define CHAMPIONS_CONDITION "IN (SELECT person_id FROM champions)"

/* @organisation_id: with @champions_only, only that organisation's champions; 0 for all. */
static char *
list_sql (gboolean champions_only, gint64 organisation_id)
{
  g_autofree char *of_organisation = g_strdup_printf (
    "IN (SELECT c.person_id FROM champions c JOIN people p ON p.id = c.person_id"
    " WHERE p.organisation_id = %" G_GINT64_FORMAT ")", organisation_id);
  g_autofree char *where = g_strdup_printf (
    "WHERE p.erased_on IS NULL AND p.organisation_id = %" G_GINT64_FORMAT, organisation_id);
  const char *cond = !champions_only ? NULL
                     : organisation_id > 0 ? of_organisation : CHAMPIONS_CONDITION;
  g_autofree char *tiers = ti_tiers_sql (cond);
  g_autofree char *activity = g_strdup_printf (LAST_ACTIVITY_SQL, cond ? cond : "IS NOT NULL");

  return g_strdup_printf (
    "WITH tiers AS MATERIALIZED (%s), activity AS MATERIALIZED (%s)"
    " SELECT p.id, p.name, p.email, p.organisation_id, o.name, o.sector,"
    "  coalesce(p.locality, o.locality), p.job_title, c.person_id IS NOT NULL, c.since,"
    "  c.status, coalesce(t.highest_tier, 0), act.last_on, p.erased_on IS NOT NULL"
    " FROM %s"
    " LEFT JOIN organisations o ON o.id = p.organisation_id"
    " LEFT JOIN tiers t ON t.person_id = p.id"
    " LEFT JOIN activity act ON act.person_id = p.id"
    " %s"
    " ORDER BY p.name COLLATE NOCASE, p.id",
    tiers, activity,
    /* CROSS JOIN drives the query from the 6,000 champions, not the people-by-name index. */
    champions_only ? "champions c CROSS JOIN people p ON p.id = c.person_id"
                   : "people p LEFT JOIN champions c ON c.person_id = p.id",
    !champions_only ? "" : organisation_id > 0 ? where : "WHERE p.erased_on IS NULL");
}

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

static GListModel *
list_from_sql (TiDatabase *db, const char *sql, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  int rc;

  stmt = ti_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiPersonFields f = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = COL_TEXT (stmt, 1),
        .email = COL_TEXT (stmt, 2),
        .organisation_id = sqlite3_column_int64 (stmt, 3),
        .organisation = COL_TEXT (stmt, 4),
        .sector = COL_TEXT (stmt, 5) ? ti_vocabulary_sector_label (COL_TEXT (stmt, 5)) : NULL,
        .locality = COL_TEXT (stmt, 6) ? ti_vocabulary_locality_label (COL_TEXT (stmt, 6)) : NULL,
        .job_title = COL_TEXT (stmt, 7),
        .is_champion = sqlite3_column_int (stmt, 8),
        .champion_since = COL_TEXT (stmt, 9),
        .status_key = COL_TEXT (stmt, 10),
        .highest_tier = sqlite3_column_int (stmt, 11),
        .last_activity = COL_TEXT (stmt, 12),
        .erased = sqlite3_column_int (stmt, 13),
      };

      g_ptr_array_add (items, ti_person_new (&f));
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the people"), error);
      return NULL;
    }

  /* One splice, so a bound view sees a single items-changed. */
  store = g_list_store_new (TI_TYPE_PERSON);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

/**
 * ti_people_list:
 * @champions_only: %TRUE for the champions network only (erased people left out)
 *
 * Everyone (or every champion) with the columns of the Champions page, sorted by name.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiPerson, or %NULL with @error set
 */
GListModel *
ti_people_list (TiDatabase *db, gboolean champions_only, GError **error)
{
  g_autofree char *sql = list_sql (champions_only, 0);

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);
  return list_from_sql (db, sql, error);
}

/**
 * ti_people_list_champions_of:
 * @organisation_id: the organisation
 *
 * Returns: (transfer full) (nullable): a #GListModel of the organisation's champions
 *   (#TiPerson, erased people left out), sorted by name
 */
GListModel *
ti_people_list_champions_of (TiDatabase *db, gint64 organisation_id, GError **error)
{
  g_autofree char *sql = list_sql (TRUE, organisation_id);

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (organisation_id > 0, NULL);
  return list_from_sql (db, sql, error);
}

static gpointer
read_list (TiDatabase *db, gpointer data, GError **error)
{
  return ti_people_list (db, GPOINTER_TO_INT (data), error);
}

/**
 * ti_people_list_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 *
 * Reads the list in a thread (see ti_people_list()).
 */
void
ti_people_list_async (const char *db_path, gboolean champions_only, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  ti_database_read_async (db_path, read_list, GINT_TO_POINTER (champions_only), NULL,
                          g_object_unref, cancellable, callback, user_data);
}

/**
 * ti_people_list_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiPerson, or %NULL with @error set
 */
GListModel *
ti_people_list_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}

/* Profile ------------------------------------------------------------------------------ */

static void
profile_entry_free (gpointer data)
{
  TiProfileEntry *entry = data;

  g_free (entry->date);
  g_free (entry->title);
  g_free (entry->kind);
  g_free (entry);
}

static void
profile_clear (gpointer data)
{
  TiPersonProfile *p = data;

  g_free (p->name);
  g_free (p->organisation);
  g_free (p->job_title);
  g_free (p->role_key);
  g_free (p->locality_key);
  g_free (p->email);
  g_free (p->champion_since);
  g_free (p->status_key);
  ti_tier_progress_clear (&p->tiers);
  g_clear_pointer (&p->sessions_attended, g_ptr_array_unref);
  g_clear_pointer (&p->sessions_facilitated, g_ptr_array_unref);
  g_clear_pointer (&p->events_attended, g_ptr_array_unref);
  g_free (p->charter_stage_key);
  g_free (p->charter_signed_on);
  g_free (p->notes);
  g_free (p->contact_consent_on);
  g_free (p->contact_consent_how);
  g_free (p->directory_consent_on);
  g_free (p->directory_consent_how);
  g_free (p->erased_on);
}

/* Reference counted, so the boxed type's copy is cheap and a profile can be shared. */
G_DEFINE_BOXED_TYPE (TiPersonProfile, ti_person_profile, g_atomic_rc_box_acquire,
                     ti_person_profile_free)

/**
 * ti_person_profile_free:
 * @profile: (nullable) (transfer full): a profile
 */
void
ti_person_profile_free (TiPersonProfile *profile)
{
  if (profile != NULL)
    g_atomic_rc_box_release_full (profile, profile_clear);
}

/* @sql binds the person as ?1 and returns date, title, tier, completed, kind. */
static GPtrArray *
load_entries (TiDatabase *db, gint64 person_id, const char *sql, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (profile_entry_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiProfileEntry *entry = g_new0 (TiProfileEntry, 1);

      entry->date = g_strdup (COL_TEXT (stmt, 0));
      entry->title = g_strdup (COL_TEXT (stmt, 1));
      entry->tier = sqlite3_column_int (stmt, 2);
      entry->completed = sqlite3_column_int (stmt, 3);
      entry->kind = g_strdup (COL_TEXT (stmt, 4));
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the profile"), error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static gboolean
load_person_row (TiDatabase *db, TiPersonProfile *p, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT p.name, p.organisation_id, o.name, p.job_title, p.role, p.locality, p.email,"
    "  p.notes, p.contact_consent, p.contact_consent_on, p.contact_consent_how,"
    "  p.directory_consent, p.directory_consent_on, p.directory_consent_how, p.erased_on,"
    "  c.person_id IS NOT NULL, c.since, c.status,"
    "  CASE WHEN o.id IS NULL THEN NULL ELSE coalesce(ca.stage, 'not_started') END,"
    "  ca.signed_on"
    " FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id"
    " LEFT JOIN champions c ON c.person_id = p.id"
    " LEFT JOIN charter_adoptions ca ON ca.organisation_id = p.organisation_id"
    " WHERE p.id = ?1",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_NOT_FOUND,
                   _("This person is no longer in the programme."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the profile"), error);

  p->name = g_strdup (COL_TEXT (stmt, 0));
  p->organisation_id = sqlite3_column_int64 (stmt, 1);
  p->organisation = g_strdup (COL_TEXT (stmt, 2));
  p->job_title = g_strdup (COL_TEXT (stmt, 3));
  p->role_key = g_strdup (COL_TEXT (stmt, 4));
  p->locality_key = g_strdup (COL_TEXT (stmt, 5));
  p->contact_consent = sqlite3_column_int (stmt, 8);
  /* Contact details only with consent: the profile must not show what it may not use. */
  if (p->contact_consent)
    p->email = g_strdup (COL_TEXT (stmt, 6));
  else
    p->contact_hidden = COL_TEXT (stmt, 6) != NULL;
  p->notes = g_strdup (COL_TEXT (stmt, 7));
  p->contact_consent_on = g_strdup (COL_TEXT (stmt, 9));
  p->contact_consent_how = g_strdup (COL_TEXT (stmt, 10));
  p->directory_consent = sqlite3_column_int (stmt, 11);
  p->directory_consent_on = g_strdup (COL_TEXT (stmt, 12));
  p->directory_consent_how = g_strdup (COL_TEXT (stmt, 13));
  p->erased_on = g_strdup (COL_TEXT (stmt, 14));
  p->is_champion = sqlite3_column_int (stmt, 15);
  p->champion_since = g_strdup (COL_TEXT (stmt, 16));
  p->status_key = g_strdup (COL_TEXT (stmt, 17));
  p->status = ti_champion_status_label (p->status_key);
  p->charter_stage_key = g_strdup (COL_TEXT (stmt, 18));
  p->charter_stage = p->charter_stage_key ? ti_charter_stage_label (p->charter_stage_key) : "";
  p->charter_signed_on = g_strdup (COL_TEXT (stmt, 19));
  return TRUE;
}

/**
 * ti_people_get_profile:
 * @person_id: the person
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with @error set
 *   (%TI_PEOPLE_ERROR_NOT_FOUND when there is no such person)
 */
TiPersonProfile *
ti_people_get_profile (TiDatabase *db, gint64 person_id, GError **error)
{
  g_autoptr (TiPersonProfile) p = g_atomic_rc_box_new0 (TiPersonProfile);

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  p->id = person_id;
  if (!load_person_row (db, p, error)
      || !ti_tiers_get_progress (db, person_id, &p->tiers, error))
    return NULL;

  p->sessions_attended = load_entries (
    db, person_id,
    "SELECT substr(s.starts_at, 1, 10), s.title, s.tier, a.completed, NULL"
    " FROM attendance a JOIN sessions s ON s.id = a.session_id"
    " WHERE a.person_id = ?1 AND a.attended = 1 ORDER BY s.starts_at DESC, s.id DESC",
    error);
  if (p->sessions_attended == NULL)
    return NULL;
  p->sessions_facilitated = load_entries (
    db, person_id,
    "SELECT substr(s.starts_at, 1, 10), s.title, s.tier, s.status = 'delivered', f.kind"
    " FROM session_facilitators f JOIN sessions s ON s.id = f.session_id"
    " WHERE f.person_id = ?1 ORDER BY s.starts_at DESC, s.id DESC",
    error);
  if (p->sessions_facilitated == NULL)
    return NULL;
  p->events_attended = load_entries (
    db, person_id,
    "SELECT substr(e.starts_at, 1, 10), e.title, 0, 1, e.kind"
    " FROM event_attendance ea JOIN events e ON e.id = ea.event_id"
    " WHERE ea.person_id = ?1 AND ea.attended = 1 ORDER BY e.starts_at DESC, e.id DESC",
    error);
  if (p->events_attended == NULL)
    return NULL;

  return g_steal_pointer (&p);
}
