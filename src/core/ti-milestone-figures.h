/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-milestone-status.h"
#include "ti-training-figures.h"

G_BEGIN_DECLS

const TiFigureDefinition *ti_milestone_figure_definitions (guint *n_definitions);
const TiFigureDefinition *ti_milestone_figure_definition (const char *key);

/**
 * TiMilestoneFigures:
 *
 * The milestone figures for an evaluation period as of a day, each defined in
 * ti_milestone_figure_definitions() under the name of its field. Fill it with
 * ti_milestone_figures_compute() and clear it with ti_milestone_figures_clear().
 */
typedef struct
{
  char *from; /* the period, both days included; NULL when open */
  char *to;
  char *as_of; /* 'YYYY-MM-DD' */

  guint milestones_due;
  guint milestones_done_on_time;
  guint milestones_done_late;
  guint milestones_late;
  guint milestones_at_risk;
  guint milestones_on_track;
} TiMilestoneFigures;

gboolean ti_milestone_figures_compute (TiDatabase *db, const char *from, const char *to,
                                       const char *as_of, TiMilestoneFigures *out, GError **error);
void ti_milestone_figures_count (TiMilestoneFigures *figures, TiMilestoneStatus status);
guint ti_milestone_figures_get (const TiMilestoneFigures *figures, TiMilestoneStatus status);
void ti_milestone_figures_clear (TiMilestoneFigures *figures);
void ti_milestone_figures_free (TiMilestoneFigures *figures);
void ti_milestone_figures_compute_async (const char *db_path, const char *from, const char *to,
                                         const char *as_of, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);
TiMilestoneFigures *ti_milestone_figures_compute_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TiMilestoneFigures, ti_milestone_figures_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiMilestoneFigures, ti_milestone_figures_free)

G_END_DECLS
