/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-util.h"
#include "ti-charter-principle.h"
#include "ti-charter.h"

/* A new programme has the six default principles; three partners in two sectors. */
static const char fixture[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  "  (1, 'Somerset Council', 'council', 'county_wide', 5000),"
  "  (2, 'Wellsway Primary School', 'education', 'mendip', 40),"
  "  (3, 'Castle Primary School', 'education', 'sedgemoor', 30);"
  "INSERT INTO charter_adoptions (organisation_id, stage, signed_on, signatory_name,"
  "  signatory_role) VALUES (1, 'signed', '2023-01-25', 'A Leader', 'Chief executive');";

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "charter.sqlite", fixture);
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

/* The principles' names in order, joined with "|", checking positions are 1…n. */
static char *
principle_names (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = ti_charter_list_principles (f->db, &error);
  g_autoptr (GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (TiCharterPrinciple) p = g_list_model_get_item (list, i);
      g_assert_cmpuint (ti_charter_principle_get_position (p), ==, i + 1);
      g_string_append_printf (names, "%s%s", i ? "|" : "", ti_charter_principle_get_name (p));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_principles (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *names = principle_names (f);
  gint64 id = 0;
  gint64 first;

  g_assert_cmpstr (names, ==, "Safety|Trustworthiness|Choice|Collaboration|Empowerment|"
                              "Cultural consideration");

  g_assert_true (ti_charter_add_principle (f->db, " Hope ", "Recovery is possible", &id, &error));
  g_assert_no_error (error);
  g_assert_false (ti_charter_add_principle (f->db, "HOPE", NULL, NULL, &error));
  g_assert_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_NAME);
  g_assert_cmpstr (error->message, ==, "The charter already has a principle called “HOPE”.");
  g_clear_error (&error);
  g_assert_false (ti_charter_add_principle (f->db, "  ", NULL, NULL, &error));
  g_assert_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_NAME);
  g_assert_cmpstr (error->message, ==, "Enter the principle’s name.");
  g_clear_error (&error);

  g_assert_true (ti_charter_rename_principle (f->db, id, "Hope and recovery", &error));
  g_assert_no_error (error);
  g_assert_false (ti_charter_rename_principle (f->db, id, "safety", &error));
  g_assert_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_NAME);
  g_clear_error (&error);

  g_assert_true (ti_charter_move_principle (f->db, id, 1, &error));
  g_assert_no_error (error);
  g_free (names);
  names = principle_names (f);
  g_assert_cmpstr (names, ==, "Hope and recovery|Safety|Trustworthiness|Choice|Collaboration|"
                              "Empowerment|Cultural consideration");
  g_assert_false (ti_charter_move_principle (f->db, id, 9, &error));
  g_assert_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_POSITION);
  g_clear_error (&error);

  first = count (f, "SELECT id FROM charter_principles WHERE name = 'Safety'");
  g_assert_true (ti_charter_remove_principle (f->db, first, &error));
  g_assert_no_error (error);
  g_free (names);
  names = principle_names (f);
  g_assert_cmpstr (names, ==, "Hope and recovery|Trustworthiness|Choice|Collaboration|"
                              "Empowerment|Cultural consideration");
  g_assert_false (ti_charter_remove_principle (f->db, first, &error));
  g_assert_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_NOT_FOUND);

  /* add, rename, move, remove: one audit entry each. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"
                             " WHERE entity = 'charter_principle'"), ==, 4);
}

static void
expect_invalid (Fixture *f, const TiCharterAdoption *a, int code, const char *message)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (ti_charter_set_adoption (f->db, a, &error));
  g_assert_error (error, TI_CHARTER_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static TiCharterAdoption
signed_adoption (void)
{
  TiCharterAdoption a = { 0 };

  a.organisation_id = 2;
  a.stage = TI_CHARTER_STAGE_SIGNED;
  g_date_set_dmy (&a.consultation_started_on, 1, 2, 2023);
  g_date_set_dmy (&a.signed_on, 1, 6, 2023);
  a.signatory_name = (char *) "R Head";
  a.signatory_role = (char *) "Headteacher";
  return a;
}

static void
test_adoption (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiCharterAdoption a = { 0 };
  TiCharterAdoption got;

  g_assert_true (ti_charter_get_adoption (f->db, 2, &got, &error));
  g_assert_cmpint (got.stage, ==, TI_CHARTER_STAGE_NOT_STARTED);
  g_assert_false (g_date_valid (&got.signed_on));
  ti_charter_adoption_clear (&got);

  a.organisation_id = 2, a.stage = TI_CHARTER_STAGE_CONSULTATION;
  expect_invalid (f, &a, TI_CHARTER_ERROR_CONSULTATION_DATE,
                  "Enter the date the consultation started.");
  g_date_set_dmy (&a.consultation_started_on, 1, 1, 2100);
  expect_invalid (f, &a, TI_CHARTER_ERROR_CONSULTATION_DATE,
                  "The consultation date cannot be in the future.");
  a = signed_adoption (), g_date_clear (&a.signed_on, 1);
  expect_invalid (f, &a, TI_CHARTER_ERROR_SIGNED_ON, "Enter the date the charter was signed.");
  a = signed_adoption (), g_date_set_dmy (&a.signed_on, 1, 1, 2100);
  expect_invalid (f, &a, TI_CHARTER_ERROR_SIGNED_ON, "The signing date cannot be in the future.");
  a = signed_adoption (), a.signatory_name = (char *) " ";
  expect_invalid (f, &a, TI_CHARTER_ERROR_SIGNATORY_NAME,
                  "Enter the name of the person who signed.");
  a = signed_adoption (), a.signatory_role = NULL;
  expect_invalid (f, &a, TI_CHARTER_ERROR_SIGNATORY_ROLE,
                  "Enter the role of the person who signed.");
  a = signed_adoption (), a.stage = TI_CHARTER_STAGE_REVIEW_DUE;
  expect_invalid (f, &a, TI_CHARTER_ERROR_REVIEW_ON, "Enter the review date.");
  g_date_set_dmy (&a.review_on, 1, 1, 2023);
  expect_invalid (f, &a, TI_CHARTER_ERROR_REVIEW_ON,
                  "The review date cannot be before the charter was signed.");
  a = signed_adoption (), a.organisation_id = 99;
  expect_invalid (f, &a, TI_CHARTER_ERROR_NOT_FOUND,
                  "This organisation is no longer in the programme.");
  g_assert_cmpint (count (f, "SELECT count(*) FROM charter_adoptions"), ==, 1);

  a = signed_adoption ();
  g_assert_true (ti_charter_set_adoption (f->db, &a, &error));
  g_assert_no_error (error);
  g_assert_true (ti_charter_get_adoption (f->db, 2, &got, &error));
  g_assert_cmpint (got.stage, ==, TI_CHARTER_STAGE_SIGNED);
  g_assert_cmpint (g_date_get_month (&got.signed_on), ==, 6);
  g_assert_cmpstr (got.signatory_role, ==, "Headteacher");
  ti_charter_adoption_clear (&got);

  /* A review date in the future is the point of it. */
  a.stage = TI_CHARTER_STAGE_REVIEW_DUE;
  g_date_set_dmy (&a.review_on, 1, 6, 2099);
  g_assert_true (ti_charter_set_adoption (f->db, &a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM charter_adoptions WHERE organisation_id = 2"
                             " AND stage = 'review_due' AND review_on = '2099-06-01'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"
                             " WHERE entity = 'charter_adoption' AND entity_id = 2"), ==, 2);
  g_assert_cmpstr (ti_charter_stage_label ("review_due"), ==, "Review due");
}

static void
test_commitments (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  TiCharterCommitment *c;
  GDate due, done, future;
  gint64 id = 0;

  g_date_clear (&due, 1), g_date_clear (&done, 1), g_date_clear (&future, 1);
  g_date_set_dmy (&due, 1, 9, 2024);
  g_date_set_dmy (&done, 1, 8, 2024);
  g_date_set_dmy (&future, 1, 1, 2100);

  g_assert_false (ti_charter_add_commitment (f->db, 3, " ", &due, NULL, NULL, &error));
  g_assert_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_ACTION);
  g_clear_error (&error);
  g_assert_false (ti_charter_add_commitment (f->db, 3, "Train staff", &due, &future, NULL, &error));
  g_assert_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_DONE_ON);
  g_assert_cmpstr (error->message, ==, "The done date cannot be in the future.");
  g_clear_error (&error);

  /* The first commitment starts the organisation's adoption record. */
  g_assert_true (ti_charter_add_commitment (f->db, 3, "Train all staff in Tier 1", &due, NULL,
                                            &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM charter_adoptions WHERE organisation_id = 3"
                             " AND stage = 'not_started'"), ==, 1);
  g_assert_true (ti_charter_update_commitment (f->db, id, "Train all staff", &due, &done, &error));
  g_assert_no_error (error);
  list = ti_charter_list_commitments (f->db, 3, &error);
  g_assert_cmpuint (list->len, ==, 1);
  c = g_ptr_array_index (list, 0);
  g_assert_cmpstr (c->action, ==, "Train all staff");
  g_assert_cmpstr (c->due_on, ==, "2024-09-01");
  g_assert_cmpstr (c->done_on, ==, "2024-08-01");

  g_assert_true (ti_charter_remove_commitment (f->db, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM charter_commitments"), ==, 0);
  g_assert_false (ti_charter_remove_commitment (f->db, id, &error));
  g_assert_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_NOT_FOUND);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"
                             " WHERE entity = 'charter_commitment'"), ==, 3);
}

static void
test_overview (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiCharterOverview) o = NULL;
  TiCharterSectorRow *row;

  g_assert_true (ti_database_exec (f->db, "INSERT INTO charter_adoptions (organisation_id, stage,"
                                          " consultation_started_on) VALUES"
                                          " (2, 'consultation', '2023-03-01')", &error));
  o = ti_charter_get_overview (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (o->total, ==, 3);
  g_assert_cmpuint (o->counts[TI_CHARTER_STAGE_SIGNED], ==, 1);
  g_assert_cmpuint (o->counts[TI_CHARTER_STAGE_CONSULTATION], ==, 1);
  g_assert_cmpuint (o->counts[TI_CHARTER_STAGE_NOT_STARTED], ==, 1);

  /* Only sectors with organisations, in the vocabulary's order: Council, Education. */
  g_assert_cmpuint (o->sectors->len, ==, 2);
  row = g_ptr_array_index (o->sectors, 1);
  g_assert_cmpstr (row->sector, ==, "Education");
  g_assert_cmpuint (row->total, ==, 2);
  g_assert_cmpuint (row->counts[TI_CHARTER_STAGE_CONSULTATION], ==, 1);
  g_assert_cmpuint (row->counts[TI_CHARTER_STAGE_NOT_STARTED], ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/charter/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("principles", test_principles);
  ADD ("adoption", test_adoption);
  ADD ("commitments", test_commitments);
  ADD ("overview", test_overview);
#undef ADD

  return g_test_run ();
}
