/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-session.h"

G_BEGIN_DECLS

#define TI_TYPE_REGISTER_EDITOR (ti_register_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiRegisterEditor, ti_register_editor, TI, REGISTER_EDITOR, GtkWidget)

gboolean ti_register_editor_show (TiRegisterEditor *self, TiDatabase *database, TiSession *session,
                                  GError **error);
GListModel *ti_register_editor_get_attendees (TiRegisterEditor *self);

G_END_DECLS
