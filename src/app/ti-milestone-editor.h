/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"
#include "ti-editor-window.h"
#include "ti-milestone.h"

G_BEGIN_DECLS

#define TI_TYPE_MILESTONE_EDITOR (ti_milestone_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiMilestoneEditor, ti_milestone_editor, TI, MILESTONE_EDITOR, TiEditorWindow)

TiMilestoneEditor *ti_milestone_editor_new (GtkWindow *parent, TiDatabase *database,
                                            TiMilestone *milestone);

G_END_DECLS
