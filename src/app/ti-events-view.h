/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-records-view.h"

G_BEGIN_DECLS

#define TI_TYPE_EVENTS_VIEW (ti_events_view_get_type ())
G_DECLARE_FINAL_TYPE (TiEventsView, ti_events_view, TI, EVENTS_VIEW, TiRecordsView)

void ti_events_view_set_database (TiEventsView *self, TiDatabase *database);

G_END_DECLS
