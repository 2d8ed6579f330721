/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-database.h"

G_BEGIN_DECLS

/**
 * TiRowSet:
 * @n_columns: how many columns each row has
 * @columns: (array zero-terminated=1): their names
 * @rows: rows as `sqlite3_value *[n_columns + 1]`, %NULL-terminated
 *
 * Rows read as they are, to be written back exactly: what Undo restores.
 */
typedef struct
{
  guint n_columns;
  char **columns;
  GPtrArray *rows;
} TiRowSet;

gboolean ti_row_set_capture (TiRowSet *out, TiDatabase *db, const char *sql, gint64 id,
                             GError **error);
gboolean ti_row_set_insert (const TiRowSet *set, TiDatabase *db, const char *table,
                            GError **error);
void ti_row_set_clear (TiRowSet *set);

G_END_DECLS
