/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"

G_BEGIN_DECLS

/**
 * TiBackupReason:
 * @TI_BACKUP_DAILY: the first opening of a day
 * @TI_BACKUP_BEFORE_IMPORT: just before an import changed the programme
 * @TI_BACKUP_BEFORE_MIGRATION: before the programme was updated to a newer format
 * @TI_BACKUP_BEFORE_RESTORE: the programme as it was when a backup was restored over it
 * @TI_BACKUP_MANUAL: asked for by a person
 *
 * Why a backup was made; it is part of the backup's file name.
 */
typedef enum
{
  TI_BACKUP_DAILY,
  TI_BACKUP_BEFORE_IMPORT,
  TI_BACKUP_BEFORE_MIGRATION,
  TI_BACKUP_BEFORE_RESTORE,
  TI_BACKUP_MANUAL,
} TiBackupReason;

/**
 * TiBackup:
 * @path: the backup file
 * @made: (nullable): when it was made (UTC), from its name
 * @reason: why it was made
 * @size: its size in bytes
 * @healthy: whether it passed the programme check (integrity, links, format)
 * @contents: what it holds in words ("136 organisations, 538 champions, …"), or what is wrong
 *   with it when it is not healthy
 *
 * One backup of a programme, as ti_backups_list() finds it.
 */
typedef struct
{
  char *path;
  GDateTime *made;
  TiBackupReason reason;
  goffset size;
  gboolean healthy;
  char *contents;
} TiBackup;

const char *ti_backup_reason_label (TiBackupReason reason);
void ti_backup_free (TiBackup *backup);

char *ti_backups_folder (const char *db_path);
char *ti_backups_path_for (const char *db_path, TiBackupReason reason, int from_version,
                           GDateTime *when);
char *ti_backups_make (TiDatabase *db, TiBackupReason reason, GError **error);
gboolean ti_backups_make_daily (TiDatabase *db, char **out_path, GError **error);
void ti_backups_make_daily_async (const char *db_path, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data);
char *ti_backups_make_daily_finish (GAsyncResult *result, GError **error);
GPtrArray *ti_backups_list (const char *db_path, GError **error);
guint ti_backups_prune (const char *db_path, guint retention_days, GDateTime *now);
gboolean ti_backups_restore (const char *db_path, const char *backup_path, char **out_kept,
                             GError **error);
gboolean ti_backups_save_copy (TiDatabase *db, const char *dest_path, GError **error);
char *ti_backup_format_made (const TiBackup *backup);
TiBackup *ti_backups_find_latest_good (const char *db_path);

/* The same in a worker thread, for the window; see ti-backups.c. */
void ti_backups_make_daily_and_prune_async (const char *db_path, guint retention_days,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
char *ti_backups_make_daily_and_prune_finish (GAsyncResult *result, GError **error);
void ti_backups_list_async (const char *db_path, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *ti_backups_list_finish (GAsyncResult *result, GError **error);
void ti_backups_find_latest_good_async (const char *db_path, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data);
TiBackup *ti_backups_find_latest_good_finish (GAsyncResult *result, GError **error);
void ti_backups_restore_async (const char *db_path, const char *backup_path,
                               GAsyncReadyCallback callback, gpointer user_data);
gboolean ti_backups_restore_finish (GAsyncResult *result, char **out_kept, GError **error);
void ti_backups_save_copy_async (const char *db_path, const char *dest_path,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean ti_backups_save_copy_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiBackup, ti_backup_free)

G_END_DECLS
