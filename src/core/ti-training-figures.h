/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-reach-row.h"

G_BEGIN_DECLS

#define TI_TRAINING_FIGURES_ERROR (ti_training_figures_error_quark ())

typedef enum
{
  TI_TRAINING_FIGURES_ERROR_PERIOD, /* a date is not YYYY-MM-DD */
} TiTrainingFiguresError;

GQuark ti_training_figures_error_quark (void);

/**
 * TiFigureDefinition:
 * @key: stable, for code and the workbook: the field of #TiTrainingFigures or the breakdown
 * @label: what the figure is called, marked with N_(): translate it with _()
 * @definition: one line saying how it is computed, marked with N_() likewise
 */
typedef struct
{
  const char *key;
  const char *label;
  const char *definition;
} TiFigureDefinition;

const TiFigureDefinition *ti_training_figure_definitions (guint *n_definitions);
const TiFigureDefinition *ti_training_figure_definition (const char *key);

/**
 * TiTrainingFigures:
 *
 * The training figures for an evaluation period, each defined in
 * ti_training_figure_definitions() under the name of its field. Means, rates and shares are
 * NAN where they have no denominator ("no data"). Fill it with ti_training_figures_compute()
 * and clear it with ti_training_figures_clear().
 */
typedef struct
{
  char *from; /* the period, both days included; NULL when open */
  char *to;

  guint tier1_completions;
  guint tier1_people;
  guint tier1_reached;
  gint64 tier1_headcount;
  double tier1_reach;

  guint sessions_tier2;
  guint sessions_tier3;
  guint sessions_coordinator;
  guint sessions_psychologist;
  guint sessions_champion;

  guint attendees;
  guint session_completions;
  double completion_rate;
  guint paired_attendees;
  double confidence_before;
  double confidence_after;
  double confidence_change;
  double improved_share;

  guint review_backlog;
  guint reviews_recorded;
  guint reviews_approved;
  double approval_rate;
  guint first_reviews;
  double median_days_to_review;
} TiTrainingFigures;

gboolean ti_training_figures_compute (TiDatabase *db, const char *from, const char *to,
                                      TiTrainingFigures *out, GError **error);
void ti_training_figures_clear (TiTrainingFigures *figures);
void ti_training_figures_free (TiTrainingFigures *figures);
void ti_training_figures_compute_async (const char *db_path, const char *from, const char *to,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data);
TiTrainingFigures *ti_training_figures_compute_finish (GAsyncResult *result, GError **error);

/**
 * TiReachGrouping:
 * @TI_REACH_BY_ORGANISATION: one row per organisation, its directorates included
 * @TI_REACH_BY_SECTOR: one row per sector of Somerset's organisations
 * @TI_REACH_BY_LOCALITY: one row per locality
 * @TI_REACH_BY_MONTH: one row per month with completions, and the months between
 *
 * How ti_tier1_reach_list() breaks Tier 1 reach down.
 */
typedef enum
{
  TI_REACH_BY_ORGANISATION,
  TI_REACH_BY_SECTOR,
  TI_REACH_BY_LOCALITY,
  TI_REACH_BY_MONTH,
} TiReachGrouping;

GListModel *ti_tier1_reach_list (TiDatabase *db, TiReachGrouping grouping, const char *from,
                                 const char *to, GError **error);
void ti_tier1_reach_list_async (const char *db_path, TiReachGrouping grouping, const char *from,
                                const char *to, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data);
GListModel *ti_tier1_reach_list_finish (GAsyncResult *result, GError **error);

gboolean ti_tier1_has_completions (TiDatabase *db, GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TiTrainingFigures, ti_training_figures_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiTrainingFigures, ti_training_figures_free)

G_END_DECLS
