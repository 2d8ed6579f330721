/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-util.h"
#include "ti-engagement-figures.h"
#include "ti-engagement.h"

/*
 * Engagement with lived experience on a small programme whose answers are worked out by
 * hand below. The period is 1 January 2023 to 30 April 2024; overdue is judged on
 * 1 June 2024.
 *
 * Activities (young people, adults with lived experience, parents and carers,
 * professionals, community members; influences):
 *   1 2022-12-31 focus group   5  0 0 0 0   principles              out (the day before)
 *   2 2023-01-01 survey       10 20 0 0 5   principles, charter     in (the first day)
 *   3 2023-06-15 panel         0  6 2 1 0   charter, training       in
 *   4 2024-04-30 workshop      3  0 4 5 0   service delivery        in (the last day)
 *   5 2024-05-01 consultation 100 0 0 0 0   evaluation              out (the day after)
 *
 *   In the period: 3 activities; young people 13, adults 26, parents and carers 6,
 *   professionals 6, community members 5: 56 participants. Influenced: principles 1,
 *   charter 2, training 1, service delivery 1, evaluation 0.
 *
 * Actions (status, due):
 *   1 (act 1) open 2023-01-01                     out
 *   2 (act 2) done 2023-02-01
 *   3 (act 2) open 2023-03-01                     overdue
 *   4 (act 2) in progress 2099-01-01
 *   5 (act 3) open, no due date                   never overdue
 *   6 (act 3) in progress 2024-05-31              overdue (the day before 1 June)
 *   7 (act 3) open 2024-06-01                     due that day: not overdue
 *   8 (act 4) done 2020-01-01                     done: not overdue
 *   9 (act 5) open 2020-01-01                     out
 *
 *   In the period: 7 actions, 2 closed, 5 open, 2 overdue. With no period at all: 9, 2, 7
 *   and 4 overdue (1 and 9 too).
 */
static const char fixture_sql[] =
  "INSERT INTO engagement_activities (id, held_on, kind, title, summary, young_people,"
  "  adults_lived_experience, parents_carers, professionals, community_members) VALUES"
  "  (1, '2022-12-31', 'focus_group', 'Before the period', NULL, 5, 0, 0, 0, 0),"
  "  (2, '2023-01-01', 'survey', 'What helps survey', 'Online and paper.', 10, 20, 0, 0, 5),"
  "  (3, '2023-06-15', 'panel', 'Charter panel', NULL, 0, 6, 2, 1, 0),"
  "  (4, '2024-04-30', 'co_production_workshop', 'Reception walk-through', NULL, 3, 0, 4, 5, 0),"
  "  (5, '2024-05-01', 'consultation', 'After the period', NULL, 100, 0, 0, 0, 0);"
  "INSERT INTO engagement_influences (activity_id, area) VALUES"
  "  (1, 'principles'), (2, 'charter'), (2, 'principles'), (3, 'training'), (3, 'charter'),"
  "  (4, 'service_delivery'), (5, 'evaluation');"
  "INSERT INTO engagement_actions (id, activity_id, you_said, we_did, owner, due_on, status)"
  " VALUES"
  "  (1, 1, 'Said one', NULL, NULL, '2023-01-01', 'open'),"
  "  (2, 2, 'Use plain words', 'Rewrote the leaflet', 'Coordinator', '2023-02-01', 'done'),"
  "  (3, 2, 'Meet in the evening', NULL, 'Network team', '2023-03-01', 'open'),"
  "  (4, 2, 'Keep us posted', NULL, NULL, '2099-01-01', 'in_progress'),"
  "  (5, 3, 'No due date', NULL, NULL, NULL, 'open'),"
  "  (6, 3, 'Due the day before', NULL, NULL, '2024-05-31', 'in_progress'),"
  "  (7, 3, 'Due that day', NULL, NULL, '2024-06-01', 'open'),"
  "  (8, 4, 'Done long ago', 'Done', NULL, '2020-01-01', 'done'),"
  "  (9, 5, 'After the period', NULL, NULL, '2020-01-01', 'open');";

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "engagement.sqlite", fixture_sql);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_programme_tear_down (f);
}

static gint64
count (Fixture *f, const char *sql)
{
  return test_count (f->db, sql);
}

static void
test_figures (Fixture *f, gconstpointer data)
{
  g_auto (TiEngagementFigures) fig = { 0 };
  g_autoptr (GError) error = NULL;
  static const guint by_group[] = { 13, 26, 6, 6, 5 };
  static const guint by_area[] = { 1, 2, 1, 1, 0 };

  g_assert_true (ti_engagement_figures_compute (f->db, "2023-01-01", "2024-04-30", "2024-06-01",
                                                &fig, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fig.from, ==, "2023-01-01");
  g_assert_cmpstr (fig.today, ==, "2024-06-01");
  g_assert_cmpuint (fig.activities, ==, 3);
  g_assert_cmpuint (fig.participants, ==, 56);
  for (guint g = 0; g < TI_ENGAGEMENT_N_GROUPS; g++)
    g_assert_cmpuint (fig.participants_by_group[g], ==, by_group[g]);
  for (guint a = 0; a < TI_ENGAGEMENT_N_AREAS; a++)
    g_assert_cmpuint (fig.influenced[a], ==, by_area[a]);
  g_assert_cmpuint (fig.actions, ==, 7);
  g_assert_cmpuint (fig.actions_done, ==, 2);
  g_assert_cmpuint (fig.actions_open, ==, 5);
  g_assert_cmpuint (fig.actions_overdue, ==, 2);

  /* No period: everything the programme holds. */
  ti_engagement_figures_clear (&fig);
  g_assert_true (ti_engagement_figures_compute (f->db, NULL, NULL, "2024-06-01", &fig, &error));
  g_assert_cmpuint (fig.activities, ==, 5);
  g_assert_cmpuint (fig.participants, ==, 161);
  g_assert_cmpuint (fig.actions, ==, 9);
  g_assert_cmpuint (fig.actions_done, ==, 2);
  g_assert_cmpuint (fig.actions_open, ==, 7);
  g_assert_cmpuint (fig.actions_overdue, ==, 4);

  /* A period that is not written as dates is refused in words. */
  ti_engagement_figures_clear (&fig);
  g_assert_false (ti_engagement_figures_compute (f->db, "1 Jan 2023", NULL, NULL, &fig, &error));
  g_assert_error (error, TI_TRAINING_FIGURES_ERROR, TI_TRAINING_FIGURES_ERROR_PERIOD);
}

static void
figures_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  TiEngagementFigures **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = ti_engagement_figures_compute_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_figures_async (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEngagementFigures) fig = NULL;

  ti_engagement_figures_compute_async (f->path, "2023-01-01", "2024-04-30", NULL,
                                       figures_done_cb, &fig);
  while (fig == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fig->activities, ==, 3);
  g_assert_cmpuint (fig->participants, ==, 56);
}

static void
test_definitions (void)
{
  static const char *const keys[] = {
    "activities", "participants", "participants_young_people",
    "participants_adults_lived_experience", "participants_parents_carers",
    "participants_professionals", "participants_community_members", "influenced_principles",
    "influenced_charter", "influenced_training", "influenced_service_delivery",
    "influenced_evaluation", "actions", "actions_done", "actions_open", "actions_overdue",
  };
  guint n;
  const TiFigureDefinition *all = ti_engagement_figure_definitions (&n);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (all[i].key, ==, keys[i]);
      g_assert_cmpuint (strlen (all[i].label), >, 0);
      g_assert_true (g_str_has_suffix (all[i].definition, "."));
    }
  /* The per-group and per-area keys follow the vocabularies. */
  for (guint g = 0; g < TI_ENGAGEMENT_N_GROUPS; g++)
    {
      g_autofree char *key = g_strconcat ("participants_", ti_engagement_group_column (g), NULL);
      g_assert_nonnull (ti_engagement_figure_definition (key));
    }
  for (guint a = 0; a < TI_ENGAGEMENT_N_AREAS; a++)
    {
      g_autofree char *key = g_strconcat ("influenced_", ti_engagement_area_key (a), NULL);
      g_assert_nonnull (ti_engagement_figure_definition (key));
    }
  g_assert_null (ti_engagement_figure_definition ("names"));
}

static void
test_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = ti_engagement_list (f->db, &error);
  g_autoptr (TiEngagementActivity) newest = NULL;
  g_autoptr (TiEngagementActivity) panel = NULL;
  g_autoptr (TiEngagementActivity) missing = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  TiEngagementAction *first;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);
  newest = g_list_model_get_item (list, 0);
  g_assert_cmpint (ti_engagement_activity_get_id (newest), ==, 5);

  panel = ti_engagement_get (f->db, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ti_engagement_activity_get_held_on (panel), ==, "2023-06-15");
  g_assert_cmpstr (ti_engagement_activity_get_kind_key (panel), ==, "panel");
  g_assert_cmpstr (ti_engagement_activity_get_title (panel), ==, "Charter panel");
  g_assert_null (ti_engagement_activity_get_summary (panel));
  g_assert_cmpuint (ti_engagement_activity_get_count (panel, TI_ENGAGEMENT_ADULTS_LIVED_EXPERIENCE),
                    ==, 6);
  g_assert_cmpuint (ti_engagement_activity_get_participants (panel), ==, 9);
  /* In the vocabulary's order, whatever order they were stored in. */
  g_assert_cmpstr (ti_engagement_activity_get_influences_text (panel), ==, "Charter, Training");
  g_assert_true (ti_engagement_activity_has_area (panel, "training"));
  g_assert_false (ti_engagement_activity_has_area (panel, "principles"));
  g_assert_cmpuint (ti_engagement_activity_get_actions_open (panel), ==, 3);
  g_assert_cmpuint (ti_engagement_activity_get_actions_done (panel), ==, 0);

  /* Not done first, by due date, no due date last. */
  actions = ti_engagement_list_actions (f->db, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 3);
  first = g_ptr_array_index (actions, 0);
  g_assert_cmpint (first->id, ==, 6);
  g_assert_cmpint (first->status, ==, TI_ENGAGEMENT_ACTION_IN_PROGRESS);
  g_assert_cmpint (((TiEngagementAction *) g_ptr_array_index (actions, 1))->id, ==, 7);
  g_assert_cmpint (((TiEngagementAction *) g_ptr_array_index (actions, 2))->id, ==, 5);

  missing = ti_engagement_get (f->db, 99, &error);
  g_assert_null (missing);
  g_assert_error (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_NOT_FOUND);
}

/* The codes and messages of the problems with @edit, in order. */
static void
assert_problems (Fixture *f, const TiEngagementEdit *edit, const int *codes,
                 const char *const *messages, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = ti_engagement_validate_all (f->db, edit, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      GError *problem = g_ptr_array_index (problems, i);

      g_assert_error (problem, TI_ENGAGEMENT_ERROR, codes[i]);
      g_assert_cmpstr (problem->message, ==, messages[i]);
    }
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  static const char *const bad_areas[] = { "charter", "housing", "charter", NULL };
  static const int codes[] = {
    TI_ENGAGEMENT_ERROR_DATE, TI_ENGAGEMENT_ERROR_KIND, TI_ENGAGEMENT_ERROR_TITLE,
    TI_ENGAGEMENT_ERROR_COUNTS, TI_ENGAGEMENT_ERROR_AREAS, TI_ENGAGEMENT_ERROR_AREAS,
  };
  static const char *const messages[] = {
    "31/02/2024 is not a real date.",
    "Choose the kind of activity: focus group, survey, panel, one-to-one, co-production "
    "workshop or consultation.",
    "Enter a title.",
    "Enter the number of Parents and carers as a whole number from 0 to 1,000,000.",
    "Choose what it influenced from principles, charter, training, service delivery and "
    "evaluation.",
    "Charter is listed more than once: list each area once.",
  };
  TiEngagementEdit edit = {
    .held_on = "31/02/2024", .kind = "party", .title = "  ", .counts = { 3, 0, -1, 0, 0 },
    .areas = bad_areas,
  };
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow = g_date_time_format (later, "%Y-%m-%d");
  g_autoptr (GError) error = NULL;

  assert_problems (f, &edit, codes, messages, G_N_ELEMENTS (codes));

  /* Nobody counted; a date in the future; a date that cannot be read; nothing missing. */
  edit = (TiEngagementEdit){ .held_on = tomorrow, .kind = "survey", .title = "Survey" };
  assert_problems (
    f, &edit, (int[]){ TI_ENGAGEMENT_ERROR_DATE, TI_ENGAGEMENT_ERROR_COUNTS },
    (const char *const[]){ "Log an activity once it has been held: the date is in the future.",
                           "Count the participants: at least one group needs a number above 0." },
    2);
  edit.held_on = "";
  edit.counts[TI_ENGAGEMENT_COMMUNITY_MEMBERS] = 1000001;
  assert_problems (f, &edit,
                   (int[]){ TI_ENGAGEMENT_ERROR_DATE, TI_ENGAGEMENT_ERROR_COUNTS },
                   (const char *const[]){ "Enter the date it was held.",
                                          "Enter the number of Community members as a whole "
                                          "number from 0 to 1,000,000." },
                   2);
  edit.held_on = "June 2023";
  edit.counts[TI_ENGAGEMENT_COMMUNITY_MEMBERS] = 1;
  assert_problems (f, &edit, (int[]){ TI_ENGAGEMENT_ERROR_DATE },
                   (const char *const[]){ "Enter the date as YYYY-MM-DD or DD/MM/YYYY." }, 1);
  edit.held_on = "15/06/2023";
  assert_problems (f, &edit, NULL, NULL, 0);

  /* An activity deleted meanwhile: that one problem only; saving refuses it. */
  edit.id = 99;
  assert_problems (f, &edit, (int[]){ TI_ENGAGEMENT_ERROR_NOT_FOUND },
                   (const char *const[]){ "This engagement activity is no longer in the "
                                          "programme." },
                   1);
  g_assert_false (ti_engagement_save (f->db, &edit, NULL, &error));
  g_assert_error (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_NOT_FOUND);
}

static void
test_save (Fixture *f, gconstpointer data)
{
  static const char *const areas[] = { "training", "evaluation", NULL };
  TiEngagementEdit edit = {
    .held_on = "03/07/2023", .kind = "focus_group", .title = "  Care leavers' group ",
    .summary = " ", .counts = { 7, 0, 0, 1, 0 }, .areas = areas,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (TiEngagementActivity) saved = NULL;
  gint64 id = 0;

  g_assert_true (ti_engagement_save (f->db, &edit, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 6);
  saved = ti_engagement_get (f->db, id, &error);
  g_assert_cmpstr (ti_engagement_activity_get_held_on (saved), ==, "2023-07-03");
  g_assert_cmpstr (ti_engagement_activity_get_title (saved), ==, "Care leavers' group");
  g_assert_null (ti_engagement_activity_get_summary (saved));
  g_assert_cmpuint (ti_engagement_activity_get_participants (saved), ==, 8);
  g_assert_cmpstr (ti_engagement_activity_get_influences_text (saved), ==,
                   "Training, Evaluation");
  /* The audit names the kind and the counts, not the title. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'create'"
                             " AND entity = 'engagement_activity' AND entity_id = 6"
                             " AND detail = 'kind: focus_group; participants: 8;"
                             " influences: training, evaluation'"),
                   ==, 1);

  /* Editing replaces the influences and keeps the actions. */
  edit.id = 2;
  edit.areas = NULL;
  g_assert_true (ti_engagement_save (f->db, &edit, &id, &error));
  g_assert_cmpint (id, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_influences WHERE activity_id = 2"),
                   ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_actions WHERE activity_id = 2"), ==,
                   3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'update'"
                             " AND entity_id = 2"),
                   ==, 1);
}

static void
test_actions (Fixture *f, gconstpointer data)
{
  TiEngagementActionEdit edit = {
    .activity_id = 3, .you_said = " ", .due_on = "30/02/2024",
    .status = TI_ENGAGEMENT_ACTION_DONE,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = ti_engagement_validate_action (f->db, &edit, &error);
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (((GError *) problems->pdata[0])->message, ==,
                   "Enter what was said: the view or request the action answers.");
  g_assert_cmpstr (((GError *) problems->pdata[1])->message, ==,
                   "Say what was done before marking the action done.");
  g_assert_cmpstr (((GError *) problems->pdata[2])->message, ==, "30/02/2024 is not a real date.");
  g_assert_false (ti_engagement_save_action (f->db, &edit, NULL, &error));
  g_assert_error (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_YOU_SAID);
  g_clear_error (&error);

  edit.you_said = "Hold it somewhere we know";
  edit.owner = " Network team ";
  edit.due_on = "01/09/2023";
  edit.status = TI_ENGAGEMENT_ACTION_OPEN;
  g_assert_true (ti_engagement_save_action (f->db, &edit, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_actions WHERE activity_id = 3"
                             " AND you_said = 'Hold it somewhere we know' AND we_did IS NULL"
                             " AND owner = 'Network team' AND due_on = '2023-09-01'"
                             " AND status = 'open'"),
                   ==, 1);

  /* Marking done needs what was done: refused, then accepted once it is said. */
  g_assert_false (ti_engagement_set_action_status (f->db, id, TI_ENGAGEMENT_ACTION_DONE, &error));
  g_assert_error (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_WE_DID);
  g_clear_error (&error);
  edit.id = id;
  edit.we_did = "Moved to the library";
  edit.due_on = "";
  edit.status = TI_ENGAGEMENT_ACTION_IN_PROGRESS;
  g_assert_true (ti_engagement_save_action (f->db, &edit, NULL, &error));
  g_assert_true (ti_engagement_set_action_status (f->db, id, TI_ENGAGEMENT_ACTION_DONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_actions WHERE status = 'done'"
                             " AND due_on IS NULL AND we_did = 'Moved to the library'"),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'engagement_action'"),
                   ==, 3);

  /* An action of an activity that has gone. */
  edit.activity_id = 99;
  g_assert_false (ti_engagement_save_action (f->db, &edit, NULL, &error));
  g_assert_error (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_NOT_FOUND);
}

static void
test_delete_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *before = test_content_digest (f->path);
  g_autofree char *after = NULL;
  g_autoptr (TiEngagementSnapshot) snapshot = NULL;
  g_autoptr (TiEngagementSnapshot) action = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (ti_engagement_delete (f->db, 2, &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ti_engagement_snapshot_get_id (snapshot), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_activities WHERE id = 2"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_influences WHERE activity_id = 2"),
                   ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_actions WHERE activity_id = 2"), ==,
                   0);
  g_assert_true (ti_engagement_restore (f->db, snapshot, &error));
  g_assert_no_error (error);

  g_assert_true (ti_engagement_remove_action (f->db, 6, &action, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM engagement_actions"), ==, 8);
  g_assert_true (ti_engagement_restore (f->db, action, &error));
  g_assert_no_error (error);

  /* Exactly as it was, ids included; the audit log holds each step. */
  after = test_content_digest (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action IN ('delete', 'restore')"
                             " AND entity LIKE 'engagement_%'"),
                   ==, 4);

  /* Gone already; an action whose activity has gone cannot come back. */
  g_assert_false (ti_engagement_delete (f->db, 99, NULL, &error));
  g_assert_error (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&action, ti_engagement_snapshot_free);
  g_assert_true (ti_engagement_remove_action (f->db, 6, &action, &error));
  g_assert_true (ti_engagement_delete (f->db, 3, NULL, &error));
  g_assert_false (ti_engagement_restore (f->db, action, &error));
  g_assert_error (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_RESTORE);
}

/* By design nobody taking part is named: no engagement column could hold a name. */
static void
test_no_names (Fixture *f, gconstpointer data)
{
  static const char *const tables[]
    = { "engagement_activities", "engagement_influences", "engagement_actions" };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s')",
                                              tables[t]);
      g_autofree char *named = g_strdup_printf (
        "SELECT count(*) FROM pragma_table_info('%s') WHERE name LIKE '%%name%%'"
        " OR name LIKE '%%email%%' OR name LIKE '%%person%%' OR name LIKE '%%people_id%%'"
        " OR name LIKE '%%participant%%'",
        tables[t]);

      g_assert_cmpint (count (f, sql), >, 1);
      g_assert_cmpint (count (f, named), ==, 0);
    }
  /* Nor does any other table point at them with a person. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM sqlite_schema s, pragma_foreign_key_list(s.name) k"
                             " WHERE s.type = 'table' AND k.\"table\" LIKE 'engagement_%'"
                             " AND s.name NOT LIKE 'engagement_%'"),
                   ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/engagement/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("figures", test_figures);
  ADD ("figures-async", test_figures_async);
  g_test_add_func ("/engagement/definitions", test_definitions);
  ADD ("list", test_list);
  ADD ("validation", test_validation);
  ADD ("save", test_save);
  ADD ("actions", test_actions);
  ADD ("delete-restore", test_delete_restore);
  ADD ("no-names", test_no_names);
#undef ADD

  return g_test_run ();
}
