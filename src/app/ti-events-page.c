/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-events-page"

#include "config.h"

#include <adwaita.h>

#include "ti-engagement-view.h"
#include "ti-events-view.h"
#include "ti-records-view.h"
#include "ti-events-page.h"

/* Events: network events with their speakers and attendance, and engagement with lived
 * experience, as views beside each other. A view that changes the programme emits "changed";
 * the others reload. */
struct _TiEventsPage
{
  TiPage parent_instance;

  AdwViewStack *views;
  TiEventsView *events;
  TiEngagementView *engagement;
};

G_DEFINE_FINAL_TYPE (TiEventsPage, ti_events_page, TI_TYPE_PAGE)

static void
ti_events_page_reload (TiPage *page)
{
  TiEventsPage *self = TI_EVENTS_PAGE (page);

  ti_events_view_set_database (self->events, ti_page_get_database (page));
  ti_engagement_view_set_database (self->engagement, ti_page_get_database (page));
}

/* A view changed the programme: every view shows it. */
static void
view_changed_cb (TiEventsPage *self)
{
  ti_events_page_reload (TI_PAGE (self));
}

static gboolean
ti_events_page_show_record (TiPage *page, TiRecordKind kind, gint64 id)
{
  TiEventsPage *self = TI_EVENTS_PAGE (page);

  if (kind != TI_RECORD_EVENT)
    return FALSE;
  adw_view_stack_set_visible_child_name (self->views, "events");
  return ti_records_view_show_record (TI_RECORDS_VIEW (self->events), id);
}

static void
ti_events_page_class_init (TiEventsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TI_PAGE_CLASS (klass)->reload = ti_events_page_reload;
  TI_PAGE_CLASS (klass)->show_record = ti_events_page_show_record;

  g_type_ensure (TI_TYPE_EVENTS_VIEW);
  g_type_ensure (TI_TYPE_ENGAGEMENT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-events-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiEventsPage, views);
  gtk_widget_class_bind_template_child (widget_class, TiEventsPage, events);
  gtk_widget_class_bind_template_child (widget_class, TiEventsPage, engagement);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
}

static void
ti_events_page_init (TiEventsPage *self)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
  ti_page_set_views (TI_PAGE (self), self->views);
  /* The view shown last is shown again (the binding keeps the settings alive). */
  g_settings_bind (settings, "events-view", self->views, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}
