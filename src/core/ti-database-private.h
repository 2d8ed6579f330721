/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the ti-database*.c files only. */
const char *ti_database_problem_in_words (int rc);
void ti_database_keep_own_locks (void);

G_END_DECLS
