/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-import-private.h"

/*
 * Importing Tier 1 completions, one record a completion, as a Learning Centre or ACEs
 * online learning export lists them. The person is matched as every import matches people
 * (ti-import-roster.c); someone nobody holds is added to the organisation the record names.
 * A completion already held (the same person, source and date) is kept once, so a file
 * imported twice, or a record repeated within it, changes nothing. A person held is never
 * changed: their name, email and organisation are for the people import and the window.
 *
 * A monthly export can hold a quarter of a million records. Every record is checked first,
 * matched against the roster with no query, and nothing is written unless all are right;
 * then the people to add are written in the order of their emails and the completions in
 * the order of their unique key, so that each insert lands beside the one before it in the
 * indexes rather than anywhere in them, which more than halves the time SQLite takes.
 */

/* How many lines a warning lists before it only counts the rest. */
#define LINES_LISTED 10

/* Someone to add; records refer to them as -1 - their index until they have an id. */
typedef struct
{
  const char *name;
  const char *email; /* (nullable) */
  gint64 organisation_id;
  gint64 id;
} NewPerson;

typedef struct
{
  gint64 person_id; /* held (> 0), or a new person (< 0) */
  const char *source;
  char completed_on[11];
} Completion;

typedef struct
{
  TiImportContext *ctx;
  TiImportRoster *roster;
  GArray *people;      /* of NewPerson */
  GArray *completions; /* of Completion */
  GArray *renamed;     /* lines whose email is someone's held under another name */
  guint done;          /* steps of the progress: records checked, then rows written */
  guint steps;         /* at most */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->roster, ti_import_roster_free);
  g_clear_pointer (&import->people, g_array_unref);
  g_clear_pointer (&import->completions, g_array_unref);
  g_clear_pointer (&import->renamed, g_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* Checks what one record says on its own; the organisation's id, or 0 after a problem. */
static gint64
check_row (Import *import, const TiImportRow *row, char completed_on[11])
{
  TiImportContext *ctx = import->ctx;
  const char *const *v = (const char *const *)row->values;
  gint64 organisation_id = 0;
  gboolean ok = TRUE;

  ok &= ti_import_email (ctx, row, TIER1_EMAIL);
  ok &= ti_import_require (ctx, row, TIER1_ORGANISATION);
  ok &= ti_import_name_fits (ctx, row, TIER1_ORGANISATION);
  ok &= ti_import_require (ctx, row, TIER1_COMPLETED_ON);
  ok &= ti_import_date (ctx, row, TIER1_COMPLETED_ON, completed_on);
  if (v[TIER1_EMAIL] == NULL && v[TIER1_NAME] == NULL)
    {
      ti_import_problem (ctx, row->line,
                         _ ("the %s and the %s are both empty; a record must say who completed "
                            "the training"),
                         ti_import_column (ctx, TIER1_EMAIL), ti_import_column (ctx, TIER1_NAME));
      ok = FALSE;
    }
  if (v[TIER1_ORGANISATION] != NULL)
    organisation_id = ti_import_organisation (ctx, import->roster, row, TIER1_ORGANISATION);
  return ok ? organisation_id : 0;
}

/* Someone nobody holds: to be added, and in the roster now for later records. 0 after a
 * problem. */
static gint64
plan_person (Import *import, const TiImportRow *row, gint64 organisation_id)
{
  TiImportContext *ctx = import->ctx;
  NewPerson person = { row->values[TIER1_NAME], row->values[TIER1_EMAIL], organisation_id, 0 };
  gint64 id = -1 - (gint64)import->people->len;

  if (person.name == NULL)
    {
      ti_import_problem (ctx, row->line,
                         _ ("nobody in the programme has the %s “%s”, and the %s is empty; give "
                            "their name so that they can be added"),
                         ti_import_column (ctx, TIER1_EMAIL), person.email,
                         ti_import_column (ctx, TIER1_NAME));
      return 0;
    }
  g_array_append_val (import->people, person);
  ti_import_roster_add (import->roster, id, organisation_id, person.name, person.email);
  return id;
}

/* Checks every record, and plans the people and completions to write. */
static gboolean
check_rows (Import *import, GError **error)
{
  TiImportContext *ctx = import->ctx;

  for (guint i = 0; i < ctx->rows->len; i++)
    {
      const TiImportRow *row = g_ptr_array_index (ctx->rows, i);
      const char *const *v = (const char *const *)row->values;
      const char *held_name = NULL;
      Completion completion = { 0, v[TIER1_SOURCE] != NULL ? v[TIER1_SOURCE] : "", "" };
      TiImportWho who;

      if (!ti_import_step (ctx, import->done++, import->steps, error))
        return FALSE;
      who = (TiImportWho){ v[TIER1_NAME], v[TIER1_EMAIL], v[TIER1_ORGANISATION],
                           check_row (import, row, completion.completed_on) };
      if (who.organisation_id == 0
          || !ti_import_roster_match (import->roster, ctx, row, &who, TIER1_EMAIL,
                                      &completion.person_id, &held_name))
        continue;

      if (completion.person_id == 0)
        completion.person_id = plan_person (import, row, who.organisation_id);
      else if (who.name != NULL && g_ascii_strcasecmp (held_name, who.name) != 0)
        g_array_append_val (import->renamed, row->line);
      if (completion.person_id != 0)
        g_array_append_val (import->completions, completion);
    }
  return TRUE;
}

/* As the UNIQUE email index orders them (NOCASE); those without an email last. */
static int
compare_new_people (gconstpointer a, gconstpointer b)
{
  const NewPerson *pa = *(const NewPerson *const *)a;
  const NewPerson *pb = *(const NewPerson *const *)b;

  if (pa->email == NULL || pb->email == NULL)
    return (pa->email == NULL) - (pb->email == NULL);
  return g_ascii_strcasecmp (pa->email, pb->email);
}

/*
 * Rows are written thousands to a statement: "INSERT … VALUES (…), (…), …". Within one
 * statement SQLite keeps its cursors on the table and its indexes open where they were, so
 * rows in index order cost little more than appending them, and each page is put in the
 * statement journal once; a statement a row would search every index from its root again
 * for each row, and journal the same pages again and again.
 */
#define VALUES_PER_INSERT 24000 /* under SQLite's 32,766 parameters a statement */

/* A value to bind: text (which may be NULL) unless it is a number. */
typedef struct
{
  const char *text;
  gint64 number;
  gboolean is_number;
} Value;

typedef struct
{
  TiDatabase *db;
  const char *head; /* "INSERT INTO t (a, b) VALUES " */
  const char *tail; /* what follows the rows: "" or an ON CONFLICT clause */
  guint n_columns;
  guint n_rows;       /* a full statement's */
  sqlite3_stmt *full; /* for n_rows rows */
  GArray *values;     /* of Value: the rows not yet written */
  guint written;      /* rows the statements wrote (not those they left out) */
} Insert;

static void
insert_clear (Insert *insert)
{
  g_clear_pointer (&insert->full, sqlite3_finalize);
  g_clear_pointer (&insert->values, g_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Insert, insert_clear)

static sqlite3_stmt *
insert_prepare (Insert *insert, guint n_rows, GError **error)
{
  g_autoptr (GString) sql = g_string_new (insert->head);

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r > 0 ? ", (" : "(");
      for (guint c = 0; c < insert->n_columns; c++)
        g_string_append (sql, c > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, insert->tail);
  return ti_database_prepare (insert->db, sql->str, error);
}

/* @total: how many rows there will be, at most, so that a small import prepares a small
 * statement */
static gboolean
insert_init (Insert *insert, TiDatabase *db, const char *head, guint n_columns, const char *tail,
             guint total, GError **error)
{
  *insert = (Insert){ db, head, tail, n_columns };
  insert->n_rows = CLAMP (total, 1, VALUES_PER_INSERT / n_columns);
  insert->values = g_array_sized_new (FALSE, FALSE, sizeof (Value), insert->n_rows * n_columns);
  insert->full = insert_prepare (insert, insert->n_rows, error);
  return insert->full != NULL;
}

/* Adds the next value of the row being added; text must live until the insert is flushed. */
static void
insert_text (Insert *insert, const char *text)
{
  Value value = { text, 0, FALSE };

  g_array_append_val (insert->values, value);
}

static void
insert_number (Insert *insert, gint64 number)
{
  Value value = { NULL, number, TRUE };

  g_array_append_val (insert->values, value);
}

/* Writes the rows added: a full statement, or at the end the rest through one made for them. */
static gboolean
insert_flush (Insert *insert, GError **error)
{
  g_autoptr (sqlite3_stmt) rest = NULL;
  sqlite3_stmt *stmt = insert->full;
  guint n_rows = insert->values->len / insert->n_columns;
  gboolean ok;

  if (n_rows == 0)
    return TRUE;
  if (n_rows < insert->n_rows && !(stmt = rest = insert_prepare (insert, n_rows, error)))
    return FALSE;
  for (guint i = 0; i < insert->values->len; i++)
    {
      const Value *value = &g_array_index (insert->values, Value, i);

      if (value->is_number)
        sqlite3_bind_int64 (stmt, i + 1, value->number);
      else if (value->text != NULL)
        sqlite3_bind_text (stmt, i + 1, value->text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, i + 1);
    }
  ok = ti_database_step_done (insert->db, stmt, error);
  insert->written += sqlite3_changes (ti_database_get_handle (insert->db));
  g_array_set_size (insert->values, 0);
  return ok;
}

/* The row is complete: written once there are enough for a statement. */
static gboolean
insert_row (Insert *insert, GError **error)
{
  if (insert->values->len < insert->n_rows * insert->n_columns)
    return TRUE;
  return insert_flush (insert, error);
}

static gboolean
write_people (Import *import, GError **error)
{
  TiImportContext *ctx = import->ctx;
  GArray *people = import->people;
  g_auto (Insert) insert = { 0 };
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree NewPerson **order = g_new (NewPerson *, people->len + 1);
  g_autoptr (GError) local = NULL;
  gint64 id = ti_database_count (ctx->db, "SELECT max(id) FROM people", &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* SQLite never gives an id this large; a damaged or hand-edited file may hold one, and
   * counting on from it would overflow. */
  if (id > G_MAXINT64 - (gint64)people->len)
    {
      g_autofree char *display = g_filename_display_basename (ti_database_get_path (ctx->db));

      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_DAMAGED,
                   _ ("“%s” is damaged: a person in it has an id too large to add anyone after. "
                      "Restore it from a backup."),
                   display);
      return FALSE;
    }
  /* The ids are given, one after the largest held, so each new person's is known without
   * asking; the transaction holds the file, so nobody adds anyone meanwhile. The time is
   * given once, rather than the columns' default computing it for every person. */
  if (!insert_init (&insert, ctx->db,
                    "INSERT INTO people (id, name, email, organisation_id, created_at,"
                    " updated_at) VALUES ",
                    6, "", people->len, error))
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    order[i] = &g_array_index (people, NewPerson, i);
  qsort (order, people->len, sizeof *order, compare_new_people);

  for (guint i = 0; i < people->len; i++)
    {
      NewPerson *person = order[i];

      if (!ti_import_step (ctx, import->done++, import->steps, error))
        return FALSE;
      person->id = ++id;
      insert_number (&insert, person->id);
      insert_text (&insert, person->name);
      insert_text (&insert, person->email);
      insert_number (&insert, person->organisation_id);
      insert_text (&insert, created);
      insert_text (&insert, created);
      if (!insert_row (&insert, error))
        return FALSE;
    }
  if (!insert_flush (&insert, error))
    return FALSE;
  ctx->report->people_added = people->len;
  return TRUE;
}

/* As the UNIQUE (person_id, source, completed_on) index orders them. */
static int
compare_completions (gconstpointer a, gconstpointer b)
{
  const Completion *ca = a;
  const Completion *cb = b;
  int by_source;

  if (ca->person_id != cb->person_id)
    return ca->person_id < cb->person_id ? -1 : 1;
  by_source = strcmp (ca->source, cb->source);
  return by_source != 0 ? by_source : strcmp (ca->completed_on, cb->completed_on);
}

static gboolean
write_completions (Import *import, GError **error)
{
  TiImportContext *ctx = import->ctx;
  GArray *completions = import->completions;
  g_auto (Insert) insert = { 0 };
  const Completion *previous = NULL;

  if (!insert_init (
        &insert, ctx->db, "INSERT INTO tier1_completions (person_id, completed_on, source) VALUES ",
        3, " ON CONFLICT (person_id, source, completed_on) DO NOTHING", completions->len, error))
    return FALSE;
  for (guint i = 0; i < completions->len; i++)
    {
      Completion *completion = &g_array_index (completions, Completion, i);

      if (completion->person_id < 0)
        completion->person_id
          = g_array_index (import->people, NewPerson, -1 - completion->person_id).id;
    }
  g_array_sort (completions, compare_completions);

  for (guint i = 0; i < completions->len; i++)
    {
      const Completion *completion = &g_array_index (completions, Completion, i);

      if (!ti_import_step (ctx, import->done++, import->steps, error))
        return FALSE;
      /* The same completion again in the file: one is enough. */
      if (previous != NULL && compare_completions (previous, completion) == 0)
        continue;
      previous = completion;
      insert_number (&insert, completion->person_id);
      insert_text (&insert, completion->completed_on);
      insert_text (&insert, completion->source);
      if (!insert_row (&insert, error))
        return FALSE;
    }
  if (!insert_flush (&insert, error))
    return FALSE;
  /* What the conflict clause left out was held already. */
  ctx->report->added = insert.written;
  ctx->report->unchanged = completions->len - insert.written;
  return TRUE;
}

/* The email is the person's: a different name with it is worth a look (a shared inbox, a
 * typing slip), not a reason to refuse the file. */
static void
warn_renamed (Import *import)
{
  TiImportContext *ctx = import->ctx;
  g_autoptr (GString) lines = g_string_new (NULL);
  guint n = import->renamed->len;

  if (n == 0)
    return;
  for (guint i = 0; i < MIN (n, LINES_LISTED); i++)
    g_string_append_printf (lines, "%s%u", i > 0 ? ", " : "",
                            g_array_index (import->renamed, guint, i));
  if (n > LINES_LISTED)
    {
      g_autofree char *more = ti_format_count (n - LINES_LISTED);

      /* Translators: after a list of line numbers, how many more there are. */
      g_string_append_printf (lines, _ (" and %s more"), more);
    }
  g_ptr_array_add (ctx->report->warnings,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "on line %s the %s belongs to someone "
                                                 "under another name; the completion was "
                                                 "recorded for them, under the name they "
                                                 "already had.",
                                                 "on lines %s the %s belongs to someone "
                                                 "under another name; the completions were "
                                                 "recorded for them, under the name they "
                                                 "already had.",
                                                 n),
                                    lines->str,
                                    ti_import_column (ctx, TIER1_EMAIL)));
}

gboolean
ti_import_tier1_run (TiImportContext *ctx, GError **error)
{
  g_auto (Import) import = { .ctx = ctx };

  import.people = g_array_new (FALSE, FALSE, sizeof (NewPerson));
  import.completions = g_array_sized_new (FALSE, FALSE, sizeof (Completion), ctx->rows->len);
  import.renamed = g_array_new (FALSE, FALSE, sizeof (guint));
  /* Each record is checked, then written as at most one person and one completion. */
  import.steps = 3 * ctx->rows->len;
  if (!(import.roster = ti_import_roster_load (ctx->db, error)) || !check_rows (&import, error))
    return FALSE;
  warn_renamed (&import);
  if (ctx->report->problems->len > 0)
    return TRUE;

  return write_people (&import, error) && write_completions (&import, error);
}
