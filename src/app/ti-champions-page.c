/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-champions-page"

#include "config.h"

#include "ti-overview-view.h"
#include "ti-champions-page.h"

/* Champions: the people who spread trauma-informed practice in their organisations. */
struct _TiChampionsPage
{
  TiPage parent_instance;

  TiOverviewView *overview;
};

G_DEFINE_FINAL_TYPE (TiChampionsPage, ti_champions_page, TI_TYPE_PAGE)

static void
ti_champions_page_reload (TiPage *page)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (page);

  ti_overview_view_set_database (self->overview, ti_page_get_database (page));
}

static void
ti_champions_page_class_init (TiChampionsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TI_PAGE_CLASS (klass)->reload = ti_champions_page_reload;

  g_type_ensure (TI_TYPE_OVERVIEW_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-champions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, overview);
}

static void
ti_champions_page_init (TiChampionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
