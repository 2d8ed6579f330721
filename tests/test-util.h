/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *test_make_tmp_dir (void);
void test_remove_tree (const char *path);
char *test_file_digest (const char *path);
char *test_table_digest (const char *db_path);

G_END_DECLS
