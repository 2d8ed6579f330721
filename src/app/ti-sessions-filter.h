/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TI_TYPE_SESSIONS_FILTER (ti_sessions_filter_get_type ())
G_DECLARE_FINAL_TYPE (TiSessionsFilter, ti_sessions_filter, TI, SESSIONS_FILTER, GtkFilter)

TiSessionsFilter *ti_sessions_filter_new (void);
void ti_sessions_filter_set_tier (TiSessionsFilter *self, int tier);
void ti_sessions_filter_set_status (TiSessionsFilter *self, int status);
void ti_sessions_filter_set_host (TiSessionsFilter *self, gint64 organisation_id);
void ti_sessions_filter_set_facilitator (TiSessionsFilter *self, gint64 person_id);
void ti_sessions_filter_set_dates (TiSessionsFilter *self, const char *from, const char *to);
void ti_sessions_filter_set_search (TiSessionsFilter *self, const char *text);
void ti_sessions_filter_update_choices (TiSessionsFilter *self, GListModel *sessions,
                                        GtkDropDown *hosts, GtkDropDown *facilitators);
void ti_sessions_filter_apply_choices (TiSessionsFilter *self, GtkDropDown *hosts,
                                       GtkDropDown *facilitators);

G_END_DECLS
