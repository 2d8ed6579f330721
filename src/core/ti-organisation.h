/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TiOrganisationFields:
 *
 * What a #TiOrganisation shows, as read by ti_organisations_list(); strings are copied.
 */
typedef struct
{
  gint64 id;
  const char *name;
  const char *sector_key;
  const char *locality_key;
  gint64 headcount;
  gint64 parent_id; /* 0 when none */
  const char *parent;
  guint champions;            /* active champions */
  guint tier1_people;         /* people, its directorates' too, with a Tier 1 completion */
  guint sessions_hosted;      /* delivered sessions hosted */
  guint people;               /* everyone who belongs to it */
  const char *charter_stage_key;
} TiOrganisationFields;

#define TI_TYPE_ORGANISATION (ti_organisation_get_type ())
G_DECLARE_FINAL_TYPE (TiOrganisation, ti_organisation, TI, ORGANISATION, GObject)

TiOrganisation *ti_organisation_new (const TiOrganisationFields *fields);

gint64 ti_organisation_get_id (TiOrganisation *self);
const char *ti_organisation_get_name (TiOrganisation *self);
const char *ti_organisation_get_sector_key (TiOrganisation *self);
const char *ti_organisation_get_locality_key (TiOrganisation *self);
gint64 ti_organisation_get_headcount (TiOrganisation *self);
gint64 ti_organisation_get_parent_id (TiOrganisation *self);
guint ti_organisation_get_champions (TiOrganisation *self);
guint ti_organisation_get_people (TiOrganisation *self);
guint ti_organisation_get_tier1_completions (TiOrganisation *self);
double ti_organisation_get_reach (TiOrganisation *self);
guint ti_organisation_get_sessions_hosted (TiOrganisation *self);
const char *ti_organisation_get_charter_stage_key (TiOrganisation *self);

G_END_DECLS
