/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-event"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-event.h"
#include "ti-format.h"

/**
 * TiEvent:
 *
 * One network event (a launch, network event, conference, workshop or webinar) as a row of
 * the events list and the facts of its page: an immutable snapshot read by ti_events_list()
 * or ti_events_get(). Every column is a read-only property so that a GtkColumnView can sort
 * by it; @starts-at is 'YYYY-MM-DD HH:MM', which sorts correctly as text. Reload after a
 * change.
 */
struct _TiEvent
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *kind_key;
  char *starts_at;
  char *when;
  char *venue;
  char *online_link;
  char *place;
  char *description;
  char *best_practice;
  guint speakers;
  guint invited;
  guint attended;
  char *search_key;
};

G_DEFINE_FINAL_TYPE (TiEvent, ti_event, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_KIND_KEY,
  PROP_STARTS_AT,
  PROP_WHEN,
  PROP_PLACE,
  PROP_SPEAKERS,
  PROP_INVITED,
  PROP_ATTENDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ti_event_kind_label:
 * @kind_key: (nullable): launch, network_event, conference, workshop or webinar
 *
 * Returns: (transfer none): the kind in words, or "" for anything else
 */
const char *
ti_event_kind_label (const char *kind_key)
{
  static const struct
  {
    const char *key;
    const char *label;
  } kinds[] = {
    { "launch", N_("Launch") },         { "network_event", N_("Network event") },
    { "conference", N_("Conference") }, { "workshop", N_("Workshop") },
    { "webinar", N_("Webinar") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].key, kind_key) == 0)
      return _(kinds[i].label);
  return "";
}

/**
 * ti_event_reach_label:
 * @reach_key: (nullable): local, national or international
 *
 * Returns: (transfer none): a speaker's reach in words, or "" for anything else
 */
const char *
ti_event_reach_label (const char *reach_key)
{
  if (g_strcmp0 (reach_key, "local") == 0)
    return _("Local");
  if (g_strcmp0 (reach_key, "national") == 0)
    return _("National");
  if (g_strcmp0 (reach_key, "international") == 0)
    return _("International");
  return "";
}

static void
ti_event_finalize (GObject *object)
{
  TiEvent *self = TI_EVENT (object);

  g_free (self->title);
  g_free (self->kind_key);
  g_free (self->starts_at);
  g_free (self->when);
  g_free (self->venue);
  g_free (self->online_link);
  g_free (self->place);
  g_free (self->description);
  g_free (self->best_practice);
  g_free (self->search_key);

  G_OBJECT_CLASS (ti_event_parent_class)->finalize (object);
}

static void
ti_event_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiEvent *self = TI_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_string (value, ti_event_kind_label (self->kind_key));
      break;
    case PROP_KIND_KEY:
      g_value_set_string (value, self->kind_key);
      break;
    case PROP_STARTS_AT:
      g_value_set_string (value, self->starts_at);
      break;
    case PROP_WHEN:
      g_value_set_string (value, self->when);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_SPEAKERS:
      g_value_set_uint (value, self->speakers);
      break;
    case PROP_INVITED:
      g_value_set_uint (value, self->invited);
      break;
    case PROP_ATTENDED:
      g_value_set_uint (value, self->attended);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
ti_event_class_init (TiEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ti_event_finalize;
  object_class->get_property = ti_event_get_property;

  /* The event’s id */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);
  /* Its title */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, FLAGS);
  /* Launch, network event, conference, workshop or webinar, in words */
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, FLAGS);
  /* The kind's key */
  properties[PROP_KIND_KEY] = g_param_spec_string ("kind-key", NULL, NULL, NULL, FLAGS);
  /* When it starts, 'YYYY-MM-DD HH:MM' */
  properties[PROP_STARTS_AT] = g_param_spec_string ("starts-at", NULL, NULL, NULL, FLAGS);
  /* When it starts, in words: “22 Jun 2023, 09:30” */
  properties[PROP_WHEN] = g_param_spec_string ("when", NULL, NULL, NULL, FLAGS);
  /* The venue, or “Online” */
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, FLAGS);
  /* Guest speakers */
  properties[PROP_SPEAKERS] = g_param_spec_uint ("speakers", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);
  /* People invited */
  properties[PROP_INVITED] = g_param_spec_uint ("invited", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);
  /* People who came */
  properties[PROP_ATTENDED] = g_param_spec_uint ("attended", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_event_init (TiEvent *self)
{
}

static char *
nonempty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

/**
 * ti_event_new:
 * @fields: the values; strings are copied
 *
 * Returns: (transfer full): a new event row
 */
TiEvent *
ti_event_new (const TiEventFields *fields)
{
  TiEvent *self = g_object_new (TI_TYPE_EVENT, NULL);
  g_autofree char *date = ti_format_date (fields->starts_at);
  g_autofree char *joined = NULL;

  self->id = fields->id;
  self->title = nonempty (fields->title);
  self->kind_key = nonempty (fields->kind_key);
  self->starts_at = nonempty (fields->starts_at);
  if (strlen (self->starts_at) >= 16)
    /* Translators: an event's date and time: “22 Jun 2023, 09:30” */
    self->when = g_strdup_printf (_("%s, %s"), date, self->starts_at + 11);
  else
    self->when = g_strdup (date);
  self->venue = nonempty (fields->venue);
  self->online_link = nonempty (fields->online_link);
  if (*self->venue != '\0')
    self->place = g_strdup (self->venue);
  else
    self->place = g_strdup (*self->online_link != '\0' ? _("Online") : "");
  self->description = nonempty (fields->description);
  self->best_practice = nonempty (fields->best_practice);
  self->speakers = fields->speakers;
  self->invited = fields->invited;
  self->attended = fields->attended;
  /* Folded once here, in the list's worker thread, so searching is a plain strstr(). */
  joined = g_strjoin ("\n", self->title, ti_event_kind_label (self->kind_key), self->venue,
                      self->description, self->best_practice, NULL);
  self->search_key = ti_text_fold (joined);
  return self;
}

gint64
ti_event_get_id (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), 0);
  return self->id;
}

const char *
ti_event_get_title (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), NULL);
  return self->title;
}

const char *
ti_event_get_kind_key (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), NULL);
  return self->kind_key;
}

const char *
ti_event_get_kind (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), NULL);
  return ti_event_kind_label (self->kind_key);
}

/**
 * ti_event_get_starts_at:
 *
 * Returns: when it starts, as 'YYYY-MM-DD HH:MM'
 */
const char *
ti_event_get_starts_at (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), NULL);
  return self->starts_at;
}

/**
 * ti_event_get_when:
 *
 * Returns: when it starts, in words: “22 Jun 2023, 09:30”
 */
const char *
ti_event_get_when (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), NULL);
  return self->when;
}

const char *
ti_event_get_venue (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), NULL);
  return self->venue;
}

const char *
ti_event_get_online_link (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), NULL);
  return self->online_link;
}

/**
 * ti_event_get_place:
 *
 * Returns: the venue; “Online” for an event with only an online link
 */
const char *
ti_event_get_place (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), NULL);
  return self->place;
}

const char *
ti_event_get_description (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), NULL);
  return self->description;
}

const char *
ti_event_get_best_practice (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), NULL);
  return self->best_practice;
}

guint
ti_event_get_speakers (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), 0);
  return self->speakers;
}

guint
ti_event_get_invited (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), 0);
  return self->invited;
}

guint
ti_event_get_attended (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), 0);
  return self->attended;
}

/**
 * ti_event_get_search_key:
 *
 * Returns: the title, kind, venue, description and best practice, folded (ti_text_fold())
 */
const char *
ti_event_get_search_key (TiEvent *self)
{
  g_return_val_if_fail (TI_IS_EVENT (self), NULL);
  return self->search_key;
}
