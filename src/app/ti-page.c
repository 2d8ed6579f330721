/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-page"

#include "config.h"

#include "ti-page.h"

#include <adwaita.h>

typedef struct
{
  TiDatabase *database;
  /* The programme changed while the page was hidden: it reloads when shown. */
  gboolean stale;
  AdwViewStack *views; /* the destination's views, if it has several; not owned */
  guint measured;      /* measured ahead: bit 0 the page, bit 1 + i its i-th view */
} TiPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TiPage, ti_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ti_page_get_database:
 *
 * Returns: (transfer none) (nullable): the open programme
 */
TiDatabase *
ti_page_get_database (TiPage *self)
{
  TiPagePrivate *priv = ti_page_get_instance_private (self);

  g_return_val_if_fail (TI_IS_PAGE (self), NULL);
  return priv->database;
}

static void
reload_if_stale (TiPage *self)
{
  TiPagePrivate *priv = ti_page_get_instance_private (self);

  if (!priv->stale)
    return;
  priv->stale = FALSE;
  if (TI_PAGE_GET_CLASS (self)->reload != NULL)
    TI_PAGE_GET_CLASS (self)->reload (self);
}

/**
 * ti_page_set_database:
 * @database: (nullable): the open programme
 *
 * Shows @database. Setting the same programme again reloads: it was changed. A page that is
 * shown reloads now, a hidden destination when it is next shown: opening or changing the
 * programme costs only what the window shows.
 */
void
ti_page_set_database (TiPage *self, TiDatabase *database)
{
  TiPagePrivate *priv = ti_page_get_instance_private (self);
  gboolean shown;

  g_return_if_fail (TI_IS_PAGE (self));

  /* A stack's hidden pages are not child-visible; a page on its own is. */
  shown = gtk_widget_get_child_visible (GTK_WIDGET (self));
  /* A hidden page lets go of another programme at once, all the same: its connection must
   * close now (a restore replaces the file). */
  if (!shown && priv->database != NULL && priv->database != database)
    {
      g_clear_object (&priv->database);
      priv->stale = TRUE;
      reload_if_stale (self);
    }
  if (g_set_object (&priv->database, database))
    {
      priv->measured = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
    }
  priv->stale = TRUE;
  if (shown)
    reload_if_stale (self);
}

/**
 * ti_page_read_ahead:
 *
 * Reads the programme now if the page has not read it yet: a hidden destination, ahead of
 * being shown, while the person is busy with another (hidden, what it reads is not laid out).
 *
 * Returns: whether it read
 */
gboolean
ti_page_read_ahead (TiPage *self)
{
  TiPagePrivate *priv = ti_page_get_instance_private (self);

  g_return_val_if_fail (TI_IS_PAGE (self), FALSE);

  if (!priv->stale)
    return FALSE;
  reload_if_stale (self);
  return TRUE;
}

/**
 * ti_page_set_views:
 * @views: the stack of the destination's views (map, organisations, charter…), a child of
 *   the page's template
 *
 * For a destination with several views beside each other: ti_page_measure_ahead() measures
 * each of them. The stack should not be homogeneous, so that GTK measures only the view
 * shown as it lays the page out.
 */
void
ti_page_set_views (TiPage *self, AdwViewStack *views)
{
  TiPagePrivate *priv = ti_page_get_instance_private (self);

  g_return_if_fail (TI_IS_PAGE (self));
  g_return_if_fail (ADW_IS_VIEW_STACK (views));
  priv->views = views;
}

static void
measure_at (GtkWidget *widget, int width)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, MAX (width, minimum), &minimum,
                      &natural, NULL, NULL);
}

/**
 * ti_page_measure_ahead:
 * @width: the width the page is (or would be) shown at
 *
 * Measures one part of the page not yet measured for this programme: the page itself when it
 * is hidden (its view shown), else one of its hidden views. GTK keeps what it measured, so
 * that going to the page or to one of its views need only lay it out (measuring a full page
 * takes a frame or several). Call again, a while later, until it returns %FALSE.
 *
 * Returns: whether it measured something
 */
gboolean
ti_page_measure_ahead (TiPage *self, int width)
{
  TiPagePrivate *priv = ti_page_get_instance_private (self);
  g_autoptr (GtkSelectionModel) pages = NULL;
  GtkWidget *shown = NULL;
  guint n = 0;

  g_return_val_if_fail (TI_IS_PAGE (self), FALSE);

  if (width <= 0)
    return FALSE;
  if (priv->views != NULL)
    {
      pages = adw_view_stack_get_pages (priv->views);
      shown = adw_view_stack_get_visible_child (priv->views);
      n = MIN (g_list_model_get_n_items (G_LIST_MODEL (pages)), 31);
    }
  if ((priv->measured & 1) == 0)
    {
      /* The page, and with it the view it shows: now if it is hidden (a stack's hidden pages
       * are not child-visible), else as it is drawn. */
      priv->measured |= 1;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

          if (adw_view_stack_page_get_child (page) == shown)
            priv->measured |= 2u << i;
        }
      if (!gtk_widget_get_child_visible (GTK_WIDGET (self)))
        {
          measure_at (GTK_WIDGET (self), width);
          return TRUE;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *view = adw_view_stack_page_get_child (page);

      if ((priv->measured & (2u << i)) != 0 || view == shown || !gtk_widget_get_visible (view))
        continue;
      priv->measured |= 2u << i;
      measure_at (view, width);
      return TRUE;
    }
  return FALSE;
}

static const char *const record_kind_keys[] = {
  [TI_RECORD_SESSION] = "session",
  [TI_RECORD_EVENT] = "event",
  [TI_RECORD_MILESTONE] = "milestone",
  [TI_RECORD_PERSON] = "person",
  [TI_RECORD_ORGANISATION] = "organisation",
};

/**
 * ti_record_kind_key:
 *
 * Returns: the key "win.show-record" names @kind by ("session")
 */
const char *
ti_record_kind_key (TiRecordKind kind)
{
  g_return_val_if_fail (kind < TI_N_RECORD_KINDS, NULL);
  return record_kind_keys[kind];
}

/**
 * ti_record_kind_from_key:
 * @key: a key, such as "event"
 * @kind: (out): the kind it names
 *
 * Returns: whether @key names a kind of record
 */
gboolean
ti_record_kind_from_key (const char *key, TiRecordKind *kind)
{
  for (guint i = 0; i < TI_N_RECORD_KINDS; i++)
    if (g_strcmp0 (key, record_kind_keys[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * ti_page_show_record:
 * @self: a destination
 * @kind: what the record is
 * @id: its id
 *
 * Shows one record in the destination that holds it, as opening it there would.
 *
 * Returns: whether it is shown
 */
gboolean
ti_page_show_record (TiPage *self, TiRecordKind kind, gint64 id)
{
  g_return_val_if_fail (TI_IS_PAGE (self), FALSE);

  reload_if_stale (self);
  if (TI_PAGE_GET_CLASS (self)->show_record == NULL)
    return FALSE;
  return TI_PAGE_GET_CLASS (self)->show_record (self, kind, id);
}

static void
ti_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, ti_page_get_database (TI_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DATABASE:
      ti_page_set_database (TI_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_page_dispose (GObject *object)
{
  TiPage *self = TI_PAGE (object);
  TiPagePrivate *priv = ti_page_get_instance_private (self);
  GtkWidget *child;

  /* Each destination's own template; GTK 4.8 unparents only its bound children. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->database);

  G_OBJECT_CLASS (ti_page_parent_class)->dispose (object);
}

/* A hidden page whose programme changed reloads as it is shown. */
static void
ti_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ti_page_parent_class)->map (widget);
  reload_if_stale (TI_PAGE (widget));
}

static void
ti_page_class_init (TiPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_page_dispose;
  object_class->get_property = ti_page_get_property;
  object_class->set_property = ti_page_set_property;

  properties[PROP_DATABASE]
    = g_param_spec_object ("database", NULL, NULL, TI_TYPE_DATABASE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = ti_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ti_page_init (TiPage *self)
{
}
