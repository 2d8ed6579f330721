/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-evaluation.h"

G_BEGIN_DECLS

#define TI_TYPE_PERIOD_CHOOSER (ti_period_chooser_get_type ())
G_DECLARE_FINAL_TYPE (TiPeriodChooser, ti_period_chooser, TI, PERIOD_CHOOSER, GtkWidget)

void ti_period_chooser_set_database (TiPeriodChooser *self, TiDatabase *database);
gboolean ti_period_chooser_get_period (TiPeriodChooser *self, char **from, char **to);
void ti_period_chooser_set_preset (TiPeriodChooser *self, TiPeriodPreset preset);
void ti_period_chooser_set_custom (TiPeriodChooser *self, const char *from, const char *to);

G_END_DECLS
