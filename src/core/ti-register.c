/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-people-private.h"
#include "ti-register.h"
#include "ti-tiers.h"

/*
 * A session's register: who was booked, who attended and completed, and their confidence
 * before and after (1–5) and feedback (1–5). Every change is one transaction with an audit
 * entry (naming the person by id only).
 *
 * Warnings never block a change; they say what needs a look: a Tier 3 attendee who has not
 * completed Tier 2 (as ti-tiers defines it, at any date), more people on the register than
 * places, a delivered session with nobody on its register.
 *
 * Scores count only for people who attended: a before score from someone who then did not
 * come says nothing about the session. That is the rule of every figure made from a
 * register, here and in the programme's figures.
 */

G_DEFINE_QUARK (ti-register-error-quark, ti_register_error)

static gboolean
check_session (TiDatabase *db, gint64 session_id, GError **error)
{
  gint64 n = ti_database_count_with (db, "SELECT count(*) FROM sessions WHERE id = ?", session_id,
                                     NULL, error);

  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_SESSION,
                   _("This session is no longer in the programme."));
      return FALSE;
    }
  return TRUE;
}

static double
column_mean (sqlite3_stmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN
                                                            : sqlite3_column_double (stmt, column);
}

/**
 * ti_register_get_summary:
 * @session_id: the session
 * @out_summary: (out caller-allocates): the figures
 *
 * One session's register in figures. Everyone on the register counts in @registered;
 * the scores (confidence before and after, the paired change, improvement and feedback)
 * count only for those who attended. The confidence figures follow the programme's
 * definitions (ti_training_figure_definition() "confidence_before", "confidence_after",
 * "confidence_change"): they are over the paired attendees only, those with both a before
 * and an after score, so the mean change is the mean after minus the mean before.
 *
 * Returns: %TRUE with @out_summary filled in; %FALSE with @error set when the session does
 *   not exist (%TI_REGISTER_ERROR_SESSION) or the programme cannot be read
 */
gboolean
ti_register_get_summary (TiDatabase *db, gint64 session_id, TiRegisterSummary *out_summary,
                         GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_summary != NULL, FALSE);

  if (!check_session (db, session_id, error))
    return FALSE;
  stmt = ti_database_prepare (
    db,
    "WITH a AS ("
    "  SELECT attended, completed,"
    "    CASE WHEN attended AND confidence_after IS NOT NULL THEN confidence_before END AS b,"
    "    CASE WHEN attended AND confidence_before IS NOT NULL THEN confidence_after END AS f,"
    "    CASE WHEN attended THEN feedback END AS fb"
    "  FROM attendance WHERE session_id = ?1)"
    " SELECT count(*), coalesce(sum(attended), 0), coalesce(sum(completed), 0),"
    "  count(b + f), avg(b), avg(f), avg(f - b), count(CASE WHEN f > b THEN 1 END),"
    "  count(fb), avg(fb)"
    " FROM a",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the register"), error);

  out_summary->registered = sqlite3_column_int (stmt, 0);
  out_summary->attended = sqlite3_column_int (stmt, 1);
  out_summary->completed = sqlite3_column_int (stmt, 2);
  out_summary->paired = sqlite3_column_int (stmt, 3);
  out_summary->mean_before = column_mean (stmt, 4);
  out_summary->mean_after = column_mean (stmt, 5);
  out_summary->mean_change = column_mean (stmt, 6);
  out_summary->improved = sqlite3_column_int (stmt, 7);
  out_summary->feedback_count = sqlite3_column_int (stmt, 8);
  out_summary->feedback_mean = column_mean (stmt, 9);
  return TRUE;
}

/* Reading ------------------------------------------------------------------------------ */

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* The register of @session_id, or only @person_id's row when that is not 0, by name. */
static GPtrArray *
read_attendees (TiDatabase *db, gint64 session_id, gint64 person_id, GError **error)
{
  g_autofree char *tiers
    = ti_tiers_sql ("IN (SELECT person_id FROM attendance WHERE session_id = ?1)");
  g_autofree char *sql = g_strdup_printf (
    "WITH tiers AS (%s)"
    " SELECT a.person_id, p.name, o.name, a.attended, a.completed, a.confidence_before,"
    "  a.confidence_after, a.feedback, s.tier = 3 AND t.tier2_on IS NULL"
    " FROM attendance a JOIN sessions s ON s.id = a.session_id"
    " JOIN people p ON p.id = a.person_id"
    " LEFT JOIN organisations o ON o.id = p.organisation_id"
    " LEFT JOIN tiers t ON t.person_id = a.person_id"
    " WHERE a.session_id = ?1 AND (?2 = 0 OR a.person_id = ?2)"
    " ORDER BY p.name COLLATE NOCASE, p.id",
    tiers);
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiAttendeeFields f = {
        .session_id = session_id,
        .person_id = sqlite3_column_int64 (stmt, 0),
        .name = COL_TEXT (stmt, 1),
        .organisation = COL_TEXT (stmt, 2),
        .marks = {
          .attended = sqlite3_column_int (stmt, 3),
          .completed = sqlite3_column_int (stmt, 4),
          .confidence_before = sqlite3_column_int (stmt, 5),
          .confidence_after = sqlite3_column_int (stmt, 6),
          .feedback = sqlite3_column_int (stmt, 7),
        },
        .warning = sqlite3_column_int (stmt, 8) ? _("No Tier 2 yet") : NULL,
      };
      g_ptr_array_add (items, ti_attendee_new (&f));
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the register"), error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * ti_register_list:
 * @session_id: the session
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiAttendee, by name, each with
 *   its warning if any; %NULL with @error set when the programme cannot be read
 */
GListModel *
ti_register_list (TiDatabase *db, gint64 session_id, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;
  GListStore *store;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  items = read_attendees (db, session_id, 0, error);
  if (items == NULL)
    return NULL;
  store = g_list_store_new (TI_TYPE_ATTENDEE);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

/* "Adam Ahmed (Sedgemoor District Council)": two people of one name told apart. */
static char *
attendee_label (TiAttendee *attendee)
{
  const char *organisation = ti_attendee_get_organisation (attendee);

  if (organisation == NULL || *organisation == '\0')
    return g_strdup (ti_attendee_get_name (attendee));
  /* Translators: a person's name and their organisation */
  return g_strdup_printf (_("%s (%s)"), ti_attendee_get_name (attendee), organisation);
}

static char *
tier2_warning (GPtrArray *attendees)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < attendees->len; i++)
    if (ti_attendee_get_warning (g_ptr_array_index (attendees, i)) != NULL)
      g_ptr_array_add (names, attendee_label (g_ptr_array_index (attendees, i)));
  if (names->len == 0)
    return NULL;
  if (names->len == 1)
    return g_strdup_printf (_("%s is on this Tier 3 session without having completed Tier 2."),
                            (const char *) g_ptr_array_index (names, 0));
  {
    guint n = names->len;
    g_autofree char *list = NULL;

    g_ptr_array_add (names, NULL);
    /* Translators: a list of names, separated by semicolons (a name may hold a comma) */
    list = g_strjoinv (_("; "), (char **) names->pdata);
    return g_strdup_printf (_("%u people are on this Tier 3 session without having completed "
                              "Tier 2: %s."),
                            n, list);
  }
}

/**
 * ti_register_get_warnings:
 * @session_id: the session
 *
 * What about the session's register needs a look: a delivered session with nobody on
 * its register, more people on it than places, a Tier 3 session with no psychologist among
 * its facilitators, Tier 3 attendees without Tier 2 (each named with their organisation).
 * None of these stops anything being saved.
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the warnings in words, empty
 *   when there are none; %NULL with @error set when the session does not exist
 *   (%TI_REGISTER_ERROR_SESSION) or the programme cannot be read
 */
GPtrArray *
ti_register_get_warnings (TiDatabase *db, gint64 session_id, GError **error)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) attendees = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char *tier2;
  int capacity;
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  if (!check_session (db, session_id, error))
    return NULL;
  attendees = read_attendees (db, session_id, 0, error);
  stmt = ti_database_prepare (
    db,
    "SELECT status, coalesce(capacity, 0), tier,"
    "  EXISTS (SELECT 1 FROM session_facilitators f"
    "    WHERE f.session_id = s.id AND f.kind = 'psychologist')"
    " FROM sessions s WHERE id = ?",
    error);
  if (attendees == NULL || stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the register"), error);
      return NULL;
    }

  if (attendees->len == 0 && g_strcmp0 (COL_TEXT (stmt, 0), "delivered") == 0)
    g_ptr_array_add (warnings, g_strdup (_("This session was delivered but its register is "
                                           "empty: add the people who came.")));
  capacity = sqlite3_column_int (stmt, 1);
  if (capacity > 0 && attendees->len > (guint) capacity)
    g_ptr_array_add (warnings,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The register has %u people for %d place.",
                                                   "The register has %u people for %d places.",
                                                   capacity),
                                      attendees->len, capacity));
  /* DESIGN.md: Tier 3 is delivered or supervised by the psychologist. */
  if (sqlite3_column_int (stmt, 2) == 3 && !sqlite3_column_int (stmt, 3))
    g_ptr_array_add (warnings, g_strdup (_("No psychologist facilitates this Tier 3 session: "
                                           "Tier 3 is delivered or supervised by the "
                                           "psychologist. Add them as a facilitator, or make "
                                           "sure they supervise it.")));
  tier2 = tier2_warning (attendees);
  if (tier2 != NULL)
    g_ptr_array_add (warnings, tier2);
  return g_steal_pointer (&warnings);
}

/* Changing ------------------------------------------------------------------------------ */

static TiAttendee *
read_attendee (TiDatabase *db, gint64 session_id, gint64 person_id, GError **error)
{
  g_autoptr (GPtrArray) items = read_attendees (db, session_id, person_id, error);

  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_NOT_ON_REGISTER,
                   _("This person is no longer on the register."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, 0));
}

static gboolean
audit_person (TiDatabase *db, const char *action, gint64 session_id, gint64 person_id,
              const char *fields, GError **error)
{
  g_autofree char *detail
    = g_strdup_printf ("person %" G_GINT64_FORMAT "%s%s", person_id, fields ? "; fields: " : "",
                       fields ? fields : "");

  return ti_database_audit (db, action, "attendance", session_id, detail, error);
}

/* Binds @marks as ?3 to ?7, after the session and person as ?1 and ?2. */
static void
bind_marks (sqlite3_stmt *stmt, gint64 session_id, gint64 person_id, const TiAttendeeMarks *marks)
{
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int (stmt, 3, marks->attended);
  sqlite3_bind_int (stmt, 4, marks->completed);
  sqlite3_bind_int (stmt, 5, marks->confidence_before);
  sqlite3_bind_int (stmt, 6, marks->confidence_after);
  sqlite3_bind_int (stmt, 7, marks->feedback);
}

static gboolean
insert_attendance (TiDatabase *db, gint64 session_id, gint64 person_id,
                   const TiAttendeeMarks *marks, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "INSERT INTO attendance (session_id, person_id, attended, completed, confidence_before,"
    "  confidence_after, feedback) VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), nullif(?6, 0),"
    "  nullif(?7, 0))",
    error);

  if (stmt == NULL)
    return FALSE;
  bind_marks (stmt, session_id, person_id, marks);
  return ti_database_step_done (db, stmt, error);
}

static const TiPeopleList register_list = {
  .table = "attendance",
  .owner_column = "session_id",
  .reading = N_("reading the register"),
  .error_domain = ti_register_error_quark,
  .person_code = TI_REGISTER_ERROR_PERSON,
  .person_gone = N_("Choose someone in the programme whose details have not been erased."),
  .on_list_code = TI_REGISTER_ERROR_ON_REGISTER,
  .on_list = N_("This person is already on the register."),
};

/* Whether @person_id can go on the register: they exist, are not erased, not already on. */
static gboolean
check_can_add (TiDatabase *db, gint64 session_id, gint64 person_id, GError **error)
{
  return check_session (db, session_id, error)
         && ti_people_list_can_add (db, &register_list, session_id, person_id, error);
}

/**
 * ti_register_add:
 * @session_id: the session
 * @person_id: someone in the programme, not erased, not on the register yet
 *
 * Puts the person on the register (not yet marked as attended), in one transaction with an
 * audit entry.
 *
 * Returns: (transfer full) (nullable): their register row, or %NULL with @error set
 *   (%TI_REGISTER_ERROR_SESSION, %TI_REGISTER_ERROR_PERSON, %TI_REGISTER_ERROR_ON_REGISTER)
 */
TiAttendee *
ti_register_add (TiDatabase *db, gint64 session_id, gint64 person_id, GError **error)
{
  const TiAttendeeMarks none = { 0 };
  g_autoptr (TiAttendee) attendee = NULL;
  gboolean ok;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  if (!ti_database_begin (db, error))
    return NULL;
  ok = check_can_add (db, session_id, person_id, error)
       && insert_attendance (db, session_id, person_id, &none, error)
       && audit_person (db, "create", session_id, person_id, NULL, error)
       && (attendee = read_attendee (db, session_id, person_id, error)) != NULL;
  if (!ti_database_end (db, ok, error))
    return NULL;
  return g_steal_pointer (&attendee);
}

/**
 * ti_register_add_new_person:
 * @session_id: the session
 * @name: the new person's name
 * @organisation_id: their organisation
 *
 * Adds a person to the programme (with the rules of ti_people_save()) and puts them on the
 * register, in one transaction.
 *
 * Returns: (transfer full) (nullable): their register row, or %NULL with @error set: a
 *   %TI_PEOPLE_ERROR naming the field at fault (%TI_PEOPLE_ERROR_NAME,
 *   %TI_PEOPLE_ERROR_ORGANISATION), or %TI_REGISTER_ERROR_SESSION
 */
TiAttendee *
ti_register_add_new_person (TiDatabase *db, gint64 session_id, const char *name,
                            gint64 organisation_id, GError **error)
{
  const TiAttendeeMarks none = { 0 };
  const TiPersonEdit person = { .name = name, .organisation_id = organisation_id };
  g_autoptr (TiAttendee) attendee = NULL;
  gint64 person_id = 0;
  gboolean ok;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  if (!ti_database_begin (db, error))
    return NULL;
  ok = check_session (db, session_id, error)
       && ti_people_save_in_transaction (db, &person, &person_id, error)
       && insert_attendance (db, session_id, person_id, &none, error)
       && audit_person (db, "create", session_id, person_id, NULL, error)
       && (attendee = read_attendee (db, session_id, person_id, error)) != NULL;
  if (!ti_database_end (db, ok, error))
    return NULL;
  return g_steal_pointer (&attendee);
}

static gboolean
score_is_valid (int score)
{
  return score >= 0 && score <= 5;
}

/* The fields of @marks that differ from @old, for the audit; %NULL when none. */
static char *
changed_fields (const TiAttendeeMarks *old, const TiAttendeeMarks *marks)
{
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();

  if (old->attended != marks->attended)
    g_ptr_array_add (changed, (char *) "attended");
  if (old->completed != marks->completed)
    g_ptr_array_add (changed, (char *) "completed");
  if (old->confidence_before != marks->confidence_before)
    g_ptr_array_add (changed, (char *) "confidence_before");
  if (old->confidence_after != marks->confidence_after)
    g_ptr_array_add (changed, (char *) "confidence_after");
  if (old->feedback != marks->feedback)
    g_ptr_array_add (changed, (char *) "feedback");
  if (changed->len == 0)
    return NULL;
  g_ptr_array_add (changed, NULL);
  return g_strjoinv (", ", (char **) changed->pdata);
}

static gboolean
write_marks (TiDatabase *db, TiAttendee *attendee, const TiAttendeeMarks *marks,
             const char *fields, GError **error)
{
  gint64 session_id = ti_attendee_get_session_id (attendee);
  gint64 person_id = ti_attendee_get_person_id (attendee);
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "UPDATE attendance SET attended = ?3, completed = ?4, confidence_before = nullif(?5, 0),"
    "  confidence_after = nullif(?6, 0), feedback = nullif(?7, 0)"
    " WHERE session_id = ?1 AND person_id = ?2",
    error);

  if (stmt == NULL)
    return FALSE;
  bind_marks (stmt, session_id, person_id, marks);
  if (!ti_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (ti_database_get_handle (db)) == 0)
    {
      g_set_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_NOT_ON_REGISTER,
                   _("This person is no longer on the register."));
      return FALSE;
    }
  return audit_person (db, "update", session_id, person_id, fields, error);
}

/**
 * ti_register_update:
 * @attendee: a row of ti_register_list()
 * @marks: the new marks
 *
 * Saves @marks in one transaction with an audit entry, then sets them on @attendee.
 * Completing implies attending: ticking completed ticks attended, and unticking attended
 * unticks completed. Scores are 1 to 5, or 0 for none.
 *
 * Returns: %TRUE when saved; %FALSE with @error set (%TI_REGISTER_ERROR_SCORE,
 *   %TI_REGISTER_ERROR_NOT_ON_REGISTER), and nothing changed, otherwise
 */
gboolean
ti_register_update (TiDatabase *db, TiAttendee *attendee, const TiAttendeeMarks *marks,
                    GError **error)
{
  TiAttendeeMarks old, saved;
  g_autofree char *fields = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (TI_IS_ATTENDEE (attendee), FALSE);
  g_return_val_if_fail (marks != NULL, FALSE);

  if (!score_is_valid (marks->confidence_before) || !score_is_valid (marks->confidence_after)
      || !score_is_valid (marks->feedback))
    {
      g_set_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_SCORE,
                   _("Scores are from 1 to 5, or none."));
      return FALSE;
    }

  ti_attendee_get_marks (attendee, &old);
  saved = *marks;
  saved.attended = marks->attended != FALSE;
  saved.completed = marks->completed != FALSE;
  if (old.attended && !saved.attended)
    saved.completed = FALSE;
  else if (saved.completed)
    saved.attended = TRUE;

  fields = changed_fields (&old, &saved);
  if (fields == NULL)
    return TRUE;
  if (!ti_database_begin (db, error)
      || !ti_database_end (db, write_marks (db, attendee, &saved, fields, error), error))
    return FALSE;
  ti_attendee_set_marks (attendee, &saved);
  return TRUE;
}

/**
 * ti_register_remove:
 * @attendee: a row of ti_register_list()
 *
 * Takes the person off the register, in one transaction with an audit entry. Keep
 * @attendee to put them back with ti_register_restore().
 *
 * Returns: %TRUE when removed; %FALSE with @error set otherwise
 */
gboolean
ti_register_remove (TiDatabase *db, TiAttendee *attendee, GError **error)
{
  gint64 session_id = ti_attendee_get_session_id (attendee);
  gint64 person_id = ti_attendee_get_person_id (attendee);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  stmt = ti_database_prepare (db, "DELETE FROM attendance WHERE session_id = ?1 AND person_id = ?2",
                              error);
  if (stmt == NULL || !ti_database_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  ok = ti_database_step_done (db, stmt, error);
  if (ok && sqlite3_changes (ti_database_get_handle (db)) == 0)
    {
      g_set_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_NOT_ON_REGISTER,
                   _("This person is no longer on the register."));
      ok = FALSE;
    }
  ok = ok && audit_person (db, "delete", session_id, person_id, NULL, error);
  return ti_database_end (db, ok, error);
}

/**
 * ti_register_restore:
 * @attendee: a row ti_register_remove() took off
 *
 * Puts the person back on the register with the marks they had, in one transaction with
 * an audit entry.
 *
 * Returns: %TRUE when restored; %FALSE with @error set, and nothing changed, when the
 *   session or the person is no longer there, or the person is on the register again
 */
gboolean
ti_register_restore (TiDatabase *db, TiAttendee *attendee, GError **error)
{
  gint64 session_id = ti_attendee_get_session_id (attendee);
  gint64 person_id = ti_attendee_get_person_id (attendee);
  TiAttendeeMarks marks;
  gboolean ok;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  ti_attendee_get_marks (attendee, &marks);
  if (!ti_database_begin (db, error))
    return FALSE;
  ok = check_can_add (db, session_id, person_id, error)
       && insert_attendance (db, session_id, person_id, &marks, error)
       && audit_person (db, "restore", session_id, person_id, NULL, error);
  return ti_database_end (db, ok, error);
}
