/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-format.h"
#include "ti-session.h"

/**
 * TiSession:
 *
 * One Tier 2 or Tier 3 session, as a row of the sessions list and as the facts of its
 * page: an immutable snapshot read by ti_sessions_list() or ti_sessions_get(). Every
 * column is a read-only property so that a GtkColumnView can sort by it; @starts-at is
 * 'YYYY-MM-DD HH:MM', which sorts correctly as text. Reload after a change.
 */
struct _TiSession
{
  GObject parent_instance;

  gint64 id;
  int tier;
  char *title;
  char *starts_at;
  char *when;
  char *time;
  int duration;
  char *mode_key;
  char *venue;
  gint64 host_organisation_id;
  char *host_organisation;
  int capacity;
  TiSessionStatus status;
  TiReviewStatus review_status;
  GPtrArray *facilitators;
  char *facilitators_text;
  guint attendees;
  guint attended;
  char *search_key;
};

G_DEFINE_FINAL_TYPE (TiSession, ti_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TIER,
  PROP_TITLE,
  PROP_STARTS_AT,
  PROP_WHEN,
  PROP_TIME,
  PROP_DURATION,
  PROP_MODE,
  PROP_VENUE,
  PROP_HOST_ORGANISATION,
  PROP_CAPACITY,
  PROP_STATUS,
  PROP_STATUS_KEY,
  PROP_REVIEW_STATUS,
  PROP_REVIEW_STATUS_KEY,
  PROP_FACILITATORS,
  PROP_ATTENDEES,
  PROP_ATTENDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ti_facilitator_new:
 *
 * Returns: (transfer full): a facilitator; free with ti_facilitator_free()
 */
TiFacilitator *
ti_facilitator_new (gint64 person_id, const char *name, const char *kind)
{
  TiFacilitator *facilitator = g_new0 (TiFacilitator, 1);

  facilitator->person_id = person_id;
  facilitator->name = g_strdup (name != NULL ? name : ""); /* NULL only in a damaged file */
  facilitator->kind = g_strdup (kind);
  return facilitator;
}

void
ti_facilitator_free (TiFacilitator *facilitator)
{
  if (facilitator == NULL)
    return;
  g_free (facilitator->name);
  g_free (facilitator->kind);
  g_free (facilitator);
}

/**
 * ti_facilitators_are_psychologists:
 * @kinds: (array length=n_kinds): in which role each facilitator was there
 * @n_kinds: how many facilitators
 *
 * The one rule for a session "led by a psychologist", which is not queued for the
 * psychologist's review (their own presence is the fidelity): every facilitator is there as
 * psychologist. A session with a coordinator or a champion facilitating is reviewed, even
 * with a psychologist beside them. The session editor's save and the demo both ask this.
 *
 * Returns: %TRUE when there is at least one facilitator and all are there as psychologist
 */
gboolean
ti_facilitators_are_psychologists (const char *const *kinds, guint n_kinds)
{
  g_return_val_if_fail (kinds != NULL || n_kinds == 0, FALSE);

  for (guint i = 0; i < n_kinds; i++)
    if (g_strcmp0 (kinds[i], "psychologist") != 0)
      return FALSE;
  return n_kinds > 0;
}

/**
 * ti_facilitator_kind_label:
 * @kind: (nullable): coordinator, psychologist or champion
 *
 * Returns: (transfer none): the kind in words, or "" for anything else
 */
const char *
ti_facilitator_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "coordinator") == 0)
    return _("Coordinator");
  if (g_strcmp0 (kind, "psychologist") == 0)
    return _("Psychologist");
  if (g_strcmp0 (kind, "champion") == 0)
    return _("Champion");
  return "";
}

gboolean
ti_facilitator_kind_is_valid (const char *kind)
{
  return *ti_facilitator_kind_label (kind) != '\0';
}

/**
 * ti_session_mode_label:
 * @mode_key: (nullable): in_person or online
 *
 * Returns: (transfer none): the mode in words, or "" for anything else
 */
const char *
ti_session_mode_label (const char *mode_key)
{
  if (g_strcmp0 (mode_key, "in_person") == 0)
    return _("In person");
  if (g_strcmp0 (mode_key, "online") == 0)
    return _("Online");
  return "";
}

static void
ti_session_finalize (GObject *object)
{
  TiSession *self = TI_SESSION (object);

  g_free (self->title);
  g_free (self->starts_at);
  g_free (self->when);
  g_free (self->time);
  g_free (self->mode_key);
  g_free (self->venue);
  g_free (self->host_organisation);
  g_clear_pointer (&self->facilitators, g_ptr_array_unref);
  g_free (self->facilitators_text);
  g_free (self->search_key);

  G_OBJECT_CLASS (ti_session_parent_class)->finalize (object);
}

static void
ti_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiSession *self = TI_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TIER:
      g_value_set_int (value, self->tier);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STARTS_AT:
      g_value_set_string (value, self->starts_at);
      break;
    case PROP_WHEN:
      g_value_set_string (value, self->when);
      break;
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case PROP_DURATION:
      g_value_set_int (value, self->duration);
      break;
    case PROP_MODE:
      g_value_set_string (value, ti_session_mode_label (self->mode_key));
      break;
    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;
    case PROP_HOST_ORGANISATION:
      g_value_set_string (value, self->host_organisation);
      break;
    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;
    case PROP_STATUS:
      g_value_set_string (value, ti_session_status_label (self->status));
      break;
    case PROP_STATUS_KEY:
      g_value_set_string (value, ti_session_status_key (self->status));
      break;
    case PROP_REVIEW_STATUS:
      g_value_set_string (value, ti_review_status_label (self->review_status));
      break;
    case PROP_REVIEW_STATUS_KEY:
      g_value_set_string (value, ti_review_status_key (self->review_status));
      break;
    case PROP_FACILITATORS:
      g_value_set_string (value, self->facilitators_text);
      break;
    case PROP_ATTENDEES:
      g_value_set_uint (value, self->attendees);
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
ti_session_class_init (TiSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ti_session_finalize;
  object_class->get_property = ti_session_get_property;

  /* The session’s id */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);

  /* 2 or 3 */
  properties[PROP_TIER] = g_param_spec_int ("tier", NULL, NULL, 0, 3, 2, FLAGS);

  /* Its title */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, FLAGS);

  /* When it starts, 'YYYY-MM-DD HH:MM' */
  properties[PROP_STARTS_AT] = g_param_spec_string ("starts-at", NULL, NULL, NULL, FLAGS);

  /* When it starts, in words: “12 Sep 2023, 09:30” */
  properties[PROP_WHEN] = g_param_spec_string ("when", NULL, NULL, NULL, FLAGS);
  /* The start time alone, "09:30"; sorts as text */
  properties[PROP_TIME] = g_param_spec_string ("time", NULL, NULL, NULL, FLAGS);

  /* Length in minutes */
  properties[PROP_DURATION] = g_param_spec_int ("duration", NULL, NULL, 0, 1440, 0, FLAGS);

  /* In person or online, in words */
  properties[PROP_MODE] = g_param_spec_string ("mode", NULL, NULL, NULL, FLAGS);

  /* Where it is held */
  properties[PROP_VENUE] = g_param_spec_string ("venue", NULL, NULL, NULL, FLAGS);

  /* The host organisation’s name, "" when none */
  properties[PROP_HOST_ORGANISATION]
    = g_param_spec_string ("host-organisation", NULL, NULL, NULL, FLAGS);

  /* Places, 0 when not limited */
  properties[PROP_CAPACITY] = g_param_spec_int ("capacity", NULL, NULL, 0, G_MAXINT, 0, FLAGS);

  /* Planned, delivered or cancelled, in words */
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, FLAGS);

  /* The delivery status key */
  properties[PROP_STATUS_KEY] = g_param_spec_string ("status-key", NULL, NULL, NULL, FLAGS);

  /* Where it stands in review, in words */
  properties[PROP_REVIEW_STATUS] = g_param_spec_string ("review-status", NULL, NULL, NULL, FLAGS);

  /* The review status key */
  properties[PROP_REVIEW_STATUS_KEY]
    = g_param_spec_string ("review-status-key", NULL, NULL, NULL, FLAGS);

  /* The facilitators’ names */
  properties[PROP_FACILITATORS] = g_param_spec_string ("facilitators", NULL, NULL, NULL, FLAGS);

  /* People on the register */
  properties[PROP_ATTENDEES] = g_param_spec_uint ("attendees", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);

  /* Of those, how many attended */
  properties[PROP_ATTENDED] = g_param_spec_uint ("attended", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_session_init (TiSession *self)
{
}

static char *
format_when (const char *starts_at)
{
  g_autofree char *date = ti_format_date (starts_at);

  if (starts_at == NULL || strlen (starts_at) < 16)
    return g_steal_pointer (&date);
  /* Translators: a session's date and time: “12 Sep 2023, 09:30” */
  return g_strdup_printf (_("%s, %s"), date, starts_at + 11);
}

/**
 * ti_session_new:
 * @fields: the values; strings are copied, the facilitators taken
 *
 * Returns: (transfer full): a new session row
 */
TiSession *
ti_session_new (const TiSessionFields *fields)
{
  TiSession *self = g_object_new (TI_TYPE_SESSION, NULL);
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *joined = NULL;

  self->id = fields->id;
  self->tier = fields->tier;
  self->title = g_strdup (fields->title ? fields->title : "");
  self->starts_at = g_strdup (fields->starts_at ? fields->starts_at : "");
  self->when = format_when (fields->starts_at);
  self->time = g_strdup (fields->starts_at != NULL && strlen (fields->starts_at) >= 16
                           ? fields->starts_at + 11 : "");
  self->duration = fields->duration_minutes;
  self->mode_key = g_strdup (fields->mode_key);
  self->venue = g_strdup (fields->venue ? fields->venue : "");
  self->host_organisation_id = fields->host_organisation_id;
  self->host_organisation = g_strdup (fields->host_organisation ? fields->host_organisation : "");
  self->capacity = fields->capacity;
  self->status = fields->status;
  self->review_status = fields->review_status;
  self->facilitators = fields->facilitators
                         ? fields->facilitators
                         : g_ptr_array_new_with_free_func ((GDestroyNotify) ti_facilitator_free);
  self->attendees = fields->attendees;
  self->attended = fields->attended;

  for (guint i = 0; i < self->facilitators->len; i++)
    {
      TiFacilitator *facilitator = g_ptr_array_index (self->facilitators, i);

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, facilitator->name);
    }
  self->facilitators_text = g_strdup (names->str);
  /* Folded once here, in the list's worker thread, so searching is a plain strstr(). */
  joined = g_strjoin ("\n", self->title, self->host_organisation, self->facilitators_text,
                      self->venue, NULL);
  self->search_key = ti_text_fold (joined);
  return self;
}

gint64
ti_session_get_id (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), 0);
  return self->id;
}

int
ti_session_get_tier (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), 0);
  return self->tier;
}

const char *
ti_session_get_title (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), NULL);
  return self->title;
}

/**
 * ti_session_get_starts_at:
 *
 * Returns: when it starts, as 'YYYY-MM-DD HH:MM'
 */
const char *
ti_session_get_starts_at (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), NULL);
  return self->starts_at;
}

/**
 * ti_session_get_time:
 *
 * Returns: the start time, as 'HH:MM'; "" when not known
 */
const char *
ti_session_get_time (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), NULL);
  return self->time;
}

int
ti_session_get_duration (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), 0);
  return self->duration;
}

const char *
ti_session_get_mode_key (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), NULL);
  return self->mode_key;
}

const char *
ti_session_get_mode (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), NULL);
  return ti_session_mode_label (self->mode_key);
}

const char *
ti_session_get_venue (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), NULL);
  return self->venue;
}

gint64
ti_session_get_host_organisation_id (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), 0);
  return self->host_organisation_id;
}

const char *
ti_session_get_host_organisation (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), NULL);
  return self->host_organisation;
}

int
ti_session_get_capacity (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), 0);
  return self->capacity;
}

TiSessionStatus
ti_session_get_status (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), TI_SESSION_PLANNED);
  return self->status;
}

TiReviewStatus
ti_session_get_review_status (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), TI_REVIEW_NOT_DUE);
  return self->review_status;
}

/**
 * ti_session_get_facilitators:
 *
 * Returns: (transfer none) (element-type TiFacilitator): the facilitators, in the order
 *   they were listed
 */
GPtrArray *
ti_session_get_facilitators (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), NULL);
  return self->facilitators;
}

gboolean
ti_session_has_facilitator (TiSession *self, gint64 person_id)
{
  g_return_val_if_fail (TI_IS_SESSION (self), FALSE);

  for (guint i = 0; i < self->facilitators->len; i++)
    if (((TiFacilitator *) g_ptr_array_index (self->facilitators, i))->person_id == person_id)
      return TRUE;
  return FALSE;
}

/**
 * ti_session_get_facilitators_text:
 *
 * Returns: the facilitators' names, separated by commas
 */
const char *
ti_session_get_facilitators_text (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), NULL);
  return self->facilitators_text;
}

guint
ti_session_get_attendees (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), 0);
  return self->attendees;
}

guint
ti_session_get_attended (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), 0);
  return self->attended;
}

/**
 * ti_session_get_search_key:
 *
 * Returns: the title, host, facilitators and venue, normalised and case-folded when the
 *   session was read (see ti_text_fold())
 */
const char *
ti_session_get_search_key (TiSession *self)
{
  g_return_val_if_fail (TI_IS_SESSION (self), NULL);
  return self->search_key;
}
