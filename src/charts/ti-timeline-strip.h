/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart.h"

G_BEGIN_DECLS

#define TI_TYPE_TIMELINE_STRIP (ti_timeline_strip_get_type ())
G_DECLARE_FINAL_TYPE (TiTimelineStrip, ti_timeline_strip, TI, TIMELINE_STRIP, TiChart)

TiChart *ti_timeline_strip_new (const char *title);
void ti_timeline_strip_set_today (TiTimelineStrip *self, int year, int month);
void ti_timeline_strip_clear_today (TiTimelineStrip *self);

G_END_DECLS
