/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ti-backups.h"
#include "ti-database-private.h"
#include "ti-database.h"
#include "ti-defaults.h"
#include "ti-format.h"
#include "ti-schema.h"

/**
 * TiDatabase:
 *
 * One programme file: a SQLite database whose schema is migrated to the current version
 * on open. Every file that is not a healthy programme is refused before anything in it
 * changes, with a sentence that names the file and the problem.
 */
struct _TiDatabase
{
  GObject parent_instance;

  char *path;
  char *backup_path; /* the backup made before the last migration, if any */
  sqlite3 *db;
  int schema_version;
  gboolean writing; /* inside a write transaction begun with ti_database_begin() */
};

G_DEFINE_TYPE (TiDatabase, ti_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (ti-database-error-quark, ti_database_error)

#define SQLITE_HEADER "SQLite format 3"
#define SQLITE_HEADER_SIZE 100

/* Write transactions begun with ti_database_begin() and not yet ended, on every connection of
 * this process: a change that finds the file busy while another of them is open is waiting
 * for the app's own work (an import), not for another program. */
static gint own_writes;

void
ti_database_note_write (TiDatabase *self, gboolean writing)
{
  if (self->writing == writing)
    return;
  self->writing = writing;
  if (writing)
    g_atomic_int_inc (&own_writes);
  else
    g_atomic_int_add (&own_writes, -1);
}

static void
ti_database_finalize (GObject *object)
{
  TiDatabase *self = TI_DATABASE (object);

  ti_database_note_write (self, FALSE);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (ti_database_parent_class)->finalize (object);
}

static void
ti_database_class_init (TiDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ti_database_finalize;
}

static void
ti_database_init (TiDatabase *self)
{
}

/**
 * ti_database_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/org.somerset.TraumaInformed/programme.sqlite`
 */
char *
ti_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "programme.sqlite", NULL);
}

const char *
ti_database_problem_in_words (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      return _("the file is damaged");
    case SQLITE_NOTADB:
      return _("the file is not a SQLite database");
    case SQLITE_FULL:
      return _("the disk is full");
    case SQLITE_READONLY:
      return _("the file cannot be written to");
    case SQLITE_CANTOPEN:
      return _("the file cannot be opened");
    case SQLITE_IOERR:
      return _("the file could not be read or written");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _("another program is using the file");
    case SQLITE_CONSTRAINT:
      return _("the change would break a rule of the programme");
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return _("permission was refused");
    default:
      return sqlite3_errstr (rc);
    }
}

static int
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      return TI_DATABASE_ERROR_DAMAGED;
    case SQLITE_NOTADB:
      return TI_DATABASE_ERROR_NOT_SQLITE;
    case SQLITE_CONSTRAINT:
      return TI_DATABASE_ERROR_INVALID;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return TI_DATABASE_ERROR_UNREADABLE;
    default:
      return TI_DATABASE_ERROR_FAILED;
    }
}

/**
 * ti_database_set_error_from_sqlite:
 * @doing: what was being done, as a phrase ("saving the session")
 *
 * Sets @error to a sentence naming the file, what was being done and the problem.
 *
 * Returns: %FALSE, so callers can `return ti_database_set_error_from_sqlite (…)`.
 */
gboolean
ti_database_set_error_from_sqlite (TiDatabase *self, int rc, const char *doing, GError **error)
{
  g_autofree char *display = g_filename_display_basename (self->path);
  const char *detail = self->db ? sqlite3_errmsg (self->db) : NULL;

  /* A programme opened read-only (its file or folder may not be written) refuses each change
   * in the same words, whatever the change was. */
  if ((rc & 0xff) == SQLITE_READONLY && self->db != NULL
      && sqlite3_db_readonly (self->db, "main") == 1)
    g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_READ_ONLY,
                 _("This programme is read-only: “%s” can be read here but not changed, so the "
                   "change was not saved. Save a copy to work on it."),
                 display);
  else if ((rc & 0xff) == SQLITE_BUSY && g_atomic_int_get (&own_writes) > (self->writing ? 1 : 0))
    g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_FAILED,
                 _("Could not finish %s in “%s”: the programme is still saving another change "
                   "(an import, or a change to many records). Try again in a moment."),
                 doing, display);
  else if ((rc & 0xff) == SQLITE_CONSTRAINT && detail != NULL)
    g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_INVALID,
                 _("Could not finish %s in “%s”: %s (%s)."), doing, display,
                 ti_database_problem_in_words (rc), detail);
  else
    g_set_error (error, TI_DATABASE_ERROR, error_code_for_sqlite (rc),
                 _("Could not finish %s in “%s”: %s."), doing, display,
                 ti_database_problem_in_words (rc));
  return FALSE;
}

/* Reads the first bytes through SQLite's own file layer. Opening and closing the file with
 * open()/close() would drop every POSIX lock this process holds on it, the window's
 * connection's included: another process would then take the programme for unused, and
 * checkpoint and delete the write-ahead log under it. SQLite's layer defers that close (and
 * ti-database-locks.c keeps the locks out of reach of any other code's close). */
static gssize
read_header (const char *path, guint8 header[SQLITE_HEADER_SIZE], const GStatBuf *st,
             GError **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3_vfs *vfs = sqlite3_vfs_find (NULL);
  g_autofree char *full_path = g_malloc0 (vfs->mxPathname + 1);
  g_autofree sqlite3_file *file = g_malloc0 (vfs->szOsFile);
  gsize wanted = MIN ((gsize) st->st_size, (gsize) SQLITE_HEADER_SIZE);
  int flags = SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_READONLY;
  int rc;

  rc = vfs->xFullPathname (vfs, path, vfs->mxPathname + 1, full_path);
  if (rc == SQLITE_OK)
    {
      errno = 0;
      rc = vfs->xOpen (vfs, full_path, file, flags, &flags);
    }
  if (rc != SQLITE_OK)
    {
      int saved = errno;
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_UNREADABLE,
                   _("“%s” cannot be read: %s."), display,
                   saved != 0 ? g_strerror (saved) : ti_database_problem_in_words (rc));
      return -1;
    }

  memset (header, 0, SQLITE_HEADER_SIZE);
  rc = wanted > 0 ? file->pMethods->xRead (file, header, wanted, 0) : SQLITE_OK;
  file->pMethods->xClose (file);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_UNREADABLE,
                   _("“%s” cannot be read: %s."), display, ti_database_problem_in_words (rc));
      return -1;
    }
  return wanted;
}

/* Looks at the file itself before SQLite does, so that every refusal is a sentence and
 * nothing is written to a file that is not ours. */
static gboolean
check_file_before_open (const char *path, TiDatabaseOpenFlags flags, gboolean *out_exists,
                        GError **error)
{
  g_autofree char *display = g_filename_display_name (path);
  guint8 header[SQLITE_HEADER_SIZE];
  GStatBuf st;
  gssize n;

  *out_exists = FALSE;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT && (flags & TI_DATABASE_OPEN_CREATE))
        return TRUE;
      if (saved == ENOENT)
        g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_MISSING,
                     _("There is no programme file at “%s”."), display);
      else
        g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_UNREADABLE,
                     _("“%s” cannot be opened: %s."), display, g_strerror (saved));
      return FALSE;
    }

  *out_exists = TRUE;

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a programme file."), display);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_NOT_SQLITE,
                   _("“%s” is not an ordinary file, so it cannot be a programme file."), display);
      return FALSE;
    }
  if ((flags & TI_DATABASE_OPEN_CREATE) && (flags & TI_DATABASE_OPEN_EXCLUSIVE))
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_EXISTS,
                   _("“%s” already exists; it was left as it is. Choose a new file name."),
                   display);
      return FALSE;
    }

  n = read_header (path, header, &st, error);
  if (n < 0)
    return FALSE;

  if (st.st_size == 0)
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_EMPTY,
                   _("“%s” is empty: it is not a programme file."), display);
      return FALSE;
    }
  if (n < (ssize_t) sizeof SQLITE_HEADER || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_NOT_SQLITE,
                   _("“%s” is not a programme file: it is not a SQLite database."), display);
      return FALSE;
    }
  if (n < SQLITE_HEADER_SIZE)
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_TRUNCATED,
                   _("“%s” is truncated: the file ends inside its own header."), display);
      return FALSE;
    }
  else
    {
      /* The header's page count is valid when the change counter matches "version-valid-for". */
      guint32 page_size = (header[16] << 8) | header[17];
      guint32 page_count = GUINT32_FROM_BE (*(guint32 *) (header + 28));
      guint32 change_counter = GUINT32_FROM_BE (*(guint32 *) (header + 24));
      guint32 valid_for = GUINT32_FROM_BE (*(guint32 *) (header + 92));
      g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
      GStatBuf wal_st;
      guint64 in_wal = 0;

      if (page_size == 1)
        page_size = 65536;
      /* SQLite reads nothing of a file whose page size is not a power of two from 512 to
       * 65536; without this the page count below would call it truncated. */
      if (page_size < 512 || (page_size & (page_size - 1)) != 0)
        {
          g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_DAMAGED,
                       _("“%s” is damaged: its header is broken, so none of it can be read. "
                         "Restore it from a backup."),
                       display);
          return FALSE;
        }
      /* A checkpoint copies the write-ahead log's pages in page order: the first page, with
       * the new length, before the pages that lengthen the file. Stopped in between (a kill,
       * or another process checkpointing right now), the file is shorter than its header
       * says, and the log, kept until the copy is complete, holds the rest. */
      if (g_stat (wal_path, &wal_st) == 0 && S_ISREG (wal_st.st_mode))
        in_wal = wal_st.st_size;
      if (page_count > 0 && change_counter == valid_for
          && (guint64) st.st_size + in_wal < (guint64) page_size * page_count)
        {
          g_autofree char *has = ti_format_count (st.st_size);
          g_autofree char *should = ti_format_count ((gint64) page_size * page_count);

          g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_TRUNCATED,
                       _("“%s” is truncated: it holds %s bytes of the %s it should. Restore it "
                         "from a backup."),
                       display, has, should);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
create_private_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_UNREADABLE,
                   _("Could not create the folder for “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }

  /* SQLite would create the file 0644; people's names are personal data. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, TI_DATABASE_ERROR,
                   saved == EEXIST ? TI_DATABASE_ERROR_EXISTS : TI_DATABASE_ERROR_UNREADABLE,
                   _("Could not create “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }
  fchmod (fd, 0600);
  close (fd);
  return TRUE;
}

static gboolean
query_int (TiDatabase *self, const char *sql, int *out_value, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (self, rc, _("reading the programme"), error);

  *out_value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
run_migrations (TiDatabase *self, int from_version, GError **error)
{
  const TiMigration *migrations;
  guint n_migrations;

  migrations = ti_schema_get_migrations (&n_migrations);

  for (guint i = 0; i < n_migrations; i++)
    {
      const TiMigration *m = &migrations[i];
      g_autofree char *set_version = NULL;
      g_autofree char *detail = NULL;

      if (m->version <= from_version)
        continue;

      if (!ti_database_begin (self, error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d", m->version);
      if (!ti_database_exec (self, m->sql, error) || !ti_database_exec (self, set_version, error))
        {
          ti_database_rollback (self);
          g_prefix_error (error, _("The programme could not be brought up to version %d: "),
                          m->version);
          return FALSE;
        }

      detail = g_strdup_printf ("schema version %d: %s", m->version, m->summary);
      if (m->version >= 2 && from_version > 0
          && !ti_database_audit (self, "migrate", "schema", m->version, detail, error))
        {
          ti_database_rollback (self);
          return FALSE;
        }

      if (!ti_database_commit (self, error))
        {
          ti_database_rollback (self);
          return FALSE;
        }
      self->schema_version = m->version;
    }

  return TRUE;
}

static gboolean
create_schema (TiDatabase *self, GError **error)
{
  g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id = %d", TI_SCHEMA_APPLICATION_ID);

  if (!ti_database_exec (self, "PRAGMA journal_mode = WAL", error)
      || !ti_database_exec (self, set_id, error)
      || !run_migrations (self, 0, error))
    return FALSE;

  if (!ti_database_begin (self, error))
    return FALSE;
  if (!ti_defaults_seed (self, error) || !ti_database_commit (self, error))
    {
      ti_database_rollback (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_identity (TiDatabase *self, int *out_version, gboolean *out_blank, GError **error)
{
  g_autofree char *display = g_filename_display_name (self->path);
  int application_id = 0;
  int n_tables = 0;
  int version = 0;

  /* The first real read: a damaged or foreign file answers here. */
  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error)
      || !query_int (self, "PRAGMA application_id", &application_id, error)
      || !query_int (self, "PRAGMA user_version", &version, error))
    {
      g_autoptr (GError) local = g_steal_pointer (error);
      int code = local->code;

      if (code == TI_DATABASE_ERROR_NOT_SQLITE)
        g_set_error (error, TI_DATABASE_ERROR, code,
                     _("“%s” is not a programme file: it is not a SQLite database."), display);
      else if (code == TI_DATABASE_ERROR_DAMAGED)
        g_set_error (error, TI_DATABASE_ERROR, code,
                     _("“%s” is damaged and cannot be read. Restore it from a backup."), display);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  *out_blank = (n_tables == 0 && application_id == 0 && version == 0);
  *out_version = version;

  if (*out_blank)
    return TRUE;

  if (application_id != TI_SCHEMA_APPLICATION_ID)
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_NOT_A_PROGRAMME,
                   _("“%s” is a SQLite database, but not a Trauma Informed Somerset programme."),
                   display);
      return FALSE;
    }
  if (version > ti_schema_get_current_version ())
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Trauma Informed Somerset (programme "
                     "format %d; this version reads up to %d). It was left unchanged: open it "
                     "with the newer version."),
                   display, version, ti_schema_get_current_version ());
      return FALSE;
    }
  if (version < 1)
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_DAMAGED,
                   _("“%s” is damaged: it has no programme format version. Restore it from a "
                     "backup."),
                   display);
      return FALSE;
    }
  return TRUE;
}

/**
 * ti_database_is_writable:
 * @path: a programme file
 *
 * Whether this process may write the programme and the files SQLite keeps beside it (its
 * write-ahead log); a file that does not exist yet counts as writable (it is created, or
 * refused as missing). A programme that is not is opened with %TI_DATABASE_OPEN_READ_ONLY.
 */
gboolean
ti_database_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

/**
 * ti_database_open_as_allowed:
 * @path: the programme file
 * @flags: how to open it when it may be written
 *
 * Opens @path with @flags when this process may write it (see ti_database_is_writable()), and
 * with %TI_DATABASE_OPEN_READ_ONLY when not, so that a programme nobody may change is still
 * read, checked and exported.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL with @error set to a sentence
 */
TiDatabase *
ti_database_open_as_allowed (const char *path, TiDatabaseOpenFlags flags, GError **error)
{
  return ti_database_open (path, ti_database_is_writable (path) ? flags
                                                                 : TI_DATABASE_OPEN_READ_ONLY,
                           error);
}

/* The name a reader opens @path by: a URI. In a folder that cannot be written to, SQLite
 * cannot make the index of the write-ahead log beside the file, and would refuse to read it;
 * without a log there, the file is read as one nobody changes (immutable), which it is, as
 * nobody can write beside it either. */
static char *
read_only_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *dir = g_path_get_dirname (absolute);
  g_autofree char *wal = g_strconcat (absolute, "-wal", NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

  if (uri == NULL)
    return g_strdup (path);
  if (g_access (dir, W_OK) != 0 && !g_file_test (wal, G_FILE_TEST_EXISTS))
    return g_strconcat (uri, "?immutable=1", NULL);
  return g_steal_pointer (&uri);
}

/**
 * ti_database_open:
 * @path: the programme file
 * @flags: whether to create it, and how
 *
 * Opens (or creates) a programme file, migrating an older one after a backup.
 *
 * Returns: (transfer full) (nullable): the database, or %NULL with @error set to a sentence
 */
TiDatabase *
ti_database_open (const char *path, TiDatabaseOpenFlags flags, GError **error)
{
  g_autoptr (TiDatabase) self = NULL;
  gboolean exists = FALSE;
  gboolean blank = FALSE;
  gboolean read_only = (flags & TI_DATABASE_OPEN_READ_ONLY) != 0;
  g_autofree char *name = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* Before any connection: so that a file chooser showing this folder cannot drop them. */
  ti_database_keep_own_locks ();

  if (!check_file_before_open (path, flags, &exists, error))
    return NULL;
  if (!exists && !create_private_file (path, error))
    return NULL;

  self = g_object_new (TI_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  name = read_only ? read_only_uri (path) : g_strdup (path);
  rc = sqlite3_open_v2 (name, &self->db,
                        (read_only ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE)
                          | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      ti_database_set_error_from_sqlite (self, rc, _("opening the programme"), error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 0);
  ti_database_set_busy_wait (self, 5000);

  if (!check_identity (self, &version, &blank, error))
    return NULL;

  if (!ti_database_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (blank)
    {
      if (read_only || exists)
        {
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_NOT_A_PROGRAMME,
                       _("“%s” is an empty SQLite database, not a programme file."), display);
          return NULL;
        }
      if (!create_schema (self, error))
        {
          g_clear_pointer (&self->db, sqlite3_close_v2);
          g_unlink (path);
          return NULL;
        }
      return g_steal_pointer (&self);
    }

  self->schema_version = version;

  if (version < ti_schema_get_current_version ())
    {
      if (read_only)
        {
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_FAILED,
                       _("“%s” needs updating before it can be read here."), display);
          return NULL;
        }
      self->backup_path
        = ti_backups_path_for (path, TI_BACKUP_BEFORE_MIGRATION, version, NULL);
      if (!ti_database_backup_to (self, self->backup_path, error))
        {
          g_prefix_error (error, _("The programme was not updated, because no backup could be "
                                   "made first. "));
          return NULL;
        }
      if (!run_migrations (self, version, error))
        return NULL;
    }

  if (!read_only && !ti_database_exec (self, "PRAGMA journal_mode = WAL", error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ti_database_set_busy_wait:
 * @milliseconds: how long a statement waits for a lock another connection holds
 *
 * A connection opened here waits up to five seconds for a lock, then its statement fails with
 * "another program is using the file". The window's connection, which the main loop waits on,
 * waits less: the window keeps drawing, and the person is told at once.
 */
void
ti_database_set_busy_wait (TiDatabase *self, guint milliseconds)
{
  g_return_if_fail (TI_IS_DATABASE (self));

  sqlite3_busy_timeout (self->db, (int) MIN (milliseconds, (guint) G_MAXINT));
}

const char *
ti_database_get_path (TiDatabase *self)
{
  g_return_val_if_fail (TI_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
ti_database_get_handle (TiDatabase *self)
{
  g_return_val_if_fail (TI_IS_DATABASE (self), NULL);
  return self->db;
}

int
ti_database_get_schema_version (TiDatabase *self)
{
  g_return_val_if_fail (TI_IS_DATABASE (self), 0);
  return self->schema_version;
}

/**
 * ti_database_get_backup_path:
 *
 * Returns: (nullable): the backup made before this open migrated the file, if it did
 */
const char *
ti_database_get_backup_path (TiDatabase *self)
{
  g_return_val_if_fail (TI_IS_DATABASE (self), NULL);
  return self->backup_path;
}
