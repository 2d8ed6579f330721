/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-window.h"

G_BEGIN_DECLS

#define TI_TYPE_RESTORE_DIALOG (ti_restore_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TiRestoreDialog, ti_restore_dialog, TI, RESTORE_DIALOG, AdwWindow)

TiRestoreDialog *ti_restore_dialog_new (TiWindow *window);

G_END_DECLS
