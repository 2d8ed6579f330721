/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-reach-row"

#include "config.h"

#include "ti-reach-row.h"

/**
 * TiReachRow:
 *
 * One row of a Tier 1 reach breakdown (an organisation, a sector, a locality or a month):
 * an immutable snapshot made by ti_tier1_reach_list(), every figure a read-only property so
 * that a GtkColumnView can sort by it. The figures are defined in ti-training-figures.c.
 */
struct _TiReachRow
{
  GObject parent_instance;

  char *key;
  char *label;
  guint completions;
  guint people;
  guint reached;
  gint64 headcount;
  double reach;
  char *latest;
};

G_DEFINE_FINAL_TYPE (TiReachRow, ti_reach_row, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  PROP_COMPLETIONS,
  PROP_PEOPLE,
  PROP_REACHED,
  PROP_HEADCOUNT,
  PROP_REACH,
  PROP_LATEST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ti_reach_row_finalize (GObject *object)
{
  TiReachRow *self = TI_REACH_ROW (object);

  g_free (self->key);
  g_free (self->label);
  g_free (self->latest);

  G_OBJECT_CLASS (ti_reach_row_parent_class)->finalize (object);
}

static void
ti_reach_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiReachRow *self = TI_REACH_ROW (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_COMPLETIONS:
      g_value_set_uint (value, self->completions);
      break;
    case PROP_PEOPLE:
      g_value_set_uint (value, self->people);
      break;
    case PROP_REACHED:
      g_value_set_uint (value, self->reached);
      break;
    case PROP_HEADCOUNT:
      g_value_set_int64 (value, self->headcount);
      break;
    case PROP_REACH:
      g_value_set_double (value, self->reach);
      break;
    case PROP_LATEST:
      g_value_set_string (value, self->latest);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define FLAGS (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
ti_reach_row_class_init (TiReachRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ti_reach_row_finalize;
  object_class->get_property = ti_reach_row_get_property;

  /* Organisation id, sector or locality key, or 'YYYY-MM' */
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, FLAGS);
  /* What the row is, in words */
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, FLAGS);
  /* Completion records dated in the period */
  properties[PROP_COMPLETIONS]
    = g_param_spec_uint ("completions", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);
  /* Different people completing in the period */
  properties[PROP_PEOPLE] = g_param_spec_uint ("people", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);
  /* People with a completion by the end of the period */
  properties[PROP_REACHED] = g_param_spec_uint ("reached", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);
  /* The workforce reach is over; 0 when not known */
  properties[PROP_HEADCOUNT]
    = g_param_spec_int64 ("headcount", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);
  /* Share of the headcount reached, 0–1; -1 without a headcount */
  properties[PROP_REACH] = g_param_spec_double ("reach", NULL, NULL, -1.0, 1.0, -1.0, FLAGS);
  /* ISO date of the latest completion in the period, or NULL */
  properties[PROP_LATEST] = g_param_spec_string ("latest", NULL, NULL, NULL, FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_reach_row_init (TiReachRow *self)
{
  self->reach = -1.0;
}

/**
 * ti_reach_row_new:
 * @fields: the values to show; strings are copied
 *
 * Returns: (transfer full): a new row
 */
TiReachRow *
ti_reach_row_new (const TiReachRowFields *fields)
{
  TiReachRow *self = g_object_new (TI_TYPE_REACH_ROW, NULL);

  self->key = g_strdup (fields->key);
  self->label = g_strdup (fields->label);
  self->completions = fields->completions;
  self->people = fields->people;
  self->reached = fields->reached;
  self->headcount = fields->headcount;
  self->reach = fields->reach;
  self->latest = g_strdup (fields->latest);
  return self;
}

const char *
ti_reach_row_get_key (TiReachRow *self)
{
  g_return_val_if_fail (TI_IS_REACH_ROW (self), NULL);
  return self->key;
}

const char *
ti_reach_row_get_label (TiReachRow *self)
{
  g_return_val_if_fail (TI_IS_REACH_ROW (self), NULL);
  return self->label;
}

guint
ti_reach_row_get_completions (TiReachRow *self)
{
  g_return_val_if_fail (TI_IS_REACH_ROW (self), 0);
  return self->completions;
}

guint
ti_reach_row_get_people (TiReachRow *self)
{
  g_return_val_if_fail (TI_IS_REACH_ROW (self), 0);
  return self->people;
}

guint
ti_reach_row_get_reached (TiReachRow *self)
{
  g_return_val_if_fail (TI_IS_REACH_ROW (self), 0);
  return self->reached;
}

gint64
ti_reach_row_get_headcount (TiReachRow *self)
{
  g_return_val_if_fail (TI_IS_REACH_ROW (self), 0);
  return self->headcount;
}

double
ti_reach_row_get_reach (TiReachRow *self)
{
  g_return_val_if_fail (TI_IS_REACH_ROW (self), -1.0);
  return self->reach;
}

const char *
ti_reach_row_get_latest (TiReachRow *self)
{
  g_return_val_if_fail (TI_IS_REACH_ROW (self), NULL);
  return self->latest;
}
