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

/* Tier 1 counted for a period in one pass over the completions (see ti-tier1-reach.c). */
typedef struct _TiTier1Tally TiTier1Tally;

TiTier1Tally *ti_tier1_tally_new (TiDatabase *db, const TiPeriod *period, GError **error);
void ti_tier1_tally_free (TiTier1Tally *tally);
void ti_tier1_tally_totals (TiTier1Tally *tally, guint *completions, guint *people, guint *reached,
                            gint64 *headcount);
GListModel *ti_tier1_tally_rows (TiTier1Tally *tally, TiReachGrouping grouping);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiTier1Tally, ti_tier1_tally_free)

G_END_DECLS
