/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "TIS1" in big-endian: marks a SQLite file as a Trauma Informed Somerset programme. */
#define TI_SCHEMA_APPLICATION_ID 0x54495331

typedef struct
{
  int version;
  const char *summary; /* what the migration brings, for the audit log */
  const char *sql;
} TiMigration;

const TiMigration *ti_schema_get_migrations (guint *n_migrations);
int ti_schema_get_current_version (void);

G_END_DECLS
