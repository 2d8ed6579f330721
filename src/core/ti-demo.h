/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-progress.h"

G_BEGIN_DECLS

#define TI_DEMO_MAX_SCALE 100

gboolean ti_demo_create (const char *path, guint scale, TiProgressFunc progress,
                         gpointer progress_data, GCancellable *cancellable, GError **error);

void ti_demo_create_async (const char *path, guint scale, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data);
gboolean ti_demo_create_finish (GAsyncResult *result, GError **error);

G_END_DECLS
