/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-event-figures.h"
#include "ti-training-figures-private.h"

G_BEGIN_DECLS

/* One event held in a period, and what the event figures count of it. */
typedef struct
{
  gint64 id;
  char *title;
  char *starts_at; /* 'YYYY-MM-DD HH:MM' */
  guint invitations;
  guint attendances;
} TiEventCount;

GArray *ti_event_figures_by_event (TiDatabase *db, const TiPeriod *period, GError **error);

G_END_DECLS
