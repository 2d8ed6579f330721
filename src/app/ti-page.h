/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_PAGE (ti_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (TiPage, ti_page, TI, PAGE, GtkWidget)

/**
 * TiPageClass:
 * @reload: show the programme's data again: the programme was opened or changed
 *
 * A destination of the window. It holds the open programme and reloads when it changes.
 */
struct _TiPageClass
{
  GtkWidgetClass parent_class;

  void (*reload) (TiPage *self);
};

TiDatabase *ti_page_get_database (TiPage *self);
void ti_page_set_database (TiPage *self, TiDatabase *database);

G_END_DECLS
