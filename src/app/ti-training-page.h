/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-page.h"

G_BEGIN_DECLS

#define TI_TYPE_TRAINING_PAGE (ti_training_page_get_type ())
G_DECLARE_FINAL_TYPE (TiTrainingPage, ti_training_page, TI, TRAINING_PAGE, TiPage)

G_END_DECLS
