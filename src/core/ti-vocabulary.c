/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-vocabulary.h"

/* The keys match the CHECK constraints in ti-schema.c. */
static const TiTerm sectors[] = {
  { "nhs_trust", N_("NHS trust") },
  { "icb", N_("Integrated care board") },
  { "council", N_("Council") },
  { "police", N_("Police") },
  { "vcse", N_("VCSE") },
  { "primary_care", N_("Primary care") },
  { "education", N_("Education") },
  { "housing", N_("Housing") },
  { "university", N_("University") },
  { "other", N_("Other") },
};

static const TiTerm localities[] = {
  { "mendip", N_("Mendip") },
  { "sedgemoor", N_("Sedgemoor") },
  { "somerset_west_taunton", N_("Somerset West and Taunton") },
  { "south_somerset", N_("South Somerset") },
  { "county_wide", N_("County-wide") },
  { "outside_somerset", N_("Outside Somerset") },
};

const TiTerm *
ti_vocabulary_sectors (guint *n_terms)
{
  *n_terms = G_N_ELEMENTS (sectors);
  return sectors;
}

const TiTerm *
ti_vocabulary_localities (guint *n_terms)
{
  *n_terms = G_N_ELEMENTS (localities);
  return localities;
}

static const char *
label_for (const TiTerm *terms, guint n, const char *key)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (terms[i].key, key) == 0)
      return _(terms[i].label);
  return key;
}

static const char *
key_for (const TiTerm *terms, guint n, const char *text)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (trimmed, terms[i].key) == 0
        || g_ascii_strcasecmp (trimmed, terms[i].label) == 0
        || g_utf8_collate (trimmed, _(terms[i].label)) == 0)
      return terms[i].key;
  return NULL;
}

const char *
ti_vocabulary_sector_label (const char *key)
{
  return label_for (sectors, G_N_ELEMENTS (sectors), key);
}

const char *
ti_vocabulary_locality_label (const char *key)
{
  return label_for (localities, G_N_ELEMENTS (localities), key);
}

/**
 * ti_vocabulary_sector_key:
 *
 * Returns: (nullable): the key for a sector written as its label or key, or %NULL
 */
const char *
ti_vocabulary_sector_key (const char *text)
{
  return key_for (sectors, G_N_ELEMENTS (sectors), text);
}

/**
 * ti_vocabulary_locality_key:
 *
 * Returns: (nullable): the key for a locality written as its label or key, or %NULL
 */
const char *
ti_vocabulary_locality_key (const char *text)
{
  return key_for (localities, G_N_ELEMENTS (localities), text);
}
