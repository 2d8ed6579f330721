/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_TIER1_VIEW (ti_tier1_view_get_type ())
G_DECLARE_FINAL_TYPE (TiTier1View, ti_tier1_view, TI, TIER1_VIEW, GtkWidget)

void ti_tier1_view_set_database (TiTier1View *self, TiDatabase *database);
gboolean ti_tier1_view_is_loading (TiTier1View *self);

G_END_DECLS
