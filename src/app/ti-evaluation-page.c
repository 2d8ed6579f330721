/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-evaluation-page"

#include "config.h"

#include <adwaita.h>

#include "ti-evaluation-page.h"
#include "ti-dashboard-view.h"
#include "ti-timeline-view.h"

/* Evaluation: what needs attention, the headline figures and charts of a period (Dashboard)
 * and the workstreams' milestones (Programme timeline), as views beside each other. A
 * milestone changed on the timeline shows in the dashboard at once. */
struct _TiEvaluationPage
{
  TiPage parent_instance;

  AdwViewStack *views;
  TiDashboardView *dashboard;
  TiTimelineView *timeline;
};

G_DEFINE_FINAL_TYPE (TiEvaluationPage, ti_evaluation_page, TI_TYPE_PAGE)

static void
ti_evaluation_page_reload (TiPage *page)
{
  TiEvaluationPage *self = TI_EVALUATION_PAGE (page);

  ti_dashboard_view_set_database (self->dashboard, ti_page_get_database (page));
  ti_timeline_view_set_database (self->timeline, ti_page_get_database (page));
}

static void
timeline_changed_cb (TiEvaluationPage *self)
{
  ti_dashboard_view_set_database (self->dashboard, ti_page_get_database (TI_PAGE (self)));
}

static gboolean
ti_evaluation_page_show_record (TiPage *page, TiRecordKind kind, gint64 id)
{
  TiEvaluationPage *self = TI_EVALUATION_PAGE (page);

  if (kind != TI_RECORD_MILESTONE)
    return FALSE;
  adw_view_stack_set_visible_child_name (self->views, "timeline");
  ti_timeline_view_show_milestone (self->timeline, id);
  return TRUE;
}

static void
ti_evaluation_page_class_init (TiEvaluationPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TI_PAGE_CLASS (klass)->reload = ti_evaluation_page_reload;
  TI_PAGE_CLASS (klass)->show_record = ti_evaluation_page_show_record;

  g_type_ensure (TI_TYPE_DASHBOARD_VIEW);
  g_type_ensure (TI_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-evaluation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiEvaluationPage, views);
  gtk_widget_class_bind_template_child (widget_class, TiEvaluationPage, dashboard);
  gtk_widget_class_bind_template_child (widget_class, TiEvaluationPage, timeline);
  gtk_widget_class_bind_template_callback (widget_class, timeline_changed_cb);
}

static void
ti_evaluation_page_init (TiEvaluationPage *self)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
  ti_page_set_views (TI_PAGE (self), self->views);
  /* The view shown last is shown again (the binding keeps the settings alive). */
  g_settings_bind (settings, "evaluation-view", self->views, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}
