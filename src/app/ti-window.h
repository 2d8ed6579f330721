/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-application.h"
#include "ti-database.h"
#include "ti-page.h"

G_BEGIN_DECLS

#define TI_TYPE_WINDOW (ti_window_get_type ())
G_DECLARE_FINAL_TYPE (TiWindow, ti_window, TI, WINDOW, AdwApplicationWindow)

TiWindow *ti_window_new (TiApplication *application);
gboolean ti_window_open_programme (TiWindow *self, const char *path, gboolean create);
gboolean ti_window_open_programme_read_only (TiWindow *self, const char *path);
const char *ti_window_get_programme_path (TiWindow *self);
gboolean ti_window_is_read_only (TiWindow *self);
void ti_window_restore_backup (TiWindow *self, const char *backup_path, const char *made);
void ti_window_save_copy (TiWindow *self, const char *dest_path);
TiDatabase *ti_window_get_database (TiWindow *self);
void ti_window_show_destination (TiWindow *self, guint destination);
gboolean ti_window_show_record (TiWindow *self, TiRecordKind kind, gint64 id);
guint ti_window_get_destination (TiWindow *self);
void ti_window_add_toast (TiWindow *self, const char *message);
void ti_window_reload (TiWindow *self);

G_END_DECLS
