/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-organisations-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-organisation-detail.h"
#include "ti-organisation-editor.h"
#include "ti-organisation.h"
#include "ti-organisations.h"
#include "ti-organisations-view.h"
#include "ti-table.h"

/**
 * TiOrganisationsView:
 *
 * The system partners: each with its champions, Tier 1 reach, sessions hosted and charter
 * adoption; sortable by every column and searchable by name (Ctrl+F, or start typing in the
 * list). Activating a row (Enter or a double-click) shows the organisation's detail, where it
 * is edited, merged or deleted.
 */
struct _TiOrganisationsView
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GCancellable *cancellable;
  GtkStringFilter *search_filter;
  gboolean reshow;   /* after a change: show the detail of reshow_id again, or the list */
  gint64 reshow_id;

  AdwLeaflet *leaflet;
  GtkWidget *list_page;
  GtkSingleSelection *selection;
  TiOrganisationDetail *detail;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkColumnView *column_view;
  GtkFilterListModel *filter_model;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TiOrganisationsView, ti_organisations_view, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const TiTableColumn columns[] = {
  { N_("Organisation"), "name", TI_CELL_TEXT, TRUE, 24 },
  { N_("Sector"), "sector", TI_CELL_TEXT, FALSE, 0, TRUE },
  { N_("Locality"), "locality", TI_CELL_TEXT, FALSE, 0, TRUE },
  { N_("Headcount"), "headcount", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Champions"), "champions", TI_CELL_COUNT, FALSE },
  { N_("Tier 1 reach"), "reach", TI_CELL_PERCENT, FALSE, 0, TRUE },
  { N_("Sessions hosted"), "sessions-hosted", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Charter"), "charter-stage", TI_CELL_TEXT, FALSE, 0, TRUE },
};

static void
update_count (TiOrganisationsView *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filter_model);
  guint total = all ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *n_total = ti_format_count (total);
  g_autofree char *n_shown = ti_format_count (shown);
  g_autofree char *text = NULL;

  if (all == NULL)
    return;
  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s organisation", "%s organisations",
                                         total),
                            n_total);
  else
    text = g_strdup_printf (_("Showing %s of %s organisations"), n_shown, n_total);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, total == 0 ? "empty" : "list");
}

static void
search_changed_cb (TiOrganisationsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_string_filter_set_search (self->search_filter, *text ? text : NULL);
}

/* Shows the detail of organisation @id of the list as read; FALSE when it is not there. */
static gboolean
show_detail (TiOrganisationsView *self, gint64 id)
{
  GListModel *organisations = gtk_filter_list_model_get_model (self->filter_model);

  for (guint i = 0, n = organisations ? g_list_model_get_n_items (organisations) : 0; i < n; i++)
    {
      g_autoptr (TiOrganisation) organisation = g_list_model_get_item (organisations, i);

      if (id != 0 && ti_organisation_get_id (organisation) == id)
        {
          ti_organisation_detail_show (self->detail, self->database, organisations,
                                       organisation);
          adw_leaflet_set_visible_child_name (self->leaflet, "detail");
          return TRUE;
        }
    }
  return FALSE;
}

static void
organisations_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiOrganisationsView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) organisations = ti_organisations_list_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);

  if (organisations == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_filter_list_model_set_model (self->filter_model, organisations);
  update_count (self);
  if (self->reshow)
    {
      self->reshow = FALSE;
      if (!show_detail (self, self->reshow_id))
        adw_leaflet_set_visible_child_name (self->leaflet, "list");
    }
}

static void
load (TiOrganisationsView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  if (self->database == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  ti_organisations_list_async (ti_database_get_path (self->database), self->cancellable,
                               organisations_loaded_cb, g_object_ref (self));
}

static void
row_activated_cb (TiOrganisationsView *self, guint position)
{
  g_autoptr (TiOrganisation) organisation
    = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (organisation == NULL || self->database == NULL)
    return;
  ti_organisation_detail_show (self->detail, self->database,
                               gtk_filter_list_model_get_model (self->filter_model),
                               organisation);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

/* Edited, merged or deleted: the list's figures change, and so may the other views'. */
static void
detail_changed_cb (TiOrganisationsView *self, gint64 show_id)
{
  self->reshow = TRUE;
  self->reshow_id = show_id;
  load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
added_cb (TiOrganisationsView *self, gint64 id)
{
  ti_feedback_toast (GTK_WIDGET (self), _("Organisation added"));
  load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiOrganisationsView *self = TI_ORGANISATIONS_VIEW (widget);
  TiOrganisationEditor *editor;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->database == NULL)
    return;
  editor = ti_organisation_editor_new (self->database,
                                       gtk_filter_list_model_get_model (self->filter_model), NULL);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiOrganisationsView *self = TI_ORGANISATIONS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
search_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiOrganisationsView *self = TI_ORGANISATIONS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * ti_organisations_view_show_organisation:
 * @self: the view
 * @id: an organisation
 *
 * Shows the organisation's detail, as activating its row does; while the list is being read,
 * once it is read.
 */
void
ti_organisations_view_show_organisation (TiOrganisationsView *self, gint64 id)
{
  g_return_if_fail (TI_IS_ORGANISATIONS_VIEW (self));

  if (self->cancellable != NULL || !show_detail (self, id))
    {
      self->reshow = TRUE;
      self->reshow_id = id;
      if (self->cancellable == NULL && self->database != NULL)
        load (self);
    }
}

void
ti_organisations_view_set_database (TiOrganisationsView *self, TiDatabase *database)
{
  g_return_if_fail (TI_IS_ORGANISATIONS_VIEW (self));

  /* The same programme reloads and keeps the organisation shown; another starts at the list. */
  if (database != self->database)
    {
      self->reshow = FALSE;
      adw_leaflet_set_visible_child_name (self->leaflet, "list");
    }
  else if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0)
    {
      self->reshow = TRUE;
      self->reshow_id = ti_organisation_detail_get_id (self->detail);
    }
  g_set_object (&self->database, database);
  load (self);
}

static void
ti_organisations_view_dispose (GObject *object)
{
  TiOrganisationsView *self = TI_ORGANISATIONS_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_object (&self->search_filter);
  if (self->search_entry != NULL)
    gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_ORGANISATIONS_VIEW);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_organisations_view_parent_class)->dispose (object);
}

static void
ti_organisations_view_class_init (TiOrganisationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_organisations_view_dispose;

  /**
   * TiOrganisationsView::changed:
   *
   * An organisation was added, edited, merged or deleted here.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TI_TYPE_ORGANISATION_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-organisations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationsView, list_page);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationsView, selection);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationsView, detail);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationsView, stack);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationsView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationsView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_changed_cb);

  gtk_widget_class_install_action (widget_class, "organisations.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "organisations.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "organisations.back", NULL);
  gtk_widget_class_install_action (widget_class, "organisations.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "organisations.search", NULL);
}

static void
ti_organisations_view_init (TiOrganisationsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ti_table_add_columns (self->column_view, TI_TYPE_ORGANISATION, columns, G_N_ELEMENTS (columns));
  /* Typing anywhere in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_page);

  self->search_filter
    = gtk_string_filter_new (gtk_property_expression_new (TI_TYPE_ORGANISATION, NULL, "name"));
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->search_filter));
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
}
