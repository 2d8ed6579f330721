/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-feedback"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-feedback.h"

/* The toasts of an overlay, for as long as each exists (no references): a toast may hold
 * what its Undo needs, the programme's connection among it, until it is gone. */
#define SHOWN_KEY "ti-feedback-shown"
/* When a toast was added, in monotonic time. */
#define ADDED_KEY "ti-feedback-added"
/* How long a toast takes to come on screen: libadwaita 1.2 crashes when a toast is dismissed
 * before its showing has settled (its animation, skipped, unrefs what is gone). */
#define SETTLE_MS 500

static void
forget_toast (gpointer overlay, GObject *toast)
{
  GPtrArray *shown = g_object_get_data (G_OBJECT (overlay), SHOWN_KEY);

  g_ptr_array_remove_fast (shown, toast);
}

/* The overlay goes: the toasts that outlive it must not look for it. */
static void
shown_free (gpointer data)
{
  GPtrArray *shown = data;

  for (guint i = 0; i < shown->len; i++)
    g_object_weak_unref (g_ptr_array_index (shown, i), forget_toast,
                         g_object_get_data (g_ptr_array_index (shown, i), SHOWN_KEY));
  g_ptr_array_unref (shown);
}

/**
 * ti_feedback_add_toast:
 * @widget: a widget inside the window
 * @toast: (transfer full): the toast, shown in the window's toast overlay
 */
void
ti_feedback_add_toast (GtkWidget *widget, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GPtrArray *shown;

  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return;
    }
  shown = g_object_get_data (G_OBJECT (overlay), SHOWN_KEY);
  if (shown == NULL)
    {
      shown = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (overlay), SHOWN_KEY, shown, shown_free);
    }
  g_ptr_array_add (shown, toast);
  g_object_set_data (G_OBJECT (toast), SHOWN_KEY, overlay);
  g_object_set_data_full (G_OBJECT (toast), ADDED_KEY,
                          g_memdup2 (&(gint64){ g_get_monotonic_time () }, sizeof (gint64)),
                          g_free);
  g_object_weak_ref (G_OBJECT (toast), forget_toast, overlay);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static gint64
toast_added (AdwToast *toast)
{
  const gint64 *added = g_object_get_data (G_OBJECT (toast), ADDED_KEY);

  return added != NULL ? *added : 0;
}

/* The newest first: those are the ones waiting, so that dismissing the one shown does not
 * bring a waiting one on screen only to be dismissed at once. */
static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  gint64 x = toast_added (*(AdwToast **) a), y = toast_added (*(AdwToast **) b);

  return (x < y) - (x > y);
}

static gboolean
dismiss_later (gpointer toast)
{
  adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

/**
 * ti_feedback_withdraw_toasts:
 * @overlay: a toast overlay
 *
 * Dismisses every toast @overlay shows or has waiting: they go once hidden, and with them
 * what they held (ti_feedback_has_toasts() says when). A toast added a moment ago is
 * dismissed once it is on screen.
 */
void
ti_feedback_withdraw_toasts (AdwToastOverlay *overlay)
{
  GPtrArray *shown = g_object_get_data (G_OBJECT (overlay), SHOWN_KEY);
  g_autoptr (GPtrArray) toasts = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = g_get_monotonic_time ();

  /* Dismissing may free a toast at once, and so change the list. */
  for (guint i = 0; shown != NULL && i < shown->len; i++)
    g_ptr_array_add (toasts, g_object_ref (g_ptr_array_index (shown, i)));
  g_ptr_array_sort (toasts, compare_newest_first);
  for (guint i = 0; i < toasts->len; i++)
    {
      AdwToast *toast = g_ptr_array_index (toasts, i);
      gint64 age_ms = (now - toast_added (toast)) / 1000;

      if (age_ms >= SETTLE_MS)
        adw_toast_dismiss (toast);
      else
        g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (SETTLE_MS - age_ms), dismiss_later,
                            g_object_ref (toast), g_object_unref);
    }
}

/**
 * ti_feedback_has_toasts:
 * @overlay: a toast overlay
 *
 * Returns: whether any toast added to @overlay still exists: shown, waiting, or being hidden
 */
gboolean
ti_feedback_has_toasts (AdwToastOverlay *overlay)
{
  GPtrArray *shown = g_object_get_data (G_OBJECT (overlay), SHOWN_KEY);

  return shown != NULL && shown->len > 0;
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
