/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-records-view.h"

G_BEGIN_DECLS

#define TI_TYPE_ENGAGEMENT_VIEW (ti_engagement_view_get_type ())
G_DECLARE_FINAL_TYPE (TiEngagementView, ti_engagement_view, TI, ENGAGEMENT_VIEW, TiRecordsView)

void ti_engagement_view_set_database (TiEngagementView *self, TiDatabase *database);

G_END_DECLS
