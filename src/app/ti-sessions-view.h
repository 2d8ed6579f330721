/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-records-view.h"

G_BEGIN_DECLS

#define TI_TYPE_SESSIONS_VIEW (ti_sessions_view_get_type ())
G_DECLARE_FINAL_TYPE (TiSessionsView, ti_sessions_view, TI, SESSIONS_VIEW, TiRecordsView)

void ti_sessions_view_set_database (TiSessionsView *self, TiDatabase *database);

G_END_DECLS
