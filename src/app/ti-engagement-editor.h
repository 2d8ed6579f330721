/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"
#include "ti-editor-window.h"
#include "ti-engagement-activity.h"

G_BEGIN_DECLS

#define TI_TYPE_ENGAGEMENT_EDITOR (ti_engagement_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiEngagementEditor, ti_engagement_editor, TI, ENGAGEMENT_EDITOR,
                      TiEditorWindow)

TiEngagementEditor *ti_engagement_editor_new (GtkWindow *parent, TiDatabase *database,
                                              TiEngagementActivity *activity);

G_END_DECLS
