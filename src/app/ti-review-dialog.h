/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-database.h"
#include "ti-editor-window.h"

G_BEGIN_DECLS

#define TI_TYPE_REVIEW_DIALOG (ti_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TiReviewDialog, ti_review_dialog, TI, REVIEW_DIALOG, TiEditorWindow)

TiReviewDialog *ti_review_dialog_new (TiDatabase *database, gint64 session_id);

G_END_DECLS
