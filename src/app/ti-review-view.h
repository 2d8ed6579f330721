/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_TYPE_REVIEW_VIEW (ti_review_view_get_type ())
G_DECLARE_FINAL_TYPE (TiReviewView, ti_review_view, TI, REVIEW_VIEW, GtkWidget)

void ti_review_view_set_database (TiReviewView *self, TiDatabase *database);
guint ti_review_view_get_awaiting (TiReviewView *self);

G_END_DECLS
