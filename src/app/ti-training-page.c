/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-training-page"

#include "config.h"

#include <adwaita.h>

#include "ti-records-view.h"
#include "ti-tier1-view.h"
#include "ti-sessions-view.h"
#include "ti-review-view.h"
#include "ti-training-page.h"

/* Training tiers: Tier 1 reach, the Tier 2 and 3 sessions with their registers, and the
 * psychologist's review queue, as views beside each other. A view that changes the programme
 * emits "changed"; the others reload, so a session marked delivered joins the queue at once. */
struct _TiTrainingPage
{
  TiPage parent_instance;

  AdwViewStack *views;
  TiReviewView *review;
  TiSessionsView *sessions;
  TiTier1View *tier1;
};

G_DEFINE_FINAL_TYPE (TiTrainingPage, ti_training_page, TI_TYPE_PAGE)

static void
ti_training_page_reload (TiPage *page)
{
  TiTrainingPage *self = TI_TRAINING_PAGE (page);
  TiDatabase *database = ti_page_get_database (page);

  ti_sessions_view_set_database (self->sessions, database);
  ti_review_view_set_database (self->review, database);
  ti_tier1_view_set_database (self->tier1, database);
}

/* A view changed the programme (a session, its register, a review): every view shows it. */
static void
view_changed_cb (TiTrainingPage *self)
{
  ti_training_page_reload (TI_PAGE (self));
}

static gboolean
ti_training_page_show_record (TiPage *page, TiRecordKind kind, gint64 id)
{
  TiTrainingPage *self = TI_TRAINING_PAGE (page);

  if (kind != TI_RECORD_SESSION)
    return FALSE;
  adw_view_stack_set_visible_child_name (self->views, "sessions");
  return ti_records_view_show_record (TI_RECORDS_VIEW (self->sessions), id);
}

static void
ti_training_page_class_init (TiTrainingPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  TI_PAGE_CLASS (klass)->reload = ti_training_page_reload;
  TI_PAGE_CLASS (klass)->show_record = ti_training_page_show_record;

  g_type_ensure (TI_TYPE_TIER1_VIEW);
  g_type_ensure (TI_TYPE_SESSIONS_VIEW);
  g_type_ensure (TI_TYPE_REVIEW_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-training-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiTrainingPage, views);
  gtk_widget_class_bind_template_child (widget_class, TiTrainingPage, review);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, TiTrainingPage, sessions);
  gtk_widget_class_bind_template_child (widget_class, TiTrainingPage, tier1);
}

static void
ti_training_page_init (TiTrainingPage *self)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
  ti_page_set_views (TI_PAGE (self), self->views);
  /* The view shown last is shown again (the binding keeps the settings alive). */
  g_settings_bind (settings, "training-tiers-view", self->views, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}
