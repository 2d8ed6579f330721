/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-events"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-events.h"
#include "ti-people-private.h"

/*
 * An event's list of people: invitations (one person, every active champion, or everyone
 * at an organisation and its directorates), who attended, and their feedback. Inviting
 * never puts anyone on the list twice, and erased people are never invited. Every change is
 * one transaction with an audit entry naming people by id only.
 */

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* The list of @event_id, or only @person_id's row when that is not 0, by name. A
 * first-timer came to this event and to none that started earlier: each row says whether
 * they came to an earlier one, so the tag follows the attended mark. */
static GPtrArray *
read_guests (TiDatabase *db, gint64 event_id, gint64 person_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT a.person_id, p.name, o.name, o.sector, a.invited, a.attended,"
    "  coalesce(a.feedback, 0), a.feedback_theme,"
    "  EXISTS (SELECT 1 FROM event_attendance b"
    "    JOIN events e ON e.id = b.event_id WHERE b.person_id = a.person_id AND b.attended"
    "    AND e.starts_at < (SELECT starts_at FROM events WHERE id = ?1))"
    " FROM event_attendance a JOIN people p ON p.id = a.person_id"
    " LEFT JOIN organisations o ON o.id = p.organisation_id"
    " WHERE a.event_id = ?1 AND (?2 = 0 OR a.person_id = ?2)"
    " ORDER BY p.name COLLATE NOCASE, p.id",
    error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiEventGuestFields f = {
        .event_id = event_id,
        .person_id = sqlite3_column_int64 (stmt, 0),
        .name = COL_TEXT (stmt, 1),
        .organisation = COL_TEXT (stmt, 2),
        .sector_key = COL_TEXT (stmt, 3),
        .invited = sqlite3_column_int (stmt, 4),
        .came_before = sqlite3_column_int (stmt, 8),
        .marks = {
          .attended = sqlite3_column_int (stmt, 5),
          .feedback = sqlite3_column_int (stmt, 6),
          .feedback_theme = COL_TEXT (stmt, 7),
        },
      };
      g_ptr_array_add (items, ti_event_guest_new (&f));
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the event’s list"), error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * ti_events_list_guests:
 * @event_id: the event
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiEventGuest, by name; %NULL with
 *   @error set when the programme cannot be read
 */
GListModel *
ti_events_list_guests (TiDatabase *db, gint64 event_id, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;
  GListStore *store;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  items = read_guests (db, event_id, 0, error);
  if (items == NULL)
    return NULL;
  store = g_list_store_new (TI_TYPE_EVENT_GUEST);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

static gpointer
read_guests_in_thread (TiDatabase *db, gpointer data, GError **error)
{
  return ti_events_list_guests (db, *(gint64 *) data, error);
}

/**
 * ti_events_list_guests_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 * @event_id: the event
 *
 * Reads the event's list in a thread (see ti_events_list_guests()); finish with
 * ti_events_list_guests_finish().
 */
void
ti_events_list_guests_async (const char *db_path, gint64 event_id, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  ti_database_read_async (db_path, read_guests_in_thread, g_memdup2 (&event_id, sizeof event_id),
                          g_free, g_object_unref, cancellable, callback, user_data);
}

/**
 * ti_events_list_guests_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiEventGuest, by name, or %NULL
 *   with @error set
 */
GListModel *
ti_events_list_guests_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}

static gboolean
check_event (TiDatabase *db, gint64 event_id, GError **error)
{
  gint64 n = ti_database_count_with (db, "SELECT count(*) FROM events WHERE id = ?", event_id,
                                     NULL, error);

  if (n == 0)
    g_set_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_NOT_FOUND,
                 _("This event is no longer in the programme."));
  return n > 0;
}

/* The audit names the person by id, or says how many were invited. */
static gboolean
audit_person (TiDatabase *db, const char *action, gint64 event_id, gint64 person_id,
              GError **error)
{
  g_autofree char *detail = g_strdup_printf ("person %" G_GINT64_FORMAT, person_id);

  return ti_database_audit (db, action, "event_attendance", event_id, detail, error);
}

static const TiPeopleList guest_list = {
  .table = "event_attendance",
  .owner_column = "event_id",
  .reading = N_("reading the event’s list"),
  .error_domain = ti_events_error_quark,
  .person_code = TI_EVENTS_ERROR_PERSON,
  .person_gone = N_("Choose someone in the programme whose details have not been erased."),
  .on_list_code = TI_EVENTS_ERROR_ON_LIST,
  .on_list = N_("This person is already on the event’s list."),
};

/* Whether @person_id can go on the list: they exist, are not erased, are not on it yet. */
static gboolean
check_can_add (TiDatabase *db, gint64 event_id, gint64 person_id, GError **error)
{
  return check_event (db, event_id, error)
         && ti_people_list_can_add (db, &guest_list, event_id, person_id, error);
}

static gboolean
insert_guest (TiDatabase *db, gint64 event_id, gint64 person_id, gboolean invited,
              const TiGuestMarks *marks, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "INSERT INTO event_attendance (event_id, person_id, invited, attended, feedback,"
    "  feedback_theme) VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), nullif(trim(?6), ''))",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int (stmt, 3, invited != FALSE);
  sqlite3_bind_int (stmt, 4, marks->attended != FALSE);
  sqlite3_bind_int (stmt, 5, marks->feedback);
  sqlite3_bind_text (stmt, 6, marks->feedback_theme, -1, SQLITE_STATIC);
  return ti_database_step_done (db, stmt, error);
}

static TiEventGuest *
read_guest (TiDatabase *db, gint64 event_id, gint64 person_id, GError **error)
{
  g_autoptr (GPtrArray) items = read_guests (db, event_id, person_id, error);

  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_NOT_ON_LIST,
                   _("This person is no longer on the event’s list."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, 0));
}

/**
 * ti_events_invite:
 * @event_id: the event
 * @person_id: someone in the programme, not erased, not on the event's list yet
 *
 * Invites one person (not yet marked as attended), in one transaction with an audit entry.
 *
 * Returns: (transfer full) (nullable): their row on the list, or %NULL with @error set
 *   (%TI_EVENTS_ERROR_NOT_FOUND, %TI_EVENTS_ERROR_PERSON, %TI_EVENTS_ERROR_ON_LIST)
 */
TiEventGuest *
ti_events_invite (TiDatabase *db, gint64 event_id, gint64 person_id, GError **error)
{
  const TiGuestMarks none = { 0 };
  g_autoptr (TiEventGuest) guest = NULL;
  gboolean ok;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  if (!ti_database_begin (db, error))
    return NULL;
  ok = check_can_add (db, event_id, person_id, error)
       && insert_guest (db, event_id, person_id, TRUE, &none, error)
       && audit_person (db, "create", event_id, person_id, error)
       && (guest = read_guest (db, event_id, person_id, error)) != NULL;
  if (!ti_database_end (db, ok, error))
    return NULL;
  return g_steal_pointer (&guest);
}

/* Who a bulk invitation is for, as a condition on people p (?2 is the organisation). */
static const char *
group_condition (TiEventInviteGroup group)
{
  if (group == TI_EVENT_INVITE_ORGANISATION)
    return "p.organisation_id IN (SELECT id FROM organisations WHERE id = ?2 OR parent_id = ?2)";
  return "p.id IN (SELECT person_id FROM champions WHERE status = 'active')";
}

/* The people of @group (?1 the event, ?2 the organisation) not erased and not on the list. */
static char *
invitable_sql (const char *select, TiEventInviteGroup group)
{
  return g_strdup_printf ("%s FROM people p WHERE p.erased_on IS NULL AND (%s)"
                          " AND NOT EXISTS (SELECT 1 FROM event_attendance a"
                          "   WHERE a.event_id = ?1 AND a.person_id = p.id)",
                          select, group_condition (group));
}

static gboolean
check_group (TiDatabase *db, gint64 event_id, TiEventInviteGroup group, gint64 organisation_id,
             GError **error)
{
  gint64 n;

  if (!check_event (db, event_id, error))
    return FALSE;
  if (group != TI_EVENT_INVITE_ORGANISATION)
    return TRUE;
  n = ti_database_count_with (db, "SELECT count(*) FROM organisations WHERE id = ?",
                              organisation_id, NULL, error);
  if (n == 0)
    g_set_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_ORGANISATION,
                 _("Choose an organisation in the programme."));
  return n > 0;
}

/**
 * ti_events_count_invitable:
 * @event_id: the event
 * @group: every active champion, or everyone at an organisation and its directorates
 * @organisation_id: the organisation, for %TI_EVENT_INVITE_ORGANISATION
 * @out_count: (out): how many people inviting @group would add now
 *
 * Counts who ti_events_invite_group() would invite: people of @group whose details are not
 * erased and who are not on the event's list yet. Quick: one count.
 *
 * Returns: %TRUE when counted; %FALSE with @error set otherwise
 */
gboolean
ti_events_count_invitable (TiDatabase *db, gint64 event_id, TiEventInviteGroup group,
                           gint64 organisation_id, guint *out_count, GError **error)
{
  g_autofree char *sql = invitable_sql ("SELECT count(*)", group);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  if (!check_group (db, event_id, group, organisation_id, error)
      || (stmt = ti_database_prepare (db, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the event’s list"), error);
  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * ti_event_invitations_free:
 *
 * Frees one batch of invitations.
 */
void
ti_event_invitations_free (TiEventInvitations *batch)
{
  if (batch == NULL)
    return;
  g_clear_pointer (&batch->person_ids, g_array_unref);
  g_free (batch);
}

static TiEventInvitations *
invitations_new (gint64 event_id)
{
  TiEventInvitations *batch = g_new0 (TiEventInvitations, 1);

  batch->event_id = event_id;
  batch->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return batch;
}

static TiEventInvitations *
invitations_copy (const TiEventInvitations *batch)
{
  TiEventInvitations *copy = invitations_new (batch->event_id);

  g_array_append_vals (copy->person_ids, batch->person_ids->data, batch->person_ids->len);
  return copy;
}

/* Invites everyone of @group not on the list yet, noting who into @batch. */
static gboolean
invite_many (TiDatabase *db, TiEventInviteGroup group, gint64 organisation_id,
             TiEventInvitations *batch, GError **error)
{
  g_autofree char *select = invitable_sql ("SELECT ?1, p.id, 1", group);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO event_attendance (event_id, person_id,"
                                          " invited) %s RETURNING person_id",
                                          select);
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  g_autofree char *detail = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->event_id);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (batch->person_ids, person_id);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("inviting people"), error);
  if (group == TI_EVENT_INVITE_ORGANISATION)
    detail = g_strdup_printf ("organisation %" G_GINT64_FORMAT ": %u invited", organisation_id,
                              batch->person_ids->len);
  else
    detail = g_strdup_printf ("active champions: %u invited", batch->person_ids->len);
  return ti_database_audit (db, "create", "event_attendance", batch->event_id, detail, error);
}

/**
 * ti_events_invite_group:
 * @event_id: the event
 * @group: every active champion (not paused or stepped down), or everyone at an organisation
 *   and its directorates
 * @organisation_id: the organisation, for %TI_EVENT_INVITE_ORGANISATION
 *
 * Invites everyone of @group whose details are not erased and who is not on the event's
 * list yet, in one transaction with one audit entry. Inviting again adds only people who
 * joined since.
 *
 * Returns: (transfer full) (nullable): who was invited now (perhaps nobody), to take off
 *   again with ti_events_uninvite(); %NULL with @error set, and nothing changed, otherwise
 *   (%TI_EVENTS_ERROR_NOT_FOUND, %TI_EVENTS_ERROR_ORGANISATION)
 */
TiEventInvitations *
ti_events_invite_group (TiDatabase *db, gint64 event_id, TiEventInviteGroup group,
                        gint64 organisation_id, GError **error)
{
  g_autoptr (TiEventInvitations) batch = invitations_new (event_id);
  gboolean ok;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  if (!ti_database_begin (db, error))
    return NULL;
  ok = check_group (db, event_id, group, organisation_id, error)
       && invite_many (db, group, organisation_id, batch, error);
  if (!ti_database_end (db, ok, error))
    return NULL;
  return g_steal_pointer (&batch);
}

/**
 * ti_events_invite_champions:
 * @event_id: the event
 * @out_added: (out) (optional): how many were invited now
 *
 * ti_events_invite_group() for every active champion.
 *
 * Returns: %TRUE when done; %FALSE with @error set, and nothing changed, otherwise
 */
gboolean
ti_events_invite_champions (TiDatabase *db, gint64 event_id, guint *out_added, GError **error)
{
  g_autoptr (TiEventInvitations) batch
    = ti_events_invite_group (db, event_id, TI_EVENT_INVITE_ACTIVE_CHAMPIONS, 0, error);

  if (batch == NULL)
    return FALSE;
  if (out_added != NULL)
    *out_added = batch->person_ids->len;
  return TRUE;
}

/**
 * ti_events_invite_organisation:
 * @event_id: the event
 * @organisation_id: the organisation
 * @out_added: (out) (optional): how many were invited now
 *
 * ti_events_invite_group() for everyone at the organisation and its directorates.
 *
 * Returns: %TRUE when done; %FALSE with @error set (%TI_EVENTS_ERROR_ORGANISATION when there
 *   is no such organisation), and nothing changed, otherwise
 */
gboolean
ti_events_invite_organisation (TiDatabase *db, gint64 event_id, gint64 organisation_id,
                               guint *out_added, GError **error)
{
  g_autoptr (TiEventInvitations) batch = ti_events_invite_group (
    db, event_id, TI_EVENT_INVITE_ORGANISATION, organisation_id, error);

  if (batch == NULL)
    return FALSE;
  if (out_added != NULL)
    *out_added = batch->person_ids->len;
  return TRUE;
}

/**
 * ti_events_uninvite:
 * @batch: what ti_events_invite_group() returned
 * @out_removed: (out) (optional): how many were taken off
 *
 * Undoes a bulk invitation: takes off the list the people @batch invited, except anyone
 * marked as attended or given feedback since; nobody else is touched. One transaction with
 * an audit entry.
 *
 * Returns: %TRUE when done; %FALSE with @error set, and nothing changed, otherwise
 */
gboolean
ti_events_uninvite (TiDatabase *db, const TiEventInvitations *batch, guint *out_removed,
                    GError **error)
{
  g_autoptr (GString) ids = g_string_new ("[");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;
  guint removed = 0;
  gboolean ok;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  for (guint i = 0; i < batch->person_ids->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (batch->person_ids, gint64, i));
  g_string_append_c (ids, ']');
  stmt = ti_database_prepare (
    db,
    "DELETE FROM event_attendance WHERE event_id = ?1 AND invited AND NOT attended"
    "  AND feedback IS NULL AND feedback_theme IS NULL"
    "  AND person_id IN (SELECT value FROM json_each(?2))",
    error);
  if (stmt == NULL || !ti_database_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch->event_id);
  sqlite3_bind_text (stmt, 2, ids->str, ids->len, SQLITE_STATIC);
  ok = ti_database_step_done (db, stmt, error);
  if (ok)
    {
      removed = sqlite3_changes (ti_database_get_handle (db));
      detail = g_strdup_printf ("invitations undone: %u taken off", removed);
      ok = ti_database_audit (db, "delete", "event_attendance", batch->event_id, detail, error);
    }
  if (!ti_database_end (db, ok, error))
    return FALSE;
  if (out_removed != NULL)
    *out_removed = removed;
  return TRUE;
}

/* Bulk invitations and their undo in a worker, with a connection of its own. */
typedef struct
{
  char *db_path;
  TiEventInviteGroup group;
  gint64 organisation_id;
  TiEventInvitations *batch; /* for invite: event only; for uninvite: who to take off */
  gboolean undo;
} InviteJob;

static void
invite_job_free (gpointer data)
{
  InviteJob *job = data;

  g_free (job->db_path);
  ti_event_invitations_free (job->batch);
  g_free (job);
}

static void
invite_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  InviteJob *job = task_data;
  g_autoptr (TiDatabase) db = NULL;
  GError *error = NULL;
  TiEventInvitations *batch = NULL;
  guint removed = 0;

  /* A connection belongs to one thread: the worker opens its own. */
  db = ti_database_open (job->db_path, TI_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_task_return_error (task, error);
  else if (job->undo)
    {
      if (ti_events_uninvite (db, job->batch, &removed, &error))
        g_task_return_int (task, removed);
      else
        g_task_return_error (task, error);
    }
  else if ((batch = ti_events_invite_group (db, job->batch->event_id, job->group,
                                            job->organisation_id, &error))
           != NULL)
    g_task_return_pointer (task, batch, (GDestroyNotify) ti_event_invitations_free);
  else
    g_task_return_error (task, error);
}

static void
run_invite_job (InviteJob *job, gpointer source_tag, GCancellable *cancellable,
                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, invite_job_free);
  g_task_run_in_thread (task, invite_in_thread);
}

/**
 * ti_events_invite_group_async:
 * @db_path: the programme file; the worker opens its own connection to it
 *
 * Runs ti_events_invite_group() in a worker thread; finish with
 * ti_events_invite_group_finish().
 */
void
ti_events_invite_group_async (const char *db_path, gint64 event_id, TiEventInviteGroup group,
                              gint64 organisation_id, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  InviteJob *job = g_new0 (InviteJob, 1);

  g_return_if_fail (db_path != NULL);

  job->db_path = g_strdup (db_path);
  job->group = group;
  job->organisation_id = organisation_id;
  job->batch = invitations_new (event_id);
  run_invite_job (job, ti_events_invite_group_async, cancellable, callback, user_data);
}

/**
 * ti_events_invite_group_finish:
 *
 * Returns: (transfer full) (nullable): who was invited, or %NULL with @error set
 */
TiEventInvitations *
ti_events_invite_group_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ti_events_invite_group_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ti_events_uninvite_async:
 * @db_path: the programme file; the worker opens its own connection to it
 * @batch: copied
 *
 * Runs ti_events_uninvite() in a worker thread; finish with ti_events_uninvite_finish().
 */
void
ti_events_uninvite_async (const char *db_path, const TiEventInvitations *batch,
                          GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  InviteJob *job = g_new0 (InviteJob, 1);

  g_return_if_fail (db_path != NULL && batch != NULL);

  job->db_path = g_strdup (db_path);
  job->batch = invitations_copy (batch);
  job->undo = TRUE;
  run_invite_job (job, ti_events_uninvite_async, cancellable, callback, user_data);
}

/**
 * ti_events_uninvite_finish:
 * @out_removed: (out) (optional): how many were taken off
 *
 * Returns: %TRUE when done; %FALSE with @error set otherwise
 */
gboolean
ti_events_uninvite_finish (GAsyncResult *result, guint *out_removed, GError **error)
{
  GError *local = NULL;
  gssize removed;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ti_events_uninvite_async,
                        FALSE);
  removed = g_task_propagate_int (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (out_removed != NULL)
    *out_removed = removed;
  return TRUE;
}

static gboolean
write_marks (TiDatabase *db, TiEventGuest *guest, const TiGuestMarks *marks, GError **error)
{
  gint64 event_id = ti_event_guest_get_event_id (guest);
  gint64 person_id = ti_event_guest_get_person_id (guest);
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "UPDATE event_attendance SET attended = ?3, feedback = nullif(?4, 0),"
    "  feedback_theme = nullif(trim(?5), '') WHERE event_id = ?1 AND person_id = ?2",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int (stmt, 3, marks->attended != FALSE);
  sqlite3_bind_int (stmt, 4, marks->feedback);
  sqlite3_bind_text (stmt, 5, marks->feedback_theme, -1, SQLITE_STATIC);
  if (!ti_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (ti_database_get_handle (db)) == 0)
    {
      g_set_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_NOT_ON_LIST,
                   _("This person is no longer on the event’s list."));
      return FALSE;
    }
  return audit_person (db, "update", event_id, person_id, error);
}

/**
 * ti_events_update_guest:
 * @guest: a row of ti_events_list_guests()
 * @marks: attended, feedback (1–5, or 0 for none) and its theme (trimmed; empty for none)
 *
 * Saves @marks in one transaction with an audit entry, then sets them on @guest. Feedback
 * is kept as given, but counts in the figures only for people who attended.
 *
 * Returns: %TRUE when saved; %FALSE with @error set (%TI_EVENTS_ERROR_SCORE,
 *   %TI_EVENTS_ERROR_NOT_ON_LIST), and nothing changed, otherwise
 */
gboolean
ti_events_update_guest (TiDatabase *db, TiEventGuest *guest, const TiGuestMarks *marks,
                        GError **error)
{
  g_autofree char *theme = NULL;
  TiGuestMarks saved;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (TI_IS_EVENT_GUEST (guest), FALSE);
  g_return_val_if_fail (marks != NULL, FALSE);

  if (marks->feedback < 0 || marks->feedback > 5)
    {
      g_set_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_SCORE,
                   _("Feedback is from 1 to 5, or none."));
      return FALSE;
    }
  theme = g_strstrip (g_strdup (marks->feedback_theme ? marks->feedback_theme : ""));
  saved = *marks;
  saved.attended = marks->attended != FALSE;
  saved.feedback_theme = theme;
  if (!ti_database_begin (db, error)
      || !ti_database_end (db, write_marks (db, guest, &saved, error), error))
    return FALSE;
  ti_event_guest_set_marks (guest, &saved);
  return TRUE;
}

/**
 * ti_events_remove_guest:
 * @guest: a row of ti_events_list_guests()
 *
 * Takes the person off the event's list (invitation, attendance and feedback), in one
 * transaction with an audit entry. Keep @guest to put them back with
 * ti_events_restore_guest().
 *
 * Returns: %TRUE when removed; %FALSE with @error set otherwise
 */
gboolean
ti_events_remove_guest (TiDatabase *db, TiEventGuest *guest, GError **error)
{
  gint64 event_id = ti_event_guest_get_event_id (guest);
  gint64 person_id = ti_event_guest_get_person_id (guest);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  stmt = ti_database_prepare (
    db, "DELETE FROM event_attendance WHERE event_id = ?1 AND person_id = ?2", error);
  if (stmt == NULL || !ti_database_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  ok = ti_database_step_done (db, stmt, error);
  if (ok && sqlite3_changes (ti_database_get_handle (db)) == 0)
    {
      g_set_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_NOT_ON_LIST,
                   _("This person is no longer on the event’s list."));
      ok = FALSE;
    }
  ok = ok && audit_person (db, "delete", event_id, person_id, error);
  return ti_database_end (db, ok, error);
}

/**
 * ti_events_restore_guest:
 * @guest: a row ti_events_remove_guest() took off
 *
 * Puts the person back on the list as they were, in one transaction with an audit entry.
 *
 * Returns: %TRUE when restored; %FALSE with @error set, and nothing changed, when the event
 *   or the person is no longer there, or the person is on the list again
 */
gboolean
ti_events_restore_guest (TiDatabase *db, TiEventGuest *guest, GError **error)
{
  gint64 event_id = ti_event_guest_get_event_id (guest);
  gint64 person_id = ti_event_guest_get_person_id (guest);
  TiGuestMarks marks;
  gboolean ok;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  ti_event_guest_get_marks (guest, &marks);
  if (!ti_database_begin (db, error))
    return FALSE;
  ok = check_can_add (db, event_id, person_id, error)
       && insert_guest (db, event_id, person_id, ti_event_guest_get_invited (guest), &marks,
                        error)
       && audit_person (db, "restore", event_id, person_id, error);
  return ti_database_end (db, ok, error);
}
