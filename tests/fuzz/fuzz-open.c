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
#include "ti-reviews.h"
#include "ti-sessions.h"
#include "ti-training-figures.h"
#include "ti-workbook.h"

/*
 * Opening a damaged programme file. Each input is the whole file: it is opened as a page's
 * worker opens one (read-only) and as the window does (migrating an older format after a
 * backup), and when it opens, checked as `--check` does and read as the window's
 * destinations and the evaluation read it; an input that asks (WANTS_WORKBOOK) is exported
 * as the board's workbook too. A refusal or a failed read must be a sentence in UTF-8 (what
 * a person is shown), never a crash, a leak, undefined behaviour or a warning.
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

/* A read's result: what it returned, or NULL with @error saying why in words. */
static void
read_done (const char *doing, gpointer result, GDestroyNotify free_result, GError **error)
{
  if (result == NULL)
    check_error (doing, *error);
  else
    free_result (result);
  g_clear_error (error);
}

/* The first person's profile, as the Champions destination opens it. */
static void
read_profile (TiDatabase *db, GListModel *people)
{
  g_autoptr (TiPerson) person = NULL;
  g_autoptr (GError) error = NULL;

  if (people == NULL || g_list_model_get_n_items (people) == 0)
    return;
  person = g_list_model_get_item (people, 0);
  read_done ("a profile", ti_people_get_profile (db, ti_person_get_id (person), &error),
             (GDestroyNotify)ti_person_profile_free, &error);
}

/* The board's workbook, as Export Workbook… writes it from the programme's settings. */
static void
write_workbook (TiDatabase *db)
{
  g_autofree char *path = g_build_filename (dir, "evaluation.xlsx", NULL);
  g_auto (TiWorkbookOptions) options = { 0 };
  g_autoptr (GError) error = NULL;

  if (!ti_workbook_options_init (&options, db, &error))
    {
      check_error ("the workbook's options", error);
      return;
    }
  g_free (options.today);
  options.today = g_strdup (TODAY);
  if (!ti_workbook_export (db, path, &options, NULL, NULL, NULL, &error))
    check_error ("the workbook", error);
  else
    fuzz_say ("the workbook: written");
}

static void
read_programme (TiDatabase *db, gboolean with_workbook)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiProgrammeSettings) settings = NULL;
  g_autoptr (GListModel) people = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_MAY, 2024); /* TODAY */

  settings = ti_programme_settings_load (db, &error);
  if (settings == NULL)
    check_error ("reading the settings", error);
  else
    {
      from = ti_date_to_iso (&settings->period_start);
      to = ti_date_to_iso (&settings->period_end);
    }
  g_clear_error (&error);

  /* Evaluation, and what the other destinations list. */
  read_done ("the evaluation", ti_evaluation_compute (db, from, to, TODAY, &error),
             (GDestroyNotify)ti_evaluation_free, &error);
  for (TiNetworkMode mode = TI_NETWORK_ORGANISATIONS; mode <= TI_NETWORK_CHAMPIONS; mode++)
    read_done ("the network map", ti_network_graph_build (db, mode, TODAY, &error),
               (GDestroyNotify)ti_network_graph_free, &error);
  read_done ("the charter", ti_charter_get_overview (db, &error),
             (GDestroyNotify)ti_charter_overview_free, &error);
  read_done ("the organisations", ti_organisations_list (db, &error), g_object_unref, &error);
  read_done ("the champions", ti_people_list (db, TRUE, &error), g_object_unref, &error);
  read_done ("the sessions", ti_sessions_list (db, &error), g_object_unref, &error);
  read_done ("the reviews", ti_reviews_get_queue (db, TI_REVIEW_AWAITING, 0, &today, &error),
             (GDestroyNotify)ti_review_queue_free, &error);
  for (TiReachGrouping by = TI_REACH_BY_SECTOR; by <= TI_REACH_BY_MONTH; by++)
    read_done ("the Tier 1 reach", ti_tier1_reach_list (db, by, from, to, &error),
               g_object_unref, &error);
  read_done ("the events", ti_events_list (db, &error), g_object_unref, &error);
  read_done ("the engagement", ti_engagement_list (db, &error), g_object_unref, &error);
  read_done ("the milestones", ti_milestones_list (db, &today, &error), g_object_unref, &error);

  people = ti_people_list (db, FALSE, &error);
  if (people == NULL)
    check_error ("the people", error);
  read_profile (db, people);
  if (with_workbook)
    write_workbook (db);
}

/* The workbook takes ten times as long as every other read, so an input asks for it: by an
 * odd byte 72 of the header, which SQLite reserves and never reads (the seeds
 * odd-values and null-values set it). */
#define WANTS_WORKBOOK(data, size) ((size) > 72 && ((data)[72] & 1))

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
  read_programme (db, WANTS_WORKBOOK (data, size));
  return 0;
}
