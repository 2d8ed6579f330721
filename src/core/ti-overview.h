/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-database.h"

G_BEGIN_DECLS

/* The five destinations of the window, in sidebar order. */
typedef enum
{
  TI_DESTINATION_NETWORK_MAP,
  TI_DESTINATION_TRAINING_TIERS,
  TI_DESTINATION_CHAMPIONS,
  TI_DESTINATION_EVENTS,
  TI_DESTINATION_EVALUATION,
  TI_N_DESTINATIONS
} TiDestination;

typedef struct
{
  char *label; /* "Active champions" */
  char *value; /* "512" */
} TiFigure;

typedef struct
{
  char *title;
  char *subtitle;
  char *suffix; /* a short value at the row's end, may be NULL */
} TiRecord;

typedef struct
{
  char *title;
  char *description;
  char *empty_text; /* shown when there are no records */
  GPtrArray *records; /* of TiRecord */
} TiRecordSection;

/**
 * TiOverview:
 *
 * A read-only summary of one destination: its headline figures and latest records.
 */
typedef struct
{
  TiDestination destination;
  gboolean programme_empty; /* no organisations and no people yet */
  GPtrArray *figures;       /* of TiFigure */
  GPtrArray *sections;      /* of TiRecordSection */
} TiOverview;

void ti_overview_free (TiOverview *overview);
TiOverview *ti_overview_load (TiDatabase *db, TiDestination destination, GError **error);
void ti_overview_load_async (const char *db_path, TiDestination destination,
                             GCancellable *cancellable, GAsyncReadyCallback callback,
                             gpointer user_data);
TiOverview *ti_overview_load_finish (GAsyncResult *result, GError **error);

gboolean ti_overview_programme_is_empty (TiDatabase *db, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiOverview, ti_overview_free)

G_END_DECLS
