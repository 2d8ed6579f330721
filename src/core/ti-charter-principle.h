/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TI_TYPE_CHARTER_PRINCIPLE (ti_charter_principle_get_type ())
G_DECLARE_FINAL_TYPE (TiCharterPrinciple, ti_charter_principle, TI, CHARTER_PRINCIPLE, GObject)

TiCharterPrinciple *ti_charter_principle_new (gint64 id, guint position, const char *name,
                                              const char *description);

gint64 ti_charter_principle_get_id (TiCharterPrinciple *self);
guint ti_charter_principle_get_position (TiCharterPrinciple *self);
const char *ti_charter_principle_get_name (TiCharterPrinciple *self);
const char *ti_charter_principle_get_description (TiCharterPrinciple *self);

G_END_DECLS
