/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define TI_DATABASE_ERROR (ti_database_error_quark ())

typedef enum
{
  TI_DATABASE_ERROR_MISSING,
  TI_DATABASE_ERROR_EXISTS,
  TI_DATABASE_ERROR_IS_DIRECTORY,
  TI_DATABASE_ERROR_UNREADABLE,
  TI_DATABASE_ERROR_EMPTY,
  TI_DATABASE_ERROR_NOT_SQLITE,
  TI_DATABASE_ERROR_TRUNCATED,
  TI_DATABASE_ERROR_DAMAGED,
  TI_DATABASE_ERROR_NOT_A_PROGRAMME,
  TI_DATABASE_ERROR_NEWER_VERSION,
  TI_DATABASE_ERROR_INVALID,
  TI_DATABASE_ERROR_FAILED,
  TI_DATABASE_ERROR_READ_ONLY,
} TiDatabaseError;

typedef enum
{
  TI_DATABASE_OPEN_DEFAULT = 0,
  TI_DATABASE_OPEN_CREATE = 1 << 0,    /* create the file when it does not exist */
  TI_DATABASE_OPEN_EXCLUSIVE = 1 << 1, /* with CREATE: refuse a file that exists */
  TI_DATABASE_OPEN_READ_ONLY = 1 << 2, /* a worker's reader, or a file we may not write;
                                        * never migrates */
} TiDatabaseOpenFlags;

#define TI_TYPE_DATABASE (ti_database_get_type ())
G_DECLARE_FINAL_TYPE (TiDatabase, ti_database, TI, DATABASE, GObject)

GQuark ti_database_error_quark (void);

TiDatabase *ti_database_open (const char *path, TiDatabaseOpenFlags flags, GError **error);
char *ti_database_get_default_path (void);
gboolean ti_database_is_writable (const char *path);
TiDatabase *ti_database_open_as_allowed (const char *path, TiDatabaseOpenFlags flags,
                                         GError **error);

const char *ti_database_get_path (TiDatabase *self);
void ti_database_set_busy_wait (TiDatabase *self, guint milliseconds);
sqlite3 *ti_database_get_handle (TiDatabase *self);
int ti_database_get_schema_version (TiDatabase *self);
const char *ti_database_get_backup_path (TiDatabase *self);

gboolean ti_database_exec (TiDatabase *self, const char *sql, GError **error);
sqlite3_stmt *ti_database_prepare (TiDatabase *self, const char *sql, GError **error);
gboolean ti_database_step_done (TiDatabase *self, sqlite3_stmt *stmt, GError **error);
gint64 ti_database_count (TiDatabase *self, const char *sql, GError **error);
const char *ti_database_column_text (sqlite3_stmt *stmt, int column);
guint64 ti_database_get_change_stamp (TiDatabase *self);
gint64 ti_database_count_with (TiDatabase *self, const char *sql, gint64 id, const char *text,
                               GError **error);
gboolean ti_database_begin (TiDatabase *self, GError **error);
gboolean ti_database_commit (TiDatabase *self, GError **error);
void ti_database_rollback (TiDatabase *self);
gboolean ti_database_snapshot_begin (TiDatabase *self, gboolean *started, GError **error);
void ti_database_snapshot_end (TiDatabase *self, gboolean started);
gboolean ti_database_end (TiDatabase *self, gboolean ok, GError **error);

gboolean ti_database_audit (TiDatabase *self, const char *action, const char *entity,
                            gint64 entity_id, const char *detail, GError **error);

gboolean ti_database_backup_to (TiDatabase *self, const char *dest_path, GError **error);
char *ti_database_check (TiDatabase *self, GError **error);
char *ti_database_describe_contents (TiDatabase *self, GError **error);

/* Reads with @db in a worker thread; returns a new object or pointer, or NULL with @error. */
typedef gpointer (*TiDatabaseReadFunc) (TiDatabase *db, gpointer data, GError **error);

void ti_database_read_async (const char *path, TiDatabaseReadFunc read, gpointer data,
                             GDestroyNotify data_free, GDestroyNotify result_free,
                             GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data);
gpointer ti_database_read_finish (GAsyncResult *result, GError **error);

gboolean ti_database_set_error_from_sqlite (TiDatabase *self, int rc, const char *doing,
                                            GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
