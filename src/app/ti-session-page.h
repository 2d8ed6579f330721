/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-session.h"

G_BEGIN_DECLS

#define TI_TYPE_SESSION_PAGE (ti_session_page_get_type ())
G_DECLARE_FINAL_TYPE (TiSessionPage, ti_session_page, TI, SESSION_PAGE, GtkWidget)

gboolean ti_session_page_show (TiSessionPage *self, TiDatabase *database, gint64 session_id,
                               GError **error);
TiSession *ti_session_page_get_session (TiSessionPage *self);

G_END_DECLS
