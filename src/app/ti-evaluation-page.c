/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-evaluation-page"

#include "config.h"

#include "ti-overview-view.h"
#include "ti-evaluation-page.h"

/* Evaluation: headline figures over the evaluation period and the programme timeline. */
struct _TiEvaluationPage
{
  TiPage parent_instance;

  TiOverviewView *overview;
};

G_DEFINE_FINAL_TYPE (TiEvaluationPage, ti_evaluation_page, TI_TYPE_PAGE)

static void
ti_evaluation_page_reload (TiPage *page)
{
  TiEvaluationPage *self = TI_EVALUATION_PAGE (page);

  ti_overview_view_set_database (self->overview, ti_page_get_database (page));
}

static void
ti_evaluation_page_class_init (TiEvaluationPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TI_PAGE_CLASS (klass)->reload = ti_evaluation_page_reload;

  g_type_ensure (TI_TYPE_OVERVIEW_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-evaluation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiEvaluationPage, overview);
}

static void
ti_evaluation_page_init (TiEvaluationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
