/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-import.h"
#include "ti-window.h"

G_BEGIN_DECLS

#define TI_TYPE_IMPORT_ASSISTANT (ti_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (TiImportAssistant, ti_import_assistant, TI, IMPORT_ASSISTANT, AdwWindow)

TiImportAssistant *ti_import_assistant_new (TiWindow *window);
void ti_import_assistant_set_kind (TiImportAssistant *self, TiImportKind kind);
TiImportKind ti_import_assistant_get_kind (TiImportAssistant *self);
void ti_import_assistant_set_file (TiImportAssistant *self, const char *path);
const char *ti_import_assistant_get_file (TiImportAssistant *self);

G_END_DECLS
