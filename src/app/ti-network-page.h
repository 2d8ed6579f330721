/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-page.h"

G_BEGIN_DECLS

#define TI_TYPE_NETWORK_PAGE (ti_network_page_get_type ())
G_DECLARE_FINAL_TYPE (TiNetworkPage, ti_network_page, TI, NETWORK_PAGE, TiPage)

G_END_DECLS
