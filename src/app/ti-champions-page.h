/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-page.h"

G_BEGIN_DECLS

#define TI_TYPE_CHAMPIONS_PAGE (ti_champions_page_get_type ())
G_DECLARE_FINAL_TYPE (TiChampionsPage, ti_champions_page, TI, CHAMPIONS_PAGE, TiPage)

gboolean ti_champions_page_export_profile (TiChampionsPage *self, GFile *file);

G_END_DECLS
