/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-engagement-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ti-engagement-editor.h"
#include "ti-engagement-page.h"
#include "ti-engagement-view.h"
#include "ti-engagement.h"
#include "ti-format.h"
#include "ti-records-view.h"
#include "ti-table.h"

/**
 * TiEngagementView:
 *
 * Engagement with people with lived experience: every activity, sortable by each column,
 * searched as you type (Ctrl+F) and filtered by kind and by what it influenced. Activating
 * a row slides in the activity's page (its counts, influences and "you said, we did"
 * actions); *Add Activity* and *Edit* open the activity editor; *Delete* offers Undo. Emits
 * #TiRecordsView::changed after it changed the programme.
 */
struct _TiEngagementView
{
  TiRecordsView parent_instance;

  GtkCustomFilter *filter;

  GtkDropDown *kind_filter;
  GtkDropDown *area_filter;
};

G_DEFINE_FINAL_TYPE (TiEngagementView, ti_engagement_view, TI_TYPE_RECORDS_VIEW)

static const TiTableColumn columns[] = {
  { N_("Date"), "held-on", TI_CELL_DATE, FALSE, 11 },
  { N_("Kind"), "kind", TI_CELL_TEXT, FALSE, 8, TRUE },
  { N_("Title"), "title", TI_CELL_TEXT, TRUE, 18 },
  { N_("Participants"), "participants", TI_CELL_COUNT, FALSE },
  { N_("Influenced"), "influences", TI_CELL_TEXT, TRUE, 12, TRUE },
  { N_("To do"), "actions-open", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Done"), "actions-done", TI_CELL_COUNT, FALSE, 0, TRUE },
};

/* Filters ---------------------------------------------------------------------------------- */

static gboolean
activity_matches (gpointer item, gpointer data)
{
  TiEngagementView *self = data;
  TiEngagementActivity *activity = item;
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint area = gtk_drop_down_get_selected (self->area_filter);
  GtkSearchEntry *entry = ti_records_view_get_search_entry (TI_RECORDS_VIEW (self));
  g_autofree char *search = ti_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));

  /* The first choice of each is "any". */
  if (kind >= 1 && kind != GTK_INVALID_LIST_POSITION
      && g_strcmp0 (ti_engagement_activity_get_kind_key (activity),
                    ti_engagement_kind_key (kind - 1))
           != 0)
    return FALSE;
  if (area >= 1 && area != GTK_INVALID_LIST_POSITION
      && !ti_engagement_activity_has_area (activity, ti_engagement_area_key (area - 1)))
    return FALSE;
  g_strstrip (search);
  return *search == '\0'
         || strstr (ti_engagement_activity_get_search_key (activity), search) != NULL;
}

static void
filters_changed_cb (TiEngagementView *self)
{
  /* The drop-downs announce their first selection while the template is built. */
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
fill_filter_choices (TiEngagementView *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) areas = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("Any kind"));
  for (guint i = 0; i < ti_engagement_n_kinds (); i++)
    gtk_string_list_append (kinds, ti_engagement_kind_label (ti_engagement_kind_key (i)));
  gtk_string_list_append (areas, _("Any influence"));
  for (guint i = 0; i < TI_ENGAGEMENT_N_AREAS; i++)
    gtk_string_list_append (areas, ti_engagement_area_label (ti_engagement_area_key (i)));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->area_filter, G_LIST_MODEL (areas));
}

static char *
count_text (guint shown, guint total, const char *n_shown, const char *n_total)
{
  if (shown == total)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s activity", "%s activities", total),
                            n_total);
  return g_strdup_printf (_("Showing %s of %s activities"), n_shown, n_total);
}

/**
 * ti_engagement_view_set_database:
 * @database: (nullable): the open programme
 *
 * Reads the activities again; with the same programme, the activity shown stays.
 */
void
ti_engagement_view_set_database (TiEngagementView *self, TiDatabase *database)
{
  g_return_if_fail (TI_IS_ENGAGEMENT_VIEW (self));
  ti_records_view_set_database (TI_RECORDS_VIEW (self), database);
}

/* The activity editor ---------------------------------------------------------------------- */

static void
saved_cb (TiEngagementView *self, gint64 id)
{
  ti_records_view_saved (TI_RECORDS_VIEW (self), id, _("Activity saved"));
}

static GtkWindow *
new_editor (TiRecordsView *self, GtkWindow *parent, TiDatabase *database, gpointer activity)
{
  TiEngagementEditor *editor = ti_engagement_editor_new (parent, database, activity);

  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  return GTK_WINDOW (editor);
}

static void
ti_engagement_view_dispose (GObject *object)
{
  TiEngagementView *self = TI_ENGAGEMENT_VIEW (object);

  g_clear_object (&self->filter);

  G_OBJECT_CLASS (ti_engagement_view_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TiEngagementView, name)

static void
ti_engagement_view_class_init (TiEngagementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiRecordsViewClass *records_class = TI_RECORDS_VIEW_CLASS (klass);

  object_class->dispose = ti_engagement_view_dispose;

  records_class->list_async = ti_engagement_list_async;
  records_class->list_finish = ti_engagement_list_finish;
  records_class->count_text = count_text;
  records_class->show_record = (TiRecordShowFunc) ti_engagement_page_show;
  records_class->get_record = (TiRecordGetFunc) ti_engagement_page_get_activity;
  records_class->new_editor = new_editor;
  records_class->delete_record = (TiRecordDeleteFunc) ti_engagement_delete;
  records_class->restore_record = (TiRecordRestoreFunc) ti_engagement_restore;
  records_class->free_snapshot = (GDestroyNotify) ti_engagement_snapshot_free;
  records_class->open_failed = N_("The Activity Could Not Be Opened");
  records_class->delete_failed = N_("The Activity Could Not Be Deleted");
  records_class->restore_failed = N_("The Activity Could Not Be Restored");

  g_type_ensure (TI_TYPE_ENGAGEMENT_ACTIVITY);
  g_type_ensure (TI_TYPE_ENGAGEMENT_PAGE);
  ti_records_view_class_set_template (records_class, RESOURCE_PATH "/ti-engagement-view.ui",
                                      "engagement");
  BIND (kind_filter);
  BIND (area_filter);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
}

static void
ti_engagement_view_init (TiEngagementView *self)
{
  TiRecordsView *view = TI_RECORDS_VIEW (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  ti_table_add_columns (ti_records_view_get_column_view (view), TI_TYPE_ENGAGEMENT_ACTIVITY,
                        columns, G_N_ELEMENTS (columns));
  fill_filter_choices (self);
  self->filter = gtk_custom_filter_new (activity_matches, self, NULL);
  ti_records_view_set_filter (view, GTK_FILTER (self->filter));
}
