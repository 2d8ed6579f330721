/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TiGuestMarks:
 * @attended: whether they came
 * @feedback: their rating of the event, 1 to 5, or 0 for none
 * @feedback_theme: (nullable): what their feedback was about, in a few words
 *
 * What the event's list records about one person.
 */
typedef struct
{
  gboolean attended;
  int feedback;
  const char *feedback_theme;
} TiGuestMarks;

/**
 * TiEventGuestFields:
 *
 * What a #TiEventGuest holds; strings are copied by ti_event_guest_new().
 */
typedef struct
{
  gint64 event_id;
  gint64 person_id;
  const char *name;
  const char *organisation; /* (nullable) */
  const char *sector_key;   /* (nullable): the organisation's sector */
  gboolean invited;
  gboolean came_before; /* attended an event that started earlier */
  TiGuestMarks marks;
} TiEventGuestFields;

#define TI_TYPE_EVENT_GUEST (ti_event_guest_get_type ())
G_DECLARE_FINAL_TYPE (TiEventGuest, ti_event_guest, TI, EVENT_GUEST, GObject)

TiEventGuest *ti_event_guest_new (const TiEventGuestFields *fields);

gint64 ti_event_guest_get_event_id (TiEventGuest *self);
gint64 ti_event_guest_get_person_id (TiEventGuest *self);
const char *ti_event_guest_get_name (TiEventGuest *self);
const char *ti_event_guest_get_organisation (TiEventGuest *self);
const char *ti_event_guest_get_sector_key (TiEventGuest *self);
gboolean ti_event_guest_get_invited (TiEventGuest *self);
gboolean ti_event_guest_get_first_time (TiEventGuest *self);
gboolean ti_event_guest_get_attended (TiEventGuest *self);
int ti_event_guest_get_feedback (TiEventGuest *self);
const char *ti_event_guest_get_feedback_theme (TiEventGuest *self);
void ti_event_guest_get_marks (TiEventGuest *self, TiGuestMarks *out_marks);
void ti_event_guest_set_marks (TiEventGuest *self, const TiGuestMarks *marks);

G_END_DECLS
