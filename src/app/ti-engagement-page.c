/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-engagement-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ti-engagement-action-editor.h"
#include "ti-engagement-page.h"
#include "ti-engagement.h"
#include "ti-feedback.h"
#include "ti-format.h"

/**
 * TiEngagementPage:
 *
 * One engagement activity: its kind and date; who took part, as counts by group (never
 * names); what it influenced; its summary; and its "you said, we did" actions, each with its
 * status as words in a drop-down that saves at once, and buttons to edit or remove it (with
 * Undo). Emits #TiEngagementPage::changed after an action changed.
 */
struct _TiEngagementPage
{
  GtkWidget parent_instance;

  TiDatabase *database;
  TiEngagementActivity *activity;
  gboolean filling; /* setting the status drop-downs: not a person's choice */

  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkFlowBox *counts_box;
  GtkWidget *influences;
  GtkBox *influences_row;
  GtkFlowBox *influences_box;
  GtkWidget *no_influence_label;
  GtkLabel *summary_label;
  GtkLabel *actions_heading;
  GtkListBox *actions_list;
};

G_DEFINE_FINAL_TYPE (TiEngagementPage, ti_engagement_page, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean refresh (TiEngagementPage *self, gint64 activity_id, GError **error);

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else if (GTK_IS_BOX (box))
        gtk_box_remove (GTK_BOX (box), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
    }
}

/* A headline count over its group's name, in a card. */
static GtkWidget *
count_card_new (guint count, const char *label)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *number = ti_format_count (count);
  GtkWidget *value = gtk_label_new (number);
  GtkWidget *caption = gtk_label_new (label);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "figure");
  gtk_widget_add_css_class (card, "compact");
  gtk_widget_add_css_class (value, "figure-value");
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_justify (GTK_LABEL (caption), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 14);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (card), value);
  gtk_box_append (GTK_BOX (card), caption);
  return card;
}

/* The pill the milestone statuses use, in the accent colour: a label, not a button. */
static GtkWidget *
influence_chip_new (const char *area)
{
  GtkWidget *chip = gtk_label_new (ti_engagement_area_label (area));

  gtk_widget_add_css_class (chip, "status-chip");
  gtk_widget_add_css_class (chip, "accent");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  return chip;
}

static void
show_facts (TiEngagementPage *self)
{
  TiEngagementActivity *a = self->activity;
  const char *const *areas = ti_engagement_activity_get_areas (a);
  const char *summary = ti_engagement_activity_get_summary (a);
  g_autofree char *date = ti_format_date (ti_engagement_activity_get_held_on (a));
  g_autofree char *subtitle = NULL;

  /* Translators: the kind of activity and its date, "Focus group · 10 Jan 2023" */
  subtitle = g_strdup_printf (_("%s · %s"),
                              ti_engagement_kind_label (ti_engagement_activity_get_kind_key (a)),
                              date);
  gtk_label_set_text (self->title_label, ti_engagement_activity_get_title (a));
  gtk_label_set_text (self->subtitle_label, subtitle);

  remove_children (GTK_WIDGET (self->counts_box));
  gtk_flow_box_append (self->counts_box,
                       count_card_new (ti_engagement_activity_get_participants (a),
                                       _("Participants in all")));
  for (guint g = 0; g < TI_ENGAGEMENT_N_GROUPS; g++)
    gtk_flow_box_append (self->counts_box,
                         count_card_new (ti_engagement_activity_get_count (a, g),
                                         ti_engagement_group_label (g)));

  remove_children (GTK_WIDGET (self->influences_row));
  remove_children (GTK_WIDGET (self->influences_box));
  for (guint i = 0; areas[i] != NULL; i++)
    {
      gtk_box_append (self->influences_row, influence_chip_new (areas[i]));
      gtk_flow_box_append (self->influences_box, influence_chip_new (areas[i]));
    }
  gtk_widget_set_visible (self->influences, areas[0] != NULL);
  gtk_widget_set_visible (self->no_influence_label, areas[0] == NULL);

  gtk_label_set_text (self->summary_label,
                      summary != NULL ? summary : _("No summary yet: edit the activity to add "
                                                    "what happened and what was heard."));
  if (summary == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "dim-label");
}

/* Actions ---------------------------------------------------------------------------------- */

static void
action_saved_cb (TiEngagementPage *self)
{
  g_autoptr (GError) error = NULL;

  if (self->activity != NULL
      && !refresh (self, ti_engagement_activity_get_id (self->activity), &error))
    ti_feedback_show_message (GTK_WIDGET (self), _("The Activity Could Not Be Shown"),
                              error->message);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static gboolean
refresh_idle (gpointer data)
{
  action_saved_cb (TI_ENGAGEMENT_PAGE (data));
  return G_SOURCE_REMOVE;
}

/* The rows are built again once the signal that changed an action is over: the widget that
 * emitted it goes with its row. */
static void
refresh_soon (TiEngagementPage *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle, g_object_ref (self), g_object_unref);
}

static TiEngagementActionEditor *
open_action_editor (TiEngagementPage *self, const TiEngagementAction *action)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TiEngagementActionEditor *editor = ti_engagement_action_editor_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->database,
    ti_engagement_activity_get_id (self->activity), action);

  g_signal_connect_object (editor, "saved", G_CALLBACK (action_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
add_action_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEngagementPage *self = TI_ENGAGEMENT_PAGE (widget);

  if (self->activity != NULL && self->database != NULL)
    open_action_editor (self, NULL);
}

static void
edit_action_cb (GtkButton *button, TiEngagementPage *self)
{
  const TiEngagementAction *action = g_object_get_data (G_OBJECT (button), "action");

  open_action_editor (self, action);
}

static void
status_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, TiEngagementPage *self)
{
  const TiEngagementAction *action = g_object_get_data (G_OBJECT (dropdown), "action");
  TiEngagementActionStatus status = gtk_drop_down_get_selected (dropdown);
  g_autoptr (GError) error = NULL;

  if (self->filling || status == action->status)
    return;
  if (ti_engagement_set_action_status (self->database, action->id, status, &error))
    {
      refresh_soon (self);
      return;
    }
  /* Put the choice back: nothing was saved. Done without what was done: say it there. */
  self->filling = TRUE;
  gtk_drop_down_set_selected (dropdown, action->status);
  self->filling = FALSE;
  if (g_error_matches (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_WE_DID))
    ti_engagement_action_editor_ask_what_was_done (open_action_editor (self, action),
                                                   error->message);
  else
    ti_feedback_show_message (GTK_WIDGET (self), _("The Action Could Not Be Saved"),
                              error->message);
}

static void
undo_remove_cb (AdwToast *toast, TiEngagementPage *self)
{
  TiEngagementSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");
  g_autoptr (GError) error = NULL;

  if (!ti_engagement_restore (database, snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Action Could Not Be Restored"),
                                error->message);
      return;
    }
  if (database == self->database)
    action_saved_cb (self);
}

static void
remove_action_cb (GtkButton *button, TiEngagementPage *self)
{
  const TiEngagementAction *action = g_object_get_data (G_OBJECT (button), "action");
  g_autoptr (TiEngagementSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  AdwToast *toast;

  if (!ti_engagement_remove_action (self->database, action->id, &snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Action Could Not Be Removed"),
                                error->message);
      return;
    }
  toast = ti_feedback_undo_toast (_("Action removed"));
  g_object_set_data_full (G_OBJECT (toast), "snapshot", g_steal_pointer (&snapshot),
                          (GDestroyNotify) ti_engagement_snapshot_free);
  g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (self->database),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  refresh_soon (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->actions_list));
  ti_feedback_add_toast (GTK_WIDGET (self), toast);
}

static GtkWidget *
text_label_new (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
icon_button_new (const char *icon, const char *tooltip, GCallback callback,
                 TiEngagementPage *self, TiEngagementAction *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data (G_OBJECT (button), "action", action);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

/* "Owner: Coordinator · Due 1 Sep 2023 · Overdue", or NULL when there is nothing to say. */
static char *
action_details (const TiEngagementAction *action, const char *today)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (action->owner != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Owner: %s"), action->owner));
  if (action->due_on != NULL)
    {
      g_autofree char *due = ti_format_date (action->due_on);

      g_ptr_array_add (parts, g_strdup_printf (_("Due %s"), due));
      if (action->status != TI_ENGAGEMENT_ACTION_DONE && strcmp (action->due_on, today) < 0)
        g_ptr_array_add (parts, g_strdup (_("Overdue")));
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
action_row_new (TiEngagementPage *self, TiEngagementAction *action, const char *today)
{
  static const char *statuses[4] = { NULL };
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *status_label = gtk_label_new (_("Status"));
  GtkWidget *status;
  g_autofree char *said = g_strdup_printf (_("You said: %s"), action->you_said);
  g_autofree char *did = NULL;
  g_autofree char *details = action_details (action, today);
  g_autofree char *status_name = g_strdup_printf (_("Status of “%s”"), action->you_said);

  for (guint i = 0; i < 3; i++)
    statuses[i] = ti_engagement_action_status_label (i);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_box_append (GTK_BOX (box), text_label_new (said, "heading"));
  if (action->we_did != NULL)
    did = g_strdup_printf (_("We did: %s"), action->we_did);
  gtk_box_append (GTK_BOX (box),
                  text_label_new (did ? did : _("We did: nothing recorded yet"),
                                  did ? NULL : "dim-label"));
  if (details != NULL)
    gtk_box_append (GTK_BOX (box), text_label_new (details, "dim-label"));

  /* The status in words, changed in place. */
  status = gtk_drop_down_new_from_strings (statuses);
  self->filling = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (status), action->status);
  self->filling = FALSE;
  gtk_widget_set_tooltip_text (status, _("Status of this action: open, in progress or done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  status_name, -1);
  g_object_set_data (G_OBJECT (status), "action", action);
  g_signal_connect_object (status, "notify::selected", G_CALLBACK (status_selected_cb), self, 0);
  gtk_widget_add_css_class (status_label, "dim-label");
  gtk_box_append (GTK_BOX (controls), status_label);
  gtk_box_append (GTK_BOX (controls), status);
  gtk_widget_set_hexpand (status, FALSE);
  gtk_box_append (GTK_BOX (controls), gtk_label_new (NULL));
  gtk_widget_set_hexpand (gtk_widget_get_last_child (controls), TRUE);
  gtk_box_append (GTK_BOX (controls),
                  icon_button_new ("document-edit-symbolic", _("Edit this action"),
                                   G_CALLBACK (edit_action_cb), self, action));
  gtk_box_append (GTK_BOX (controls),
                  icon_button_new ("user-trash-symbolic", _("Remove this action"),
                                   G_CALLBACK (remove_action_cb), self, action));
  gtk_box_append (GTK_BOX (box), controls);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The row owns the action its widgets point at. */
  g_object_set_data_full (G_OBJECT (row), "action", action,
                          (GDestroyNotify) ti_engagement_action_free);
  return row;
}

static GtkWidget *
no_actions_row_new (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = text_label_new (_("No actions yet. Add what participants asked for or "
                                       "said, and what is being done about it."),
                                     "dim-label");

  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_actions (TiEngagementPage *self, GPtrArray *actions)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint open = ti_engagement_activity_get_actions_open (self->activity);
  guint done = ti_engagement_activity_get_actions_done (self->activity);
  g_autofree char *heading = NULL;

  remove_children (GTK_WIDGET (self->actions_list));
  for (guint i = 0; i < actions->len; i++)
    gtk_list_box_append (self->actions_list,
                         action_row_new (self, g_steal_pointer (&actions->pdata[i]), today));
  if (actions->len == 0)
    gtk_list_box_append (self->actions_list, no_actions_row_new ());
  /* Translators: the heading of the actions list, "You Said, We Did: 2 open, 1 done" */
  heading = actions->len == 0 ? g_strdup (_("You Said, We Did"))
                              : g_strdup_printf (_("You Said, We Did: %u open, %u done"), open,
                                                 done);
  gtk_label_set_text (self->actions_heading, heading);
}

/* Reads the activity and its actions again: another activity from its top, the same one
 * where the person had scrolled to. */
static gboolean
refresh (TiEngagementPage *self, gint64 activity_id, GError **error)
{
  g_autoptr (TiEngagementActivity) activity = ti_engagement_get (self->database, activity_id,
                                                                  error);
  g_autoptr (GPtrArray) actions = NULL;
  gboolean another = self->activity == NULL
                     || ti_engagement_activity_get_id (self->activity) != activity_id;

  if (activity == NULL)
    return FALSE;
  actions = ti_engagement_list_actions (self->database, activity_id, error);
  if (actions == NULL)
    return FALSE;
  g_set_object (&self->activity, activity);
  show_facts (self);
  /* The rows take the actions; the array frees only what is left. */
  g_ptr_array_set_free_func (actions, NULL);
  show_actions (self, actions);
  if (another)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

/**
 * ti_engagement_page_show:
 * @database: the open programme
 * @activity_id: the activity
 *
 * Shows the activity, read again from @database with its actions (quick: one activity):
 * another activity from its top, the one shown again where it was scrolled to.
 *
 * Returns: %FALSE with @error set when it could not be read (or is no longer there)
 */
gboolean
ti_engagement_page_show (TiEngagementPage *self, TiDatabase *database, gint64 activity_id,
                         GError **error)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_PAGE (self), FALSE);
  g_return_val_if_fail (TI_IS_DATABASE (database), FALSE);

  if (database != self->database)
    g_clear_object (&self->activity); /* another programme: another activity, whatever its id */
  g_set_object (&self->database, database);
  return refresh (self, activity_id, error);
}

/**
 * ti_engagement_page_get_activity:
 *
 * Returns: (transfer none) (nullable): the activity shown, as last read
 */
TiEngagementActivity *
ti_engagement_page_get_activity (TiEngagementPage *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_PAGE (self), NULL);
  return self->activity;
}

static void
ti_engagement_page_dispose (GObject *object)
{
  TiEngagementPage *self = TI_ENGAGEMENT_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->database);
  g_clear_object (&self->activity);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_ENGAGEMENT_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_engagement_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TiEngagementPage, name)

static void
ti_engagement_page_class_init (TiEngagementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_engagement_page_dispose;

  /**
   * TiEngagementPage::changed:
   *
   * One of the activity's actions was added, edited, removed or put back.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-engagement-page.ui");
  BIND (scroller);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (counts_box);
  BIND (influences);
  BIND (influences_row);
  BIND (influences_box);
  BIND (no_influence_label);
  BIND (summary_label);
  BIND (actions_heading);
  BIND (actions_list);
  gtk_widget_class_install_action (widget_class, "engagement-page.add-action", NULL,
                                   add_action_activated);
}

static void
ti_engagement_page_init (TiEngagementPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
