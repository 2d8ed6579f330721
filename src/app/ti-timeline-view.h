/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_TIMELINE_VIEW (ti_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (TiTimelineView, ti_timeline_view, TI, TIMELINE_VIEW, GtkWidget)

void ti_timeline_view_set_database (TiTimelineView *self, TiDatabase *database);
gboolean ti_timeline_view_is_loading (TiTimelineView *self);
void ti_timeline_view_show_milestone (TiTimelineView *self, gint64 milestone_id);
void ti_timeline_view_edit (TiTimelineView *self, gint64 milestone_id);
void ti_timeline_view_delete (TiTimelineView *self, gint64 milestone_id);

G_END_DECLS
