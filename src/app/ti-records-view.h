/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_RECORDS_VIEW (ti_records_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (TiRecordsView, ti_records_view, TI, RECORDS_VIEW, GtkWidget)

/* The record page's and the core's own functions fit these, cast. */
typedef gboolean (*TiRecordShowFunc) (GtkWidget *page, TiDatabase *database, gint64 id,
                                      GError **error);
typedef gpointer (*TiRecordGetFunc) (GtkWidget *page);
typedef gboolean (*TiRecordDeleteFunc) (TiDatabase *database, gint64 id, gpointer *out_snapshot,
                                        GError **error);
typedef gboolean (*TiRecordRestoreFunc) (TiDatabase *database, gconstpointer snapshot,
                                         GError **error);

struct _TiRecordsViewClass
{
  GtkWidgetClass parent_class;

  /* Reading the list: the core's *_list_async and *_list_finish. */
  void (*list_async) (const char *db_path, GCancellable *cancellable, GAsyncReadyCallback callback,
                      gpointer user_data);
  GListModel *(*list_finish) (GAsyncResult *result, GError **error);
  /* Optional: the list is read and about to be shown. */
  void (*list_loaded) (TiRecordsView *self, GListModel *records);
  /* The line above the list: how many records, or how many of them are shown. */
  char *(*count_text) (guint shown, guint total, const char *n_shown, const char *n_total);

  /* The record's page, "record_page" in the template: show one, and the one shown. */
  TiRecordShowFunc show_record;
  TiRecordGetFunc get_record;

  /* An editor for @record, or for a new one if NULL; it calls ti_records_view_saved(). */
  GtkWindow *(*new_editor) (TiRecordsView *self, GtkWindow *parent, TiDatabase *database,
                            gpointer record);

  /* Delete with Undo. */
  TiRecordDeleteFunc delete_record;
  TiRecordRestoreFunc restore_record;
  GDestroyNotify free_snapshot;

  /* Headings of the messages when something fails, marked with N_(). */
  const char *open_failed;
  const char *delete_failed;
  const char *restore_failed;

  /*< private >*/
  const char *action_prefix;
};

void ti_records_view_class_set_template (TiRecordsViewClass *klass, const char *resource_path,
                                         const char *action_prefix);

void ti_records_view_set_database (TiRecordsView *self, TiDatabase *database);
gboolean ti_records_view_show_record (TiRecordsView *self, gint64 id);
gboolean ti_records_view_is_loading (TiRecordsView *self);
void ti_records_view_saved (TiRecordsView *self, gint64 id, const char *message);

GtkColumnView *ti_records_view_get_column_view (TiRecordsView *self);
GtkSearchEntry *ti_records_view_get_search_entry (TiRecordsView *self);
void ti_records_view_set_filter (TiRecordsView *self, GtkFilter *filter);

G_END_DECLS
