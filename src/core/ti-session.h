/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ti-review-status.h"

G_BEGIN_DECLS

/**
 * TiFacilitator:
 * @person_id: the person
 * @name: their name
 * @kind: coordinator, psychologist or champion: in which role they facilitated
 *
 * One facilitator of a session.
 */
typedef struct
{
  gint64 person_id;
  char *name;
  char *kind;
} TiFacilitator;

TiFacilitator *ti_facilitator_new (gint64 person_id, const char *name, const char *kind);
void ti_facilitator_free (TiFacilitator *facilitator);
const char *ti_facilitator_kind_label (const char *kind);
gboolean ti_facilitator_kind_is_valid (const char *kind);
gboolean ti_facilitators_are_psychologists (const char *const *kinds, guint n_kinds);

/**
 * TiSessionFields:
 *
 * What a #TiSession holds, as read by ti_sessions_list() or ti_sessions_get(). Strings are
 * copied by ti_session_new(); %NULL means "none". @facilitators is taken.
 */
typedef struct
{
  gint64 id;
  int tier;
  const char *title;
  const char *starts_at; /* 'YYYY-MM-DD HH:MM' */
  int duration_minutes;
  const char *mode_key; /* in_person, online */
  const char *venue;
  gint64 host_organisation_id; /* 0 when none */
  const char *host_organisation;
  int capacity; /* 0 when not limited */
  TiSessionStatus status;
  TiReviewStatus review_status;
  GPtrArray *facilitators; /* (transfer full) (element-type TiFacilitator) */
  guint attendees;         /* people on the register */
  guint attended;          /* of those, who attended */
} TiSessionFields;

#define TI_TYPE_SESSION (ti_session_get_type ())
G_DECLARE_FINAL_TYPE (TiSession, ti_session, TI, SESSION, GObject)

TiSession *ti_session_new (const TiSessionFields *fields);

gint64 ti_session_get_id (TiSession *self);
int ti_session_get_tier (TiSession *self);
const char *ti_session_get_title (TiSession *self);
const char *ti_session_get_starts_at (TiSession *self);
const char *ti_session_get_time (TiSession *self);
int ti_session_get_duration (TiSession *self);
const char *ti_session_get_mode_key (TiSession *self);
const char *ti_session_get_mode (TiSession *self);
const char *ti_session_get_venue (TiSession *self);
gint64 ti_session_get_host_organisation_id (TiSession *self);
const char *ti_session_get_host_organisation (TiSession *self);
int ti_session_get_capacity (TiSession *self);
TiSessionStatus ti_session_get_status (TiSession *self);
TiReviewStatus ti_session_get_review_status (TiSession *self);
GPtrArray *ti_session_get_facilitators (TiSession *self);
gboolean ti_session_has_facilitator (TiSession *self, gint64 person_id);
const char *ti_session_get_facilitators_text (TiSession *self);
guint ti_session_get_attendees (TiSession *self);
guint ti_session_get_attended (TiSession *self);
const char *ti_session_get_search_key (TiSession *self);

const char *ti_session_mode_label (const char *mode_key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiFacilitator, ti_facilitator_free)

G_END_DECLS
