/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-event-guest"

#include "config.h"

#include "ti-event-guest.h"

/**
 * TiEventGuest:
 *
 * One person on a network event's list: invited, or come without an invitation, whether
 * they attended, and their feedback. The marks are properties that notify when
 * ti_event_guest_set_marks() changes them, so a row's widgets can follow what was saved.
 */
struct _TiEventGuest
{
  GObject parent_instance;

  gint64 event_id;
  gint64 person_id;
  char *name;
  char *organisation;
  char *sector_key;
  gboolean invited;
  gboolean came_before;
  gboolean attended;
  int feedback;
  char *feedback_theme;
};

G_DEFINE_FINAL_TYPE (TiEventGuest, ti_event_guest, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_INVITED,
  PROP_FIRST_TIME,
  PROP_ATTENDED,
  PROP_FEEDBACK,
  PROP_FEEDBACK_THEME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ti_event_guest_finalize (GObject *object)
{
  TiEventGuest *self = TI_EVENT_GUEST (object);

  g_free (self->name);
  g_free (self->organisation);
  g_free (self->sector_key);
  g_free (self->feedback_theme);

  G_OBJECT_CLASS (ti_event_guest_parent_class)->finalize (object);
}

static void
ti_event_guest_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiEventGuest *self = TI_EVENT_GUEST (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case PROP_INVITED:
      g_value_set_boolean (value, self->invited);
      break;
    case PROP_FIRST_TIME:
      g_value_set_boolean (value, ti_event_guest_get_first_time (self));
      break;
    case PROP_ATTENDED:
      g_value_set_boolean (value, self->attended);
      break;
    case PROP_FEEDBACK:
      g_value_set_int (value, self->feedback);
      break;
    case PROP_FEEDBACK_THEME:
      g_value_set_string (value, self->feedback_theme);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define FLAGS (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
ti_event_guest_class_init (TiEventGuestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ti_event_guest_finalize;
  object_class->get_property = ti_event_guest_get_property;

  /* Their name */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, FLAGS);
  /* Their organisation's name, "" when none */
  properties[PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, NULL, FLAGS);
  /* Whether they were invited */
  properties[PROP_INVITED] = g_param_spec_boolean ("invited", NULL, NULL, FALSE, FLAGS);
  /* Whether this is the first event they came to: follows "attended" */
  properties[PROP_FIRST_TIME] = g_param_spec_boolean ("first-time", NULL, NULL, FALSE, FLAGS);
  /* Whether they came */
  properties[PROP_ATTENDED] = g_param_spec_boolean ("attended", NULL, NULL, FALSE, FLAGS);
  /* Their rating, 1–5, or 0 for none */
  properties[PROP_FEEDBACK] = g_param_spec_int ("feedback", NULL, NULL, 0, 5, 0, FLAGS);
  /* What their feedback was about, "" when none */
  properties[PROP_FEEDBACK_THEME]
    = g_param_spec_string ("feedback-theme", NULL, NULL, NULL, FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_event_guest_init (TiEventGuest *self)
{
}

/**
 * ti_event_guest_new:
 * @fields: the values; strings are copied
 *
 * Returns: (transfer full): a new guest row
 */
TiEventGuest *
ti_event_guest_new (const TiEventGuestFields *fields)
{
  TiEventGuest *self = g_object_new (TI_TYPE_EVENT_GUEST, NULL);

  self->event_id = fields->event_id;
  self->person_id = fields->person_id;
  self->name = g_strdup (fields->name ? fields->name : "");
  self->organisation = g_strdup (fields->organisation ? fields->organisation : "");
  self->sector_key = g_strdup (fields->sector_key);
  self->invited = fields->invited;
  self->came_before = fields->came_before;
  self->attended = fields->marks.attended;
  self->feedback = fields->marks.feedback;
  self->feedback_theme = g_strdup (fields->marks.feedback_theme ? fields->marks.feedback_theme
                                                                : "");
  return self;
}

gint64
ti_event_guest_get_event_id (TiEventGuest *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST (self), 0);
  return self->event_id;
}

gint64
ti_event_guest_get_person_id (TiEventGuest *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST (self), 0);
  return self->person_id;
}

const char *
ti_event_guest_get_name (TiEventGuest *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST (self), NULL);
  return self->name;
}

const char *
ti_event_guest_get_organisation (TiEventGuest *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST (self), NULL);
  return self->organisation;
}

/**
 * ti_event_guest_get_sector_key:
 *
 * Returns: (nullable): their organisation's sector key, %NULL without an organisation
 */
const char *
ti_event_guest_get_sector_key (TiEventGuest *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST (self), NULL);
  return self->sector_key;
}

gboolean
ti_event_guest_get_invited (TiEventGuest *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST (self), FALSE);
  return self->invited;
}

/**
 * ti_event_guest_get_first_time:
 *
 * Returns: whether they attended and attended no earlier event; it follows the attended
 *   mark (#TiEventGuest:first-time is notified with #TiEventGuest:attended)
 */
gboolean
ti_event_guest_get_first_time (TiEventGuest *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST (self), FALSE);
  return self->attended && !self->came_before;
}

gboolean
ti_event_guest_get_attended (TiEventGuest *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST (self), FALSE);
  return self->attended;
}

int
ti_event_guest_get_feedback (TiEventGuest *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST (self), 0);
  return self->feedback;
}

const char *
ti_event_guest_get_feedback_theme (TiEventGuest *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST (self), NULL);
  return self->feedback_theme;
}

/**
 * ti_event_guest_get_marks:
 * @out_marks: (out caller-allocates): the marks; @feedback_theme is borrowed from @self
 */
void
ti_event_guest_get_marks (TiEventGuest *self, TiGuestMarks *out_marks)
{
  g_return_if_fail (TI_IS_EVENT_GUEST (self));

  out_marks->attended = self->attended;
  out_marks->feedback = self->feedback;
  out_marks->feedback_theme = self->feedback_theme;
}

/**
 * ti_event_guest_set_marks:
 * @marks: the marks as saved
 *
 * Notifies each property that changed.
 */
void
ti_event_guest_set_marks (TiEventGuest *self, const TiGuestMarks *marks)
{
  const char *theme = marks->feedback_theme ? marks->feedback_theme : "";

  g_return_if_fail (TI_IS_EVENT_GUEST (self));

  if (self->attended != (marks->attended != FALSE))
    {
      self->attended = marks->attended != FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDED]);
      if (!self->came_before)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TIME]);
    }
  if (self->feedback != marks->feedback)
    {
      self->feedback = marks->feedback;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEEDBACK]);
    }
  if (g_strcmp0 (self->feedback_theme, theme) != 0)
    {
      g_free (self->feedback_theme);
      self->feedback_theme = g_strdup (theme);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FEEDBACK_THEME]);
    }
}
