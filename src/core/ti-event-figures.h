/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-training-figures.h"

G_BEGIN_DECLS

const TiFigureDefinition *ti_event_figure_definitions (guint *n_definitions);
const TiFigureDefinition *ti_event_figure_definition (const char *key);

/**
 * TiEventFigures:
 *
 * The network events' figures for an evaluation period, each defined in
 * ti_event_figure_definitions() under the name of its field. Means are NAN where they have
 * no denominator. Fill it with ti_event_figures_compute(); clear it with
 * ti_event_figures_clear().
 */
typedef struct
{
  char *from; /* the period, both days included; NULL when open */
  char *to;

  guint events_held;
  guint invitations;
  guint attendances;
  double attendance_mean;
  guint people_attending;
  guint organisations_reached;
  guint sectors_reached;
  guint speakers_local;
  guint speakers_national;
  guint speakers_international;
  guint feedback_count;
  double feedback_mean;
} TiEventFigures;

gboolean ti_event_figures_compute (TiDatabase *db, const char *from, const char *to,
                                   TiEventFigures *out, GError **error);
void ti_event_figures_clear (TiEventFigures *figures);
void ti_event_figures_free (TiEventFigures *figures);
void ti_event_figures_compute_async (const char *db_path, const char *from, const char *to,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data);
TiEventFigures *ti_event_figures_compute_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TiEventFigures, ti_event_figures_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiEventFigures, ti_event_figures_free)

G_END_DECLS
