/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Telling the person what happened, from any widget in the window. */
void ti_feedback_add_toast (GtkWidget *widget, AdwToast *toast);
void ti_feedback_withdraw_toasts (AdwToastOverlay *overlay);
gboolean ti_feedback_has_toasts (AdwToastOverlay *overlay);
void ti_feedback_toast (GtkWidget *widget, const char *message);
AdwToast *ti_feedback_undo_toast (const char *message);
void ti_feedback_show_message (GtkWidget *widget, const char *heading, const char *body);

G_END_DECLS
