/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_REVIEW_CHECKLIST_PAGE (ti_review_checklist_page_get_type ())
G_DECLARE_FINAL_TYPE (TiReviewChecklistPage, ti_review_checklist_page, TI, REVIEW_CHECKLIST_PAGE,
                      AdwPreferencesPage)

TiReviewChecklistPage *ti_review_checklist_page_new (TiDatabase *database);

G_END_DECLS
