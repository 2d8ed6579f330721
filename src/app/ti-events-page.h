/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-page.h"

G_BEGIN_DECLS

#define TI_TYPE_EVENTS_PAGE (ti_events_page_get_type ())
G_DECLARE_FINAL_TYPE (TiEventsPage, ti_events_page, TI, EVENTS_PAGE, TiPage)

G_END_DECLS
