/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-util.h"
#include "ti-fidelity.h"
#include "ti-reviews.h"

/*
 * The fidelity checklist: a new programme has the eight default items (ids 1–8). Two past
 * reviews answered every item; the second found item 7 (wellbeing support) not met.
 */
static const char fixture[] =
  "INSERT INTO people (id, name, role) VALUES (1, 'Dr Rowan Hale', 'psychologist');"
  "INSERT INTO sessions (id, tier, title, starts_at, status, review_status) VALUES"
  "  (1, 2, 'Trauma-skilled practice', '2023-03-01 10:00', 'delivered', 'approved'),"
  "  (2, 2, 'Trauma-skilled police', '2023-03-15 10:00', 'delivered', 'changes_requested');"
  "INSERT INTO reviews (id, session_id, reviewer_id, reviewed_on, outcome, notes) VALUES"
  "  (1, 1, 1, '2023-03-10', 'approved', NULL),"
  "  (2, 2, 1, '2023-03-20', 'changes_requested', 'Add a check-out.');"
  "INSERT INTO review_answers (review_id, item_id, met)"
  "  SELECT r.id, i.id, NOT (r.id = 2 AND i.id = 7) FROM reviews r, fidelity_items i;";

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "fidelity.sqlite", fixture);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_programme_tear_down (f);
}

/* The first eight characters of each item in order, joined with "|", checking positions
 * are 1…n. */
static char *
item_texts (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = ti_fidelity_list_items (f->db, FALSE, &error);
  g_autoptr (GString) texts = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      TiFidelityItem *item = g_ptr_array_index (items, i);
      g_assert_cmpuint (item->position, ==, i + 1);
      g_assert_false (item->retired);
      g_string_append_printf (texts, "%s%.*s", i ? "|" : "", 8, item->text);
    }
  return g_string_free (g_steal_pointer (&texts), FALSE);
}

static void
expect_texts (Fixture *f, const char *expected)
{
  g_autofree char *texts = item_texts (f);

  g_assert_cmpstr (texts, ==, expected);
}

static void
expect_refused (gboolean done, GError **error, int code, const char *message)
{
  g_assert_false (done);
  g_assert_error (*error, TI_FIDELITY_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr ((*error)->message, ==, message);
  g_clear_error (error);
}

/* The words the second review's unmet item is shown with in the session's history. */
static char *
unmet_words (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = ti_reviews_session_history (f->db, 2, &error);
  TiReviewEntry *entry;

  g_assert_no_error (error);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpuint (entry->unmet->len, ==, 1);
  return g_strdup (((TiReviewUnmet *) g_ptr_array_index (entry->unmet, 0))->item);
}

static void
test_defaults (Fixture *f, gconstpointer data)
{
  /* The working definition: the four Rs, the charter modelled, the audience, wellbeing,
   * disclosures. */
  expect_texts (f, "Realise:|Recognis|Respond:|Resist r|Modelled|Adapted |Offered |Handled ");
}

static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *long_text = g_strnfill (TI_FIDELITY_ITEM_MAX_CHARS + 1, 'x');
  gint64 id = 0, renamed = 0;
  gboolean retired = TRUE;

  /* Add: at the end, trimmed; blank, too long or already there is refused in words. */
  g_assert_true (ti_fidelity_add_item (f->db, "  Used strengths-based language ", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM fidelity_items"
                                      " WHERE text = 'Used strengths-based language'"
                                      " AND position = 9"), ==, 1);
  expect_refused (ti_fidelity_add_item (f->db, "USED STRENGTHS-BASED LANGUAGE", NULL, &error),
                  &error, TI_FIDELITY_ERROR_TEXT,
                  "The checklist already has the item “USED STRENGTHS-BASED LANGUAGE”.");
  expect_refused (ti_fidelity_add_item (f->db, " ", NULL, &error), &error,
                  TI_FIDELITY_ERROR_TEXT, "Enter what the psychologist checks.");
  expect_refused (ti_fidelity_add_item (f->db, long_text, NULL, &error), &error,
                  TI_FIDELITY_ERROR_TEXT,
                  "Keep an item to 300 characters or fewer; the detail belongs in the review’s "
                  "comments.");

  /* Rename an item nobody answered: in place. */
  g_assert_true (ti_fidelity_rename_item (f->db, id, "Used strengths-based words", &renamed,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (renamed, ==, id);
  expect_refused (ti_fidelity_rename_item (f->db, id, "realise: EXPLAINED what trauma and adverse "
                                           "childhood experiences are, how common they are and "
                                           "how they affect people", NULL, &error),
                  &error, TI_FIDELITY_ERROR_TEXT, NULL);

  /* Move it first; out of range is refused. */
  g_assert_true (ti_fidelity_move_item (f->db, id, 1, &error));
  g_assert_no_error (error);
  expect_texts (f, "Used str|Realise:|Recognis|Respond:|Resist r|Modelled|Adapted |Offered |"
                   "Handled ");
  expect_refused (ti_fidelity_move_item (f->db, id, 10, &error), &error,
                  TI_FIDELITY_ERROR_POSITION, "Choose a position from 1 to 9.");

  /* Remove it: nobody answered it, so it is deleted, and the others move up. */
  g_assert_true (ti_fidelity_remove_item (f->db, id, &retired, &error));
  g_assert_no_error (error);
  g_assert_false (retired);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM fidelity_items"), ==, 8);
  expect_texts (f, "Realise:|Recognis|Respond:|Resist r|Modelled|Adapted |Offered |Handled ");
  expect_refused (ti_fidelity_remove_item (f->db, id, NULL, &error), &error,
                  TI_FIDELITY_ERROR_NOT_FOUND,
                  "This item is no longer in the fidelity checklist.");

  /* add, rename, move, remove: one audit entry each. */
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM audit_log"
                                      " WHERE entity = 'fidelity_item'"), ==, 4);
}

static void
test_retire (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *words = NULL;
  TiFidelityItem *item;
  gboolean retired = FALSE;

  /* Item 7 was answered: removing it retires it; the past review still shows it. */
  g_assert_true (ti_fidelity_remove_item (f->db, 7, &retired, &error));
  g_assert_no_error (error);
  g_assert_true (retired);
  expect_texts (f, "Realise:|Recognis|Respond:|Resist r|Modelled|Adapted |Handled ");
  words = unmet_words (f);
  g_assert_true (g_str_has_prefix (words, "Offered wellbeing support"));

  /* Listed with the retired ones, last, with its uses. */
  all = ti_fidelity_list_items (f->db, TRUE, &error);
  g_assert_cmpuint (all->len, ==, 8);
  item = g_ptr_array_index (all, 7);
  g_assert_cmpint (item->id, ==, 7);
  g_assert_true (item->retired);
  g_assert_cmpuint (item->uses, ==, 2);
  expect_refused (ti_fidelity_rename_item (f->db, 7, "Anything", NULL, &error), &error,
                  TI_FIDELITY_ERROR_NOT_FOUND, NULL);

  /* Undo: back where it was. */
  g_assert_true (ti_fidelity_restore_item (f->db, 7, 7, &error));
  g_assert_no_error (error);
  expect_texts (f, "Realise:|Recognis|Respond:|Resist r|Modelled|Adapted |Offered |Handled ");
  expect_refused (ti_fidelity_restore_item (f->db, 7, 1, &error), &error,
                  TI_FIDELITY_ERROR_NOT_FOUND, "This item is already in the fidelity checklist.");
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM audit_log WHERE entity ="
                                      " 'fidelity_item' AND action IN ('update', 'restore')"),
                   ==, 2);
}

static void
test_reword_answered (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *words = NULL;
  gint64 renamed = 0;

  /* Rewording an answered item keeps the old words for the old reviews: a new item takes
   * its place, and the old one is retired. */
  g_assert_true (ti_fidelity_rename_item (f->db, 7, "Offered wellbeing support and signposting",
                                          &renamed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (renamed, !=, 7);
  expect_texts (f, "Realise:|Recognis|Respond:|Resist r|Modelled|Adapted |Offered |Handled ");
  g_assert_cmpint (test_count (f->db, "SELECT position FROM fidelity_items WHERE text ="
                                      " 'Offered wellbeing support and signposting'"
                                      " AND retired = 0"), ==, 7);
  g_assert_cmpint (test_count (f->db, "SELECT retired FROM fidelity_items WHERE id = 7"), ==, 1);
  words = unmet_words (f);
  g_assert_true (g_str_has_prefix (words, "Offered wellbeing support: opt-out"));
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM audit_log"
                                      " WHERE entity = 'fidelity_item'"), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/fidelity/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("defaults", test_defaults);
  ADD ("edit", test_edit);
  ADD ("retire", test_retire);
  ADD ("reword-answered", test_reword_answered);
#undef ADD

  return g_test_run ();
}
