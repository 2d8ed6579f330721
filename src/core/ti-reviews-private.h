/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-reviews.h"

G_BEGIN_DECLS

/* Shared by the ti-review*.c files only. */
void ti_reviews_today (const GDate *today, GDate *out);
GPtrArray *ti_reviews_read_people (TiDatabase *db, const char *sql, gint64 id,
                                   gboolean with_kind, GError **error);

char *ti_reviews_why_not_reviewable (const char *title, TiSessionStatus status,
                                     TiReviewStatus review);

G_END_DECLS
