/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_ORGANISATIONS_VIEW (ti_organisations_view_get_type ())
G_DECLARE_FINAL_TYPE (TiOrganisationsView, ti_organisations_view, TI, ORGANISATIONS_VIEW, GtkWidget)

void ti_organisations_view_show_organisation (TiOrganisationsView *self, gint64 id);
void ti_organisations_view_set_database (TiOrganisationsView *self, TiDatabase *database);

G_END_DECLS
