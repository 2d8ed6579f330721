/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-import-private.h"

/*
 * Who a record is about, the same way for every import that names people: by email
 * (whatever its case), else by name within the organisation. The programme's organisations
 * and people are read once into hash tables, so matching a record costs no query; an
 * import that adds people as it goes tells the roster, and later records match them too.
 * Keys fold case as SQLite's NOCASE does (ASCII only), so the roster and the UNIQUE email
 * index agree on what is the same.
 */

typedef struct
{
  gint64 id;
  const char *name; /* in the roster's chunk */
  gboolean has_email;
} Person;

/* The people of one name in one organisation. */
typedef struct
{
  guint n;
  guint n_without_email;
  const Person *first;
  const Person *first_without_email;
} Namesakes;

struct _TiImportRoster
{
  GHashTable *organisations; /* folded name → gint64 id */
  GHashTable *by_email;      /* folded email → Person */
  GHashTable *by_name;       /* organisation id, folded name → Namesakes */
  GStringChunk *strings;     /* the keys and names */
  GPtrArray *people;         /* owns the Person records */
  GString *scratch;          /* a key being looked up */
};

/* Folds into the scratch buffer, no allocation for a look-up; a name is keyed after its
 * organisation's id, in hex. Called several times a record, so no printf. */
static const char *
fold (TiImportRoster *self, gint64 organisation_id, const char *text)
{
  g_string_truncate (self->scratch, 0);
  for (guint64 rest = (guint64)organisation_id; rest != 0; rest >>= 4)
    g_string_append_c (self->scratch, "0123456789abcdef"[rest & 0xf]);
  if (organisation_id != 0)
    g_string_append_c (self->scratch, '\x1f');
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (self->scratch, g_ascii_tolower (*p));
  return self->scratch->str;
}

void
ti_import_roster_free (TiImportRoster *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->organisations);
  g_hash_table_unref (self->by_email);
  g_hash_table_unref (self->by_name);
  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->people);
  g_string_free (self->scratch, TRUE);
  g_free (self);
}

/**
 * ti_import_roster_load:
 *
 * Reads the programme's organisations and people.
 *
 * Returns: (transfer full) (nullable): the roster, or %NULL with @error set
 */
TiImportRoster *
ti_import_roster_load (TiDatabase *db, GError **error)
{
  g_autoptr (TiImportRoster) self = g_new0 (TiImportRoster, 1);
  g_autoptr (sqlite3_stmt) organisations = NULL;
  g_autoptr (sqlite3_stmt) people = NULL;
  int rc;

  self->organisations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->by_email = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->strings = g_string_chunk_new (64 * 1024);
  self->people = g_ptr_array_new_with_free_func (g_free);
  self->scratch = g_string_sized_new (256);

  organisations = ti_database_prepare (db, "SELECT id, name FROM organisations", error);
  if (organisations == NULL)
    return NULL;
  while ((rc = sqlite3_step (organisations)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (organisations, 0);
      const char *key = fold (self, 0, (const char *)sqlite3_column_text (organisations, 1));

      g_hash_table_insert (self->organisations, g_string_chunk_insert (self->strings, key),
                           g_memdup2 (&id, sizeof id));
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _ ("reading the organisations"), error);
      return NULL;
    }

  people = ti_database_prepare (db, "SELECT id, organisation_id, name, email FROM people", error);
  if (people == NULL)
    return NULL;
  while ((rc = sqlite3_step (people)) == SQLITE_ROW)
    ti_import_roster_add (self, sqlite3_column_int64 (people, 0), sqlite3_column_int64 (people, 1),
                          (const char *)sqlite3_column_text (people, 2),
                          (const char *)sqlite3_column_text (people, 3));
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _ ("reading the people"), error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * ti_import_roster_organisation:
 *
 * Returns: the id of the organisation called @name (whatever its case), or 0
 */
gint64
ti_import_roster_organisation (TiImportRoster *self, const char *name)
{
  const gint64 *id = g_hash_table_lookup (self->organisations, fold (self, 0, name));

  return id != NULL ? *id : 0;
}

/**
 * ti_import_organisation:
 * @field: the kind's organisation field, which the record fills
 *
 * Returns: the id of the organisation the record names, or 0 after a problem: it must be
 *   in the programme already
 */
gint64
ti_import_organisation (TiImportContext *ctx, TiImportRoster *roster, const TiImportRow *row,
                        guint field)
{
  const char *name = row->values[field];
  gint64 id = ti_import_roster_organisation (roster, name);

  if (id == 0)
    ti_import_problem (ctx, row->line,
                       _ ("the %s “%s” is not in the programme; import it with the "
                          "organisations first, or add it in the window"),
                       ti_import_column (ctx, field), name);
  return id;
}

/**
 * ti_import_roster_add:
 * @organisation_id: 0 for none
 * @email: (nullable)
 *
 * Adds a person, held or just added by the import, for later records to match.
 */
void
ti_import_roster_add (TiImportRoster *self, gint64 id, gint64 organisation_id, const char *name,
                      const char *email)
{
  Person *person = g_new (Person, 1);
  Namesakes *namesakes;

  person->id = id;
  person->name = g_string_chunk_insert (self->strings, name);
  person->has_email = email != NULL;
  g_ptr_array_add (self->people, person);

  if (email != NULL)
    g_hash_table_insert (self->by_email,
                         g_string_chunk_insert (self->strings, fold (self, 0, email)), person);
  if (organisation_id == 0)
    return;

  namesakes = g_hash_table_lookup (self->by_name, fold (self, organisation_id, name));
  if (namesakes == NULL)
    {
      namesakes = g_new0 (Namesakes, 1);
      g_hash_table_insert (self->by_name, g_string_chunk_insert (self->strings, self->scratch->str),
                           namesakes);
    }
  if (namesakes->n++ == 0)
    namesakes->first = person;
  if (!person->has_email && namesakes->n_without_email++ == 0)
    namesakes->first_without_email = person;
}

/**
 * ti_import_roster_match:
 * @who: what the record says of the person
 * @email_field: the kind's email field, to name it in a problem
 * @id: (out): the person, or 0 for nobody held
 * @held_name: (out) (optional) (transfer none): the matched person's name as held
 *
 * Finds whom a record is about. A record with an email is that email's person; an email
 * nobody has may still be the one person of that name in the organisation who has no email
 * yet. A record without one is the person of that name in the organisation; when there are
 * several, it cannot say which, and that is a problem on its line.
 *
 * Returns: %FALSE after a problem
 */
gboolean
ti_import_roster_match (TiImportRoster *self, TiImportContext *ctx, const TiImportRow *row,
                        const TiImportWho *who, guint email_field, gint64 *id,
                        const char **held_name)
{
  const char *email = who->email;
  const char *name = who->name;
  const Person *person = NULL;
  const Namesakes *namesakes = NULL;

  if (email != NULL)
    person = g_hash_table_lookup (self->by_email, fold (self, 0, email));
  if (person == NULL && name != NULL)
    namesakes = g_hash_table_lookup (self->by_name, fold (self, who->organisation_id, name));

  if (person == NULL && namesakes != NULL && email != NULL)
    /* Only one of that name without an email can be told apart; else a new person. */
    person = namesakes->n_without_email == 1 ? namesakes->first_without_email : NULL;
  else if (person == NULL && namesakes != NULL && namesakes->n > 1)
    {
      *id = 0;
      ti_import_problem (ctx, row->line,
                         _ ("more than one person called “%s” works at “%s”; give an %s to "
                            "say which"),
                         name, who->organisation, ti_import_column (ctx, email_field));
      return FALSE;
    }
  else if (person == NULL && namesakes != NULL)
    person = namesakes->first;

  *id = person != NULL ? person->id : 0;
  if (held_name != NULL)
    *held_name = person != NULL ? person->name : NULL;
  return TRUE;
}
