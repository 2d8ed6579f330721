/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-people"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-people.h"
#include "ti-row-set.h"

/*
 * Deleting a person (with undo), erasing one (privacy; no undo) and exporting everything
 * held on one (subject access).
 */

/* The rows a delete removes: every table whose rows cascade from people, in the order
 * they must be put back (people first). */
static const struct
{
  const char *table;
  const char *person_column;
} cascaded[] = {
  { "people", "id" },
  { "champions", "person_id" },
  { "tier1_completions", "person_id" },
  { "attendance", "person_id" },
  { "event_attendance", "person_id" },
};

struct _TiPersonSnapshot
{
  gint64 id;
  TiRowSet tables[G_N_ELEMENTS (cascaded)];
  GArray *reviews; /* ids of reviews the person wrote: the delete sets reviewer_id NULL */
};

/**
 * ti_person_snapshot_free:
 * @snapshot: (nullable) (transfer full): a snapshot from ti_people_delete()
 */
void
ti_person_snapshot_free (TiPersonSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  for (guint t = 0; t < G_N_ELEMENTS (cascaded); t++)
    ti_row_set_clear (&snapshot->tables[t]);
  g_clear_pointer (&snapshot->reviews, g_array_unref);
  g_free (snapshot);
}

/**
 * ti_person_snapshot_get_id:
 *
 * Returns: the id of the person the snapshot holds
 */
gint64
ti_person_snapshot_get_id (const TiPersonSnapshot *snapshot)
{
  return snapshot->id;
}

static gboolean
capture_table (TiDatabase *db, guint t, gint64 id, TiRowSet *out, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s = ?", cascaded[t].table,
                                          cascaded[t].person_column);

  return ti_row_set_capture (out, db, sql, id, error);
}

static gboolean
capture_reviews (TiDatabase *db, TiPersonSnapshot *snapshot, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
    = ti_database_prepare (db, "SELECT id FROM reviews WHERE reviewer_id = ? ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->id);
  snapshot->reviews = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 review = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (snapshot->reviews, review);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the person"), error);
  return TRUE;
}

static gint64
count_for_person (TiDatabase *db, const char *sql, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  ti_database_set_error_from_sqlite (db, rc, _("reading the person"), error);
  return -1;
}

static gboolean
check_person_exists (TiDatabase *db, gint64 id, GError **error)
{
  gint64 n = count_for_person (db, "SELECT count(*) FROM people WHERE id = ?", id, error);

  if (n == 0)
    g_set_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_NOT_FOUND,
                 _("This person is no longer in the programme."));
  return n > 0;
}

static gboolean
delete_in_transaction (TiDatabase *db, gint64 id, TiPersonSnapshot *snapshot, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 sessions;

  if (!check_person_exists (db, id, error))
    return FALSE;
  sessions = count_for_person (db, "SELECT count(*) FROM session_facilitators WHERE person_id = ?",
                               id, error);
  if (sessions < 0)
    return FALSE;
  if (sessions > 0)
    {
      g_set_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_FACILITATOR,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This person facilitated %d session, so deleting them would "
                                "change the programme’s history. Erase their personal details "
                                "instead.",
                                "This person facilitated %d sessions, so deleting them would "
                                "change the programme’s history. Erase their personal details "
                                "instead.",
                                sessions),
                   (int) sessions);
      return FALSE;
    }

  for (guint t = 0; t < G_N_ELEMENTS (cascaded); t++)
    if (!capture_table (db, t, id, &snapshot->tables[t], error))
      return FALSE;
  if (!capture_reviews (db, snapshot, error))
    return FALSE;

  /* The foreign keys remove the rest (cascade) and unlink the reviews (set null). */
  stmt = ti_database_prepare (db, "DELETE FROM people WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return ti_database_step_done (db, stmt, error)
         && ti_database_audit (db, "delete", "person", id, NULL, error);
}

/**
 * ti_people_delete:
 * @person_id: the person
 * @out_snapshot: (out) (optional) (transfer full): what was removed, for
 *   ti_people_restore(); free with ti_person_snapshot_free()
 *
 * Deletes a person with their champion record, Tier 1 completions, attendance and event
 * attendance, in one transaction with an audit entry. A person who facilitated a session
 * is refused (%TI_PEOPLE_ERROR_FACILITATOR): the sessions need their facilitator, so the
 * message suggests erasure instead.
 *
 * Returns: %TRUE when deleted
 */
gboolean
ti_people_delete (TiDatabase *db, gint64 person_id, TiPersonSnapshot **out_snapshot,
                  GError **error)
{
  g_autoptr (TiPersonSnapshot) snapshot = g_new0 (TiPersonSnapshot, 1);

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  snapshot->id = person_id;
  if (!ti_database_begin (db, error))
    return FALSE;
  if (!delete_in_transaction (db, person_id, snapshot, error) || !ti_database_commit (db, error))
    {
      ti_database_rollback (db);
      return FALSE;
    }
  if (out_snapshot != NULL)
    *out_snapshot = g_steal_pointer (&snapshot);
  return TRUE;
}

static gboolean
restore_in_transaction (TiDatabase *db, const TiPersonSnapshot *snapshot, GError **error)
{
  g_autoptr (sqlite3_stmt) relink = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (cascaded); t++)
    if (!ti_row_set_insert (&snapshot->tables[t], db, cascaded[t].table, error))
      return FALSE;

  relink = ti_database_prepare (
    db, "UPDATE reviews SET reviewer_id = ?1 WHERE id = ?2 AND reviewer_id IS NULL", error);
  if (relink == NULL)
    return FALSE;
  for (guint i = 0; i < snapshot->reviews->len; i++)
    {
      sqlite3_bind_int64 (relink, 1, snapshot->id);
      sqlite3_bind_int64 (relink, 2, g_array_index (snapshot->reviews, gint64, i));
      if (!ti_database_step_done (db, relink, error))
        return FALSE;
    }
  return ti_database_audit (db, "restore", "person", snapshot->id, NULL, error);
}

/**
 * ti_people_restore:
 * @snapshot: from ti_people_delete()
 *
 * Puts back exactly what the delete removed (same ids), in one transaction with an audit
 * entry. Fails with %TI_PEOPLE_ERROR_RESTORE, changing nothing, when the programme has
 * changed so that it no longer fits (the organisation or a session was deleted since, or
 * another person now uses the email address).
 *
 * Returns: %TRUE when restored
 */
gboolean
ti_people_restore (TiDatabase *db, const TiPersonSnapshot *snapshot, GError **error)
{
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!ti_database_begin (db, error))
    return FALSE;
  if (restore_in_transaction (db, snapshot, &local) && ti_database_commit (db, &local))
    return TRUE;

  ti_database_rollback (db);
  g_set_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_RESTORE,
               _("The person could not be put back, because the programme has changed since "
                 "(%s)"),
               local->message);
  return FALSE;
}

/**
 * ti_people_erase:
 * @person_id: the person
 *
 * Erases a person's personal data for good: the name becomes "Erased person #id"; email,
 * job title, notes and the consent how-texts are removed; erased_on is set to today. Their
 * champion record, completions, attendance and facilitation stay, anonymous, so aggregate
 * figures do not change. One transaction; the audit entry holds no personal data. There
 * is no undo (the window confirms first).
 *
 * Returns: %TRUE when erased
 */
gboolean
ti_people_erase (TiDatabase *db, gint64 person_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 erased;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  if (!ti_database_begin (db, error))
    return FALSE;
  if (!check_person_exists (db, person_id, error))
    goto fail;
  erased = count_for_person (db, "SELECT erased_on IS NOT NULL FROM people WHERE id = ?",
                             person_id, error);
  if (erased < 0)
    goto fail;
  if (erased > 0)
    {
      g_set_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_ERASED,
                   _("This person’s details were already erased."));
      goto fail;
    }
  stmt = ti_database_prepare (
    db,
    "UPDATE people SET name = printf(?2, id), email = NULL, job_title = NULL, notes = NULL,"
    "  contact_consent_how = NULL, directory_consent_how = NULL,"
    "  erased_on = date('now', 'localtime'),"
    "  updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
    " WHERE id = ?1",
    error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, person_id);
  /* The neutral name is stored in the programme's language, like other stored labels. */
  sqlite3_bind_text (stmt, 2, _("Erased person #%d"), -1, SQLITE_STATIC);
  if (!ti_database_step_done (db, stmt, error)
      || !ti_database_audit (db, "erase", "person", person_id, NULL, error)
      || !ti_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  ti_database_rollback (db);
  return FALSE;
}

/* Subject access ----------------------------------------------------------------------- */

static void
json_string (GString *out, const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

static void
json_value (GString *out, sqlite3_stmt *stmt, int column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (out, "null");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
      break;
    default:
      json_string (out, (const char *) sqlite3_column_text (stmt, column));
    }
}

/* Writes "key": [ {column: value, …}, … ] (or a single object, or null, when @single)
 * for the rows of @sql, which binds the person as ?1. */
static gboolean
json_rows (GString *out, TiDatabase *db, const char *key, const char *sql, gint64 id,
           gboolean single, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  guint n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  g_string_append (out, ",\n  ");
  json_string (out, key);
  g_string_append (out, single ? ": " : ": [");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, n++ ? ",\n    {" : (single ? "{" : "\n    {"));
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          g_string_append (out, i ? ", " : "");
          json_string (out, sqlite3_column_name (stmt, i));
          g_string_append (out, ": ");
          json_value (out, stmt, i);
        }
      g_string_append (out, "}");
      if (single)
        break;
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the person"), error);
  if (single && n == 0)
    g_string_append (out, "null");
  else if (!single)
    g_string_append (out, n ? "\n  ]" : "]");
  return TRUE;
}

static const struct
{
  const char *key;
  gboolean single;
  const char *sql;
} subject_sections[] = {
  { "person", TRUE,
    "SELECT p.id, p.name, p.email, o.name AS organisation, p.job_title, p.locality, p.role,"
    "  p.notes, p.created_at, p.updated_at, p.erased_on"
    " FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ?1" },
  { "consent", TRUE,
    "SELECT contact_consent, contact_consent_on, contact_consent_how, directory_consent,"
    "  directory_consent_on, directory_consent_how FROM people WHERE id = ?1" },
  { "champion", TRUE,
    "SELECT since, status, status_changed_on FROM champions WHERE person_id = ?1" },
  { "tier1_completions", FALSE,
    "SELECT completed_on, source FROM tier1_completions WHERE person_id = ?1"
    " ORDER BY completed_on" },
  { "sessions_attended", FALSE,
    "SELECT s.id AS session_id, s.starts_at, s.title, s.tier, a.attended, a.completed,"
    "  a.confidence_before, a.confidence_after, a.feedback"
    " FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE a.person_id = ?1"
    " ORDER BY s.starts_at" },
  { "sessions_facilitated", FALSE,
    "SELECT s.id AS session_id, s.starts_at, s.title, s.tier, f.kind"
    " FROM session_facilitators f JOIN sessions s ON s.id = f.session_id"
    " WHERE f.person_id = ?1 ORDER BY s.starts_at" },
  { "events", FALSE,
    "SELECT e.id AS event_id, e.starts_at, e.title, ea.invited, ea.attended, ea.feedback,"
    "  ea.feedback_theme FROM event_attendance ea JOIN events e ON e.id = ea.event_id"
    " WHERE ea.person_id = ?1 ORDER BY e.starts_at" },
  { "reviews_written", FALSE,
    "SELECT session_id, reviewed_on, outcome, notes FROM reviews WHERE reviewer_id = ?1"
    " ORDER BY reviewed_on" },
  { "audit_entries", FALSE,
    "SELECT at, action, entity, entity_id, detail FROM audit_log"
    " WHERE entity = 'person' AND entity_id = ?1 ORDER BY id" },
};

/**
 * ti_people_export_subject_access:
 * @person_id: the person
 * @path: the file to write: written whole (via a temporary file) or not at all, mode 0600
 *
 * Writes everything the programme holds on one person — profile, consent record, champion
 * record, Tier 1 completions, attendance with scores, facilitation, events, reviews they
 * wrote and the audit entries about them — as human-readable JSON. Contact details are
 * included whatever the consent: the file is for the person themself.
 *
 * Returns: %TRUE when written
 */
gboolean
ti_people_export_subject_access (TiDatabase *db, gint64 person_id, const char *path,
                                 GError **error)
{
  g_autoptr (GString) out = g_string_new ("{\n  \"format\": ");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autoptr (GError) local = NULL;
  TiTierProgress tiers = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  /* A read transaction, so every section describes the same moment. */
  if (!ti_database_exec (db, "BEGIN", error))
    return FALSE;
  ok = check_person_exists (db, person_id, error);
  json_string (out, "Trauma Informed Somerset subject access export");
  g_string_append (out, ",\n  \"exported_at\": ");
  json_string (out, stamp);
  for (guint i = 0; ok && i < G_N_ELEMENTS (subject_sections); i++)
    ok = json_rows (out, db, subject_sections[i].key, subject_sections[i].sql, person_id,
                    subject_sections[i].single, error);
  if (ok)
    ok = ti_tiers_get_progress (db, person_id, &tiers, error);
  ti_database_exec (db, "COMMIT", NULL);
  if (!ok)
    return FALSE;

  g_string_append_printf (out, ",\n  \"tier_progression\": {\"highest_tier\": %d",
                          tiers.highest_tier);
  {
    const char *keys[] = { "tier1_on", "tier2_on", "tier3_on" };
    const char *values[] = { tiers.tier1_on, tiers.tier2_on, tiers.tier3_on };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_string_append_printf (out, ", \"%s\": ", keys[i]);
        if (values[i] != NULL)
          json_string (out, values[i]);
        else
          g_string_append (out, "null");
      }
  }
  ti_tier_progress_clear (&tiers);
  g_string_append (out, "}\n}\n");

  if (!g_file_set_contents_full (path, out->str, out->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0600, &local))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_EXPORT,
                   _("Could not write “%s”: %s"), display, local->message);
      return FALSE;
    }
  return TRUE;
}
