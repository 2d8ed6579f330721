/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-import-private.h"

/*
 * Importing people. A person is matched by email (case-insensitive); a record without one
 * is matched by name within the organisation; a record with an email that matches nobody
 * may still match the one person of that name there who has no email yet. A matched
 * person is updated, never duplicated; an empty cell leaves what is held as it is.
 */

typedef struct
{
  const TiImportRow *row;
  const char *name;
  const char *email;     /* (nullable) */
  const char *job_title; /* (nullable): leave as held */
  const char *locality;  /* (nullable) vocabulary key: leave as held */
  int champion;          /* 1 yes, 0 no, -1 not said */
  char *since;           /* ISO date, when a champion */
  gint64 organisation_id;
  char *signature;
  gboolean repeat;
  gint64 id;        /* the person held, or 0 for a new one */
  gint64 roster_id; /* as the roster knows them: the id held, or -1 - n for the nth new */
  TiImportOutcome outcome;
} Plan;

typedef struct
{
  sqlite3_stmt *held;
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *champion;
  sqlite3_stmt *add_champion;
  sqlite3_stmt *set_since;
} Statements;

#define PERSON_COLUMNS "SELECT id, name, email, organisation_id, job_title, locality FROM people"

static void
plan_clear (gpointer data)
{
  Plan *plan = data;

  g_free (plan->since);
  g_free (plan->signature);
}

static void
statements_clear (Statements *s)
{
  g_clear_pointer (&s->held, sqlite3_finalize);
  g_clear_pointer (&s->insert, sqlite3_finalize);
  g_clear_pointer (&s->update, sqlite3_finalize);
  g_clear_pointer (&s->champion, sqlite3_finalize);
  g_clear_pointer (&s->add_champion, sqlite3_finalize);
  g_clear_pointer (&s->set_since, sqlite3_finalize);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Statements, statements_clear)

static gboolean
statements_prepare (TiImportContext *ctx, Statements *s, GError **error)
{
  return (s->held = ti_database_prepare (ctx->db, PERSON_COLUMNS " WHERE id = ?", error))
         && (s->insert = ti_database_prepare (ctx->db,
                                              "INSERT INTO people (name, email,"
                                              " organisation_id, job_title, locality)"
                                              " VALUES (?, ?, ?, ?, ?)",
                                              error))
         && (s->update = ti_database_prepare (
               ctx->db,
               "UPDATE people SET name = ?, email = ?, organisation_id = ?,"
               " job_title = ?, locality = ?,"
               " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
               error))
         && (s->champion = ti_database_prepare (ctx->db,
                                                "SELECT since FROM champions"
                                                " WHERE person_id = ?",
                                                error))
         && (s->add_champion = ti_database_prepare (ctx->db,
                                                    "INSERT INTO champions (person_id,"
                                                    " since, status) VALUES (?, ?,"
                                                    " 'active')",
                                                    error))
         && (s->set_since = ti_database_prepare (ctx->db,
                                                 "UPDATE champions SET since = ?"
                                                 " WHERE person_id = ?",
                                                 error));
}

static int
parse_champion (const char *text)
{
  static const char *const yes[] = { "yes", "y", "true" };
  static const char *const no[] = { "no", "n", "false" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0)
        return 1;
      if (g_ascii_strcasecmp (text, no[i]) == 0)
        return 0;
    }
  return -2;
}

/* Checks one record on its own; FALSE when it has a problem. */
static gboolean
plan_row (TiImportContext *ctx, const TiImportRow *row, Plan *plan)
{
  const char *const *v = (const char *const *)row->values;
  const char *since = v[PERSON_CHAMPION_SINCE];
  const TiTerm *localities;
  guint n_localities;
  gboolean ok = TRUE;
  char iso[11];

  localities = ti_vocabulary_localities (&n_localities);
  plan->row = row;
  plan->name = v[PERSON_NAME];
  plan->email = v[PERSON_EMAIL];
  plan->job_title = v[PERSON_JOB_TITLE];
  plan->champion = -1;
  ok &= ti_import_require (ctx, row, PERSON_NAME);
  ok &= ti_import_require (ctx, row, PERSON_ORGANISATION);
  ok &= ti_import_name_fits (ctx, row, PERSON_NAME);
  ok &= ti_import_name_fits (ctx, row, PERSON_ORGANISATION);

  ok &= ti_import_email (ctx, row, PERSON_EMAIL);
  plan->locality
    = ti_import_term (ctx, row, PERSON_LOCALITY, ti_vocabulary_locality_key (v[PERSON_LOCALITY]),
                      localities, n_localities);
  if (v[PERSON_LOCALITY] != NULL && plan->locality == NULL)
    ok = FALSE;

  if (v[PERSON_CHAMPION] != NULL && (plan->champion = parse_champion (v[PERSON_CHAMPION])) < -1)
    {
      ti_import_problem (ctx, row->line, _ ("the %s “%s” is neither yes nor no"),
                         ti_import_column (ctx, PERSON_CHAMPION), v[PERSON_CHAMPION]);
      ok = FALSE;
    }

  if (!ti_import_date (ctx, row, PERSON_CHAMPION_SINCE, iso))
    ok = FALSE;
  else if (since != NULL)
    plan->since = g_strdup (iso);
  else if (plan->champion == 1)
    {
      ti_import_problem (ctx, row->line,
                         _ ("the %s is yes but %s is empty; give the date they became a "
                            "champion"),
                         ti_import_column (ctx, PERSON_CHAMPION),
                         ti_import_column (ctx, PERSON_CHAMPION_SINCE));
      ok = FALSE;
    }
  return ok;
}

static void
bind_optional (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Adds the person or brings what the record says up to date; empty cells change nothing. */
static gboolean
write_person (TiImportContext *ctx, Statements *s, Plan *plan, GError **error)
{
  g_autofree char *email = NULL;
  g_autofree char *job_title = NULL;
  g_autofree char *locality = NULL;
  gboolean changed;
  int rc;

  if (plan->id == 0)
    {
      sqlite3_bind_text (s->insert, 1, plan->name, -1, SQLITE_TRANSIENT);
      bind_optional (s->insert, 2, plan->email);
      sqlite3_bind_int64 (s->insert, 3, plan->organisation_id);
      bind_optional (s->insert, 4, plan->job_title);
      bind_optional (s->insert, 5, plan->locality);
      if (!ti_database_step_done (ctx->db, s->insert, error))
        return FALSE;
      plan->id = sqlite3_last_insert_rowid (ti_database_get_handle (ctx->db));
      plan->outcome = TI_IMPORT_ADDED;
      return TRUE;
    }

  {
    sqlite3_stmt *held = s->held;

    sqlite3_bind_int64 (held, 1, plan->id);
    if ((rc = sqlite3_step (held)) != SQLITE_ROW)
      {
        sqlite3_reset (held);
        return ti_database_set_error_from_sqlite (ctx->db, rc, _ ("reading the people"), error);
      }

    email = g_strdup (plan->email ? plan->email : (const char *)sqlite3_column_text (held, 2));
    job_title
      = g_strdup (plan->job_title ? plan->job_title : (const char *)sqlite3_column_text (held, 4));
    locality
      = g_strdup (plan->locality ? plan->locality : (const char *)sqlite3_column_text (held, 5));
    changed = g_strcmp0 ((const char *)sqlite3_column_text (held, 1), plan->name) != 0
              || g_strcmp0 ((const char *)sqlite3_column_text (held, 2), email) != 0
              || sqlite3_column_int64 (held, 3) != plan->organisation_id
              || g_strcmp0 ((const char *)sqlite3_column_text (held, 4), job_title) != 0
              || g_strcmp0 ((const char *)sqlite3_column_text (held, 5), locality) != 0;
    sqlite3_reset (held);
  }
  if (!changed)
    return TRUE;

  plan->outcome = TI_IMPORT_UPDATED;
  sqlite3_bind_text (s->update, 1, plan->name, -1, SQLITE_TRANSIENT);
  bind_optional (s->update, 2, email);
  sqlite3_bind_int64 (s->update, 3, plan->organisation_id);
  bind_optional (s->update, 4, job_title);
  bind_optional (s->update, 5, locality);
  sqlite3_bind_int64 (s->update, 6, plan->id);
  return ti_database_step_done (ctx->db, s->update, error);
}

/* champion = yes makes them a champion, or corrects the date they became one. champion = no
 * changes nothing: an import is not the way to step someone down, which has its own date
 * and status in the champion's profile. */
static gboolean
write_champion (TiImportContext *ctx, Statements *s, Plan *plan, GError **error)
{
  g_autofree char *since = NULL;
  int rc;

  if (plan->champion != 1)
    return TRUE;
  sqlite3_bind_int64 (s->champion, 1, plan->id);
  rc = sqlite3_step (s->champion);
  if (rc == SQLITE_ROW)
    since = g_strdup ((const char *)sqlite3_column_text (s->champion, 0));
  sqlite3_reset (s->champion);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (ctx->db, rc, _ ("reading the champions"), error);

  if (rc == SQLITE_DONE)
    {
      sqlite3_bind_int64 (s->add_champion, 1, plan->id);
      sqlite3_bind_text (s->add_champion, 2, plan->since, -1, SQLITE_TRANSIENT);
      if (!ti_database_step_done (ctx->db, s->add_champion, error))
        return FALSE;
    }
  else if (g_strcmp0 (since, plan->since) != 0)
    {
      sqlite3_bind_text (s->set_since, 1, plan->since, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (s->set_since, 2, plan->id);
      if (!ti_database_step_done (ctx->db, s->set_since, error))
        return FALSE;
    }
  else
    return TRUE;
  if (plan->outcome == TI_IMPORT_UNCHANGED)
    plan->outcome = TI_IMPORT_UPDATED;
  return TRUE;
}

/* Two records about one person: the same twice is harmless, different is a conflict. */
static void
check_repeat (TiImportContext *ctx, GHashTable *seen, GArray *plans, Plan *plan)
{
  g_autofree char *email_key = plan->email ? ti_import_key (plan->email) : NULL;
  g_autofree char *name_key = ti_import_key (plan->name);
  g_autofree char *key = NULL;
  g_autofree char *person_key = NULL;
  const Plan *first;
  gpointer earlier;

  key = email_key != NULL
          ? g_strconcat ("@", email_key, NULL)
          : g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", plan->organisation_id, name_key);
  plan->signature = g_strdup_printf (
    "%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%d\x1f%s", plan->name,
    email_key ? email_key : "", plan->organisation_id, plan->job_title ? plan->job_title : "",
    plan->locality ? plan->locality : "", plan->champion, plan->since ? plan->since : "");
  earlier = g_hash_table_lookup (seen, key);
  if (earlier == NULL && plan->roster_id != 0)
    {
      /* Two different records may also match the same person, held or new. */
      person_key = g_strdup_printf ("#%" G_GINT64_FORMAT, plan->roster_id);
      earlier = g_hash_table_lookup (seen, person_key);
    }
  if (earlier == NULL)
    {
      g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (plans->len + 1));
      if (plan->roster_id != 0)
        g_hash_table_insert (seen, g_strdup_printf ("#%" G_GINT64_FORMAT, plan->roster_id),
                             GUINT_TO_POINTER (plans->len + 1));
      return;
    }

  first = &g_array_index (plans, Plan, GPOINTER_TO_UINT (earlier) - 1);
  plan->repeat = TRUE;
  if (g_str_equal (first->signature, plan->signature))
    return;
  if (plan->email != NULL && person_key == NULL)
    ti_import_problem (ctx, plan->row->line,
                       _ ("the %s “%s” is also on line %u, with different details; each person "
                          "may appear once"),
                       ti_import_column (ctx, PERSON_EMAIL), plan->email, first->row->line);
  else
    ti_import_problem (ctx, plan->row->line,
                       _ ("“%s” is also on line %u, with different details; each person may "
                          "appear once (give each their own %s if they are different people)"),
                       plan->name, first->row->line, ti_import_column (ctx, PERSON_EMAIL));
}

gboolean
ti_import_people_run (TiImportContext *ctx, GError **error)
{
  g_autoptr (GArray) plans = g_array_sized_new (FALSE, TRUE, sizeof (Plan), ctx->rows->len);
  g_autoptr (TiImportRoster) roster = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (Statements) s = { 0 };
  TiImportReport *report = ctx->report;
  gint64 n_new = 0;

  g_array_set_clear_func (plans, plan_clear);
  if (!statements_prepare (ctx, &s, error) || !(roster = ti_import_roster_load (ctx->db, error)))
    return FALSE;

  for (guint i = 0; i < ctx->rows->len; i++)
    {
      const TiImportRow *row = g_ptr_array_index (ctx->rows, i);
      const char *organisation = row->values[PERSON_ORGANISATION];
      Plan plan = { 0 };
      gboolean ok = plan_row (ctx, row, &plan);

      /* Checking is the first half of the work, writing the second. */
      if (!ti_import_step (ctx, i, 2 * ctx->rows->len, error))
        {
          plan_clear (&plan);
          return FALSE;
        }
      if (organisation != NULL)
        {
          plan.organisation_id = ti_import_organisation (ctx, roster, row, PERSON_ORGANISATION);
          ok &= plan.organisation_id != 0;
        }
      if (ok)
        {
          const TiImportWho who = { plan.name, plan.email, organisation, plan.organisation_id };

          ok = ti_import_roster_match (roster, ctx, row, &who, PERSON_EMAIL, &plan.roster_id,
                                       NULL);
        }
      if (!ok)
        {
          plan_clear (&plan);
          continue;
        }
      /* Someone new is in the roster from now on, as someone held is, so that a later record
       * matches them as it will when the same file is imported again (where it would find
       * two namesakes, say, and refuse the file the first import took). Such a record is a
       * repeat of the first, below: only the first is written. */
      if (plan.roster_id == 0)
        {
          plan.roster_id = -1 - n_new++;
          ti_import_roster_add (roster, plan.roster_id, plan.organisation_id, plan.name,
                                plan.email);
        }
      plan.id = MAX (plan.roster_id, 0);
      check_repeat (ctx, seen, plans, &plan);
      g_array_append_val (plans, plan);
    }
  if (report->problems->len > 0)
    return TRUE;

  for (guint i = 0; i < plans->len; i++)
    {
      Plan *plan = &g_array_index (plans, Plan, i);

      if (!ti_import_step (ctx, ctx->rows->len + i, 2 * ctx->rows->len, error))
        return FALSE;
      if (!plan->repeat
          && (!write_person (ctx, &s, plan, error) || !write_champion (ctx, &s, plan, error)))
        return FALSE;
      ti_import_count (ctx, plan->outcome);
    }
  return TRUE;
}
