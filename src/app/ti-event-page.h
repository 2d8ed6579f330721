/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-event.h"

G_BEGIN_DECLS

#define TI_TYPE_EVENT_PAGE (ti_event_page_get_type ())
G_DECLARE_FINAL_TYPE (TiEventPage, ti_event_page, TI, EVENT_PAGE, GtkWidget)

gboolean ti_event_page_show (TiEventPage *self, TiDatabase *database, gint64 event_id,
                             GError **error);
TiEvent *ti_event_page_get_event (TiEventPage *self);

G_END_DECLS
