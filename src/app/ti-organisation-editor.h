/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"
#include "ti-editor-window.h"
#include "ti-organisation.h"

G_BEGIN_DECLS

#define TI_TYPE_ORGANISATION_EDITOR (ti_organisation_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiOrganisationEditor, ti_organisation_editor, TI, ORGANISATION_EDITOR,
                      TiEditorWindow)

TiOrganisationEditor *ti_organisation_editor_new (TiDatabase *database, GListModel *organisations,
                                                  TiOrganisation *organisation);

G_END_DECLS
