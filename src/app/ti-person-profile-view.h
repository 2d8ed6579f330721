/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-people.h"

G_BEGIN_DECLS

#define TI_TYPE_PERSON_PROFILE_VIEW (ti_person_profile_view_get_type ())
G_DECLARE_FINAL_TYPE (TiPersonProfileView, ti_person_profile_view, TI, PERSON_PROFILE_VIEW,
                      GtkWidget)

GtkWidget *ti_person_profile_view_new (void);
void ti_person_profile_view_set_profile (TiPersonProfileView *self,
                                         const TiPersonProfile *profile);

G_END_DECLS
