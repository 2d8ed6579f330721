/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-sessions-filter"

#include "config.h"

#include <string.h>

#include "ti-format.h"
#include "ti-session.h"
#include "ti-sessions-filter.h"

/**
 * TiSessionsFilter:
 *
 * What the sessions list lets through: a tier, a status, a host organisation, a facilitator,
 * a range of dates (inclusive, ISO), and words in the title, host, facilitators or venue.
 * Each is off until set; every change says whether it narrows or widens the list, so the
 * filter model re-checks only what it must.
 */
struct _TiSessionsFilter
{
  GtkFilter parent_instance;

  int tier;        /* 0: any */
  int status;      /* -1: any, else a TiSessionStatus */
  gint64 host;     /* 0: any */
  gint64 facilitator;
  char *from;      /* ISO date or NULL */
  char *to;
  char *search;    /* folded, or NULL */
};

G_DEFINE_FINAL_TYPE (TiSessionsFilter, ti_sessions_filter, GTK_TYPE_FILTER)

static gboolean
ti_sessions_filter_match (GtkFilter *filter, gpointer item)
{
  TiSessionsFilter *self = TI_SESSIONS_FILTER (filter);
  TiSession *session = item;
  const char *starts_at = ti_session_get_starts_at (session);

  return (self->tier == 0 || ti_session_get_tier (session) == self->tier)
         && (self->status < 0 || (int) ti_session_get_status (session) == self->status)
         && (self->host == 0 || ti_session_get_host_organisation_id (session) == self->host)
         && (self->facilitator == 0 || ti_session_has_facilitator (session, self->facilitator))
         && (self->from == NULL || strncmp (starts_at, self->from, 10) >= 0)
         && (self->to == NULL || strncmp (starts_at, self->to, 10) <= 0)
         && (self->search == NULL || strstr (ti_session_get_search_key (session), self->search));
}

static GtkFilterMatch
ti_sessions_filter_get_strictness (GtkFilter *filter)
{
  TiSessionsFilter *self = TI_SESSIONS_FILTER (filter);

  if (self->tier == 0 && self->status < 0 && self->host == 0 && self->facilitator == 0
      && self->from == NULL && self->to == NULL && self->search == NULL)
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static void
ti_sessions_filter_finalize (GObject *object)
{
  TiSessionsFilter *self = TI_SESSIONS_FILTER (object);

  g_free (self->from);
  g_free (self->to);
  g_free (self->search);

  G_OBJECT_CLASS (ti_sessions_filter_parent_class)->finalize (object);
}

static void
ti_sessions_filter_class_init (TiSessionsFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = ti_sessions_filter_finalize;
  filter_class->match = ti_sessions_filter_match;
  filter_class->get_strictness = ti_sessions_filter_get_strictness;
}

static void
ti_sessions_filter_init (TiSessionsFilter *self)
{
  self->status = -1;
}

TiSessionsFilter *
ti_sessions_filter_new (void)
{
  return g_object_new (TI_TYPE_SESSIONS_FILTER, NULL);
}

/* One criterion changed: @was_any and @is_any say whether it let everything through before
 * and now. */
static void
changed (TiSessionsFilter *self, gboolean was_any, gboolean is_any)
{
  gtk_filter_changed (GTK_FILTER (self), was_any ? GTK_FILTER_CHANGE_MORE_STRICT
                                         : is_any ? GTK_FILTER_CHANGE_LESS_STRICT
                                                  : GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * ti_sessions_filter_set_tier:
 * @tier: 2 or 3, or 0 for any
 */
void
ti_sessions_filter_set_tier (TiSessionsFilter *self, int tier)
{
  int old = self->tier;

  if (old == tier)
    return;
  self->tier = tier;
  changed (self, old == 0, tier == 0);
}

/**
 * ti_sessions_filter_set_status:
 * @status: a #TiSessionStatus, or -1 for any
 */
void
ti_sessions_filter_set_status (TiSessionsFilter *self, int status)
{
  int old = self->status;

  if (old == status)
    return;
  self->status = status;
  changed (self, old < 0, status < 0);
}

/**
 * ti_sessions_filter_set_host:
 * @organisation_id: the host, or 0 for any
 */
void
ti_sessions_filter_set_host (TiSessionsFilter *self, gint64 organisation_id)
{
  gint64 old = self->host;

  if (old == organisation_id)
    return;
  self->host = organisation_id;
  changed (self, old == 0, organisation_id == 0);
}

/**
 * ti_sessions_filter_set_facilitator:
 * @person_id: a facilitator, or 0 for any
 */
void
ti_sessions_filter_set_facilitator (TiSessionsFilter *self, gint64 person_id)
{
  gint64 old = self->facilitator;

  if (old == person_id)
    return;
  self->facilitator = person_id;
  changed (self, old == 0, person_id == 0);
}

/**
 * ti_sessions_filter_set_dates:
 * @from: (nullable): the first day, ISO, or %NULL for no start
 * @to: (nullable): the last day, ISO, or %NULL for no end
 */
void
ti_sessions_filter_set_dates (TiSessionsFilter *self, const char *from, const char *to)
{
  if (g_strcmp0 (from, self->from) == 0 && g_strcmp0 (to, self->to) == 0)
    return;
  g_free (self->from);
  g_free (self->to);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * ti_sessions_filter_set_search:
 * @text: (nullable): words as typed; %NULL or blank for none
 */
void
ti_sessions_filter_set_search (TiSessionsFilter *self, const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *search = *trimmed ? ti_text_fold (trimmed) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (search, self->search) == 0)
    return;
  /* Typing on only narrows what is shown; deleting only widens it. */
  if (search != NULL && (self->search == NULL || strstr (search, self->search) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search != NULL && (search == NULL || strstr (self->search, search) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->search);
  self->search = g_steal_pointer (&search);
  gtk_filter_changed (GTK_FILTER (self), change);
}
