/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-organisation"

#include "config.h"

#include "ti-charter.h"
#include "ti-organisation.h"
#include "ti-vocabulary.h"

/**
 * TiOrganisation:
 *
 * One row of the organisations list: an immutable snapshot read by ti_organisations_list(),
 * every column a read-only property so a GtkColumnView can sort by it. Reach is the share
 * of the workforce with at least one Tier 1 completion: people of the organisation and of
 * its directorates (its headcount includes theirs) with a completion ÷ headcount, capped at
 * 1 (a headcount can be out of date), or -1 when the headcount is 0 (unknown), as
 * ti_tier1_reach_list() counts it. The uncapped count is the tier1-completions property.
 */
struct _TiOrganisation
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *sector;
  char *sector_key;
  char *locality;
  char *locality_key;
  gint64 headcount;
  char *parent;
  gint64 parent_id;
  guint champions;
  guint tier1_completions;
  double reach;
  guint sessions_hosted;
  guint people;
  char *charter_stage;
  char *charter_stage_key;
};

G_DEFINE_FINAL_TYPE (TiOrganisation, ti_organisation, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SECTOR,
  PROP_SECTOR_KEY,
  PROP_LOCALITY,
  PROP_LOCALITY_KEY,
  PROP_HEADCOUNT,
  PROP_PARENT,
  PROP_PARENT_ID,
  PROP_CHAMPIONS,
  PROP_TIER1_COMPLETIONS,
  PROP_REACH,
  PROP_SESSIONS_HOSTED,
  PROP_PEOPLE,
  PROP_CHARTER_STAGE,
  PROP_CHARTER_STAGE_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ti_organisation_finalize (GObject *object)
{
  TiOrganisation *self = TI_ORGANISATION (object);

  g_free (self->name);
  g_free (self->sector);
  g_free (self->sector_key);
  g_free (self->locality);
  g_free (self->locality_key);
  g_free (self->parent);
  g_free (self->charter_stage);
  g_free (self->charter_stage_key);

  G_OBJECT_CLASS (ti_organisation_parent_class)->finalize (object);
}

static void
ti_organisation_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiOrganisation *self = TI_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;
    case PROP_SECTOR_KEY:
      g_value_set_string (value, self->sector_key);
      break;
    case PROP_LOCALITY:
      g_value_set_string (value, self->locality);
      break;
    case PROP_LOCALITY_KEY:
      g_value_set_string (value, self->locality_key);
      break;
    case PROP_HEADCOUNT:
      g_value_set_int64 (value, self->headcount);
      break;
    case PROP_PARENT:
      g_value_set_string (value, self->parent);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_CHAMPIONS:
      g_value_set_uint (value, self->champions);
      break;
    case PROP_TIER1_COMPLETIONS:
      g_value_set_uint (value, self->tier1_completions);
      break;
    case PROP_REACH:
      g_value_set_double (value, self->reach);
      break;
    case PROP_SESSIONS_HOSTED:
      g_value_set_uint (value, self->sessions_hosted);
      break;
    case PROP_PEOPLE:
      g_value_set_uint (value, self->people);
      break;
    case PROP_CHARTER_STAGE:
      g_value_set_string (value, self->charter_stage);
      break;
    case PROP_CHARTER_STAGE_KEY:
      g_value_set_string (value, self->charter_stage_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
ti_organisation_class_init (TiOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ti_organisation_finalize;
  object_class->get_property = ti_organisation_get_property;

  /* Its id */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);
  /* Its name */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, FLAGS);
  /* Sector, in words */
  properties[PROP_SECTOR] = g_param_spec_string ("sector", NULL, NULL, NULL, FLAGS);
  /* Sector key */
  properties[PROP_SECTOR_KEY] = g_param_spec_string ("sector-key", NULL, NULL, NULL, FLAGS);
  /* Locality, in words */
  properties[PROP_LOCALITY] = g_param_spec_string ("locality", NULL, NULL, NULL, FLAGS);
  /* Locality key */
  properties[PROP_LOCALITY_KEY] = g_param_spec_string ("locality-key", NULL, NULL, NULL, FLAGS);
  /* Workforce headcount, the denominator of reach */
  properties[PROP_HEADCOUNT] = g_param_spec_int64 ("headcount", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);
  /* Name of the parent organisation, empty when none */
  properties[PROP_PARENT] = g_param_spec_string ("parent", NULL, NULL, NULL, FLAGS);
  /* Id of the parent organisation, 0 when none */
  properties[PROP_PARENT_ID] = g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);
  /* Active champions */
  properties[PROP_CHAMPIONS] = g_param_spec_uint ("champions", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);
  /* People, its directorates' included, with at least one Tier 1 completion */
  properties[PROP_TIER1_COMPLETIONS] = g_param_spec_uint ("tier1-completions", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);
  /* Tier 1 reach: tier1-completions ÷ headcount, at most 1; -1 when the headcount is 0 */
  properties[PROP_REACH] = g_param_spec_double ("reach", NULL, NULL, -1.0, 1.0, -1.0, FLAGS);
  /* Delivered Tier 2/3 sessions hosted */
  properties[PROP_SESSIONS_HOSTED] = g_param_spec_uint ("sessions-hosted", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);
  properties[PROP_PEOPLE] = g_param_spec_uint ("people", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);
  /* Charter adoption stage, in words */
  properties[PROP_CHARTER_STAGE] = g_param_spec_string ("charter-stage", NULL, NULL, NULL, FLAGS);
  /* Charter adoption stage key */
  properties[PROP_CHARTER_STAGE_KEY] = g_param_spec_string ("charter-stage-key", NULL, NULL, NULL, FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_organisation_init (TiOrganisation *self)
{
}

/**
 * ti_organisation_new:
 * @fields: the values to show; strings are copied
 *
 * Returns: (transfer full): a new organisation row
 */
TiOrganisation *
ti_organisation_new (const TiOrganisationFields *fields)
{
  TiOrganisation *self = g_object_new (TI_TYPE_ORGANISATION, NULL);
  const char *stage = fields->charter_stage_key ? fields->charter_stage_key : "not_started";

  self->id = fields->id;
  self->name = g_strdup (fields->name);
  self->sector_key = g_strdup (fields->sector_key);
  self->sector = g_strdup (ti_vocabulary_sector_label (fields->sector_key));
  self->locality_key = g_strdup (fields->locality_key);
  self->locality = g_strdup (ti_vocabulary_locality_label (fields->locality_key));
  self->headcount = fields->headcount;
  self->parent_id = fields->parent_id;
  self->parent = g_strdup (fields->parent ? fields->parent : "");
  self->champions = fields->champions;
  self->tier1_completions = fields->tier1_people;
  self->reach = fields->headcount > 0 ? MIN (1.0, (double) fields->tier1_people / fields->headcount)
                                      : -1.0;
  self->sessions_hosted = fields->sessions_hosted;
  self->people = fields->people;
  self->charter_stage_key = g_strdup (stage);
  self->charter_stage = g_strdup (ti_charter_stage_label (stage));
  return self;
}

gint64
ti_organisation_get_id (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), 0);
  return self->id;
}

const char *
ti_organisation_get_name (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), NULL);
  return self->name;
}

const char *
ti_organisation_get_sector_key (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), NULL);
  return self->sector_key;
}

const char *
ti_organisation_get_locality_key (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), NULL);
  return self->locality_key;
}

gint64
ti_organisation_get_headcount (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), 0);
  return self->headcount;
}

gint64
ti_organisation_get_parent_id (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), 0);
  return self->parent_id;
}

guint
ti_organisation_get_champions (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), 0);
  return self->champions;
}

guint
ti_organisation_get_tier1_completions (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), 0);
  return self->tier1_completions;
}

double
ti_organisation_get_reach (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), -1.0);
  return self->reach;
}

guint
ti_organisation_get_sessions_hosted (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), 0);
  return self->sessions_hosted;
}

const char *
ti_organisation_get_charter_stage_key (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), NULL);
  return self->charter_stage_key;
}

/* Everyone who belongs to the organisation, champion or not. */
guint
ti_organisation_get_people (TiOrganisation *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION (self), 0);
  return self->people;
}
