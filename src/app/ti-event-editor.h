/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-database.h"
#include "ti-editor-window.h"
#include "ti-event.h"

G_BEGIN_DECLS

#define TI_TYPE_EVENT_EDITOR (ti_event_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiEventEditor, ti_event_editor, TI, EVENT_EDITOR, TiEditorWindow)

TiEventEditor *ti_event_editor_new (GtkWindow *parent, TiDatabase *database, TiEvent *event);

G_END_DECLS
