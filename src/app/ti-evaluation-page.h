/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-page.h"

G_BEGIN_DECLS

#define TI_TYPE_EVALUATION_PAGE (ti_evaluation_page_get_type ())
G_DECLARE_FINAL_TYPE (TiEvaluationPage, ti_evaluation_page, TI, EVALUATION_PAGE, TiPage)

G_END_DECLS
