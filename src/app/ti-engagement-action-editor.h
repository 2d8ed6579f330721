/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"
#include "ti-editor-window.h"
#include "ti-engagement-activity.h"

G_BEGIN_DECLS

#define TI_TYPE_ENGAGEMENT_ACTION_EDITOR (ti_engagement_action_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiEngagementActionEditor, ti_engagement_action_editor, TI,
                      ENGAGEMENT_ACTION_EDITOR, TiEditorWindow)

TiEngagementActionEditor *ti_engagement_action_editor_new (GtkWindow *parent,
                                                           TiDatabase *database,
                                                           gint64 activity_id,
                                                           const TiEngagementAction *action);
void ti_engagement_action_editor_ask_what_was_done (TiEngagementActionEditor *self,
                                                    const char *message);

G_END_DECLS
