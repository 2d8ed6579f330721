/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-attendee"

#include "config.h"

#include "ti-attendee.h"

/**
 * TiAttendee:
 *
 * One row of a session's register, as read by ti_register_list(). Who the person is does
 * not change; the marks (attended, completed, the scores) follow the programme file:
 * ti_register_update() sets them once it has saved them, and each one notifies, so a
 * register shown on screen stays true without being read again.
 */
struct _TiAttendee
{
  GObject parent_instance;

  gint64 session_id;
  gint64 person_id;
  char *name;
  char *organisation;
  TiAttendeeMarks marks;
  char *warning;
};

G_DEFINE_FINAL_TYPE (TiAttendee, ti_attendee, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PERSON_ID,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_ATTENDED,
  PROP_COMPLETED,
  PROP_CONFIDENCE_BEFORE,
  PROP_CONFIDENCE_AFTER,
  PROP_FEEDBACK,
  PROP_WARNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ti_attendee_finalize (GObject *object)
{
  TiAttendee *self = TI_ATTENDEE (object);

  g_free (self->name);
  g_free (self->organisation);
  g_free (self->warning);

  G_OBJECT_CLASS (ti_attendee_parent_class)->finalize (object);
}

static void
ti_attendee_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiAttendee *self = TI_ATTENDEE (object);

  switch (prop_id)
    {
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_ATTENDED:
      g_value_set_boolean (value, self->marks.attended);
      break;
    case PROP_COMPLETED:
      g_value_set_boolean (value, self->marks.completed);
      break;
    case PROP_CONFIDENCE_BEFORE:
      g_value_set_int (value, self->marks.confidence_before);
      break;
    case PROP_CONFIDENCE_AFTER:
      g_value_set_int (value, self->marks.confidence_after);
      break;
    case PROP_FEEDBACK:
      g_value_set_int (value, self->marks.feedback);
      break;
    case PROP_WARNING:
      g_value_set_string (value, self->warning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define FLAGS (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
ti_attendee_class_init (TiAttendeeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ti_attendee_finalize;
  object_class->get_property = ti_attendee_get_property;

  /* The person’s id */
  properties[PROP_PERSON_ID] = g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);

  /* Their name */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, FLAGS);

  /* Their organisation’s name, "" when none */
  properties[PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, NULL, FLAGS);

  /* Whether they came */
  properties[PROP_ATTENDED] = g_param_spec_boolean ("attended", NULL, NULL, FALSE, FLAGS);

  /* Whether they completed the session */
  properties[PROP_COMPLETED] = g_param_spec_boolean ("completed", NULL, NULL, FALSE, FLAGS);

  /* Confidence before, 1–5, 0 for none */
  properties[PROP_CONFIDENCE_BEFORE]
    = g_param_spec_int ("confidence-before", NULL, NULL, 0, 5, 0, FLAGS);

  /* Confidence after, 1–5, 0 for none */
  properties[PROP_CONFIDENCE_AFTER]
    = g_param_spec_int ("confidence-after", NULL, NULL, 0, 5, 0, FLAGS);

  /* Feedback, 1–5, 0 for none */
  properties[PROP_FEEDBACK] = g_param_spec_int ("feedback", NULL, NULL, 0, 5, 0, FLAGS);

  /* Why this attendee needs a look, in words; NULL when they do not */
  properties[PROP_WARNING] = g_param_spec_string ("warning", NULL, NULL, NULL, FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_attendee_init (TiAttendee *self)
{
}

/**
 * ti_attendee_new:
 * @fields: the values; strings are copied
 *
 * Returns: (transfer full): a new register row
 */
TiAttendee *
ti_attendee_new (const TiAttendeeFields *fields)
{
  TiAttendee *self = g_object_new (TI_TYPE_ATTENDEE, NULL);

  self->session_id = fields->session_id;
  self->person_id = fields->person_id;
  self->name = g_strdup (fields->name ? fields->name : "");
  self->organisation = g_strdup (fields->organisation ? fields->organisation : "");
  self->marks = fields->marks;
  self->warning = g_strdup (fields->warning);
  return self;
}

gint64
ti_attendee_get_session_id (TiAttendee *self)
{
  g_return_val_if_fail (TI_IS_ATTENDEE (self), 0);
  return self->session_id;
}

gint64
ti_attendee_get_person_id (TiAttendee *self)
{
  g_return_val_if_fail (TI_IS_ATTENDEE (self), 0);
  return self->person_id;
}

const char *
ti_attendee_get_name (TiAttendee *self)
{
  g_return_val_if_fail (TI_IS_ATTENDEE (self), NULL);
  return self->name;
}

const char *
ti_attendee_get_organisation (TiAttendee *self)
{
  g_return_val_if_fail (TI_IS_ATTENDEE (self), NULL);
  return self->organisation;
}

/**
 * ti_attendee_get_marks:
 * @out_marks: (out caller-allocates): the marks
 */
void
ti_attendee_get_marks (TiAttendee *self, TiAttendeeMarks *out_marks)
{
  g_return_if_fail (TI_IS_ATTENDEE (self));
  *out_marks = self->marks;
}

gboolean
ti_attendee_get_attended (TiAttendee *self)
{
  g_return_val_if_fail (TI_IS_ATTENDEE (self), FALSE);
  return self->marks.attended;
}

gboolean
ti_attendee_get_completed (TiAttendee *self)
{
  g_return_val_if_fail (TI_IS_ATTENDEE (self), FALSE);
  return self->marks.completed;
}

int
ti_attendee_get_confidence_before (TiAttendee *self)
{
  g_return_val_if_fail (TI_IS_ATTENDEE (self), 0);
  return self->marks.confidence_before;
}

int
ti_attendee_get_confidence_after (TiAttendee *self)
{
  g_return_val_if_fail (TI_IS_ATTENDEE (self), 0);
  return self->marks.confidence_after;
}

int
ti_attendee_get_feedback (TiAttendee *self)
{
  g_return_val_if_fail (TI_IS_ATTENDEE (self), 0);
  return self->marks.feedback;
}

/**
 * ti_attendee_get_warning:
 *
 * Returns: (nullable): why this attendee needs a look ("No Tier 2 yet"), or %NULL
 */
const char *
ti_attendee_get_warning (TiAttendee *self)
{
  g_return_val_if_fail (TI_IS_ATTENDEE (self), NULL);
  return self->warning;
}

/**
 * ti_attendee_set_marks:
 * @marks: the marks as saved
 *
 * Called by ti_register_update() once the marks are in the programme file; notifies each
 * one that changed.
 */
void
ti_attendee_set_marks (TiAttendee *self, const TiAttendeeMarks *marks)
{
  TiAttendeeMarks old;

  g_return_if_fail (TI_IS_ATTENDEE (self));

  old = self->marks;
  self->marks = *marks;
  g_object_freeze_notify (G_OBJECT (self));
  if (old.attended != marks->attended)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDED]);
  if (old.completed != marks->completed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED]);
  if (old.confidence_before != marks->confidence_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENCE_BEFORE]);
  if (old.confidence_after != marks->confidence_after)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIDENCE_AFTER]);
  if (old.feedback != marks->feedback)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEEDBACK]);
  g_object_thaw_notify (G_OBJECT (self));
}
