/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TI_TYPE_APPLICATION (ti_application_get_type ())
G_DECLARE_FINAL_TYPE (TiApplication, ti_application, TI, APPLICATION, AdwApplication)

TiApplication *ti_application_new (void);
GSettings *ti_application_get_settings (TiApplication *self);
void ti_application_remember_programme (TiApplication *self, const char *path);

G_END_DECLS
