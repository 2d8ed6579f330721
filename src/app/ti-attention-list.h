/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-evaluation.h"

G_BEGIN_DECLS

#define TI_TYPE_ATTENTION_LIST (ti_attention_list_get_type ())
G_DECLARE_FINAL_TYPE (TiAttentionList, ti_attention_list, TI, ATTENTION_LIST, GtkWidget)

void ti_attention_list_show (TiAttentionList *self, GPtrArray *attention);

G_END_DECLS
