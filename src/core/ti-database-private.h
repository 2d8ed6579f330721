/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ti-database.h"

G_BEGIN_DECLS

/* Shared by the ti-database*.c files only. */
const char *ti_database_problem_in_words (int rc);
void ti_database_keep_own_locks (void);
void ti_database_note_write (TiDatabase *self, gboolean writing);

G_END_DECLS
