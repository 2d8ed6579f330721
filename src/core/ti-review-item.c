/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-reviews"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-review-item.h"

/**
 * TiReviewItem:
 *
 * One delivered session in the psychologist's review queue, as listed by
 * ti_reviews_get_queue(): an immutable snapshot (reload the queue after a review).
 */
struct _TiReviewItem
{
  GObject parent_instance;

  gint64 session_id;
  char *starts_at;
  char *date;
  int age_days;
  char *age;
  int tier;
  char *title;
  char *host;
  char *facilitators;
  TiReviewStatus review_status;
  char *last_reviewed_on;
  char *last_review;
};

G_DEFINE_FINAL_TYPE (TiReviewItem, ti_review_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SESSION_ID,
  PROP_DATE,
  PROP_STARTS_AT,
  PROP_AGE_DAYS,
  PROP_AGE,
  PROP_TIER,
  PROP_TITLE,
  PROP_HOST,
  PROP_FACILITATORS,
  PROP_STATUS,
  PROP_STATUS_KEY,
  PROP_LAST_REVIEWED_ON,
  PROP_LAST_REVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ti_review_age_in_words:
 * @age_days: days since the session
 *
 * Returns: (transfer full): "Today", "1 day", "23 days", "1,222 days"; "Not yet held" for a
 *   later date
 */
char *
ti_review_age_in_words (int age_days)
{
  g_autofree char *days = NULL;

  if (age_days < 0)
    return g_strdup (_("Not yet held"));
  if (age_days == 0)
    return g_strdup (_("Today"));
  days = ti_format_count (age_days);
  /* Translators: %s is a number of days, grouped in thousands: "1,222" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", age_days), days);
}

/* What the queue's Review column says: whether a session awaiting review was reviewed
 * before, and how; otherwise when it was last reviewed (the filter says how). */
static char *
last_review_in_words (const TiReviewItemFields *fields)
{
  g_autofree char *date = ti_format_date (fields->last_reviewed_on);

  if (fields->review_status == TI_REVIEW_AWAITING || fields->review_status == TI_REVIEW_NOT_DUE)
    {
      if (!fields->has_last_outcome || fields->last_reviewed_on == NULL)
        return g_strdup (_("First review"));
      if (fields->last_outcome == TI_REVIEW_OUTCOME_APPROVED)
        /* Translators: a session back in the queue after its delivery was edited */
        return g_strdup_printf (_("Re-review: approved %s"), date);
      return g_strdup_printf (_("Re-review: changes requested %s"), date);
    }
  if (fields->last_reviewed_on == NULL)
    return g_strdup (_("Not recorded"));
  return g_steal_pointer (&date);
}

static void
ti_review_item_finalize (GObject *object)
{
  TiReviewItem *self = TI_REVIEW_ITEM (object);

  g_free (self->starts_at);
  g_free (self->date);
  g_free (self->age);
  g_free (self->title);
  g_free (self->host);
  g_free (self->facilitators);
  g_free (self->last_reviewed_on);
  g_free (self->last_review);
  G_OBJECT_CLASS (ti_review_item_parent_class)->finalize (object);
}

static void
ti_review_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiReviewItem *self = TI_REVIEW_ITEM (object);

  switch (prop_id)
    {
    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_STARTS_AT:
      g_value_set_string (value, self->starts_at);
      break;
    case PROP_AGE_DAYS:
      g_value_set_int (value, self->age_days);
      break;
    case PROP_AGE:
      g_value_set_string (value, self->age);
      break;
    case PROP_TIER:
      g_value_set_int (value, self->tier);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case PROP_FACILITATORS:
      g_value_set_string (value, self->facilitators);
      break;
    case PROP_STATUS:
      g_value_set_string (value, ti_review_status_label (self->review_status));
      break;
    case PROP_STATUS_KEY:
      g_value_set_string (value, ti_review_status_key (self->review_status));
      break;
    case PROP_LAST_REVIEWED_ON:
      g_value_set_string (value, self->last_reviewed_on);
      break;
    case PROP_LAST_REVIEW:
      g_value_set_string (value, self->last_review);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_review_item_class_init (TiReviewItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ti_review_item_finalize;
  object_class->get_property = ti_review_item_get_property;

  properties[PROP_SESSION_ID] = g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                    flags);
  /* The session's day, ISO: sorts as text. */
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_STARTS_AT] = g_param_spec_string ("starts-at", NULL, NULL, NULL, flags);
  properties[PROP_AGE_DAYS] = g_param_spec_int ("age-days", NULL, NULL, G_MININT, G_MAXINT, 0,
                                                flags);
  /* The age in words, for people: "23 days". */
  properties[PROP_AGE] = g_param_spec_string ("age", NULL, NULL, NULL, flags);
  properties[PROP_TIER] = g_param_spec_int ("tier", NULL, NULL, 0, 3, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_HOST] = g_param_spec_string ("host", NULL, NULL, NULL, flags);
  properties[PROP_FACILITATORS] = g_param_spec_string ("facilitators", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_KEY] = g_param_spec_string ("status-key", NULL, NULL, NULL, flags);
  properties[PROP_LAST_REVIEWED_ON] = g_param_spec_string ("last-reviewed-on", NULL, NULL, NULL,
                                                           flags);
  /* In words: "First review", "Re-review: approved 1 Aug 2024", or the date. */
  properties[PROP_LAST_REVIEW] = g_param_spec_string ("last-review", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_review_item_init (TiReviewItem *self)
{
}

/**
 * ti_review_item_new:
 *
 * Returns: (transfer full): a queue row
 */
TiReviewItem *
ti_review_item_new (const TiReviewItemFields *fields)
{
  TiReviewItem *self = g_object_new (TI_TYPE_REVIEW_ITEM, NULL);

  self->session_id = fields->session_id;
  self->starts_at = g_strdup (fields->starts_at);
  self->date = g_strndup (fields->starts_at ? fields->starts_at : "", 10);
  self->age_days = fields->age_days;
  self->age = ti_review_age_in_words (fields->age_days);
  self->tier = fields->tier;
  self->title = g_strdup (fields->title);
  self->host = g_strdup (fields->host);
  self->facilitators = g_strdup (fields->facilitators);
  self->review_status = fields->review_status;
  self->last_reviewed_on = g_strdup (fields->last_reviewed_on);
  self->last_review = last_review_in_words (fields);
  return self;
}

gint64
ti_review_item_get_session_id (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), 0);
  return self->session_id;
}

const char *
ti_review_item_get_date (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), NULL);
  return self->date;
}

const char *
ti_review_item_get_starts_at (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), NULL);
  return self->starts_at;
}

int
ti_review_item_get_age_days (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), 0);
  return self->age_days;
}

const char *
ti_review_item_get_age (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), NULL);
  return self->age;
}

int
ti_review_item_get_tier (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), 0);
  return self->tier;
}

const char *
ti_review_item_get_title (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), NULL);
  return self->title;
}

const char *
ti_review_item_get_host (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), NULL);
  return self->host;
}

const char *
ti_review_item_get_facilitators (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), NULL);
  return self->facilitators;
}

TiReviewStatus
ti_review_item_get_review_status (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), TI_REVIEW_NOT_DUE);
  return self->review_status;
}

const char *
ti_review_item_get_last_reviewed_on (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), NULL);
  return self->last_reviewed_on;
}

/**
 * ti_review_item_get_last_review:
 *
 * Returns: for a session awaiting review, whether it is a first review or a re-review (and
 *   what the last review decided, when); otherwise the date of its latest review
 */
const char *
ti_review_item_get_last_review (TiReviewItem *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_ITEM (self), NULL);
  return self->last_review;
}
