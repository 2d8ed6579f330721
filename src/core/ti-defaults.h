/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-database.h"

G_BEGIN_DECLS

gboolean ti_defaults_seed (TiDatabase *db, GError **error);

G_END_DECLS
