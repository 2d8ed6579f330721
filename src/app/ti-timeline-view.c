/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-timeline-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-milestone-editor.h"
#include "ti-milestone-figures.h"
#include "ti-milestones.h"
#include "ti-timeline-view.h"

/**
 * TiTimelineView:
 *
 * The Programme timeline: the four workstreams, each with its milestones in due order — the
 * month due, the status as a coloured chip that always says it in words, the day done and
 * the evidence in words — and above them how many milestones stand where today. Enter (or a
 * click) edits a milestone, Delete deletes it with Undo, *Add Milestone* adds one. Emits
 * #TiTimelineView::changed after it changed the programme, so the Overview can reload.
 */
struct _TiTimelineView
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GCancellable *cancellable;
  GListStore *milestones; /* of TiMilestone, as last read */
  gint64 focus_id;        /* the milestone to give the focus once reloaded, or 0 */

  GtkStack *stack;
  GtkSpinner *spinner;
  GtkLabel *summary_label;
  GtkBox *groups_box;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TiTimelineView, ti_timeline_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The theme's colour for each status (libadwaita's style classes); the words are on the chip
 * too, so the colour is never all there is. Done late is neutral: it is history, not a
 * warning. */
static const char *const status_classes[TI_MILESTONE_N_STATUSES] = {
  [TI_MILESTONE_DONE] = "success",    [TI_MILESTONE_DONE_LATE] = "neutral",
  [TI_MILESTONE_ON_TRACK] = "accent", [TI_MILESTONE_AT_RISK] = "warning",
  [TI_MILESTONE_LATE] = "error",
};

static const char *
status_explanation (TiMilestoneStatus status)
{
  switch (status)
    {
    case TI_MILESTONE_DONE:
      return _ ("Done by the end of its due month");
    case TI_MILESTONE_DONE_LATE:
      return _ ("Done after the end of its due month");
    case TI_MILESTONE_ON_TRACK:
      return _ ("Not done yet; its due month ends more than 30 days from today");
    case TI_MILESTONE_AT_RISK:
      return _ ("Not done yet; its due month ends within 30 days");
    case TI_MILESTONE_LATE:
      return _ ("Not done, and its due month has ended");
    case TI_MILESTONE_N_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Rows ------------------------------------------------------------------------------------- */

static GtkWidget *
status_chip_new (TiMilestoneStatus status)
{
  GtkWidget *chip = gtk_label_new (ti_milestone_status_label (status));

  gtk_widget_add_css_class (chip, "status-chip");
  gtk_widget_add_css_class (chip, status_classes[status]);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (chip, status_explanation (status));
  return chip;
}

static char *
row_subtitle (TiMilestone *milestone)
{
  g_autofree char *due = ti_format_month (ti_milestone_get_due_month (milestone));
  g_autofree char *done = ti_milestone_get_done_on (milestone)
                            ? ti_format_date (ti_milestone_get_done_on (milestone))
                            : NULL;
  const char *evidence = ti_milestone_get_evidence (milestone);
  GString *text = g_string_new (NULL);

  /* Translators: when a milestone is due: “Due Jan 2023” */
  g_string_append_printf (text, _ ("Due %s"), due);
  g_string_append (text, " · ");
  if (done != NULL)
    /* Translators: the day a milestone was done: “Done 17 Jan 2023” */
    g_string_append_printf (text, _ ("Done %s"), done);
  else
    g_string_append (text, _ ("Not done yet"));
  g_string_append (text, "\n");
  if (evidence != NULL)
    /* Translators: what shows a milestone was met, in words */
    g_string_append_printf (text, _ ("Evidence: %s"), evidence);
  else
    g_string_append (text, _ ("No evidence recorded"));
  return g_string_free (text, FALSE);
}

static void edit_milestone (TiTimelineView *self, TiMilestone *milestone);
static void delete_milestone (TiTimelineView *self, TiMilestone *milestone);

static void
row_activated_cb (AdwActionRow *row, TiTimelineView *self)
{
  edit_milestone (self, g_object_get_data (G_OBJECT (row), "milestone"));
}

static void
edit_clicked_cb (GtkButton *button, TiTimelineView *self)
{
  edit_milestone (self, g_object_get_data (G_OBJECT (button), "milestone"));
}

static void
delete_clicked_cb (GtkButton *button, TiTimelineView *self)
{
  delete_milestone (self, g_object_get_data (G_OBJECT (button), "milestone"));
}

static GtkWidget *
icon_button_new (TiTimelineView *self, TiMilestone *milestone, const char *icon, const char *label,
                 GCallback callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "milestone", g_object_ref (milestone), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
milestone_row_new (TiTimelineView *self, TiMilestone *milestone)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = row_subtitle (milestone);
  /* Translators: a button's label; %s is a milestone */
  g_autofree char *edit_label
    = g_strdup_printf (_ ("Edit “%s”"), ti_milestone_get_title (milestone));
  /* Translators: a button's label; %s is a milestone */
  g_autofree char *delete_label
    = g_strdup_printf (_ ("Delete “%s”"), ti_milestone_get_title (milestone));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ti_milestone_get_title (milestone));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             status_chip_new (ti_milestone_get_status (milestone)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button_new (self, milestone, "document-edit-symbolic", edit_label,
                                              G_CALLBACK (edit_clicked_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button_new (self, milestone, "user-trash-symbolic", delete_label,
                                              G_CALLBACK (delete_clicked_cb)));
  g_object_set_data_full (G_OBJECT (row), "milestone", g_object_ref (milestone), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
  return row;
}

static gboolean
reveal_focus_row (GtkWidget *row, GdkFrameClock *clock, gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scrolled ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))
                                 : NULL;
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport))
                                                  : NULL;
  graphene_rect_t bounds;

  if (gtk_widget_get_height (row) <= 0)
    return G_SOURCE_CONTINUE;
  if (content != NULL && gtk_widget_compute_bounds (row, content, &bounds))
    gtk_adjustment_clamp_page (
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
      bounds.origin.y, bounds.origin.y + bounds.size.height);
  gtk_widget_grab_focus (row);
  if (root != NULL)
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  return G_SOURCE_REMOVE;
}

/* One group per workstream, in the programme's order, each with its milestones in due order
 * (the list's order). Rebuilt on every load: a timeline has tens of milestones, not
 * thousands. */
static void
rebuild (TiTimelineView *self)
{
  guint n_keys;
  const char *const *keys = ti_workstream_keys (&n_keys);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->milestones));
  GtkWidget *child;
  GtkWidget *focus_row = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  for (guint k = 0; k < n_keys; k++)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *placeholder = gtk_label_new (_ ("No milestones in this workstream yet."));
      guint count = 0, done = 0;
      g_autofree char *description = NULL;

      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (placeholder, "dim-label");
      gtk_widget_set_margin_top (placeholder, 12);
      gtk_widget_set_margin_bottom (placeholder, 12);
      gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ti_workstream_label (keys[k]), -1);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (TiMilestone) milestone
            = g_list_model_get_item (G_LIST_MODEL (self->milestones), i);
          GtkWidget *row;

          if (g_strcmp0 (ti_milestone_get_workstream_key (milestone), keys[k]) != 0)
            continue;
          row = milestone_row_new (self, milestone);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          count++;
          done += ti_milestone_status_is_done (ti_milestone_get_status (milestone));
          if (ti_milestone_get_id (milestone) == self->focus_id)
            focus_row = row;
        }

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       ti_workstream_label (keys[k]));
      if (count > 0)
        {
          /* Translators: a workstream's progress, “3 of 5 milestones done” */
          description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u milestone done",
                                                      "%u of %u milestones done", count),
                                         done, count);
          adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
      gtk_box_append (self->groups_box, group);
    }

  if (focus_row != NULL)
    {
      gtk_widget_grab_focus (focus_row);
      /* Once laid out, the row is scrolled to and its focus shown, as if reached by keys. */
      gtk_widget_add_tick_callback (focus_row, reveal_focus_row, NULL, NULL);
    }
  self->focus_id = 0;
}

/* How many milestones stand where today, counted by the milestone figures' own tally. */
static void
update_summary (TiTimelineView *self)
{
  g_auto (TiMilestoneFigures) figures = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->milestones));
  static const TiMilestoneStatus order[]
    = { TI_MILESTONE_DONE, TI_MILESTONE_DONE_LATE, TI_MILESTONE_LATE, TI_MILESTONE_AT_RISK,
        TI_MILESTONE_ON_TRACK };
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *today = NULL;
  GDate date;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiMilestone) milestone
        = g_list_model_get_item (G_LIST_MODEL (self->milestones), i);
      ti_milestone_figures_count (&figures, ti_milestone_get_status (milestone));
    }
  ti_date_today (&date);
  {
    g_autofree char *iso = ti_date_to_iso (&date);
    today = ti_format_date (iso);
  }
  /* Translators: the start of the timeline's summary: “19 milestones on 27 Nov 2026: …” */
  g_string_printf (text,
                   g_dngettext (GETTEXT_PACKAGE, "%u milestone on %s:", "%u milestones on %s:", n),
                   n, today);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint count = ti_milestone_figures_get (&figures, order[i]);
      g_autofree char *lower = g_utf8_strdown (ti_milestone_status_label (order[i]), -1);

      /* Translators: one part of the summary, “3 late” */
      g_string_append_printf (text, i ? _ (", %u %s") : _ (" %u %s"), count, lower);
    }
  gtk_label_set_text (self->summary_label, text->str);
}

/* Loading ---------------------------------------------------------------------------------- */

static void
milestones_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiTimelineView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) milestones = ti_milestones_list_finish (result, &error);
  g_autoptr (GPtrArray) items = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  if (milestones == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    g_ptr_array_add (items, g_list_model_get_item (milestones, i));
  g_list_store_splice (self->milestones, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->milestones)), items->pdata,
                       items->len);
  update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "timeline" : "empty");
  rebuild (self);
}

static void
load (TiTimelineView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database == NULL)
    {
      g_list_store_remove_all (self->milestones);
      return;
    }
  self->cancellable = g_cancellable_new ();
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "timeline") != 0)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  ti_milestones_list_async (ti_database_get_path (self->database), self->cancellable,
                            milestones_loaded_cb, g_object_ref (self));
}

static void
changed (TiTimelineView *self)
{
  load (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * ti_timeline_view_set_database:
 * @database: (nullable): the open programme
 *
 * Reads the milestones again.
 */
void
ti_timeline_view_set_database (TiTimelineView *self, TiDatabase *database)
{
  g_return_if_fail (TI_IS_TIMELINE_VIEW (self));

  if (database != self->database)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  g_set_object (&self->database, database);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add", database != NULL);
  load (self);
}

/**
 * ti_timeline_view_is_loading:
 *
 * Returns: whether the milestones are being read
 */
gboolean
ti_timeline_view_is_loading (TiTimelineView *self)
{
  g_return_val_if_fail (TI_IS_TIMELINE_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * ti_timeline_view_show_milestone:
 * @self: the timeline
 * @milestone_id: a milestone
 *
 * Gives the milestone's row the focus (scrolling to it); while the milestones are being read,
 * once they are read.
 */
void
ti_timeline_view_show_milestone (TiTimelineView *self, gint64 milestone_id)
{
  g_return_if_fail (TI_IS_TIMELINE_VIEW (self));

  self->focus_id = milestone_id;
  if (!ti_timeline_view_is_loading (self))
    rebuild (self);
}

/* Adding, editing, deleting ---------------------------------------------------------------- */

static void
saved_cb (TiTimelineView *self, gint64 id)
{
  ti_feedback_toast (GTK_WIDGET (self), _ ("Milestone saved"));
  self->focus_id = id;
  changed (self);
}

static void
edit_milestone (TiTimelineView *self, TiMilestone *milestone)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TiMilestoneEditor *editor;

  if (self->database == NULL)
    return;
  editor = ti_milestone_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->database,
                                    milestone);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static TiMilestone *
find_milestone (TiTimelineView *self, gint64 id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->milestones)); i++)
    {
      g_autoptr (TiMilestone) milestone
        = g_list_model_get_item (G_LIST_MODEL (self->milestones), i);

      if (ti_milestone_get_id (milestone) == id)
        return milestone; /* the store keeps it */
    }
  return NULL;
}

/**
 * ti_timeline_view_edit:
 * @milestone_id: a milestone listed
 *
 * Opens the editor on it, as activating its row does.
 */
void
ti_timeline_view_edit (TiTimelineView *self, gint64 milestone_id)
{
  TiMilestone *milestone;

  g_return_if_fail (TI_IS_TIMELINE_VIEW (self));
  milestone = find_milestone (self, milestone_id);
  if (milestone != NULL)
    edit_milestone (self, milestone);
}

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  edit_milestone (TI_TIMELINE_VIEW (widget), NULL);
}

static void
undo_delete_cb (AdwToast *toast, TiTimelineView *self)
{
  TiMilestoneSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");
  g_autoptr (GError) error = NULL;

  if (!ti_milestones_restore (database, snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _ ("The Milestone Could Not Be Restored"),
                                error->message);
      return;
    }
  if (database == self->database)
    {
      self->focus_id = ti_milestone_snapshot_get_id (snapshot);
      changed (self);
    }
}

static void
delete_milestone (TiTimelineView *self, TiMilestone *milestone)
{
  g_autoptr (TiMilestoneSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (milestone == NULL || self->database == NULL)
    return;
  if (!ti_milestones_delete (self->database, ti_milestone_get_id (milestone), &snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _ ("The Milestone Could Not Be Deleted"),
                                error->message);
      return;
    }
  message = g_strdup_printf (_ ("Deleted “%s”"), ti_milestone_get_title (milestone));
  toast = ti_feedback_undo_toast (message);
  g_object_set_data_full (G_OBJECT (toast), "snapshot", g_steal_pointer (&snapshot),
                          (GDestroyNotify)ti_milestone_snapshot_free);
  g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (self->database),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  changed (self);
  ti_feedback_add_toast (GTK_WIDGET (self), toast);
}

/**
 * ti_timeline_view_delete:
 * @milestone_id: a milestone listed
 *
 * Deletes it and offers Undo, as its Delete button does.
 */
void
ti_timeline_view_delete (TiTimelineView *self, gint64 milestone_id)
{
  g_return_if_fail (TI_IS_TIMELINE_VIEW (self));
  delete_milestone (self, find_milestone (self, milestone_id));
}

/* Delete on a focused milestone's row deletes it. */
static gboolean
delete_key_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  TiTimelineView *self = TI_TIMELINE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (; focus != NULL && focus != widget; focus = gtk_widget_get_parent (focus))
    if (ADW_IS_ACTION_ROW (focus) && g_object_get_data (G_OBJECT (focus), "milestone") != NULL)
      {
        delete_milestone (self, g_object_get_data (G_OBJECT (focus), "milestone"));
        return TRUE;
      }
  return FALSE;
}

static void
ti_timeline_view_dispose (GObject *object)
{
  TiTimelineView *self = TI_TIMELINE_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_object (&self->milestones);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_TIMELINE_VIEW);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_timeline_view_parent_class)->dispose (object);
}

static void
ti_timeline_view_class_init (TiTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_timeline_view_dispose;

  /**
   * TiTimelineView::changed:
   *
   * A milestone was added, edited or deleted here.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiTimelineView, stack);
  gtk_widget_class_bind_template_child (widget_class, TiTimelineView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiTimelineView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TiTimelineView, groups_box);
  gtk_widget_class_bind_template_child (widget_class, TiTimelineView, error_page);

  gtk_widget_class_install_action (widget_class, "timeline.add", NULL, add_activated);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, delete_key_cb, NULL);
}

static void
ti_timeline_view_init (TiTimelineView *self)
{
  self->milestones = g_list_store_new (TI_TYPE_MILESTONE);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add", FALSE);
}
