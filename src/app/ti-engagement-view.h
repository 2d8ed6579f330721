/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_ENGAGEMENT_VIEW (ti_engagement_view_get_type ())
G_DECLARE_FINAL_TYPE (TiEngagementView, ti_engagement_view, TI, ENGAGEMENT_VIEW, GtkWidget)

void ti_engagement_view_set_database (TiEngagementView *self, TiDatabase *database);
gboolean ti_engagement_view_show_activity (TiEngagementView *self, gint64 activity_id);
gboolean ti_engagement_view_is_loading (TiEngagementView *self);

G_END_DECLS
