/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-milestone-figures.h"
#include "ti-training-figures-private.h"

G_BEGIN_DECLS

gboolean ti_milestone_due_in (const char *due_month, const TiPeriod *period);

G_END_DECLS
