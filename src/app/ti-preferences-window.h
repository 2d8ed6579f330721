/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_PREFERENCES_WINDOW (ti_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TiPreferencesWindow, ti_preferences_window, TI, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

TiPreferencesWindow *ti_preferences_window_new (GtkWindow *parent, TiDatabase *database,
                                                GSettings *settings);

G_END_DECLS
