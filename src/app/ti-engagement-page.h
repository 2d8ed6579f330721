/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-engagement-activity.h"

G_BEGIN_DECLS

#define TI_TYPE_ENGAGEMENT_PAGE (ti_engagement_page_get_type ())
G_DECLARE_FINAL_TYPE (TiEngagementPage, ti_engagement_page, TI, ENGAGEMENT_PAGE, GtkWidget)

gboolean ti_engagement_page_show (TiEngagementPage *self, TiDatabase *database,
                                  gint64 activity_id, GError **error);
TiEngagementActivity *ti_engagement_page_get_activity (TiEngagementPage *self);

G_END_DECLS
