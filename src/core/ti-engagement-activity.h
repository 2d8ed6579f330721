/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TiEngagementGroup:
 *
 * The groups an activity's participants are counted in. Counts only: the programme never
 * records who took part.
 */
typedef enum
{
  TI_ENGAGEMENT_YOUNG_PEOPLE,
  TI_ENGAGEMENT_ADULTS_LIVED_EXPERIENCE,
  TI_ENGAGEMENT_PARENTS_CARERS,
  TI_ENGAGEMENT_PROFESSIONALS,
  TI_ENGAGEMENT_COMMUNITY_MEMBERS,
  TI_ENGAGEMENT_N_GROUPS
} TiEngagementGroup;

/**
 * TiEngagementActionStatus:
 *
 * Where a "you said, we did" action stands.
 */
typedef enum
{
  TI_ENGAGEMENT_ACTION_OPEN,
  TI_ENGAGEMENT_ACTION_IN_PROGRESS,
  TI_ENGAGEMENT_ACTION_DONE,
} TiEngagementActionStatus;

#define TI_ENGAGEMENT_N_AREAS 5

/* The vocabularies: stable keys as stored, and their labels in words. */
const char *ti_engagement_kind_key (guint index);
const char *ti_engagement_kind_label (const char *key);
guint ti_engagement_n_kinds (void);
const char *ti_engagement_area_key (guint index);
const char *ti_engagement_area_label (const char *key);
const char *ti_engagement_group_column (TiEngagementGroup group);
const char *ti_engagement_group_label (TiEngagementGroup group);
const char *ti_engagement_action_status_key (TiEngagementActionStatus status);
const char *ti_engagement_action_status_label (TiEngagementActionStatus status);
gboolean ti_engagement_action_status_from_key (const char *key, TiEngagementActionStatus *out);

/**
 * TiEngagementAction:
 * @id: the action
 * @activity_id: the activity it came from
 * @you_said: what participants said
 * @we_did: (nullable): what was done about it
 * @owner: (nullable): the role or team that owns it, never a participant
 * @due_on: (nullable): 'YYYY-MM-DD'
 * @status: open, in progress or done
 *
 * One "you said, we did" action of an activity.
 */
typedef struct
{
  gint64 id;
  gint64 activity_id;
  char *you_said;
  char *we_did;
  char *owner;
  char *due_on;
  TiEngagementActionStatus status;
} TiEngagementAction;

TiEngagementAction *ti_engagement_action_copy (const TiEngagementAction *action);
void ti_engagement_action_free (TiEngagementAction *action);

/**
 * TiEngagementActivityFields:
 *
 * What a #TiEngagementActivity holds, as read by the core; strings and arrays are copied.
 */
typedef struct
{
  gint64 id;
  const char *held_on; /* 'YYYY-MM-DD' */
  const char *kind;    /* key */
  const char *title;
  const char *summary;
  guint counts[TI_ENGAGEMENT_N_GROUPS];
  const char *const *areas; /* (nullable) NULL-terminated keys, in the vocabulary's order */
  guint actions_open;       /* open or in progress */
  guint actions_done;
} TiEngagementActivityFields;

#define TI_TYPE_ENGAGEMENT_ACTIVITY (ti_engagement_activity_get_type ())
G_DECLARE_FINAL_TYPE (TiEngagementActivity, ti_engagement_activity, TI, ENGAGEMENT_ACTIVITY,
                      GObject)

TiEngagementActivity *ti_engagement_activity_new (const TiEngagementActivityFields *fields);

gint64 ti_engagement_activity_get_id (TiEngagementActivity *self);
const char *ti_engagement_activity_get_held_on (TiEngagementActivity *self);
const char *ti_engagement_activity_get_kind_key (TiEngagementActivity *self);
const char *ti_engagement_activity_get_title (TiEngagementActivity *self);
const char *ti_engagement_activity_get_summary (TiEngagementActivity *self);
guint ti_engagement_activity_get_count (TiEngagementActivity *self, TiEngagementGroup group);
guint ti_engagement_activity_get_participants (TiEngagementActivity *self);
const char *const *ti_engagement_activity_get_areas (TiEngagementActivity *self);
gboolean ti_engagement_activity_has_area (TiEngagementActivity *self, const char *area);
const char *ti_engagement_activity_get_influences_text (TiEngagementActivity *self);
guint ti_engagement_activity_get_actions_open (TiEngagementActivity *self);
guint ti_engagement_activity_get_actions_done (TiEngagementActivity *self);
const char *ti_engagement_activity_get_search_key (TiEngagementActivity *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiEngagementAction, ti_engagement_action_free)

G_END_DECLS
