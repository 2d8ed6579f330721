/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ti-database.h"

G_BEGIN_DECLS

char *test_make_tmp_dir (void);
char *test_use_empty_home (void);
void test_trap_without_leak_check (void);
void test_remove_tree (const char *path);
char *test_file_digest (const char *path);
char *test_table_digest (const char *db_path);
char *test_content_digest (const char *db_path);

/* A programme in a private folder, filled by @sql; for GTest fixtures. */
typedef struct
{
  char *dir;
  char *path;
  TiDatabase *db;
} TestProgramme;

void test_programme_set_up (TestProgramme *programme, const char *name, const char *sql);
void test_programme_tear_down (TestProgramme *programme);
gint64 test_count (TiDatabase *db, const char *sql);
gint64 test_count_in (const char *path, const char *sql);

G_END_DECLS
