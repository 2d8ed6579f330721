/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-feedback"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-feedback.h"

/**
 * ti_feedback_add_toast:
 * @widget: a widget inside the window
 * @toast: (transfer full): the toast, shown in the window's toast overlay
 */
void
ti_feedback_add_toast (GtkWidget *widget, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/**
 * ti_feedback_toast:
 * @message: plain text (not markup)
 */
void
ti_feedback_toast (GtkWidget *widget, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  ti_feedback_add_toast (widget, adw_toast_new (escaped));
}

/**
 * ti_feedback_undo_toast:
 * @message: what was done, plain text (not markup)
 *
 * A toast offering Undo, shown before other toasts; connect to its "button-clicked".
 *
 * Returns: (transfer full): the toast, for ti_feedback_add_toast()
 */
AdwToast *
ti_feedback_undo_toast (const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  return toast;
}

/**
 * ti_feedback_show_message:
 * @widget: a widget in the window the message belongs to
 *
 * Explains something in an #AdwMessageDialog with one Close button.
 */
void
ti_feedback_show_message (GtkWidget *widget, const char *heading, const char *body)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
