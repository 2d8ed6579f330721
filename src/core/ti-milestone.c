/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-milestone"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-milestone.h"
#include "ti-milestones.h"

/**
 * TiMilestone:
 *
 * One milestone of a workstream, as a row of the Programme timeline: an immutable snapshot
 * read by ti_milestones_list(), its status computed for the day it was read. Every field is
 * a read-only property, so that a list can sort and bind by it. Reload after a change.
 */
struct _TiMilestone
{
  GObject parent_instance;

  gint64 id;
  char *workstream_key;
  char *title;
  char *due_month;
  char *done_on;
  TiMilestoneStatus status;
  TiEvidenceKind evidence_kind;
  gint64 evidence_id;
  char *evidence_text;
  char *evidence;
};

G_DEFINE_FINAL_TYPE (TiMilestone, ti_milestone, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_WORKSTREAM_KEY,
  PROP_WORKSTREAM,
  PROP_TITLE,
  PROP_DUE_MONTH,
  PROP_DUE,
  PROP_DONE_ON,
  PROP_STATUS_KEY,
  PROP_STATUS,
  PROP_EVIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ti_evidence_kind_label:
 *
 * Returns: (transfer none): the kind of evidence in words, as the editor offers it
 */
const char *
ti_evidence_kind_label (TiEvidenceKind kind)
{
  switch (kind)
    {
    case TI_EVIDENCE_NONE:
      return _ ("None yet");
    case TI_EVIDENCE_EVENT:
      return _ ("A network event");
    case TI_EVIDENCE_SESSION:
      return _ ("A Tier 2/3 session");
    case TI_EVIDENCE_CHARTER:
      return _ ("A charter signature");
    case TI_EVIDENCE_TEXT:
      return _ ("Described in words");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ti_milestone_new:
 *
 * Returns: (transfer full): a milestone holding copies of @fields
 */
TiMilestone *
ti_milestone_new (const TiMilestoneFields *fields)
{
  TiMilestone *self = g_object_new (TI_TYPE_MILESTONE, NULL);

  self->id = fields->id;
  self->workstream_key = g_strdup (fields->workstream_key);
  self->title = g_strdup (fields->title);
  self->due_month = g_strdup (fields->due_month);
  self->done_on = g_strdup (fields->done_on);
  self->status = fields->status;
  self->evidence_kind = fields->evidence_kind;
  self->evidence_id = fields->evidence_id;
  self->evidence_text = g_strdup (fields->evidence_text);
  self->evidence = g_strdup (fields->evidence);
  return self;
}

static void
ti_milestone_finalize (GObject *object)
{
  TiMilestone *self = TI_MILESTONE (object);

  g_free (self->workstream_key);
  g_free (self->title);
  g_free (self->due_month);
  g_free (self->done_on);
  g_free (self->evidence_text);
  g_free (self->evidence);

  G_OBJECT_CLASS (ti_milestone_parent_class)->finalize (object);
}

static void
ti_milestone_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiMilestone *self = TI_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_WORKSTREAM_KEY:
      g_value_set_string (value, self->workstream_key);
      break;
    case PROP_WORKSTREAM:
      g_value_set_string (value, ti_workstream_label (self->workstream_key));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DUE_MONTH:
      g_value_set_string (value, self->due_month);
      break;
    case PROP_DUE:
      g_value_take_string (value, ti_format_month (self->due_month));
      break;
    case PROP_DONE_ON:
      g_value_set_string (value, self->done_on);
      break;
    case PROP_STATUS_KEY:
      g_value_set_string (value, ti_milestone_status_key (self->status));
      break;
    case PROP_STATUS:
      g_value_set_string (value, ti_milestone_status_label (self->status));
      break;
    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
ti_milestone_class_init (TiMilestoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ti_milestone_finalize;
  object_class->get_property = ti_milestone_get_property;

  /* The milestone’s id */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);
  /* principles, training, service_delivery or organisational_change */
  properties[PROP_WORKSTREAM_KEY] = g_param_spec_string ("workstream-key", NULL, NULL, NULL, FLAGS);
  /* The workstream in words */
  properties[PROP_WORKSTREAM] = g_param_spec_string ("workstream", NULL, NULL, NULL, FLAGS);
  /* What is to be done */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, FLAGS);
  /* The month it is due, 'YYYY-MM'; sorts as text */
  properties[PROP_DUE_MONTH] = g_param_spec_string ("due-month", NULL, NULL, NULL, FLAGS);
  /* The month it is due, in words: “Jan 2023” */
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, FLAGS);
  /* The day it was done, 'YYYY-MM-DD', or NULL */
  properties[PROP_DONE_ON] = g_param_spec_string ("done-on", NULL, NULL, NULL, FLAGS);
  /* The status key: done, done_late, on_track, at_risk or late */
  properties[PROP_STATUS_KEY] = g_param_spec_string ("status-key", NULL, NULL, NULL, FLAGS);
  /* The status in words */
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, FLAGS);
  /* The evidence in words, or NULL for none */
  properties[PROP_EVIDENCE] = g_param_spec_string ("evidence", NULL, NULL, NULL, FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_milestone_init (TiMilestone *self)
{
}

gint64
ti_milestone_get_id (TiMilestone *self)
{
  g_return_val_if_fail (TI_IS_MILESTONE (self), 0);
  return self->id;
}

const char *
ti_milestone_get_workstream_key (TiMilestone *self)
{
  g_return_val_if_fail (TI_IS_MILESTONE (self), NULL);
  return self->workstream_key;
}

const char *
ti_milestone_get_title (TiMilestone *self)
{
  g_return_val_if_fail (TI_IS_MILESTONE (self), NULL);
  return self->title;
}

const char *
ti_milestone_get_due_month (TiMilestone *self)
{
  g_return_val_if_fail (TI_IS_MILESTONE (self), NULL);
  return self->due_month;
}

/**
 * ti_milestone_get_done_on:
 *
 * Returns: (nullable): the day it was done, 'YYYY-MM-DD', or %NULL when not done
 */
const char *
ti_milestone_get_done_on (TiMilestone *self)
{
  g_return_val_if_fail (TI_IS_MILESTONE (self), NULL);
  return self->done_on;
}

TiMilestoneStatus
ti_milestone_get_status (TiMilestone *self)
{
  g_return_val_if_fail (TI_IS_MILESTONE (self), TI_MILESTONE_LATE);
  return self->status;
}

TiEvidenceKind
ti_milestone_get_evidence_kind (TiMilestone *self)
{
  g_return_val_if_fail (TI_IS_MILESTONE (self), TI_EVIDENCE_NONE);
  return self->evidence_kind;
}

/**
 * ti_milestone_get_evidence_id:
 *
 * Returns: the event, session or organisation the evidence is, 0 for none or text
 */
gint64
ti_milestone_get_evidence_id (TiMilestone *self)
{
  g_return_val_if_fail (TI_IS_MILESTONE (self), 0);
  return self->evidence_id;
}

/**
 * ti_milestone_get_evidence_text:
 *
 * Returns: (nullable): the evidence as typed, for evidence in words
 */
const char *
ti_milestone_get_evidence_text (TiMilestone *self)
{
  g_return_val_if_fail (TI_IS_MILESTONE (self), NULL);
  return self->evidence_text;
}

/**
 * ti_milestone_get_evidence:
 *
 * Returns: (nullable): the evidence in words: the event's or session's title, "Charter
 *   signed by …", or the text; %NULL for none
 */
const char *
ti_milestone_get_evidence (TiMilestone *self)
{
  g_return_val_if_fail (TI_IS_MILESTONE (self), NULL);
  return self->evidence;
}
