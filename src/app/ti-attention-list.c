/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-attention-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-attention-list.h"
#include "ti-format.h"
#include "ti-page.h"

/**
 * TiAttentionList:
 *
 * "Needs attention" for the coordinator: one row per kind of thing to see to today (reviews
 * overdue, sessions and events soon, milestones at risk or late, quiet champions,
 * organisations without a champion), its count in words and the first records named. Opened,
 * a row lists its records, most urgent first, each opening where it lives ("win.show-record").
 * The records' rows are made when a row is first opened, not with every refresh.
 */
struct _TiAttentionList
{
  GtkWidget parent_instance;

  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (TiAttentionList, ti_attention_list, GTK_TYPE_WIDGET)

/* The records behind an item, and what they are. */
static const TiRecordKind attention_records[TI_N_ATTENTION_KINDS] = {
  [TI_ATTENTION_REVIEW_OVERDUE] = TI_RECORD_SESSION,
  [TI_ATTENTION_SESSION_SOON] = TI_RECORD_SESSION,
  [TI_ATTENTION_EVENT_SOON] = TI_RECORD_EVENT,
  [TI_ATTENTION_MILESTONE] = TI_RECORD_MILESTONE,
  [TI_ATTENTION_QUIET_CHAMPION] = TI_RECORD_PERSON,
  [TI_ATTENTION_ORGANISATION_WITHOUT_CHAMPION] = TI_RECORD_ORGANISATION,
};

static const char *const attention_icons[TI_N_ATTENTION_KINDS] = {
  [TI_ATTENTION_REVIEW_OVERDUE] = "task-due-symbolic",
  [TI_ATTENTION_SESSION_SOON] = "x-office-calendar-symbolic",
  [TI_ATTENTION_EVENT_SOON] = "x-office-calendar-symbolic",
  [TI_ATTENTION_MILESTONE] = "dialog-warning-symbolic",
  [TI_ATTENTION_QUIET_CHAMPION] = "system-users-symbolic",
  [TI_ATTENTION_ORGANISATION_WITHOUT_CHAMPION] = "network-workgroup-symbolic",
};

/* An opened item lists this many of its records; the rest are counted. */
#define RECORDS_SHOWN 25

static void
record_activated_cb (AdwActionRow *row, TiAttentionList *self)
{
  TiRecordKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kind"));
  const gint64 *id = g_object_get_data (G_OBJECT (row), "id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)",
                              ti_record_kind_key (kind), *id);
}

static GtkWidget *
record_row_new (TiAttentionList *self, TiRecordKind kind, const TiAttentionRecord *record)
{
  GtkWidget *row = adw_action_row_new ();
  gint64 *id = g_new (gint64, 1);

  *id = record->id;
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), record->title);
  if (record->subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), record->subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "kind", GUINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (row), "id", id, g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (record_activated_cb), self, 0);
  return row;
}

/* The records' rows an item shows, to take them away when its records change. */
static GPtrArray *
record_rows (AdwExpanderRow *expander)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (expander), "record-rows");

  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_object_set_data_full (G_OBJECT (expander), "record-rows", rows,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  return rows;
}

static void
add_record_row (AdwExpanderRow *expander, GtkWidget *row)
{
  adw_expander_row_add_row (expander, row);
  g_ptr_array_add (record_rows (expander), row);
}

/* Lists records from @first up to @last of the item's, and a row for the rest, if any. */
static void fill (TiAttentionList *self, AdwExpanderRow *expander, guint first, guint last);

static void
show_all_activated_cb (AdwActionRow *row, TiAttentionList *self)
{
  AdwExpanderRow *expander = g_object_get_data (G_OBJECT (row), "expander");
  const TiAttention *attention = g_object_get_data (G_OBJECT (expander), "attention");
  GPtrArray *rows = record_rows (expander);

  g_ptr_array_remove (rows, row);
  adw_expander_row_remove (expander, GTK_WIDGET (row));
  fill (self, expander, rows->len, attention->records->len);
  /* The keyboard goes on from where "Show all" was: the first record it brought. */
  if (rows->len > RECORDS_SHOWN)
    gtk_widget_grab_focus (g_ptr_array_index (rows, RECORDS_SHOWN));
}

static void
fill (TiAttentionList *self, AdwExpanderRow *expander, guint first, guint last)
{
  const TiAttention *attention = g_object_get_data (G_OBJECT (expander), "attention");

  for (guint i = first; i < last; i++)
    add_record_row (expander, record_row_new (self, attention_records[attention->kind],
                                              g_ptr_array_index (attention->records, i)));
  if (attention->records->len > last)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *count = ti_format_count (attention->records->len);
      /* Translators: the last row of a long item of "Needs attention"; %s is how many */
      g_autofree char *all = g_strdup_printf (_("Show All %s"), count);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), all);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("view-more-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "expander", expander);
      g_signal_connect_object (row, "activated", G_CALLBACK (show_all_activated_cb), self, 0);
      add_record_row (expander, row);
    }
}

static void
expanded_cb (AdwExpanderRow *expander, GParamSpec *pspec, TiAttentionList *self)
{
  const TiAttention *attention = g_object_get_data (G_OBJECT (expander), "attention");

  if (!adw_expander_row_get_expanded (expander) || attention == NULL
      || g_object_get_data (G_OBJECT (expander), "filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "filled", GINT_TO_POINTER (TRUE));
  fill (self, expander, 0, MIN (attention->records->len, RECORDS_SHOWN));
}

/* Shows @attention on @expander: its title and first records; an opened item lists its
 * new records at once, a closed one when next opened. */
static void
item_row_update (TiAttentionList *self, AdwExpanderRow *expander, const TiAttention *attention)
{
  g_autoptr (GString) first = g_string_new (NULL);
  GPtrArray *rows = record_rows (expander);

  for (guint i = 0; i < MIN (attention->records->len, 3); i++)
    {
      const TiAttentionRecord *record = g_ptr_array_index (attention->records, i);

      if (i > 0)
        g_string_append (first, ", ");
      g_string_append (first, record->title);
    }
  if (attention->records->len > 3)
    g_string_append (first, "…");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), attention->title);
  adw_expander_row_set_subtitle (expander, first->str);

  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_remove (expander, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
  g_object_set_data (G_OBJECT (expander), "attention", (gpointer) attention);
  g_object_set_data (G_OBJECT (expander), "filled", NULL);
  expanded_cb (expander, NULL, self);
}

static GtkWidget *
item_row_new (TiAttentionList *self, const TiAttention *attention)
{
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (attention_icons[attention->kind]);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), icon);
  if (attention->kind == TI_ATTENTION_MILESTONE || attention->kind == TI_ATTENTION_REVIEW_OVERDUE)
    gtk_widget_add_css_class (icon, "warning");
  g_object_set_data (G_OBJECT (expander), "kind", GUINT_TO_POINTER (attention->kind));
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
  item_row_update (self, ADW_EXPANDER_ROW (expander), attention);
  return expander;
}

/* Whether the list shows items of the kinds of @attention, in its order. */
static gboolean
same_kinds (TiAttentionList *self, GPtrArray *attention)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));

  for (guint i = 0; i < attention->len; i++, row = gtk_widget_get_next_sibling (row))
    if (row == NULL || !ADW_IS_EXPANDER_ROW (row)
        || GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kind"))
             != ((TiAttention *) g_ptr_array_index (attention, i))->kind)
      return FALSE;
  return row == NULL && attention->len > 0;
}

/**
 * ti_attention_list_show:
 * @self: the list
 * @attention: (element-type TiAttention): the items, most urgent first, as
 *   ti_evaluation_compute() gives them; they must outlive the list's next call
 *
 * Shows the items, or that nothing needs attention.
 */
void
ti_attention_list_show (TiAttentionList *self, GPtrArray *attention)
{
  GtkWidget *child;

  g_return_if_fail (TI_IS_ATTENTION_LIST (self));

  /* The same kinds of item as before (the usual case): updated in place, so what was open
   * stays open and the keyboard's place is kept. */
  if (same_kinds (self, attention))
    {
      child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
      for (guint i = 0; i < attention->len; i++, child = gtk_widget_get_next_sibling (child))
        item_row_update (self, ADW_EXPANDER_ROW (child), g_ptr_array_index (attention, i));
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < attention->len; i++)
    gtk_list_box_append (self->list, item_row_new (self, g_ptr_array_index (attention, i)));

  if (attention->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing needs attention"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("No review is overdue, nothing is late and every "
                                     "organisation has a champion."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_list_box_append (self->list, row);
    }
}

static void
ti_attention_list_dispose (GObject *object)
{
  TiAttentionList *self = TI_ATTENTION_LIST (object);

  if (self->list != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->list));
      self->list = NULL;
    }
  G_OBJECT_CLASS (ti_attention_list_parent_class)->dispose (object);
}

static void
ti_attention_list_class_init (TiAttentionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_attention_list_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ti_attention_list_init (TiAttentionList *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Needs attention"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));
}
