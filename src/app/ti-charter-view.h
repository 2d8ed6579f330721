/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_CHARTER_VIEW (ti_charter_view_get_type ())
G_DECLARE_FINAL_TYPE (TiCharterView, ti_charter_view, TI, CHARTER_VIEW, GtkWidget)

void ti_charter_view_set_database (TiCharterView *self, TiDatabase *database);

G_END_DECLS
