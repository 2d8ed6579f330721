/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TiAttendeeMarks:
 * @attended: whether they came
 * @completed: whether they completed the session (implies @attended)
 * @confidence_before: 1 to 5, or 0 for none
 * @confidence_after: 1 to 5, or 0 for none
 * @feedback: 1 to 5, or 0 for none
 *
 * What the register records about one attendee.
 */
typedef struct
{
  gboolean attended;
  gboolean completed;
  int confidence_before;
  int confidence_after;
  int feedback;
} TiAttendeeMarks;

/**
 * TiAttendeeFields:
 *
 * What a #TiAttendee holds; strings are copied by ti_attendee_new(), %NULL means "none".
 */
typedef struct
{
  gint64 session_id;
  gint64 person_id;
  const char *name;
  const char *organisation;
  TiAttendeeMarks marks;
  const char *warning; /* (nullable): why this attendee needs a look, in words */
} TiAttendeeFields;

#define TI_TYPE_ATTENDEE (ti_attendee_get_type ())
G_DECLARE_FINAL_TYPE (TiAttendee, ti_attendee, TI, ATTENDEE, GObject)

TiAttendee *ti_attendee_new (const TiAttendeeFields *fields);

gint64 ti_attendee_get_session_id (TiAttendee *self);
gint64 ti_attendee_get_person_id (TiAttendee *self);
const char *ti_attendee_get_name (TiAttendee *self);
const char *ti_attendee_get_organisation (TiAttendee *self);
void ti_attendee_get_marks (TiAttendee *self, TiAttendeeMarks *out_marks);
gboolean ti_attendee_get_attended (TiAttendee *self);
gboolean ti_attendee_get_completed (TiAttendee *self);
int ti_attendee_get_confidence_before (TiAttendee *self);
int ti_attendee_get_confidence_after (TiAttendee *self);
int ti_attendee_get_feedback (TiAttendee *self);
const char *ti_attendee_get_warning (TiAttendee *self);

void ti_attendee_set_marks (TiAttendee *self, const TiAttendeeMarks *marks);

G_END_DECLS
