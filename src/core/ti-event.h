/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

const char *ti_event_kind_label (const char *kind_key);
const char *ti_event_reach_label (const char *reach_key);

/**
 * TiEventFields:
 *
 * What a #TiEvent holds, as read by ti_events_list() or ti_events_get(). Strings are copied
 * by ti_event_new(); %NULL means "none".
 */
typedef struct
{
  gint64 id;
  const char *title;
  const char *kind_key;  /* launch, network_event, conference, workshop, webinar */
  const char *starts_at; /* 'YYYY-MM-DD HH:MM' */
  const char *venue;
  const char *online_link;
  const char *description;
  const char *best_practice;
  guint speakers; /* guest speakers */
  guint invited;  /* people invited */
  guint attended; /* people who came, invited or not */
} TiEventFields;

#define TI_TYPE_EVENT (ti_event_get_type ())
G_DECLARE_FINAL_TYPE (TiEvent, ti_event, TI, EVENT, GObject)

TiEvent *ti_event_new (const TiEventFields *fields);

gint64 ti_event_get_id (TiEvent *self);
const char *ti_event_get_title (TiEvent *self);
const char *ti_event_get_kind_key (TiEvent *self);
const char *ti_event_get_kind (TiEvent *self);
const char *ti_event_get_starts_at (TiEvent *self);
const char *ti_event_get_when (TiEvent *self);
const char *ti_event_get_venue (TiEvent *self);
const char *ti_event_get_online_link (TiEvent *self);
const char *ti_event_get_place (TiEvent *self);
const char *ti_event_get_description (TiEvent *self);
const char *ti_event_get_best_practice (TiEvent *self);
guint ti_event_get_speakers (TiEvent *self);
guint ti_event_get_invited (TiEvent *self);
guint ti_event_get_attended (TiEvent *self);
const char *ti_event_get_search_key (TiEvent *self);

G_END_DECLS
