/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TiPersonFields:
 *
 * What a #TiPerson shows, as read by ti_people_list(). Strings are copied by
 * ti_person_new(); %NULL means "none". Labels are already translated.
 */
typedef struct
{
  gint64 id;
  const char *name;
  const char *email;
  gint64 organisation_id; /* 0 when the person has no organisation */
  const char *organisation;
  const char *sector;   /* label of the organisation's sector */
  const char *locality; /* label: the person's own locality, else the organisation's */
  const char *job_title;
  gboolean is_champion;
  const char *champion_since; /* ISO date */
  const char *status_key;     /* active, paused, stepped_down; NULL when not a champion */
  int highest_tier;
  const char *last_activity; /* ISO date */
  gboolean erased;
} TiPersonFields;

#define TI_TYPE_PERSON (ti_person_get_type ())
G_DECLARE_FINAL_TYPE (TiPerson, ti_person, TI, PERSON, GObject)

TiPerson *ti_person_new (const TiPersonFields *fields);

gint64 ti_person_get_id (TiPerson *self);
const char *ti_person_get_name (TiPerson *self);
const char *ti_person_get_email (TiPerson *self);
const char *ti_person_get_organisation (TiPerson *self);
gint64 ti_person_get_organisation_id (TiPerson *self);
const char *ti_person_get_sector (TiPerson *self);
const char *ti_person_get_locality (TiPerson *self);
const char *ti_person_get_job_title (TiPerson *self);
gboolean ti_person_get_is_champion (TiPerson *self);
const char *ti_person_get_champion_since (TiPerson *self);
const char *ti_person_get_status (TiPerson *self);
const char *ti_person_get_status_key (TiPerson *self);
int ti_person_get_highest_tier (TiPerson *self);
const char *ti_person_get_last_activity (TiPerson *self);
gboolean ti_person_get_erased (TiPerson *self);

const char *ti_person_get_search_key (TiPerson *self);

const char *ti_champion_status_label (const char *status_key);

G_END_DECLS
