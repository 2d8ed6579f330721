/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A controlled vocabulary: the stable key stored in the programme, and its label. */
typedef struct
{
  const char *key;
  const char *label; /* translatable, in English as DESIGN.md names it */
} TiTerm;

const TiTerm *ti_vocabulary_sectors (guint *n_terms);
const TiTerm *ti_vocabulary_localities (guint *n_terms);

const char *ti_vocabulary_sector_label (const char *key);
const char *ti_vocabulary_locality_label (const char *key);

/* Matches a label or key case-insensitively, ignoring surrounding space. */
const char *ti_vocabulary_sector_key (const char *text);
const char *ti_vocabulary_locality_key (const char *text);

G_END_DECLS
