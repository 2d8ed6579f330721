/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-network-page"

#include "config.h"

#include "ti-overview-view.h"
#include "ti-network-page.h"

/* Network map: the organisations in the network, their champions and charter adoption. */
struct _TiNetworkPage
{
  TiPage parent_instance;

  TiOverviewView *overview;
};

G_DEFINE_FINAL_TYPE (TiNetworkPage, ti_network_page, TI_TYPE_PAGE)

static void
ti_network_page_reload (TiPage *page)
{
  TiNetworkPage *self = TI_NETWORK_PAGE (page);

  ti_overview_view_set_database (self->overview, ti_page_get_database (page));
}

static void
ti_network_page_class_init (TiNetworkPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TI_PAGE_CLASS (klass)->reload = ti_network_page_reload;

  g_type_ensure (TI_TYPE_OVERVIEW_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-network-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiNetworkPage, overview);
}

static void
ti_network_page_init (TiNetworkPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
