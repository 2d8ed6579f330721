/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_PERSON_CHOOSER (ti_person_chooser_get_type ())
G_DECLARE_FINAL_TYPE (TiPersonChooser, ti_person_chooser, TI, PERSON_CHOOSER, AdwWindow)

TiPersonChooser *ti_person_chooser_new (GtkWindow *parent, TiDatabase *database,
                                        const char *title, gboolean offer_new_person);
void ti_person_chooser_exclude (TiPersonChooser *self, gint64 person_id);
void ti_person_chooser_confirm (TiPersonChooser *self, const char *message);
void ti_person_chooser_show_error (TiPersonChooser *self, const GError *error);

G_END_DECLS
