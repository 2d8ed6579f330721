/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-engagement"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-engagement-activity.h"
#include "ti-format.h"

/**
 * TiEngagementActivity:
 *
 * One engagement activity with people with lived experience, as a row of the list and the
 * facts of its page: an immutable snapshot read by the core; reload after a change. Its
 * participants are counts by group, never people. Every column is a read-only property so
 * that a GtkColumnView can sort by it.
 */
struct _TiEngagementActivity
{
  GObject parent_instance;

  gint64 id;
  char *held_on;
  char *kind;
  char *title;
  char *summary;
  guint counts[TI_ENGAGEMENT_N_GROUPS];
  char **areas;
  char *influences_text;
  guint actions_open;
  guint actions_done;
  char *search_key;
};

G_DEFINE_FINAL_TYPE (TiEngagementActivity, ti_engagement_activity, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_HELD_ON,
  PROP_KIND,
  PROP_TITLE,
  PROP_PARTICIPANTS,
  PROP_INFLUENCES,
  PROP_ACTIONS_OPEN,
  PROP_ACTIONS_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Vocabularies ----------------------------------------------------------------------------- */

static const struct
{
  const char *key;
  const char *label;
} kinds[] = {
  { "focus_group", N_("Focus group") },
  { "survey", N_("Survey") },
  { "panel", N_("Panel") },
  { "one_to_one", N_("One-to-one") },
  { "co_production_workshop", N_("Co-production workshop") },
  { "consultation", N_("Consultation") },
}, areas[TI_ENGAGEMENT_N_AREAS] = {
  { "principles", N_("Principles") },
  { "charter", N_("Charter") },
  { "training", N_("Training") },
  { "service_delivery", N_("Service delivery") },
  { "evaluation", N_("Evaluation") },
}, groups[TI_ENGAGEMENT_N_GROUPS] = {
  { "young_people", N_("Young people") },
  { "adults_lived_experience", N_("Adults with lived experience") },
  { "parents_carers", N_("Parents and carers") },
  { "professionals", N_("Professionals") },
  { "community_members", N_("Community members") },
}, statuses[] = {
  { "open", N_("Open") },
  { "in_progress", N_("In progress") },
  { "done", N_("Done") },
};

/**
 * ti_engagement_kind_key:
 * @index: 0 to ti_engagement_n_kinds() − 1
 *
 * Returns: (transfer none) (nullable): the kind's key, in the order editors list them
 */
const char *
ti_engagement_kind_key (guint index)
{
  return index < G_N_ELEMENTS (kinds) ? kinds[index].key : NULL;
}

guint
ti_engagement_n_kinds (void)
{
  return G_N_ELEMENTS (kinds);
}

/**
 * ti_engagement_kind_label:
 * @key: (nullable): focus_group, survey, panel, one_to_one, co_production_workshop or
 *   consultation
 *
 * Returns: (transfer none): the kind in words, or "" for anything else
 */
const char *
ti_engagement_kind_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].key, key) == 0)
      return _(kinds[i].label);
  return "";
}

/**
 * ti_engagement_area_key:
 * @index: 0 to %TI_ENGAGEMENT_N_AREAS − 1
 *
 * Returns: (transfer none) (nullable): the influence area's key
 */
const char *
ti_engagement_area_key (guint index)
{
  return index < G_N_ELEMENTS (areas) ? areas[index].key : NULL;
}

/**
 * ti_engagement_area_label:
 * @key: (nullable): principles, charter, training, service_delivery or evaluation
 *
 * Returns: (transfer none): the area in words, or "" for anything else
 */
const char *
ti_engagement_area_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (areas[i].key, key) == 0)
      return _(areas[i].label);
  return "";
}

/**
 * ti_engagement_group_column:
 *
 * Returns: (transfer none): the column of engagement_activities that counts @group
 */
const char *
ti_engagement_group_column (TiEngagementGroup group)
{
  g_return_val_if_fail (group < TI_ENGAGEMENT_N_GROUPS, NULL);
  return groups[group].key;
}

/**
 * ti_engagement_group_label:
 *
 * Returns: (transfer none): the group in words
 */
const char *
ti_engagement_group_label (TiEngagementGroup group)
{
  g_return_val_if_fail (group < TI_ENGAGEMENT_N_GROUPS, NULL);
  return _(groups[group].label);
}

const char *
ti_engagement_action_status_key (TiEngagementActionStatus status)
{
  return status < G_N_ELEMENTS (statuses) ? statuses[status].key : NULL;
}

/**
 * ti_engagement_action_status_label:
 *
 * Returns: (transfer none): the status in words: Open, In progress, Done; "" for anything else
 */
const char *
ti_engagement_action_status_label (TiEngagementActionStatus status)
{
  return status < G_N_ELEMENTS (statuses) ? _(statuses[status].label) : "";
}

gboolean
ti_engagement_action_status_from_key (const char *key, TiEngagementActionStatus *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i].key, key) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* Actions ---------------------------------------------------------------------------------- */

/**
 * ti_engagement_action_copy:
 *
 * Returns: (transfer full): a copy; free with ti_engagement_action_free()
 */
TiEngagementAction *
ti_engagement_action_copy (const TiEngagementAction *action)
{
  TiEngagementAction *copy = g_new0 (TiEngagementAction, 1);

  *copy = *action;
  copy->you_said = g_strdup (action->you_said);
  copy->we_did = g_strdup (action->we_did);
  copy->owner = g_strdup (action->owner);
  copy->due_on = g_strdup (action->due_on);
  return copy;
}

void
ti_engagement_action_free (TiEngagementAction *action)
{
  if (action == NULL)
    return;
  g_free (action->you_said);
  g_free (action->we_did);
  g_free (action->owner);
  g_free (action->due_on);
  g_free (action);
}

/* The activity ----------------------------------------------------------------------------- */

/**
 * ti_engagement_activity_new:
 *
 * Returns: (transfer full): the activity
 */
TiEngagementActivity *
ti_engagement_activity_new (const TiEngagementActivityFields *f)
{
  TiEngagementActivity *self = g_object_new (TI_TYPE_ENGAGEMENT_ACTIVITY, NULL);
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *search = NULL;

  self->id = f->id;
  self->held_on = g_strdup (f->held_on);
  self->kind = g_strdup (f->kind);
  self->title = g_strdup (f->title);
  self->summary = g_strdup (f->summary);
  memcpy (self->counts, f->counts, sizeof self->counts);
  self->areas = f->areas != NULL ? g_strdupv ((char **) f->areas) : g_new0 (char *, 1);
  for (guint i = 0; self->areas[i] != NULL; i++)
    g_ptr_array_add (labels, (char *) ti_engagement_area_label (self->areas[i]));
  g_ptr_array_add (labels, NULL);
  self->influences_text = g_strjoinv (", ", (char **) labels->pdata);
  self->actions_open = f->actions_open;
  self->actions_done = f->actions_done;
  search = g_strjoin (" ", self->title ? self->title : "", self->summary ? self->summary : "",
                      ti_engagement_kind_label (self->kind), self->influences_text, NULL);
  self->search_key = ti_text_fold (search);
  return self;
}

gint64
ti_engagement_activity_get_id (TiEngagementActivity *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), 0);
  return self->id;
}

/**
 * ti_engagement_activity_get_held_on:
 *
 * Returns: (transfer none): the date, 'YYYY-MM-DD'
 */
const char *
ti_engagement_activity_get_held_on (TiEngagementActivity *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), NULL);
  return self->held_on;
}

/**
 * ti_engagement_activity_get_kind_key:
 *
 * Returns: (transfer none): the kind's key; ti_engagement_kind_label() puts it in words
 */
const char *
ti_engagement_activity_get_kind_key (TiEngagementActivity *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), NULL);
  return self->kind;
}

/**
 * ti_engagement_activity_get_title:
 *
 * Returns: (transfer none): the title
 */
const char *
ti_engagement_activity_get_title (TiEngagementActivity *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), NULL);
  return self->title;
}

/**
 * ti_engagement_activity_get_summary:
 *
 * Returns: (transfer none) (nullable): what happened, or %NULL
 */
const char *
ti_engagement_activity_get_summary (TiEngagementActivity *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), NULL);
  return self->summary;
}

guint
ti_engagement_activity_get_count (TiEngagementActivity *self, TiEngagementGroup group)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), 0);
  g_return_val_if_fail (group < TI_ENGAGEMENT_N_GROUPS, 0);
  return self->counts[group];
}

/**
 * ti_engagement_activity_get_participants:
 *
 * Returns: the participants of every group together
 */
guint
ti_engagement_activity_get_participants (TiEngagementActivity *self)
{
  guint total = 0;

  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), 0);
  for (guint i = 0; i < TI_ENGAGEMENT_N_GROUPS; i++)
    total += self->counts[i];
  return total;
}

/**
 * ti_engagement_activity_get_areas:
 *
 * Returns: (transfer none) (array zero-terminated=1): the keys of what it influenced
 */
const char *const *
ti_engagement_activity_get_areas (TiEngagementActivity *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), NULL);
  return (const char *const *) self->areas;
}

gboolean
ti_engagement_activity_has_area (TiEngagementActivity *self, const char *area)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), FALSE);
  return g_strv_contains ((const char *const *) self->areas, area);
}

/**
 * ti_engagement_activity_get_influences_text:
 *
 * Returns: (transfer none): what it influenced in words, "Principles, Charter"; "" for nothing
 */
const char *
ti_engagement_activity_get_influences_text (TiEngagementActivity *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), NULL);
  return self->influences_text;
}

/**
 * ti_engagement_activity_get_actions_open:
 *
 * Returns: its actions not yet done (open or in progress)
 */
guint
ti_engagement_activity_get_actions_open (TiEngagementActivity *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), 0);
  return self->actions_open;
}

guint
ti_engagement_activity_get_actions_done (TiEngagementActivity *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), 0);
  return self->actions_done;
}

/**
 * ti_engagement_activity_get_search_key:
 *
 * Returns: (transfer none): the title, summary, kind and influences, folded for searching
 */
const char *
ti_engagement_activity_get_search_key (TiEngagementActivity *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_ACTIVITY (self), NULL);
  return self->search_key;
}

static void
ti_engagement_activity_finalize (GObject *object)
{
  TiEngagementActivity *self = TI_ENGAGEMENT_ACTIVITY (object);

  g_free (self->held_on);
  g_free (self->kind);
  g_free (self->title);
  g_free (self->summary);
  g_strfreev (self->areas);
  g_free (self->influences_text);
  g_free (self->search_key);

  G_OBJECT_CLASS (ti_engagement_activity_parent_class)->finalize (object);
}

static void
ti_engagement_activity_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  TiEngagementActivity *self = TI_ENGAGEMENT_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_HELD_ON:
      g_value_set_string (value, self->held_on);
      break;
    case PROP_KIND:
      g_value_set_string (value, ti_engagement_kind_label (self->kind));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PARTICIPANTS:
      g_value_set_uint (value, ti_engagement_activity_get_participants (self));
      break;
    case PROP_INFLUENCES:
      g_value_set_string (value, self->influences_text);
      break;
    case PROP_ACTIONS_OPEN:
      g_value_set_uint (value, self->actions_open);
      break;
    case PROP_ACTIONS_DONE:
      g_value_set_uint (value, self->actions_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
ti_engagement_activity_class_init (TiEngagementActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ti_engagement_activity_finalize;
  object_class->get_property = ti_engagement_activity_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, READ_ONLY);
  properties[PROP_HELD_ON] = g_param_spec_string ("held-on", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_PARTICIPANTS]
    = g_param_spec_uint ("participants", NULL, NULL, 0, G_MAXUINT, 0, READ_ONLY);
  properties[PROP_INFLUENCES] = g_param_spec_string ("influences", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_ACTIONS_OPEN]
    = g_param_spec_uint ("actions-open", NULL, NULL, 0, G_MAXUINT, 0, READ_ONLY);
  properties[PROP_ACTIONS_DONE]
    = g_param_spec_uint ("actions-done", NULL, NULL, 0, G_MAXUINT, 0, READ_ONLY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_engagement_activity_init (TiEngagementActivity *self)
{
}
