/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"
#include "ti-editor-window.h"
#include "ti-people.h"

G_BEGIN_DECLS

#define TI_TYPE_PERSON_EDITOR (ti_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiPersonEditor, ti_person_editor, TI, PERSON_EDITOR, TiEditorWindow)

TiPersonEditor *ti_person_editor_new (GtkWindow *parent, TiDatabase *database,
                                      const TiPersonProfile *profile, const char *email);
const char *ti_person_editor_get_email (TiPersonEditor *self);

G_END_DECLS
