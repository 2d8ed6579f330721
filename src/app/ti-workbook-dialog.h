/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"
#include "ti-workbook.h"

G_BEGIN_DECLS

#define TI_TYPE_WORKBOOK_DIALOG (ti_workbook_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TiWorkbookDialog, ti_workbook_dialog, TI, WORKBOOK_DIALOG, AdwWindow)

TiWorkbookDialog *ti_workbook_dialog_new (GtkWindow *parent, TiDatabase *database);
gboolean ti_workbook_dialog_get_options (TiWorkbookDialog *self, TiWorkbookOptions *options);
void ti_workbook_dialog_export_to (TiWorkbookDialog *self, const char *path);
gboolean ti_workbook_dialog_is_exporting (TiWorkbookDialog *self);
char *ti_workbook_file_name (const char *from, const char *to);

G_END_DECLS
