/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-backups.h"
#include "ti-window.h"

G_BEGIN_DECLS

/* Shared by ti-window.c and ti-window-backups.c, which split the window by concern. */
struct _TiWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  TiDatabase *database;
  gboolean read_only;   /* the programme's file or folder may not be written */
  char *refused_path;   /* the programme that could not be opened, if that is what is shown */
  GCancellable *job;    /* the long job in progress (writing the demo), if any */
  GCancellable *backup_job; /* the day's backup, or the search for a good one to offer */
  guint backup_idle;        /* the day's backup, waiting for the window to be drawn first */
  guint read_ahead;         /* hidden destinations reading the programme, one at a time */
  TiBackup *latest_good;    /* offered on the refused page for a damaged programme */
  gboolean restoring;       /* a backup is being put in the programme's place */
  gboolean disposed;        /* closed: a worker finishing later leaves it alone */

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwStatusPage *refused_page;
  GtkButton *restore_latest_button;
  GtkWidget *open_another_button;
  GtkProgressBar *progress_bar;
  AdwLeaflet *leaflet;
  GtkListBox *sidebar_list;
  AdwWindowTitle *sidebar_title;
  AdwWindowTitle *content_title;
  GtkStack *pages;
  GtkWidget *network_page;
  GtkWidget *training_page;
  GtkWidget *champions_page;
  GtkWidget *events_page;
  GtkWidget *evaluation_page;
};

void ti_window_close_programme (TiWindow *self);
GtkFileFilter *ti_window_programme_filter (void);
char *ti_window_chosen_programme_path (GtkFileChooser *chooser);
gboolean ti_window_open_programme_with (TiWindow *self, const char *path,
                                        TiDatabaseOpenFlags flags);
void ti_window_backups_class_init (GtkWidgetClass *widget_class);
void ti_window_backups_opened (TiWindow *self);
void ti_window_backups_refused (TiWindow *self, const GError *error);
void ti_window_backups_stop (TiWindow *self);
void ti_window_refuse_read_only (TiWindow *self, const char *heading);

G_END_DECLS
