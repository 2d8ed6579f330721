/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-organisation.h"

G_BEGIN_DECLS

#define TI_TYPE_ORGANISATION_DETAIL (ti_organisation_detail_get_type ())
G_DECLARE_FINAL_TYPE (TiOrganisationDetail, ti_organisation_detail, TI, ORGANISATION_DETAIL,
                      GtkWidget)

void ti_organisation_detail_show (TiOrganisationDetail *self, TiDatabase *database,
                                  GListModel *organisations, TiOrganisation *organisation);
gint64 ti_organisation_detail_get_id (TiOrganisationDetail *self);

G_END_DECLS
