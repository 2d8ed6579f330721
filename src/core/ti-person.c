/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-person.h"
#include "ti-vocabulary.h"

/**
 * TiPerson:
 *
 * One row of the people and champions lists: an immutable snapshot read by
 * ti_people_list(). Every column is a read-only property (strings, ints and booleans) so
 * that a GtkColumnView can sort by any of them with a GtkStringSorter or GtkNumericSorter;
 * dates are ISO strings, which sort correctly as text. Reload the list after a change.
 */
struct _TiPerson
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *email;
  char *organisation;
  gint64 organisation_id;
  char *sector;
  char *locality;
  char *job_title;
  gboolean is_champion;
  char *champion_since;
  char *status;
  char *status_key;
  int highest_tier;
  char *last_activity;
  gboolean erased;
  char *search_key; /* made with the person, in the list's worker thread */
};

G_DEFINE_FINAL_TYPE (TiPerson, ti_person, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_ORGANISATION,
  PROP_ORGANISATION_ID,
  PROP_SECTOR,
  PROP_LOCALITY,
  PROP_JOB_TITLE,
  PROP_IS_CHAMPION,
  PROP_CHAMPION_SINCE,
  PROP_STATUS,
  PROP_STATUS_KEY,
  PROP_HIGHEST_TIER,
  PROP_LAST_ACTIVITY,
  PROP_ERASED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ti_champion_status_label:
 * @status_key: (nullable): active, paused or stepped_down
 *
 * Returns: (transfer none): the status in words, or "" when @status_key is %NULL
 */
const char *
ti_champion_status_label (const char *status_key)
{
  if (g_strcmp0 (status_key, "active") == 0)
    return _("Active");
  if (g_strcmp0 (status_key, "paused") == 0)
    return _("Paused");
  if (g_strcmp0 (status_key, "stepped_down") == 0)
    return _("Stepped down");
  return "";
}

static void
ti_person_finalize (GObject *object)
{
  TiPerson *self = TI_PERSON (object);

  g_free (self->name);
  g_free (self->email);
  g_free (self->organisation);
  g_free (self->sector);
  g_free (self->locality);
  g_free (self->job_title);
  g_free (self->champion_since);
  g_free (self->status);
  g_free (self->status_key);
  g_free (self->search_key);
  g_free (self->last_activity);

  G_OBJECT_CLASS (ti_person_parent_class)->finalize (object);
}

static void
ti_person_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiPerson *self = TI_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_ORGANISATION_ID:
      g_value_set_int64 (value, self->organisation_id);
      break;
    case PROP_SECTOR:
      g_value_set_string (value, self->sector);
      break;
    case PROP_LOCALITY:
      g_value_set_string (value, self->locality);
      break;
    case PROP_JOB_TITLE:
      g_value_set_string (value, self->job_title);
      break;
    case PROP_IS_CHAMPION:
      g_value_set_boolean (value, self->is_champion);
      break;
    case PROP_CHAMPION_SINCE:
      g_value_set_string (value, self->champion_since);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_STATUS_KEY:
      g_value_set_string (value, self->status_key);
      break;
    case PROP_HIGHEST_TIER:
      g_value_set_int (value, self->highest_tier);
      break;
    case PROP_LAST_ACTIVITY:
      g_value_set_string (value, self->last_activity);
      break;
    case PROP_ERASED:
      g_value_set_boolean (value, self->erased);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
ti_person_class_init (TiPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ti_person_finalize;
  object_class->get_property = ti_person_get_property;

  /* The person’s id */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);

  /* Full name, or “Erased person #id” */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, FLAGS);

  /* Email address, if any */
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, FLAGS);

  /* Name of their organisation */
  properties[PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, NULL, FLAGS);

  /* Id of their organisation, 0 if none */
  properties[PROP_ORGANISATION_ID] = g_param_spec_int64 ("organisation-id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);

  /* Sector of their organisation */
  properties[PROP_SECTOR] = g_param_spec_string ("sector", NULL, NULL, NULL, FLAGS);

  /* Locality */
  properties[PROP_LOCALITY] = g_param_spec_string ("locality", NULL, NULL, NULL, FLAGS);

  /* Job title */
  properties[PROP_JOB_TITLE] = g_param_spec_string ("job-title", NULL, NULL, NULL, FLAGS);

  /* Whether they are in the champions network */
  properties[PROP_IS_CHAMPION] = g_param_spec_boolean ("is-champion", NULL, NULL, FALSE, FLAGS);

  /* ISO date they became a champion */
  properties[PROP_CHAMPION_SINCE] = g_param_spec_string ("champion-since", NULL, NULL, NULL, FLAGS);

  /* Champion status, in words; empty when not a champion */
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, FLAGS);

  /* Champion status key */
  properties[PROP_STATUS_KEY] = g_param_spec_string ("status-key", NULL, NULL, NULL, FLAGS);

  /* Highest tier reached, 0 to 3 */
  properties[PROP_HIGHEST_TIER] = g_param_spec_int ("highest-tier", NULL, NULL, 0, 3, 0, FLAGS);

  /* ISO date of their latest activity */
  properties[PROP_LAST_ACTIVITY] = g_param_spec_string ("last-activity", NULL, NULL, NULL, FLAGS);

  /* Whether their personal data was erased */
  properties[PROP_ERASED] = g_param_spec_boolean ("erased", NULL, NULL, FALSE, FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_person_init (TiPerson *self)
{
}

/**
 * ti_person_new:
 * @fields: the values to show; strings are copied
 *
 * Returns: (transfer full): a new person row
 */
TiPerson *
ti_person_new (const TiPersonFields *fields)
{
  TiPerson *self = g_object_new (TI_TYPE_PERSON, NULL);

  self->id = fields->id;
  self->name = g_strdup (fields->name);
  self->email = g_strdup (fields->email);
  self->organisation = g_strdup (fields->organisation ? fields->organisation : "");
  self->organisation_id = fields->organisation_id;
  self->sector = g_strdup (fields->sector ? fields->sector : "");
  self->locality = g_strdup (fields->locality ? fields->locality : "");
  self->job_title = g_strdup (fields->job_title ? fields->job_title : "");
  self->is_champion = fields->is_champion;
  self->champion_since = g_strdup (fields->champion_since);
  self->status_key = g_strdup (fields->status_key);
  self->status = g_strdup (ti_champion_status_label (fields->status_key));
  self->highest_tier = CLAMP (fields->highest_tier, 0, 3);
  self->last_activity = g_strdup (fields->last_activity);
  self->erased = fields->erased;
  /* Folded once here, off the main thread, so searching as you type is a plain strstr(). */
  {
    g_autofree char *joined = g_strconcat (self->name ? self->name : "", "\n",
                                           self->organisation ? self->organisation : "", NULL);
    self->search_key = ti_text_fold (joined);
  }
  return self;
}

gint64
ti_person_get_id (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), 0);
  return self->id;
}

const char *
ti_person_get_name (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), NULL);
  return self->name;
}

const char *
ti_person_get_email (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), NULL);
  return self->email;
}

const char *
ti_person_get_organisation (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), NULL);
  return self->organisation;
}

gint64
ti_person_get_organisation_id (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), 0);
  return self->organisation_id;
}

const char *
ti_person_get_sector (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), NULL);
  return self->sector;
}

const char *
ti_person_get_locality (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), NULL);
  return self->locality;
}

const char *
ti_person_get_job_title (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), NULL);
  return self->job_title;
}

gboolean
ti_person_get_is_champion (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), FALSE);
  return self->is_champion;
}

const char *
ti_person_get_champion_since (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), NULL);
  return self->champion_since;
}

const char *
ti_person_get_status (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), NULL);
  return self->status;
}

const char *
ti_person_get_status_key (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), NULL);
  return self->status_key;
}

int
ti_person_get_highest_tier (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), 0);
  return self->highest_tier;
}

const char *
ti_person_get_last_activity (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), NULL);
  return self->last_activity;
}

gboolean
ti_person_get_erased (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), FALSE);
  return self->erased;
}

/**
 * ti_person_get_search_key:
 *
 * Returns: the name and organisation, normalised and case-folded when the person was read,
 *   so that searching as you type does not normalise every person at every keystroke
 */
const char *
ti_person_get_search_key (TiPerson *self)
{
  g_return_val_if_fail (TI_IS_PERSON (self), NULL);

  return self->search_key;
}
