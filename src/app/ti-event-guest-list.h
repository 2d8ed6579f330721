/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_EVENT_GUEST_LIST (ti_event_guest_list_get_type ())
G_DECLARE_FINAL_TYPE (TiEventGuestList, ti_event_guest_list, TI, EVENT_GUEST_LIST, GtkWidget)

void ti_event_guest_list_show (TiEventGuestList *self, TiDatabase *database, gint64 event_id);
GListModel *ti_event_guest_list_get_guests (TiEventGuestList *self);

G_END_DECLS
