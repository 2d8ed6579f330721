/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-charter"

#include "config.h"

#include "ti-charter-principle.h"

/**
 * TiCharterPrinciple:
 *
 * One principle of the county charter, as listed by ti_charter_list_principles(): an
 * immutable snapshot (reload the list after a change).
 */
struct _TiCharterPrinciple
{
  GObject parent_instance;

  gint64 id;
  guint position;
  char *name;
  char *description;
};

G_DEFINE_FINAL_TYPE (TiCharterPrinciple, ti_charter_principle, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ti_charter_principle_finalize (GObject *object)
{
  TiCharterPrinciple *self = TI_CHARTER_PRINCIPLE (object);

  g_free (self->name);
  g_free (self->description);
  G_OBJECT_CLASS (ti_charter_principle_parent_class)->finalize (object);
}

static void
ti_charter_principle_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  TiCharterPrinciple *self = TI_CHARTER_PRINCIPLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_charter_principle_class_init (TiCharterPrincipleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ti_charter_principle_finalize;
  object_class->get_property = ti_charter_principle_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* 1-based and contiguous */
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_charter_principle_init (TiCharterPrinciple *self)
{
}

/**
 * ti_charter_principle_new:
 *
 * Returns: (transfer full): a principle row
 */
TiCharterPrinciple *
ti_charter_principle_new (gint64 id, guint position, const char *name, const char *description)
{
  TiCharterPrinciple *self = g_object_new (TI_TYPE_CHARTER_PRINCIPLE, NULL);

  self->id = id;
  self->position = position;
  self->name = g_strdup (name);
  self->description = g_strdup (description);
  return self;
}

gint64
ti_charter_principle_get_id (TiCharterPrinciple *self)
{
  g_return_val_if_fail (TI_IS_CHARTER_PRINCIPLE (self), 0);
  return self->id;
}

guint
ti_charter_principle_get_position (TiCharterPrinciple *self)
{
  g_return_val_if_fail (TI_IS_CHARTER_PRINCIPLE (self), 0);
  return self->position;
}

const char *
ti_charter_principle_get_name (TiCharterPrinciple *self)
{
  g_return_val_if_fail (TI_IS_CHARTER_PRINCIPLE (self), NULL);
  return self->name;
}

const char *
ti_charter_principle_get_description (TiCharterPrinciple *self)
{
  g_return_val_if_fail (TI_IS_CHARTER_PRINCIPLE (self), NULL);
  return self->description;
}
