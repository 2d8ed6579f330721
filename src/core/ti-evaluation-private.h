/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-engagement-figures.h"
#include "ti-evaluation.h"
#include "ti-event-figures-private.h"
#include "ti-milestone-figures-private.h"
#include "ti-network-figures-private.h"
#include "ti-training-figures-private.h"

G_BEGIN_DECLS

/* Shared by the ti-evaluation*.c files only. */

/* A milestone, with its status today (ti_milestone_status_as_of()). */
typedef struct
{
  gint64 id;
  char *title;
  char *due_month;
  char *done_on;
  char *workstream;
  TiMilestoneStatus status;
} TiEvaluationMilestone;

/* Everything the evaluation is computed from, read in one snapshot: each figures module's
 * figures, and what they were counted from for the breakdowns. */
typedef struct
{
  TiPeriod period; /* open ends as the earliest and latest dates */
  char today[11];
  TiTrainingFigures training;
  TiTrainingBreakdown breakdown;
  TiNetworkTally *network_tally;
  TiNetworkFigures network;
  TiEventFigures events;
  TiEngagementFigures engagement;
  TiMilestoneFigures milestones;
  GArray *milestone_list; /* of TiEvaluationMilestone: every one, by due month and workstream */
} TiEvaluationSources;

void ti_evaluation_sources_clear (TiEvaluationSources *sources);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TiEvaluationSources, ti_evaluation_sources_clear)

TiEvaluation *ti_evaluation_compute_keeping (TiDatabase *db, const char *from, const char *to,
                                             const char *today, TiEvaluationSources *sources,
                                             GError **error);

guint ti_evaluation_outcomes_of (const char *key);

void ti_headline_free (gpointer headline);
gboolean ti_evaluation_add_charts (TiEvaluation *evaluation, TiDatabase *db,
                                   const TiEvaluationSources *sources, GError **error);
gboolean ti_evaluation_add_attention (TiEvaluation *evaluation, TiDatabase *db,
                                      const TiEvaluationSources *sources, GError **error);
void ti_evaluation_add_headlines (TiEvaluation *evaluation, const TiEvaluationSources *sources);

G_END_DECLS
