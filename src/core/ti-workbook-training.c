/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-review-status.h"
#include "ti-vocabulary.h"
#include "ti-workbook-private.h"

/*
 * The training sheets: Tier 1 reach by organisation (small numbers hidden), every Tier 2/3
 * session of the period, confidence by tier, and the reviews recorded. The reach and the
 * confidence come from the training figures' own tallies, so they equal the dashboards'.
 */

/* Binds the period as the figures modules do: ?1 first day, ?2 last day, ?3 last start. */
static sqlite3_stmt *
prepare_for_period (TiWorkbookExport *export, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = ti_database_prepare (export->db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, export->period.from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, export->period.to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, export->period.to_time, -1, SQLITE_STATIC);
  return stmt;
}

static double
ratio (gint64 part, gint64 whole)
{
  return whole > 0 ? (double)part / (double)whole : NAN;
}

/* Tier 1 reach by organisation. */

/* The sector's place in the vocabulary, so that each sector is a group of its own. */
static int
sector_index (const char *key)
{
  guint n;
  const TiTerm *sectors = ti_vocabulary_sectors (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (sectors[i].key, key) == 0)
      return (int)i;
  return (int)n;
}

enum
{
  REACH_COMPLETIONS,
  REACH_REACHED,
  REACH_N_COUNTS
};

static void
write_reach (TiWorkbookExport *export, TiTier1Tally *tally)
{
  static const char *headings[] = { N_ ("Organisation"), N_ ("Part of"), N_ ("Sector"),
                                    N_ ("Locality"), N_ ("Headcount"),
                                    N_ ("Tier 1 completions"), N_ ("People reached"),
                                    N_ ("Reach"), N_ ("Counted in the reach figure") };
  static const double widths[] = { 40, 30, 20, 22, 12, 14, 12, 10, 12 };
  TiOrganisationTree *tree = ti_tier1_tally_get_organisations (tally);
  g_autoptr (GListModel) rows = ti_tier1_tally_rows (tally, TI_REACH_BY_ORGANISATION);
  guint n = g_list_model_get_n_items (rows);
  g_autofree char *hidden = g_strdup_printf ("<%u", export->options->suppression_threshold);
  TiSuppression suppression;
  TiSheet sheet;

  ti_sheet_start (&sheet, export, "Tier 1 reach", _("Tier 1 reach by organisation"),
                  _("Each organisation with its directorates: completions in the period, "
                    "people reached by its last day, and reach over its headcount."));
  ti_sheet_columns (&sheet, headings, widths, G_N_ELEMENTS (headings));

  ti_suppression_init (&suppression, export->options->suppression_threshold, n, REACH_N_COUNTS);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiReachRow) row = g_list_model_get_item (rows, i);
      const TiOrganisationNode *node = TI_ORGANISATION_NODE (tree, i);

      suppression.values[i * REACH_N_COUNTS + REACH_COMPLETIONS]
        = ti_reach_row_get_completions (row);
      suppression.values[i * REACH_N_COUNTS + REACH_REACHED] = ti_reach_row_get_reached (row);
      /* Directorates with their siblings; top-level organisations with their sector's,
       * which the reach by sector adds up. */
      suppression.groups[i] = node->parent >= 0 ? node->parent : -1 - sector_index (node->sector);
      if (node->parent >= 0)
        suppression.avoid[node->parent] = TRUE;
    }
  ti_suppression_apply (&suppression);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiReachRow) row = g_list_model_get_item (rows, i);
      const TiOrganisationNode *node = TI_ORGANISATION_NODE (tree, i);
      double reach = ti_reach_row_get_reach (row);
      /* The reach figure counts Somerset's organisations with a known headcount. */
      gboolean counted = node->headcount > 0
                         && g_strcmp0 (TI_ORGANISATION_NODE (tree, node->root)->locality,
                                       "outside_somerset")
                              != 0;

      ti_sheet_text (&sheet, 0, node->name);
      if (node->parent >= 0)
        ti_sheet_text (&sheet, 1, TI_ORGANISATION_NODE (tree, node->parent)->name);
      ti_sheet_text (&sheet, 2, ti_vocabulary_sector_label (node->sector));
      ti_sheet_text (&sheet, 3, ti_vocabulary_locality_label (node->locality));
      if (node->headcount > 0)
        ti_sheet_count (&sheet, 4, node->headcount);
      ti_sheet_suppressed_count (&sheet, 5, &suppression, i, REACH_COMPLETIONS);
      ti_sheet_suppressed_count (&sheet, 6, &suppression, i, REACH_REACHED);
      /* Reach would give a hidden count away with the headcount beside it. */
      if (suppression.hidden[i * REACH_N_COUNTS + REACH_REACHED])
        ti_sheet_text_format (&sheet, 7, hidden, export->formats.hidden);
      else if (reach >= 0 && counted)
        ti_sheet_number (&sheet, 7, reach, export->formats.percent);
      ti_sheet_text (&sheet, 8, counted ? _("Yes") : _("No"));
      sheet.row++;
    }
  ti_suppression_clear (&suppression);
  ti_sheet_finish (&sheet);
  ti_sheet_note (export, "Tier 1 reach",
                 _("One row per organisation and directorate, in name order; a parent’s row "
                   "includes its directorates. Completions are dated in the period; people "
                   "reached are counted by the period’s last day, at most the headcount. A "
                   "headcount left empty is not known. Organisations outside Somerset, and "
                   "those without a headcount, are not counted in the reach figure (their reach "
                   "is left empty). Small numbers are hidden as the Notes sheet says."));
}

/* Every Tier 2/3 session of the period, delivered or not: the register summed per session,
 * confidence over the attendees with both scores as the training figures count it. */
static const char sessions_sql[]
  = "SELECT s.starts_at, s.tier, s.title, o.name, o.sector, s.mode, s.status, s.review_status,"
    "  (SELECT group_concat(kind, ',') FROM (SELECT DISTINCT f.kind FROM session_facilitators f"
    "     WHERE f.session_id = s.id ORDER BY f.kind)),"
    "  coalesce(sum(a.attended), 0), coalesce(sum(a.completed), 0),"
    "  coalesce(sum(a.attended = 1 AND a.confidence_before IS NOT NULL"
    "               AND a.confidence_after IS NOT NULL), 0),"
    "  coalesce(sum(CASE WHEN a.attended = 1 AND a.confidence_after IS NOT NULL"
    "               THEN a.confidence_before END), 0),"
    "  coalesce(sum(CASE WHEN a.attended = 1 AND a.confidence_before IS NOT NULL"
    "               THEN a.confidence_after END), 0),"
    "  CASE WHEN ?4 THEN (SELECT group_concat(p.name, ', ') FROM session_facilitators f"
    "    JOIN people p ON p.id = f.person_id WHERE f.session_id = s.id) END"
    " FROM sessions s LEFT JOIN organisations o ON o.id = s.host_organisation_id"
    " LEFT JOIN attendance a ON a.session_id = s.id"
    " WHERE s.starts_at BETWEEN ?1 AND ?3"
    " GROUP BY s.id ORDER BY s.starts_at, s.id";

static const char *
facilitator_kind_label (const char *key)
{
  if (g_str_equal (key, "coordinator"))
    return _("Coordinator");
  if (g_str_equal (key, "psychologist"))
    return _("Psychologist");
  if (g_str_equal (key, "champion"))
    return _("Champion");
  return NULL;
}

static gboolean
write_sessions (TiWorkbookExport *export, GError **error)
{
  static const char *headings[] = {
    N_ ("Date"), N_ ("Tier"), N_ ("Session"), N_ ("Host organisation"), N_ ("Host sector"),
    N_ ("Mode"), N_ ("Status"), N_ ("Facilitated by"), N_ ("Attendees"), N_ ("Completed"),
    N_ ("Completion rate"), N_ ("Attendees with both scores"), N_ ("Confidence before"),
    N_ ("Confidence after"), N_ ("Confidence change"), N_ ("Review"), N_ ("Facilitators"),
  };
  static const double widths[] = { 12, 6, 40, 36, 18, 10, 11, 24, 10, 11, 11, 12, 11, 11, 11,
                                   18, 36 };
  gboolean names = export->options->include_names;
  g_autoptr (sqlite3_stmt) stmt = prepare_for_period (export, sessions_sql, error);
  TiSheet sheet;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 4, names);
  ti_sheet_start (&sheet, export, "Sessions", _("Tier 2 and 3 sessions"),
                  _("Every session starting in the period, whatever its status; only "
                    "delivered sessions count in the figures."));
  ti_sheet_columns (&sheet, headings, widths, G_N_ELEMENTS (headings) - (names ? 0 : 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiSessionStatus status = TI_SESSION_PLANNED;
      TiReviewStatus review = TI_REVIEW_NOT_DUE;
      g_autofree char *kinds = ti_workbook_labels (ti_column_text (stmt, 8), facilitator_kind_label);
      gint64 attended = sqlite3_column_int64 (stmt, 9);
      gint64 paired = sqlite3_column_int64 (stmt, 11);
      double before = ratio (sqlite3_column_int64 (stmt, 12), paired);
      double after = ratio (sqlite3_column_int64 (stmt, 13), paired);

      ti_session_status_from_key (ti_column_text (stmt, 6), &status);
      ti_review_status_from_key (ti_column_text (stmt, 7), &review);
      ti_sheet_date (&sheet, 0, ti_column_text (stmt, 0));
      ti_sheet_count (&sheet, 1, sqlite3_column_int (stmt, 1));
      ti_sheet_text (&sheet, 2, ti_column_text (stmt, 2));
      ti_sheet_text (&sheet, 3, ti_column_text (stmt, 3));
      if (ti_column_text (stmt, 4) != NULL)
        ti_sheet_text (&sheet, 4, ti_vocabulary_sector_label (ti_column_text (stmt, 4)));
      ti_sheet_text (&sheet, 5, g_str_equal (ti_column_text (stmt, 5), "online") ? _("Online")
                                                                               : _("In person"));
      ti_sheet_text (&sheet, 6, ti_session_status_label (status));
      ti_sheet_text (&sheet, 7, kinds);
      ti_sheet_count (&sheet, 8, attended);
      ti_sheet_count (&sheet, 9, sqlite3_column_int64 (stmt, 10));
      ti_sheet_number (&sheet, 10, ratio (sqlite3_column_int64 (stmt, 10), attended),
                       export->formats.percent);
      ti_sheet_count (&sheet, 11, paired);
      ti_sheet_number (&sheet, 12, before, export->formats.score);
      ti_sheet_number (&sheet, 13, after, export->formats.score);
      ti_sheet_number (&sheet, 14, after - before, export->formats.decimal);
      ti_sheet_text (&sheet, 15, ti_review_status_label (review));
      if (names)
        ti_sheet_text (&sheet, 16, ti_column_text (stmt, 14));
      sheet.row++;
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (export->db, rc, _("listing the sessions"), error);
  ti_sheet_finish (&sheet);
  ti_sheet_note (export, "Sessions",
                 _("One row per Tier 2 or 3 session starting in the period. Attendees are "
                   "register entries marked attended; confidence (1–5) is the mean over the "
                   "attendees with both scores, as in the figures; Review is the session’s "
                   "review status today. Facilitators appear by kind only unless names are "
                   "included."));
  return TRUE;
}

/* Confidence by tier, from the training figures' own tier counts. */
static void
write_tier_row (TiSheet *sheet, const char *tier, const TiTierCount *count)
{
  TiWorkbookFormats *f = &sheet->export->formats;
  double before = ti_tier_count_mean_before (count);
  double after = ti_tier_count_mean_after (count);

  ti_sheet_text (sheet, 0, tier);
  ti_sheet_count (sheet, 1, count->sessions);
  ti_sheet_count (sheet, 2, count->attendees);
  ti_sheet_count (sheet, 3, count->completions);
  ti_sheet_number (sheet, 4, ratio (count->completions, count->attendees), f->percent);
  ti_sheet_count (sheet, 5, count->paired);
  ti_sheet_number (sheet, 6, before, f->score);
  ti_sheet_number (sheet, 7, after, f->score);
  ti_sheet_number (sheet, 8, ratio (count->after - count->before, count->paired), f->decimal);
  ti_sheet_number (sheet, 9, ratio (count->improved, count->paired), f->percent);
  sheet->row++;
}

static void
write_confidence (TiWorkbookExport *export, const TiTrainingBreakdown *breakdown)
{
  static const char *headings[] = { N_ ("Tier"), N_ ("Sessions delivered"), N_ ("Attendees"),
                                    N_ ("Completed"), N_ ("Completion rate"),
                                    N_ ("Attendees with both scores"),
                                    N_ ("Mean confidence before"),
                                    N_ ("Mean confidence after"), N_ ("Mean change"),
                                    N_ ("More confident") };
  static const double widths[] = { 14, 12, 11, 11, 11, 13, 13, 13, 11, 11 };
  TiTierCount all = { 0 };
  TiSheet sheet;

  for (guint t = 0; t < G_N_ELEMENTS (breakdown->tiers); t++)
    ti_tier_count_add (&all, &breakdown->tiers[t]);
  ti_sheet_start (&sheet, export, "Confidence", _("Confidence by tier"),
                  _("Delivered sessions of the period; confidence (1–5) before and after, over "
                    "the attendees with both scores."));
  ti_sheet_columns (&sheet, headings, widths, G_N_ELEMENTS (headings));
  write_tier_row (&sheet, _("Tier 2"), &breakdown->tiers[0]);
  write_tier_row (&sheet, _("Tier 3"), &breakdown->tiers[1]);
  worksheet_set_row (sheet.worksheet, sheet.row, LXW_DEF_ROW_HEIGHT, export->formats.label);
  write_tier_row (&sheet, _("Tiers 2 and 3"), &all);
  /* Three rows, the last their total: nothing to filter. */
  ti_sheet_note (export, "Confidence",
                 _("Delivered sessions by tier, counted as the training figures count them: "
                   "the last row equals the Summary’s confidence figures."));
}

/* The reviews recorded in the period, with the session they were of. */
static const char reviews_sql[]
  = "SELECT r.reviewed_on, s.starts_at, s.tier, s.title, r.outcome, r.reviewer_id, p.name,"
    "  CAST (julianday (r.reviewed_on) - julianday (date (s.starts_at)) AS INTEGER),"
    "  (SELECT count(*) FROM review_answers ra WHERE ra.review_id = r.id AND ra.met = 1),"
    "  (SELECT count(*) FROM review_answers ra WHERE ra.review_id = r.id),"
    "  (SELECT count(*) FROM reviews e WHERE e.session_id = r.session_id"
    "     AND (e.reviewed_on < r.reviewed_on OR (e.reviewed_on = r.reviewed_on AND e.id < r.id)))"
    " FROM reviews r JOIN sessions s ON s.id = r.session_id"
    " LEFT JOIN people p ON p.id = r.reviewer_id"
    " WHERE r.reviewed_on BETWEEN ?1 AND ?2 ORDER BY r.reviewed_on, r.id";

static gboolean
write_reviews (TiWorkbookExport *export, GError **error)
{
  static const char *headings[] = { N_ ("Reviewed on"), N_ ("Session date"), N_ ("Tier"),
                                    N_ ("Session"), N_ ("Outcome"), N_ ("Reviewer"),
                                    N_ ("Days after session"), N_ ("Fidelity items met"),
                                    N_ ("Fidelity items"), N_ ("Review number (1 = first)") };
  static const double widths[] = { 12, 12, 6, 40, 18, 16, 11, 11, 10, 12 };
  g_autoptr (sqlite3_stmt) stmt = prepare_for_period (export, reviews_sql, error);
  TiSheet sheet;
  int rc;

  if (stmt == NULL)
    return FALSE;
  ti_sheet_start (&sheet, export, "Reviews", _("Reviews of facilitated sessions"),
                  _("Every review recorded in the period; a session reviewed twice has two "
                    "rows."));
  ti_sheet_columns (&sheet, headings, widths, G_N_ELEMENTS (headings));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiReviewOutcome outcome = TI_REVIEW_OUTCOME_APPROVED;
      g_autofree char *reviewer = NULL;

      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        reviewer = ti_workbook_person (export, sqlite3_column_int64 (stmt, 5),
                                       ti_column_text (stmt, 6));
      ti_review_outcome_from_key (ti_column_text (stmt, 4), &outcome);
      ti_sheet_date (&sheet, 0, ti_column_text (stmt, 0));
      ti_sheet_date (&sheet, 1, ti_column_text (stmt, 1));
      ti_sheet_count (&sheet, 2, sqlite3_column_int (stmt, 2));
      ti_sheet_text (&sheet, 3, ti_column_text (stmt, 3));
      ti_sheet_text (&sheet, 4, ti_review_outcome_label (outcome));
      ti_sheet_text (&sheet, 5, reviewer);
      ti_sheet_count (&sheet, 6, sqlite3_column_int64 (stmt, 7));
      ti_sheet_count (&sheet, 7, sqlite3_column_int64 (stmt, 8));
      ti_sheet_count (&sheet, 8, sqlite3_column_int64 (stmt, 9));
      ti_sheet_count (&sheet, 9, sqlite3_column_int64 (stmt, 10) + 1);
      sheet.row++;
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (export->db, rc, _("listing the reviews"), error);
  ti_sheet_finish (&sheet);
  ti_sheet_note (export, "Reviews",
                 _("One row per review recorded in the period: its outcome, the fidelity "
                   "checklist items met, and whether it was the session’s first review (1) or "
                   "a later one. Reviewers appear by pseudonymous ID unless names are "
                   "included; review notes are not exported."));
  return TRUE;
}

/**
 * ti_workbook_write_training:
 *
 * Writes the Tier 1 reach, Sessions, Confidence and Reviews sheets.
 */
gboolean
ti_workbook_write_training (TiWorkbookExport *export, GError **error)
{
  const TiTrainingBreakdown *breakdown = &export->sources.breakdown;

  write_reach (export, breakdown->tier1);
  if (!write_sessions (export, error))
    return FALSE;
  write_confidence (export, breakdown);
  return write_reviews (export, error);
}
