/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-util.h"
#include "ti-charter.h"
#include "ti-organisations.h"

/* Two schools that are the same organisation (an import made the duplicate), a trust with
 * a directorate, and a housing association with no known headcount. */
static const char fixture[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount, parent_id) VALUES"
  "  (1, 'Somerset Council', 'council', 'county_wide', 5000, NULL),"
  "  (2, 'Wellsway Primary School', 'education', 'mendip', 40, NULL),"
  "  (3, 'Quantock Housing', 'housing', 'sedgemoor', 0, NULL),"
  "  (4, 'Wellsway Primary', 'education', 'mendip', 0, NULL),"
  "  (5, 'Children''s Services', 'council', 'county_wide', 800, 1),"
  "  (6, 'Wellsway Nursery', 'education', 'mendip', 10, 4);"
  "INSERT INTO people (id, name, organisation_id) VALUES"
  "  (1, 'Sam Carter', 2), (2, 'Kit Elms', 2), (3, 'Rae Dunn', 2), (4, 'Jo Marsh', 3),"
  "  (5, 'Lee Moss', 4);"
  "INSERT INTO champions (person_id, since, status) VALUES"
  "  (1, '2023-02-01', 'active'), (2, '2023-03-01', 'paused'), (5, '2023-05-01', 'active');"
  "INSERT INTO tier1_completions (person_id, completed_on, source) VALUES"
  "  (1, '2023-01-20', 'Learning Centre'), (1, '2023-06-01', 'ACEs online learning'),"
  "  (2, '2023-02-02', 'Learning Centre'), (4, '2023-05-02', 'Learning Centre');"
  "INSERT INTO sessions (id, tier, title, starts_at, host_organisation_id, status) VALUES"
  "  (1, 2, 'Trauma-skilled schools', '2023-09-12 09:30', 2, 'delivered'),"
  "  (2, 2, 'Planned cascade', '2030-01-01 09:30', 2, 'planned'),"
  "  (3, 2, 'Nursery staff', '2023-10-01 09:30', 4, 'delivered');"
  "INSERT INTO charter_adoptions (organisation_id, stage, consultation_started_on, signed_on,"
  "  signatory_name, signatory_role) VALUES"
  "  (2, 'consultation', '2023-04-01', NULL, NULL, NULL),"
  "  (4, 'signed', '2023-03-01', '2023-06-01', 'A Head', 'Headteacher');"
  "INSERT INTO charter_commitments (organisation_id, action, due_on) VALUES"
  "  (4, 'Train all staff in Tier 1', '2024-01-01');"
  "INSERT INTO milestones (workstream_id, title, due_month, evidence_organisation_id) VALUES"
  "  (1, 'First school signs', '2023-06', 4);";

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "organisations.sqlite", fixture);
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

static TiOrganisation *
find (GListModel *model, const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (TiOrganisation) o = g_list_model_get_item (model, i);
      if (g_str_equal (ti_organisation_get_name (o), name))
        return o;
    }
  g_error ("no organisation named “%s”", name);
  return NULL;
}

static void
test_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = ti_organisations_list (f->db, &error);
  g_autofree char *sector = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *parent = NULL;
  TiOrganisation *school, *housing, *services;
  double reach = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);

  school = find (list, "Wellsway Primary School");
  g_object_get (school, "sector", &sector, "charter-stage", &stage, "reach", &reach, NULL);
  g_assert_cmpstr (sector, ==, "Education");
  g_assert_cmpstr (stage, ==, "In consultation");
  /* Active champions only; people (not completions) with Tier 1: 2 of 40. */
  g_assert_cmpuint (ti_organisation_get_champions (school), ==, 1);
  g_assert_cmpuint (ti_organisation_get_tier1_completions (school), ==, 2);
  g_assert_cmpfloat_with_epsilon (reach, 0.05, 1e-9);
  /* Delivered sessions only. */
  g_assert_cmpuint (ti_organisation_get_sessions_hosted (school), ==, 1);
  /* Everyone who belongs, champion or not: what a merge would move. */
  g_assert_cmpuint (ti_organisation_get_people (school), ==, 3);

  housing = find (list, "Quantock Housing");
  g_assert_cmpfloat (ti_organisation_get_reach (housing), ==, -1.0);
  g_assert_cmpuint (ti_organisation_get_people (housing), ==, 1);
  g_assert_cmpstr (ti_organisation_get_charter_stage_key (housing), ==, "not_started");

  services = find (list, "Children's Services");
  {
    /* The chooser's list: the same organisations and names, no figures counted. */
    g_autoptr (GListModel) choices = ti_organisations_list_choices (f->db, &error);
    TiOrganisation *chosen;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, g_list_model_get_n_items (list));
    chosen = find (choices, "Wellsway Primary School");
    g_assert_cmpint (ti_organisation_get_id (chosen), ==, ti_organisation_get_id (school));
    g_assert_cmpuint (ti_organisation_get_champions (chosen), ==, 0);
  }
  g_object_get (services, "parent", &parent, NULL);
  g_assert_cmpstr (parent, ==, "Somerset Council");
  g_assert_cmpint (ti_organisation_get_parent_id (services), ==, 1);
}

static void
expect_invalid (Fixture *f, const TiOrganisationEdit *edit, int code, const char *message)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (ti_organisations_validate (f->db, edit, &error));
  g_assert_error (error, TI_ORGANISATIONS_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  const TiOrganisationEdit valid = { 0, "Mendip Food Bank", "vcse", "mendip", 12, 0 };
  g_autoptr (GError) error = NULL;
  TiOrganisationEdit edit;

  g_assert_true (ti_organisations_validate (f->db, &valid, &error));
  g_assert_no_error (error);

  edit = valid, edit.name = " ";
  expect_invalid (f, &edit, TI_ORGANISATIONS_ERROR_NAME, "Enter the organisation’s name.");
  {
    /* A name is read on a line of its own: 200 characters at most (a CSV's unclosed quote
     * would otherwise make a name of the rest of the file). */
    g_autofree char *longest = g_strnfill (200, 'q');
    g_autofree char *too_long = g_strnfill (20000, 'q');

    edit = valid, edit.name = too_long;
    expect_invalid (f, &edit, TI_ORGANISATIONS_ERROR_NAME,
                    "The name is 20,000 characters long; at most 200 are allowed.");
    edit = valid, edit.name = longest;
    g_assert_true (ti_organisations_validate (f->db, &edit, &error));
    g_assert_no_error (error);
  }
  edit = valid, edit.name = "QUANTOCK housing";
  expect_invalid (f, &edit, TI_ORGANISATIONS_ERROR_NAME,
                  "There is already an organisation called “QUANTOCK housing”. Choose another "
                  "name, or merge the two.");
  edit = valid, edit.sector = "charity";
  expect_invalid (f, &edit, TI_ORGANISATIONS_ERROR_SECTOR, "Choose a sector from the list.");
  edit = valid, edit.locality = "bristol";
  expect_invalid (f, &edit, TI_ORGANISATIONS_ERROR_LOCALITY, "Choose a locality from the list.");
  edit = valid, edit.headcount = -1;
  expect_invalid (f, &edit, TI_ORGANISATIONS_ERROR_HEADCOUNT,
                  "The headcount cannot be negative; enter 0 if it is not known.");
  edit = valid, edit.parent_id = 99;
  expect_invalid (f, &edit, TI_ORGANISATIONS_ERROR_PARENT,
                  "Choose a parent organisation that exists.");
  edit = (TiOrganisationEdit) { 1, "Somerset Council", "council", "county_wide", 5000, 1 };
  expect_invalid (f, &edit, TI_ORGANISATIONS_ERROR_PARENT,
                  "An organisation cannot be its own parent.");
  /* The council's directorate cannot become its parent. */
  edit.parent_id = 5;
  expect_invalid (f, &edit, TI_ORGANISATIONS_ERROR_PARENT,
                  "This parent is part of this organisation already: the parent would become "
                  "its own ancestor.");
  edit = valid, edit.id = 99;
  expect_invalid (f, &edit, TI_ORGANISATIONS_ERROR_NOT_FOUND,
                  "This organisation is no longer in the programme.");

  /* Keeping its own name, in another case, is not a duplicate. */
  edit = (TiOrganisationEdit) { 3, "QUANTOCK HOUSING", "housing", "sedgemoor", 0, 0 };
  g_assert_true (ti_organisations_validate (f->db, &edit, &error));
  g_assert_no_error (error);
}

static void
test_save_delete (Fixture *f, gconstpointer data)
{
  TiOrganisationEdit edit = { 0, " Mendip Food Bank ", "vcse", "mendip", 12, 1 };
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_true (ti_organisations_save (f->db, &edit, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisations WHERE name = 'Mendip Food Bank'"
                             " AND parent_id = 1 AND headcount = 12"), ==, 1);
  edit.id = id, edit.headcount = 20, edit.parent_id = 0;
  g_assert_true (ti_organisations_save (f->db, &edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisations WHERE headcount = 20"
                             " AND parent_id IS NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'organisation'"
                             " AND action IN ('create', 'update')"), ==, 2);

  g_assert_false (ti_organisations_delete (f->db, 2, &error));
  g_assert_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_IN_USE);
  g_assert_true (g_str_has_prefix (error->message, "3 people belong to this organisation."));
  g_assert_nonnull (strstr (error->message, "merge"));
  g_clear_error (&error);

  g_assert_true (ti_organisations_delete (f->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisations"), ==, 6);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'delete'"), ==, 1);
}

static void
test_merge (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiCharterAdoption adoption;
  gint64 audits = count (f, "SELECT count(*) FROM audit_log");

  g_assert_false (ti_organisations_merge (f->db, 2, 2, NULL, &error));
  g_assert_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_MERGE);
  g_clear_error (&error);

  g_assert_true (ti_organisations_merge (f->db, 2, 4, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f, "SELECT count(*) FROM organisations WHERE id = 4"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE organisation_id = 2"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sessions WHERE host_organisation_id = 2"), ==, 3);
  g_assert_cmpint (count (f, "SELECT parent_id FROM organisations WHERE id = 6"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM charter_commitments WHERE organisation_id = 2"),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT evidence_organisation_id FROM milestones"), ==, 2);
  /* The kept school's headcount was known, so it stays. */
  g_assert_cmpint (count (f, "SELECT headcount FROM organisations WHERE id = 2"), ==, 40);

  /* Signed is further on than in consultation: the signing moves over. */
  g_assert_true (ti_charter_get_adoption (f->db, 2, &adoption, &error));
  g_assert_no_error (error);
  g_assert_cmpint (adoption.stage, ==, TI_CHARTER_STAGE_SIGNED);
  g_assert_cmpstr (adoption.signatory_name, ==, "A Head");
  ti_charter_adoption_clear (&adoption);

  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audits + 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'merge'"
                             " AND entity = 'organisation' AND entity_id = 2"
                             " AND detail = 'merged #4'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_merge_keeps_advanced_stage (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiCharterAdoption adoption;

  /* Merging the consulting school into the signed one keeps "signed"; the directorate's
   * parent (the kept one's child) cannot loop back. */
  g_assert_true (ti_organisations_merge (f->db, 4, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ti_charter_get_adoption (f->db, 4, &adoption, &error));
  g_assert_cmpint (adoption.stage, ==, TI_CHARTER_STAGE_SIGNED);
  ti_charter_adoption_clear (&adoption);
  /* Unknown headcount takes the merged one's. */
  g_assert_cmpint (count (f, "SELECT headcount FROM organisations WHERE id = 4"), ==, 40);

  /* A child merged into its parent: the parent does not become its own parent. */
  g_assert_true (ti_organisations_merge (f->db, 6, 4, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisations WHERE id = 6"
                             " AND parent_id IS NULL"), ==, 1);
}

static char *
content_digest (Fixture *f)
{
  return test_content_digest (f->path);
}

static gint64
count_undo_audits (Fixture *f, gint64 merge_id, const char *detail)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    f->db, "SELECT count(*) FROM audit_log WHERE action = 'restore'"
           " AND entity = 'organisation' AND entity_id = ?1 AND detail = ?2", &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, merge_id);
  sqlite3_bind_text (stmt, 2, detail, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_merge_undo (Fixture *f, gconstpointer data)
{
  /* Each way round: the adoption moving or not, the headcount taken or not, a child
   * merged into its parent and a parent into its child. */
  static const gint64 pairs[][2] = { { 2, 4 }, { 4, 2 }, { 4, 6 }, { 6, 4 } };
  g_autofree char *before = content_digest (f);

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (TiOrganisationMergeSnapshot) snapshot = NULL;
      g_autofree char *merged = NULL;
      g_autofree char *after = NULL;
      g_autofree char *detail = g_strdup_printf ("undid merge into #%" G_GINT64_FORMAT,
                                                 pairs[i][0]);
      gint64 audits;

      g_test_message ("merging #%" G_GINT64_FORMAT " into #%" G_GINT64_FORMAT, pairs[i][1],
                      pairs[i][0]);
      g_assert_true (ti_organisations_merge (f->db, pairs[i][0], pairs[i][1], &snapshot, &error));
      g_assert_no_error (error);
      g_assert_nonnull (snapshot);
      g_assert_cmpint (ti_organisation_merge_snapshot_get_merge_id (snapshot), ==, pairs[i][1]);
      merged = content_digest (f);
      g_assert_cmpstr (merged, !=, before);
      audits = count (f, "SELECT count(*) FROM audit_log");

      g_assert_true (ti_organisations_unmerge (f->db, snapshot, &error));
      g_assert_no_error (error);
      after = content_digest (f);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audits + 1);
      g_assert_cmpint (count (f, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      g_assert_cmpint (count_undo_audits (f, pairs[i][1], detail), ==, 1);

      /* Undoing twice cannot duplicate: the organisation is back already. */
      g_assert_false (ti_organisations_unmerge (f->db, snapshot, &error));
      g_assert_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_UNMERGE);
      g_clear_error (&error);
      g_free (after);
      after = content_digest (f);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_merge_undo_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiOrganisationMergeSnapshot) snapshot = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *after = NULL;
  gint64 audits;

  g_assert_true (ti_organisations_merge (f->db, 2, 4, &snapshot, &error));
  g_assert_no_error (error);

  /* The merged one's name is taken since (in other letters): nothing changes. */
  g_assert_true (ti_database_exec (f->db,
                                   "UPDATE organisations SET name = 'WELLSWAY primary' WHERE id = 3",
                                   &error));
  g_assert_no_error (error);
  taken = content_digest (f);
  audits = count (f, "SELECT count(*) FROM audit_log");
  g_assert_false (ti_organisations_unmerge (f->db, snapshot, &error));
  g_assert_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_UNMERGE);
  g_assert_cmpstr (error->message, ==, "The merge cannot be undone, because another "
                                       "organisation is now called “Wellsway Primary”.");
  g_clear_error (&error);
  after = content_digest (f);
  g_assert_cmpstr (after, ==, taken);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audits);

  /* The kept one is gone: refused too. */
  g_assert_true (ti_database_exec (f->db,
                                   "UPDATE organisations SET name = 'Quantock Housing' WHERE id = 3;"
                                   "UPDATE people SET organisation_id = NULL WHERE organisation_id = 2;"
                                   "DELETE FROM organisations WHERE id = 2",
                                   &error));
  g_assert_no_error (error);
  g_assert_false (ti_organisations_unmerge (f->db, snapshot, &error));
  g_assert_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_UNMERGE);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisations WHERE id = 4"), ==, 0);
}

/* A parent's headcount includes its directorates, so its reach counts their people too: the
 * rule of the training figures, which this list shares. */
static void
test_list_reach_directorates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = NULL;
  TiOrganisation *council, *services;

  g_assert_true (ti_database_exec (f->db,
                                   "INSERT INTO people (id, name, organisation_id) VALUES"
                                   "  (9, 'Ann Lowe', 5), (10, 'Tom Hale', 1);"
                                   "INSERT INTO tier1_completions (person_id, completed_on)"
                                   "  VALUES (9, '2023-07-01'), (10, '2023-08-01');",
                                   &error));
  g_assert_no_error (error);
  list = ti_organisations_list (f->db, &error);
  g_assert_no_error (error);
  council = find (list, "Somerset Council");
  services = find (list, "Children's Services");
  g_assert_cmpuint (ti_organisation_get_tier1_completions (council), ==, 2);
  g_assert_cmpfloat_with_epsilon (ti_organisation_get_reach (council), 2.0 / 5000, 1e-12);
  g_assert_cmpuint (ti_organisation_get_tier1_completions (services), ==, 1);
  g_assert_cmpfloat_with_epsilon (ti_organisation_get_reach (services), 1.0 / 800, 1e-12);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/organisations/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list", test_list);
  ADD ("list-reach-directorates", test_list_reach_directorates);
  ADD ("validation", test_validation);
  ADD ("save-delete", test_save_delete);
  ADD ("merge", test_merge);
  ADD ("merge-stage", test_merge_keeps_advanced_stage);
  ADD ("merge-undo", test_merge_undo);
  ADD ("merge-undo-refused", test_merge_undo_refused);
#undef ADD

  return g_test_run ();
}
