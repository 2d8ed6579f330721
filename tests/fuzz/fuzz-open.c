/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-fuzz"

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-util.h"
#include "test-util.h"
#include "ti-charter.h"
#include "ti-database.h"
#include "ti-engagement.h"
#include "ti-evaluation.h"
#include "ti-events.h"
#include "ti-format.h"
#include "ti-milestones.h"
#include "ti-network-graph.h"
#include "ti-organisations.h"
#include "ti-people.h"
#include "ti-programme-settings.h"

/*
 * Opening a damaged programme file. Each input is the whole file: it is opened as the
 * window opens one (migrating an older format after a backup), and when it opens, checked
 * as `--check` does and read as the window's destinations and the evaluation read it. A
 * refusal or a failed read must be a sentence in UTF-8 (what a person is shown), never a
 * crash, a leak, undefined behaviour or a warning.
 */

#define TODAY "2024-05-01"

static char *dir;
static char *db_path;

static void
set_up (void)
{
  fuzz_init ();
  dir = g_build_filename (fuzz_get_dir (), "programme", NULL);
  db_path = g_build_filename (dir, "programme.sqlite", NULL);
}

/* A failed read is fine on a damaged file, as long as it says why in words. */
static void
check_error (const char *doing, GError *error)
{
  if (error == NULL)
    fuzz_fail ("%s failed without saying why", doing);
  if (error->message == NULL || !g_utf8_validate (error->message, -1, NULL))
    fuzz_fail ("%s failed with a message that is not UTF-8", doing);
  fuzz_say ("%s: %s", doing, error->message);
}

typedef GListModel *(*ListFunc) (TiDatabase *db, GError **error);

static GListModel *
list_people (TiDatabase *db, GError **error)
{
  return ti_people_list (db, FALSE, error);
}

static GListModel *
list_milestones (TiDatabase *db, GError **error)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_MAY, 2024); /* TODAY */
  return ti_milestones_list (db, &today, error);
}

static void
read_list (TiDatabase *db, const char *doing, ListFunc list)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) model = list (db, &error);

  if (model == NULL)
    check_error (doing, error);
}

static void
read_programme (TiDatabase *db)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiProgrammeSettings) settings = NULL;
  g_autoptr (TiEvaluation) evaluation = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  settings = ti_programme_settings_load (db, &error);
  if (settings == NULL)
    check_error ("reading the settings", error);
  else
    {
      from = ti_date_to_iso (&settings->period_start);
      to = ti_date_to_iso (&settings->period_end);
    }
  g_clear_error (&error);

  evaluation = ti_evaluation_compute (db, from, to, TODAY, &error);
  if (evaluation == NULL)
    check_error ("the evaluation", error);
  g_clear_error (&error);

  {
    g_autoptr (TiNetworkGraph) graph = ti_network_graph_build (db, TI_NETWORK_CHAMPIONS, TODAY,
                                                               &error);
    if (graph == NULL)
      check_error ("the network map", error);
    g_clear_error (&error);
  }
  {
    g_autoptr (TiCharterOverview) charter = ti_charter_get_overview (db, &error);
    if (charter == NULL)
      check_error ("the charter", error);
    g_clear_error (&error);
  }

  read_list (db, "the organisations", ti_organisations_list);
  read_list (db, "the people", list_people);
  read_list (db, "the events", ti_events_list);
  read_list (db, "the engagement", ti_engagement_list);
  read_list (db, "the milestones", list_milestones);
}

static const TiDatabaseOpenFlags open_flags[] = { TI_DATABASE_OPEN_READ_ONLY,
                                                   TI_DATABASE_OPEN_DEFAULT };

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;

  if (dir == NULL)
    set_up ();
  /* A fresh folder: no -wal, -shm or backups of the input before. */
  test_remove_tree (dir);
  if (g_mkdir (dir, 0700) != 0)
    fuzz_fail ("cannot make %s", dir);
  fuzz_write_file (db_path, data, size);

  /* As a page's worker opens it (never migrating, never writing), then as the window does. */
  for (guint i = 0; i < G_N_ELEMENTS (open_flags); i++)
    {
      g_clear_object (&db);
      db = ti_database_open (db_path, open_flags[i], &error);
      if (db != NULL)
        continue;
      check_error ("opening", error);
      if (error->domain != TI_DATABASE_ERROR)
        fuzz_fail ("opening failed outside the database's own errors: %s", error->message);
      if (open_flags[i] == TI_DATABASE_OPEN_DEFAULT)
        return 0;
      g_clear_error (&error);
    }

  {
    g_autofree char *health = ti_database_check (db, &error);

    if (health == NULL)
      check_error ("the check", error);
    else
      fuzz_say ("%s", health);
    g_clear_error (&error);
  }
  read_programme (db);
  return 0;
}
