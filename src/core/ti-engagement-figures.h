/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-engagement-activity.h"
#include "ti-training-figures.h"

G_BEGIN_DECLS

/**
 * TiEngagementFigures:
 *
 * The engagement figures for an evaluation period, each defined in
 * ti_engagement_figure_definitions() under the name of its field; the arrays by
 * #TiEngagementGroup and by influence area (in ti_engagement_area_key()'s order) are
 * defined as `participants_<group>` and `influenced_<area>`. Fill it with
 * ti_engagement_figures_compute() and clear it with ti_engagement_figures_clear().
 */
typedef struct
{
  char *from; /* the period, both days included; NULL when open */
  char *to;
  char today[11]; /* the day "overdue" was judged on */

  guint activities;
  guint participants;
  guint participants_by_group[TI_ENGAGEMENT_N_GROUPS];
  guint influenced[TI_ENGAGEMENT_N_AREAS];
  guint actions;
  guint actions_done;
  guint actions_open;
  guint actions_overdue;
} TiEngagementFigures;

const TiFigureDefinition *ti_engagement_figure_definitions (guint *n_definitions);
const TiFigureDefinition *ti_engagement_figure_definition (const char *key);

gboolean ti_engagement_figures_compute (TiDatabase *db, const char *from, const char *to,
                                        const char *today, TiEngagementFigures *out,
                                        GError **error);
void ti_engagement_figures_clear (TiEngagementFigures *figures);
void ti_engagement_figures_free (TiEngagementFigures *figures);
void ti_engagement_figures_compute_async (const char *db_path, const char *from, const char *to,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);
TiEngagementFigures *ti_engagement_figures_compute_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TiEngagementFigures, ti_engagement_figures_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiEngagementFigures, ti_engagement_figures_free)

G_END_DECLS
