/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-sessions-filter"

#include "config.h"

#include <glib/gi18n.h>
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
 * filter model re-checks only what it must. It also fills the host and facilitator
 * drop-downs with the ones the sessions name, and knows whose id each choice stands for.
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
  GArray *host_ids;        /* the ids behind the host drop-down's choices; 0 first, for any */
  GArray *facilitator_ids; /* the same for facilitators */
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
  g_clear_pointer (&self->host_ids, g_array_unref);
  g_clear_pointer (&self->facilitator_ids, g_array_unref);

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

/* Choices for the drop-downs ---------------------------------------------------------------- */

typedef struct
{
  gint64 id;
  const char *name;
} Choice;

static int
compare_choices (gconstpointer a, gconstpointer b)
{
  const Choice *ca = a, *cb = b;
  int by_name = g_utf8_collate (ca->name, cb->name);

  return by_name != 0 ? by_name : (ca->id > cb->id) - (ca->id < cb->id);
}

static gint64
chosen_id (GtkDropDown *dropdown, GArray *ids)
{
  guint choice = gtk_drop_down_get_selected (dropdown);

  return ids != NULL && choice < ids->len ? g_array_index (ids, gint64, choice) : 0;
}

/* Fills @dropdown with @any and every name in @names (by id), by name, keeping the choice. */
static void
set_choices (GtkDropDown *dropdown, GArray **ids, GHashTable *names, const char *any)
{
  gint64 kept = chosen_id (dropdown, *ids);
  g_autoptr (GArray) choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  GHashTableIter iter;
  gpointer id, name;
  guint selected = 0;
  gint64 none = 0;

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &id, &name))
    g_array_append_val (choices, ((Choice){ *(gint64 *) id, name }));
  g_array_sort (choices, compare_choices);

  g_clear_pointer (ids, g_array_unref);
  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (*ids, none);
  gtk_string_list_append (list, any);
  for (guint i = 0; i < choices->len; i++)
    {
      Choice *choice = &g_array_index (choices, Choice, i);

      if (choice->id == kept)
        selected = (*ids)->len;
      g_array_append_val (*ids, choice->id);
      gtk_string_list_append (list, choice->name);
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
}

/**
 * ti_sessions_filter_update_choices:
 * @sessions: a #GListModel of #TiSession
 * @hosts: the host drop-down
 * @facilitators: the facilitator drop-down
 *
 * Offers "Any …" and every host and facilitator @sessions name, by name (two people of the
 * same name are two choices), keeping what was chosen when it is still there. Call
 * ti_sessions_filter_apply_choices() after.
 */
void
ti_sessions_filter_update_choices (TiSessionsFilter *self, GListModel *sessions,
                                   GtkDropDown *hosts, GtkDropDown *facilitators)
{
  /* Names (and facilitators' ids) are borrowed from @sessions, which outlive this call. */
  g_autoptr (GHashTable) host_names
    = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) people = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (TI_IS_SESSIONS_FILTER (self));

  for (guint i = 0, n = g_list_model_get_n_items (sessions); i < n; i++)
    {
      TiSession *session = g_list_model_get_item (sessions, i);
      GPtrArray *list = ti_session_get_facilitators (session);
      gint64 host = ti_session_get_host_organisation_id (session);

      g_ptr_array_add (items, session);
      if (host != 0)
        g_hash_table_insert (host_names, g_memdup2 (&host, sizeof host),
                             (gpointer) ti_session_get_host_organisation (session));
      for (guint f = 0; f < list->len; f++)
        {
          TiFacilitator *facilitator = g_ptr_array_index (list, f);
          g_hash_table_insert (people, &facilitator->person_id, facilitator->name);
        }
    }
  set_choices (hosts, &self->host_ids, host_names, _("Any host"));
  set_choices (facilitators, &self->facilitator_ids, people, _("Any facilitator"));
}

/**
 * ti_sessions_filter_apply_choices:
 *
 * Filters by the host and the facilitator chosen in the drop-downs that
 * ti_sessions_filter_update_choices() filled.
 */
void
ti_sessions_filter_apply_choices (TiSessionsFilter *self, GtkDropDown *hosts,
                                  GtkDropDown *facilitators)
{
  g_return_if_fail (TI_IS_SESSIONS_FILTER (self));

  ti_sessions_filter_set_host (self, chosen_id (hosts, self->host_ids));
  ti_sessions_filter_set_facilitator (self, chosen_id (facilitators, self->facilitator_ids));
}
