/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"
#include "ti-editor-window.h"
#include "ti-session.h"

G_BEGIN_DECLS

#define TI_TYPE_SESSION_EDITOR (ti_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiSessionEditor, ti_session_editor, TI, SESSION_EDITOR, TiEditorWindow)

TiSessionEditor *ti_session_editor_new (GtkWindow *parent, TiDatabase *database,
                                        TiSession *session);
void ti_session_editor_add_facilitator (TiSessionEditor *self, gint64 person_id, const char *name,
                                        const char *kind);

G_END_DECLS
