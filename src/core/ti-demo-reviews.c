/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-demo-private.h"
#include "ti-session.h"

/* ------------------------------------------------------------------------------------- */
/* The psychologist's reviews of delivered sessions                                        */

/* Delivered sessions not led by psychologists alone (ti_facilitators_are_psychologists(),
 * the rule saving a session follows) go to the psychologist's review queue: recent ones
 * mostly wait, older ones are mostly approved, some after changes. */
void
ti_demo_plan_review (DemoBuilder *b, DemoSession *s)
{
  /* The demo's facilitator kinds, in their enum's order, as the programme stores them. */
  static const char *const kind_keys[] = { "coordinator", "psychologist", "champion" };
  const char *kinds[MAX_FACILITATORS] = { NULL };
  DemoRng *rng = &b->rng;
  gboolean needs_review;
  guint reviewer = STAFF_CLINICAL_PSYCHOLOGIST;
  int earliest, d1;
  double r;

  s->first_review = s->second_review = -1;
  s->review_status = REVIEW_NOT_DUE;
  for (guint i = 0; i < s->n_facilitators; i++)
    {
      kinds[i] = kind_keys[s->facilitator_kinds[i]];
      if (s->facilitator_kinds[i] == FACILITATOR_PSYCHOLOGIST
          && s->facilitators[i] == STAFF_CLINICAL_PSYCHOLOGIST)
        reviewer = STAFF_EDUCATIONAL_PSYCHOLOGIST; /* nobody reviews their own session */
    }
  needs_review = !ti_facilitators_are_psychologists (kinds, s->n_facilitators);
  if (s->status != SESSION_DELIVERED || !needs_review)
    return;
  if (reviewer == STAFF_CLINICAL_PSYCHOLOGIST && s->tier == 2 && ti_demo_rng_chance (rng, 0.3))
    reviewer = STAFF_EDUCATIONAL_PSYCHOLOGIST;
  s->reviewer = reviewer;
  s->review_status = REVIEW_AWAITING;

  earliest = MAX (s->day + 2, b->staff_start[reviewer]);
  if (earliest > b->today)
    return;
  d1 = ti_demo_imin (ti_demo_rng_range (rng, earliest, earliest + 21), b->today);

  if (b->today - s->day < 14)
    {
      if (ti_demo_rng_chance (rng, 0.25))
        {
          s->review_status = REVIEW_APPROVED;
          s->first_review = ti_demo_rng_range (rng, earliest, b->today);
        }
      return;
    }

  r = ti_demo_rng_unit (rng);
  if (r < 0.07)
    return; /* still in the queue */
  s->first_review = d1;
  if (r < 0.14)
    {
      s->review_status = REVIEW_CHANGES_REQUESTED;
      return;
    }
  s->review_status = REVIEW_APPROVED;
  if (ti_demo_rng_chance (rng, 0.18))
    {
      int d2 = d1 + ti_demo_rng_range (rng, 7, 35);
      if (d2 <= b->today)
        s->second_review = d2;
    }
}

/* One for each default checklist item (ti-defaults.c), in its order. */
static const char *const unmet_comments[] = {
  "The prevalence of adverse childhood experiences was not covered.",
  "Little on how trauma shows itself in the people the participants work with.",
  "The session ended before next steps for the participants' own service.",
  "Re-traumatisation was named but not linked to everyday practice.",
  "Some case discussion slipped into blaming language, which the charter asks us to avoid.",
  "The examples came from a different setting from the participants' own.",
  "No check-out, and staff wellbeing support was not signposted.",
  "What happens if something personal is shared was not set out at the start.",
};
static const char *const praise_comments[] = {
  "Good use of local examples.", "Participants clearly felt safe to contribute.",
  "Strong links to the county charter.", "Well paced, with time for reflection.", NULL
};
static const char *const approved_notes[] = {
  "Good fidelity to the Tier 2 model; approved.",
  "Approved. A confident, well-structured session.",
  "Approved; lovely use of examples from the host's own work.",
  "Approved. Consider a longer check-out next time.", NULL
};

static gboolean
write_review (DemoBuilder *b, sqlite3_stmt *review, sqlite3_stmt *answer, gint64 *review_id,
              guint session, const DemoSession *s, int day, gboolean approved,
              guint *unmet_mask, GError **error)
{
  guint previous = *unmet_mask;
  guint mask = 0;

  if (!approved)
    {
      guint n_unmet = ti_demo_rng_range (&b->rng, 1, 2);
      for (guint i = 0; i < n_unmet; i++)
        mask |= 1u << ti_demo_rng_below (&b->rng, b->n_items);
    }

  ++*review_id;
  sqlite3_bind_int64 (review, 1, *review_id);
  sqlite3_bind_int64 (review, 2, session + 1);
  sqlite3_bind_int64 (review, 3, s->reviewer + 1);
  ti_demo_bind_day (b, review, 4, day);
  ti_demo_bind_text (review, 5, approved ? "approved" : "changes_requested");
  ti_demo_bind_text (review, 6,
                     !approved  ? "Changes requested: see the checklist comments, and let's "
                                  "talk them through at supervision."
                     : previous ? "Changes made as agreed; approved."
                                : ti_demo_rng_pick (&b->rng, approved_notes));
  if (!ti_demo_step_done (b, review, error))
    return FALSE;

  for (guint i = 0; i < b->n_items; i++)
    {
      gboolean met = (mask & (1u << i)) == 0;
      const char *comment = NULL;

      if (!met)
        comment = unmet_comments[i % G_N_ELEMENTS (unmet_comments)];
      else if (previous & (1u << i))
        comment = "Addressed since the last review.";
      else if (ti_demo_rng_chance (&b->rng, 0.1))
        comment = ti_demo_rng_pick (&b->rng, praise_comments);

      sqlite3_bind_int64 (answer, 1, *review_id);
      sqlite3_bind_int64 (answer, 2, b->item_ids[i]);
      sqlite3_bind_int (answer, 3, met);
      ti_demo_bind_text (answer, 4, comment);
      if (!ti_demo_step_done (b, answer, error))
        return FALSE;
    }
  *unmet_mask = mask;
  return TRUE;
}

static gboolean
load_fidelity_items (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    b->db, "SELECT id FROM fidelity_items WHERE retired = 0 ORDER BY position, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  b->n_items = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && b->n_items < G_N_ELEMENTS (b->item_ids))
    b->item_ids[b->n_items++] = sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (b->db, rc, _("reading the fidelity checklist"),
                                              error);
  return TRUE;
}

gboolean
ti_demo_write_reviews (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) review = NULL;
  g_autoptr (sqlite3_stmt) answer = NULL;
  gint64 review_id = 0;

  if (!ti_demo_step_begin (b, STEP_REVIEWS, error) || !load_fidelity_items (b, error))
    return FALSE;
  if (b->n_items == 0)
    return TRUE;

  review = ti_database_prepare (b->db,
                                "INSERT INTO reviews (id, session_id, reviewer_id, reviewed_on,"
                                " outcome, notes) VALUES (?, ?, ?, ?, ?, ?)",
                                error);
  answer = ti_database_prepare (b->db,
                                "INSERT INTO review_answers (review_id, item_id, met, comment)"
                                " VALUES (?, ?, ?, ?)",
                                error);
  if (review == NULL || answer == NULL)
    return FALSE;

  for (guint i = 0; i < b->sessions->len; i++)
    {
      const DemoSession *s = SESSION (b, i);
      guint unmet = 0;

      if (s->first_review < 0)
        continue;
      if (s->second_review >= 0)
        {
          /* The history: changes asked for first, then approved. */
          if (!write_review (b, review, answer, &review_id, i, s, s->first_review, FALSE, &unmet,
                             error)
              || !write_review (b, review, answer, &review_id, i, s, s->second_review, TRUE,
                                &unmet, error))
            return FALSE;
        }
      else if (!write_review (b, review, answer, &review_id, i, s, s->first_review,
                              s->review_status == REVIEW_APPROVED, &unmet, error))
        return FALSE;
      if (!ti_demo_step_tick (b, i, b->sessions->len, error))
        return FALSE;
    }
  return TRUE;
}

