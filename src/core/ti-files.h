/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ti_files_remove_folder (const char *folder);

G_END_DECLS
