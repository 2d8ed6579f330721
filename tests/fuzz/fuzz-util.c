/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-util.h"
#include "test-util.h"

/* What the harnesses share: a private folder for the process and a bug as a crash. */

static char *fuzz_dir;

static void
remove_fuzz_dir (void)
{
  if (fuzz_dir != NULL)
    test_remove_tree (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

/* GLib stops at a fatal message with a breakpoint (SIGTRAP), which libFuzzer does not catch:
 * the process would end without the input kept. Abort instead. */
static GLogWriterOutput
write_log (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer data)
{
  GLogWriterOutput output = g_log_writer_default (level, fields, n_fields, data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

/* Once a process. A warning or critical from the core is a bug that bad input found: it
 * aborts, so libFuzzer keeps the input. The folder is made under TMPDIR (make fuzz points it
 * at a tmpfs) and removed when the process exits. */
void
fuzz_init (void)
{
  g_autoptr (GError) error = NULL;

  if (fuzz_dir != NULL)
    return;
  g_log_set_writer_func (write_log, NULL, NULL);
  fuzz_dir = g_dir_make_tmp ("ti-fuzz-XXXXXX", &error);
  if (fuzz_dir == NULL)
    fuzz_fail ("no private folder: %s", error->message);
  atexit (remove_fuzz_dir);
}

const char *
fuzz_get_dir (void)
{
  return fuzz_dir;
}

/* Replaces @path's bytes with @data: truncated first, so that a short input leaves nothing
 * of a longer one before it. */
void
fuzz_write_file (const char *path, const uint8_t *data, size_t size)
{
  FILE *file = g_fopen (path, "wb");

  if (file == NULL || (size > 0 && fwrite (data, 1, size, file) != size) || fclose (file) != 0)
    fuzz_fail ("cannot write %s", path);
}

/* What happened to an input, for a person looking at one: with TI_FUZZ_VERBOSE set. */
void
fuzz_say (const char *format, ...)
{
  va_list args;

  if (g_getenv ("TI_FUZZ_VERBOSE") == NULL)
    return;
  va_start (args, format);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
}

/* A broken promise of the core (not a crash): stop so that libFuzzer keeps the input. */
void
fuzz_fail (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  fputs ("fuzz: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}
