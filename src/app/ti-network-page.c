/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-network-page"

#include "config.h"

#include <adwaita.h>

#include "ti-charter-view.h"
#include "ti-network-page.h"
#include "ti-map-view.h"
#include "ti-organisations-view.h"

/* Network map: the champions' network drawn and measured (Map), the partner organisations
 * and the charter, as views beside each other. */
struct _TiNetworkPage
{
  TiPage parent_instance;

  AdwViewStack *views;
  TiMapView *map;
  TiOrganisationsView *organisations;
  TiCharterView *charter;
};

G_DEFINE_FINAL_TYPE (TiNetworkPage, ti_network_page, TI_TYPE_PAGE)

static void
ti_network_page_reload (TiPage *page)
{
  TiNetworkPage *self = TI_NETWORK_PAGE (page);
  TiDatabase *database = ti_page_get_database (page);

  ti_map_view_set_database (self->map, database);
  ti_organisations_view_set_database (self->organisations, database);
  ti_charter_view_set_database (self->charter, database);
}

/* An organisation changed: the figures and the adoption beside it follow. */
static void
organisations_changed_cb (TiNetworkPage *self)
{
  TiDatabase *database = ti_page_get_database (TI_PAGE (self));

  ti_map_view_set_database (self->map, database);
  ti_charter_view_set_database (self->charter, database);
}

static gboolean
ti_network_page_show_record (TiPage *page, TiRecordKind kind, gint64 id)
{
  TiNetworkPage *self = TI_NETWORK_PAGE (page);

  if (kind != TI_RECORD_ORGANISATION)
    return FALSE;
  adw_view_stack_set_visible_child_name (self->views, "organisations");
  ti_organisations_view_show_organisation (self->organisations, id);
  return TRUE;
}

/* Ctrl+F anywhere on the page (its view switcher too, where the keyboard first lands) goes
 * to the search of the view shown; the views' own bindings only hear it from inside them. */
static void
search_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  TiNetworkPage *self = TI_NETWORK_PAGE (widget);
  const char *shown = adw_view_stack_get_visible_child_name (self->views);

  if (g_strcmp0 (shown, "map") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->map), "map.search", NULL);
  else if (g_strcmp0 (shown, "organisations") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->organisations), "organisations.search", NULL);
}

static void
ti_network_page_class_init (TiNetworkPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TI_PAGE_CLASS (klass)->reload = ti_network_page_reload;
  TI_PAGE_CLASS (klass)->show_record = ti_network_page_show_record;

  g_type_ensure (TI_TYPE_MAP_VIEW);
  g_type_ensure (TI_TYPE_ORGANISATIONS_VIEW);
  g_type_ensure (TI_TYPE_CHARTER_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-network-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiNetworkPage, views);
  gtk_widget_class_bind_template_child (widget_class, TiNetworkPage, map);
  gtk_widget_class_bind_template_child (widget_class, TiNetworkPage, organisations);
  gtk_widget_class_bind_template_child (widget_class, TiNetworkPage, charter);
  gtk_widget_class_bind_template_callback (widget_class, organisations_changed_cb);
  gtk_widget_class_install_action (widget_class, "network.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "network.search", NULL);
}

static void
ti_network_page_init (TiNetworkPage *self)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
  ti_page_set_views (TI_PAGE (self), self->views);
  /* The view shown last is shown again (the binding keeps the settings alive). */
  g_settings_bind (settings, "network-map-view", self->views, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}
