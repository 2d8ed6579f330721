/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"
#include "ti-editor-window.h"

G_BEGIN_DECLS

#define TI_TYPE_ADOPTION_EDITOR (ti_adoption_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiAdoptionEditor, ti_adoption_editor, TI, ADOPTION_EDITOR, TiEditorWindow)

TiAdoptionEditor *ti_adoption_editor_new (TiDatabase *database, gint64 organisation_id,
                                          const char *organisation_name);

G_END_DECLS
