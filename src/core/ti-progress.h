/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called from the working thread: @fraction in [0, 1], @step says what is being done. */
typedef void (*TiProgressFunc) (double fraction, const char *step, gpointer user_data);

G_END_DECLS
