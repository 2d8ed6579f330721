/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-util.h"
#include "ti-overview.h"

/* A new programme is welcomed: no organisations and no people yet. Either makes it a
 * programme with something to show. */
static void
test_programme_is_empty (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, TI_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (ti_overview_programme_is_empty (db, &error));
  g_assert_no_error (error);

  g_assert_true (ti_database_exec (db, "INSERT INTO people (name) VALUES ('Robin Vale')", &error));
  g_assert_false (ti_overview_programme_is_empty (db, &error));
  g_assert_true (ti_database_exec (db, "DELETE FROM people", &error));
  g_assert_true (ti_overview_programme_is_empty (db, &error));
  g_assert_true (ti_database_exec (db, "INSERT INTO organisations (name, sector, locality)"
                                       " VALUES ('Somerset Council', 'council', 'county_wide')",
                                   &error));
  g_assert_false (ti_overview_programme_is_empty (db, &error));
  g_assert_no_error (error);
  test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overview/programme-is-empty", test_programme_is_empty);

  return g_test_run ();
}
