/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-people.h"

G_BEGIN_DECLS

/* For other parts of core that add a person as part of a larger change. */
gboolean ti_people_save_in_transaction (TiDatabase *db, const TiPersonEdit *edit, gint64 *out_id,
                                        GError **error);

G_END_DECLS
