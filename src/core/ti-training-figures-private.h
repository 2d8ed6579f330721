/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-training-figures.h"

G_BEGIN_DECLS

/* An evaluation period as bound to the queries: open ends become the earliest and latest
 * dates SQLite writes, so that every comparison is a plain text range on an index. */
typedef struct
{
  char from[11];    /* 'YYYY-MM-DD' */
  char to[11];      /* 'YYYY-MM-DD' */
  char to_time[17]; /* 'YYYY-MM-DD 23:59': the last session start on the last day */
} TiPeriod;

gboolean ti_period_init (TiPeriod *period, const char *from, const char *to, GError **error);
gboolean ti_day_init (char out[11], const char *day, GError **error);

/* What a worker thread reads: a period (copied strings, NULL when open) and a grouping. */
typedef struct
{
  char *from;
  char *to;
  TiReachGrouping grouping;
} TiPeriodJob;

TiPeriodJob *ti_period_job_new (const char *from, const char *to, TiReachGrouping grouping);
void ti_period_job_free (gpointer job);

/* Computes one module's figures of a period into @out, zeroed and of that module's figures
 * type; @as_of is the day statuses are judged on, for the figures that have one. */
typedef gboolean (*TiFiguresComputeFunc) (TiDatabase *db, const char *from, const char *to,
                                          const char *as_of, gpointer out, GError **error);

void ti_figures_compute_async (const char *db_path, const char *from, const char *to,
                               const char *as_of, gsize figures_size,
                               TiFiguresComputeFunc compute, GDestroyNotify free_figures,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data);

const TiFigureDefinition *ti_figure_definition_find (const TiFigureDefinition *definitions,
                                                     guint n_definitions, const char *key);

/* An organisation, and where it stands among the organisations and their directorates. */
typedef struct
{
  gint64 id;
  char *name;
  char *sector;
  char *locality;
  gint64 headcount;
  int parent; /* index of its parent, or -1 when top-level */
  int root;   /* index of its top-level organisation (itself when top-level) */
} TiOrganisationNode;

/* Every organisation, in name order, each walked up to its top-level organisation: read once
 * and shared by the Tier 1 tally and the network tally (reference counted). */
typedef struct
{
  GArray *nodes;        /* of TiOrganisationNode */
  GHashTable *index_of; /* organisation id → index + 1 */
} TiOrganisationTree;

TiOrganisationTree *ti_organisation_tree_new (TiDatabase *db, GError **error);
TiOrganisationTree *ti_organisation_tree_ref (TiOrganisationTree *tree);
void ti_organisation_tree_unref (TiOrganisationTree *tree);
int ti_organisation_tree_find (const TiOrganisationTree *tree, gint64 id);

#define TI_ORGANISATION_NODE(tree, i) (&g_array_index ((tree)->nodes, TiOrganisationNode, (i)))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiOrganisationTree, ti_organisation_tree_unref)

/* Tier 1 counted for a period in one pass over the completions (see ti-tier1-reach.c). */
typedef struct _TiTier1Tally TiTier1Tally;

TiTier1Tally *ti_tier1_tally_new (TiDatabase *db, const TiPeriod *period, GError **error);
TiOrganisationTree *ti_tier1_tally_get_organisations (TiTier1Tally *tally);
void ti_tier1_tally_free (TiTier1Tally *tally);
void ti_tier1_tally_totals (TiTier1Tally *tally, guint *completions, guint *people, guint *reached,
                            gint64 *headcount);
GListModel *ti_tier1_tally_rows (TiTier1Tally *tally, TiReachGrouping grouping);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiTier1Tally, ti_tier1_tally_free)

/* 'YYYY-MM-DD' (or a longer date-time) → months since year 0: year × 12 + month − 1, so that
 * months sort and follow one another (the #TiSeries month format). */
int ti_month_number (const char *date);

/* Facilitator kinds, in the order of the sessions_coordinator, _psychologist and _champion
 * figures. */
typedef enum
{
  TI_FACILITATOR_COORDINATOR,
  TI_FACILITATOR_PSYCHOLOGIST,
  TI_FACILITATOR_CHAMPION,
  TI_FACILITATOR_N_KINDS
} TiFacilitatorKind;

/* Delivered sessions of one tier in a period, and their attendees, as the training figures
 * count them. */
typedef struct
{
  guint sessions;
  guint by_facilitator[TI_FACILITATOR_N_KINDS];
  guint attendees;
  guint completions;
  guint paired;
  gint64 before; /* sums of the paired scores */
  gint64 after;
  guint improved;
} TiTierCount;

void ti_tier_count_add (TiTierCount *sum, const TiTierCount *count);
double ti_tier_count_mean_before (const TiTierCount *count);
double ti_tier_count_mean_after (const TiTierCount *count);

/* Session completions (attendees marked completed) of one month, by tier. */
typedef struct
{
  int month; /* ti_month_number() of the sessions' start */
  guint completions[2];
} TiMonthCompletions;

/* What the training figures are counted from, split for the evaluation's charts. */
typedef struct
{
  TiTier1Tally *tier1;
  TiTierCount tiers[2];          /* [0] Tier 2, [1] Tier 3 */
  GArray *completions_by_month; /* of TiMonthCompletions: months with any, in time order */
} TiTrainingBreakdown;

gboolean ti_training_figures_compute_breakdown (TiDatabase *db, const char *from, const char *to,
                                                TiTrainingFigures *out,
                                                TiTrainingBreakdown *breakdown, GError **error);
void ti_training_breakdown_clear (TiTrainingBreakdown *breakdown);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TiTrainingBreakdown, ti_training_breakdown_clear)

G_END_DECLS
