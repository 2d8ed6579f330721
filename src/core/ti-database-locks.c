/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-database"
/* F_OFD_SETLK and friends. */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ti-database-private.h"

/* The programme's locks, kept where nothing else in the process can drop them.
 *
 * SQLite's unix VFS locks with POSIX advisory locks (fcntl F_SETLK). Those belong to the
 * process and the file, and the kernel drops all of them when the process closes any
 * descriptor of that file, whoever opened it. A file chooser showing the programme's folder
 * does exactly that: GIO sniffs each file's content type ("*.sqlite" names no MIME type), so
 * it opens the programme, its -wal and its -shm, reads them and closes them again. With its
 * locks gone, the window's connection looks unused: the next process to open the programme
 * (the sqlite3 shell, `--check`) checkpoints and deletes the -wal and -shm on its way out,
 * and everything the window saves afterwards goes into deleted files.
 *
 * So every lock SQLite takes in this process goes, instead, to an open file description of
 * our own (Linux's OFD locks, F_OFD_SETLK), one per file, opened here and closed here only.
 * Other processes see the same locks as before: OFD locks and POSIX locks conflict with each
 * other. Within this process nothing changes either: SQLite shares its locks between its
 * connections to one file as before, and a lock taken through one connection's descriptor
 * can still be raised or released through another's, because all of them reach the same
 * description. It lives as long as SQLite keeps a descriptor of the file that has locked
 * (SQLite never closes such a descriptor while the process still holds a lock on the file),
 * so the locks end when SQLite's own close would have ended them, and never sooner.
 *
 * Rejected: exclusive locking mode (still a POSIX lock, dropped the same way, and it would
 * shut out the pages' reader connections); never letting GIO sniff the file (thumbnailers,
 * recent files and any other code could still open and close it). */

typedef struct
{
  dev_t dev;
  ino_t ino;
  int lock_fd;   /* our own description of the file: every lock of the process lives on it */
  GArray *users; /* SQLite's descriptors of the file that have locked or unlocked it */
} LockedFile;

static GMutex locked_files_mutex;
static GPtrArray *locked_files;
/* Kernels before 3.15 have no OFD locks: then every call is passed on unchanged. */
static gboolean private_locks_unsupported;

static void
locked_file_free (gpointer data)
{
  LockedFile *file = data;

  close (file->lock_fd);
  g_array_unref (file->users);
  g_free (file);
}

static LockedFile *
find_locked_file (const struct stat *st, guint *out_index)
{
  for (guint i = 0; locked_files != NULL && i < locked_files->len; i++)
    {
      LockedFile *file = g_ptr_array_index (locked_files, i);

      if (file->dev == st->st_dev && file->ino == st->st_ino)
        {
          if (out_index != NULL)
            *out_index = i;
          return file;
        }
    }
  return NULL;
}

/* A new description of the file @fd refers to, for writing when we may (a write lock needs
 * it, whichever connection asks), else for reading. */
static int
open_own_description (int fd, const struct stat *st)
{
  char proc_path[64];
  struct stat own;
  int lock_fd;

  g_snprintf (proc_path, sizeof proc_path, "/proc/self/fd/%d", fd);
  lock_fd = open (proc_path, O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (lock_fd < 0)
    lock_fd = open (proc_path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (lock_fd >= 0
      && (fstat (lock_fd, &own) != 0 || own.st_dev != st->st_dev || own.st_ino != st->st_ino))
    {
      close (lock_fd);
      lock_fd = -1;
    }
  /* Without /proc: a duplicate shares SQLite's description but keeps it alive after
   * SQLite closes its descriptor. */
  if (lock_fd < 0)
    lock_fd = fcntl (fd, F_DUPFD_CLOEXEC, 0);
  return lock_fd;
}

/* SQLite as Debian builds it never waits for a lock (it retries in its busy handler); a
 * waiting request is tried once here too, so that no lock call ever waits while holding
 * the mutex below. */
static int
ofd_command (int cmd)
{
  return cmd == F_GETLK ? F_OFD_GETLK : F_OFD_SETLK;
}

static int
lock_on_own_description (int fd, int cmd, struct flock *lock)
{
  struct flock own = *lock;
  struct stat st;
  LockedFile *file;
  gboolean users_known = FALSE;
  int target;
  int rc;
  int saved;

  if (fstat (fd, &st) != 0)
    return -1;

  g_mutex_lock (&locked_files_mutex);
  if (private_locks_unsupported)
    {
      g_mutex_unlock (&locked_files_mutex);
      return fcntl (fd, cmd, lock);
    }

  file = find_locked_file (&st, NULL);
  if (file == NULL && cmd != F_GETLK && lock->l_type != F_UNLCK)
    {
      int lock_fd = open_own_description (fd, &st);

      if (lock_fd < 0)
        {
          saved = errno;
          g_mutex_unlock (&locked_files_mutex);
          errno = saved;
          return -1;
        }
      file = g_new0 (LockedFile, 1);
      file->dev = st.st_dev;
      file->ino = st.st_ino;
      file->lock_fd = lock_fd;
      file->users = g_array_new (FALSE, FALSE, sizeof (int));
      if (locked_files == NULL)
        locked_files = g_ptr_array_new_with_free_func (locked_file_free);
      g_ptr_array_add (locked_files, file);
    }

  if (file != NULL)
    {
      for (guint i = 0; i < file->users->len && !users_known; i++)
        users_known = g_array_index (file->users, int, i) == fd;
      if (!users_known)
        g_array_append_val (file->users, fd);
    }

  /* No description of ours yet: nothing of this process to release, and asking through
   * SQLite's own descriptor (which holds no locks) sees everyone else's. */
  target = file != NULL ? file->lock_fd : fd;
  own.l_pid = 0;
  rc = fcntl (target, ofd_command (cmd), &own);
  saved = errno;
  if (rc != 0 && saved == EINVAL)
    {
      private_locks_unsupported = TRUE;
      g_mutex_unlock (&locked_files_mutex);
      return fcntl (fd, cmd, lock);
    }
  g_mutex_unlock (&locked_files_mutex);

  if (rc == 0 && cmd == F_GETLK)
    *lock = own;
  errno = saved;
  return rc;
}

static int
fcntl_with_own_locks (int fd, int cmd, ...)
{
  va_list args;
  int rc;

  va_start (args, cmd);
  if (cmd == F_GETLK || cmd == F_SETLK || cmd == F_SETLKW)
    rc = lock_on_own_description (fd, cmd, va_arg (args, struct flock *));
  else
    rc = fcntl (fd, cmd, va_arg (args, int)); /* SQLite's other commands take an int */
  va_end (args);
  return rc;
}

/* SQLite closing the last of its descriptors that locked a file: the process's locks on it
 * end now, as they would have with POSIX locks. */
static int
close_with_own_locks (int fd)
{
  struct stat st;

  if (fstat (fd, &st) == 0)
    {
      LockedFile *file;
      guint index;

      g_mutex_lock (&locked_files_mutex);
      file = find_locked_file (&st, &index);
      if (file != NULL)
        {
          for (guint i = 0; i < file->users->len; i++)
            if (g_array_index (file->users, int, i) == fd)
              {
                g_array_remove_index_fast (file->users, i);
                break;
              }
          if (file->users->len == 0)
            g_ptr_array_remove_index_fast (locked_files, index);
        }
      g_mutex_unlock (&locked_files_mutex);
    }
  return close (fd);
}

/**
 * ti_database_keep_own_locks:
 *
 * Makes SQLite keep this process's locks on an open file description of its own, so that
 * no other code closing a descriptor of a programme file can drop them. Call before the first
 * connection is opened; later calls do nothing.
 */
void
ti_database_keep_own_locks (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_vfs *vfs = sqlite3_vfs_find ("unix");

      /* The unix VFSes share one table of system calls. */
      if (vfs != NULL && vfs->iVersion >= 3 && vfs->xSetSystemCall != NULL)
        {
          vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) fcntl_with_own_locks);
          vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) close_with_own_locks);
        }
      g_once_init_leave (&done, 1);
    }
}
