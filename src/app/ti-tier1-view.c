/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-tier1-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ti-format.h"
#include "ti-programme-settings.h"
#include "ti-table.h"
#include "ti-tier1-view.h"
#include "ti-training-figures.h"

/**
 * TiTier1View:
 *
 * Tier 1 reach over the programme's evaluation period: the headline figures (completions,
 * people, reach) above a sortable list by organisation, sector or locality, or the
 * completions by month; searched as you type (Ctrl+F, or start typing in the list). The
 * figures come from core (ti-training-figures), read in worker threads with a cancellable
 * the view owns; the labels and tooltips are the figures' own names and definitions.
 */
struct _TiTier1View
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GCancellable *cancellable; /* the load in progress: the list and the headline figures */
  GtkStringFilter *search_filter;
  gboolean has_completions;
  guint pending; /* loads still to come back */

  GtkWidget *list_page;
  GtkWidget *summary;
  GtkWidget *completions_card;
  GtkLabel *completions_value;
  GtkLabel *completions_label;
  GtkWidget *people_card;
  GtkLabel *people_value;
  GtkLabel *people_label;
  GtkWidget *reach_card;
  GtkLabel *reach_value;
  GtkLabel *reach_label;
  GtkLabel *period_label;
  GtkWidget *toolbar;
  GtkDropDown *grouping;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkColumnView *column_view;
  GtkFilterListModel *filter_model;
  AdwStatusPage *empty_page;
  GtkWidget *import_button;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TiTier1View, ti_tier1_view, GTK_TYPE_WIDGET)

/* Reach by organisation, sector or locality; the first column is retitled for each. */
static const TiTableColumn reach_columns[] = {
  { N_("Organisation"), "label", TI_CELL_TEXT, TRUE, 20 },
  { N_("Completions"), "completions", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Trained"), "reached", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Headcount"), "headcount", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Reach"), "reach", TI_CELL_PERCENT, FALSE },
  { N_("Latest"), "latest", TI_CELL_DATE, FALSE, 0, TRUE },
};

static const TiTableColumn month_columns[] = {
  { N_("Month"), "label", TI_CELL_TEXT, TRUE, 8 },
  { N_("Completions"), "completions", TI_CELL_COUNT, FALSE },
  { N_("People completing"), "people", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Reached by the month’s end"), "reached", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Latest completion"), "latest", TI_CELL_DATE, FALSE, 0, TRUE },
};

/* In TiReachGrouping's order. */
static const struct
{
  const char *title;  /* the first column's */
  const char *search; /* the search entry's placeholder */
} groupings[] = {
  [TI_REACH_BY_ORGANISATION] = { N_("Organisation"), N_("Search organisations") },
  [TI_REACH_BY_SECTOR] = { N_("Sector"), N_("Search sectors") },
  [TI_REACH_BY_LOCALITY] = { N_("Locality"), N_("Search localities") },
  [TI_REACH_BY_MONTH] = { N_("Month"), N_("Search months") },
};

static TiReachGrouping
current_grouping (TiTier1View *self)
{
  return MIN (gtk_drop_down_get_selected (self->grouping), TI_REACH_BY_MONTH);
}

/* "8 organisations", or "Showing 2 of 8 organisations" while searching. */
static char *
count_text (TiReachGrouping grouping, guint shown, guint total)
{
  g_autofree char *n_shown = ti_format_count (shown);
  g_autofree char *n_total = ti_format_count (total);

  switch (grouping)
    {
    case TI_REACH_BY_SECTOR:
      return shown == total
               ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s sector", "%s sectors", total),
                                  n_total)
               : g_strdup_printf (_("Showing %s of %s sectors"), n_shown, n_total);
    case TI_REACH_BY_LOCALITY:
      return shown == total
               ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s locality", "%s localities",
                                               total),
                                  n_total)
               : g_strdup_printf (_("Showing %s of %s localities"), n_shown, n_total);
    case TI_REACH_BY_MONTH:
      return shown == total
               ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s month", "%s months", total),
                                  n_total)
               : g_strdup_printf (_("Showing %s of %s months"), n_shown, n_total);
    case TI_REACH_BY_ORGANISATION:
    default:
      return shown == total
               ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s organisation",
                                               "%s organisations", total),
                                  n_total)
               : g_strdup_printf (_("Showing %s of %s organisations"), n_shown, n_total);
    }
}

static void
update_count (TiTier1View *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filter_model);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (all == NULL)
    return;
  text = count_text (current_grouping (self), shown, g_list_model_get_n_items (all));
  gtk_label_set_text (self->count_label, text);
}

/* The columns for @grouping; months sort by time, not by their names. */
static void
set_columns (TiTier1View *self, TiReachGrouping grouping)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr (GtkColumnViewColumn) first = NULL;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
  if (grouping == TI_REACH_BY_MONTH)
    ti_table_add_columns (self->column_view, TI_TYPE_REACH_ROW, month_columns,
                          G_N_ELEMENTS (month_columns));
  else
    ti_table_add_columns (self->column_view, TI_TYPE_REACH_ROW, reach_columns,
                          G_N_ELEMENTS (reach_columns));
  first = g_list_model_get_item (columns, 0);
  gtk_column_view_column_set_title (first, _(groupings[grouping].title));
  if (grouping == TI_REACH_BY_MONTH)
    {
      g_autoptr (GtkSorter) by_key = GTK_SORTER (gtk_string_sorter_new (
        gtk_property_expression_new (TI_TYPE_REACH_ROW, NULL, "key")));

      gtk_column_view_column_set_sorter (first, by_key);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_object_set (self->search_entry, "placeholder-text", _(groupings[grouping].search), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(groupings[grouping].search),
                                  -1);
}

static void
show_error (TiTier1View *self, const GError *error)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->pending = 0;
  gtk_spinner_stop (self->spinner);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_visible (self->summary, FALSE);
  gtk_widget_set_visible (self->toolbar, FALSE);
  gtk_label_set_text (self->count_label, "");
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Both loads are back: the list, or what to do when there is nothing to list. */
static void
load_finished (TiTier1View *self)
{
  GListModel *rows = gtk_filter_list_model_get_model (self->filter_model);

  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  /* Nothing to sum up, group or search before the first completions. */
  gtk_widget_set_visible (self->summary, self->has_completions);
  gtk_widget_set_visible (self->toolbar, self->has_completions);
  if (!self->has_completions)
    {
      adw_status_page_set_title (self->empty_page, _("No Tier 1 Completions Yet"));
      adw_status_page_set_description (
        self->empty_page,
        _("Import the completions exported from the Learning Centre or ACEs online learning "
          "with Import… (Ctrl+I). Each organisation’s reach then shows here."));
      gtk_widget_set_visible (self->import_button, TRUE);
      gtk_label_set_text (self->count_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (rows == NULL || g_list_model_get_n_items (rows) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Completions in the Evaluation Period"));
      adw_status_page_set_description (
        self->empty_page,
        _("None of the programme’s Tier 1 completions falls in the evaluation period. Change "
          "the period in Preferences to see them."));
      gtk_widget_set_visible (self->import_button, FALSE);
      gtk_label_set_text (self->count_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      update_count (self);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
}

static void
rows_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiTier1View) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) rows = ti_tier1_reach_list_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      show_error (self, error);
      return;
    }
  gtk_filter_list_model_set_model (self->filter_model, rows);
  if (--self->pending == 0)
    load_finished (self);
}

static void
set_figure (GtkWidget *card, GtkLabel *value_label, GtkLabel *name_label, const char *key,
            const char *value, const char *name)
{
  const TiFigureDefinition *definition = ti_training_figure_definition (key);
  g_autofree char *spoken = NULL;

  name = name ? name : _(definition->label);
  spoken = g_strdup_printf ("%s: %s", name, value);
  gtk_label_set_text (value_label, value);
  gtk_label_set_text (name_label, name);
  /* What the figure means, as the workbook's notes say it. */
  gtk_widget_set_tooltip_text (card, _(definition->definition));
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

static void
show_figures (TiTier1View *self, const TiTrainingFigures *figures)
{
  g_autofree char *completions = ti_format_count (figures->tier1_completions);
  g_autofree char *people = ti_format_count (figures->tier1_people);
  g_autofree char *reach = NULL;
  g_autofree char *reach_name = NULL;

  if (isnan (figures->tier1_reach))
    {
      reach = g_strdup ("—");
      reach_name = g_strdup (_("Tier 1 reach (no headcount known)"));
    }
  else
    {
      g_autofree char *number = ti_format_decimal (figures->tier1_reach * 100, 1, FALSE);
      g_autofree char *reached = ti_format_count (figures->tier1_reached);
      g_autofree char *headcount = ti_format_count (figures->tier1_headcount);

      reach = g_strdup_printf ("%s%%", number);
      /* Translators: Tier 1 reach, "of" the workforce: "Tier 1 reach: 8 of 132 staff". */
      reach_name = g_strdup_printf (_("Tier 1 reach: %s of %s staff"), reached, headcount);
    }
  set_figure (self->completions_card, self->completions_value, self->completions_label,
              "tier1_completions", completions, NULL);
  set_figure (self->people_card, self->people_value, self->people_label, "tier1_people", people,
              NULL);
  set_figure (self->reach_card, self->reach_value, self->reach_label, "tier1_reach", reach,
              reach_name);
}

static void
figures_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiTier1View) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiTrainingFigures) figures = ti_training_figures_compute_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (figures == NULL)
    {
      show_error (self, error);
      return;
    }
  show_figures (self, figures);
  if (--self->pending == 0)
    load_finished (self);
}

/* Starts loading the list (and, with @figures, the headline figures) for the programme's
 * evaluation period, cancelling whatever was loading. */
static void
load (TiTier1View *self, gboolean figures)
{
  g_autoptr (TiProgrammeSettings) settings = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *period = NULL;
  const char *path;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->pending = 0;
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  if (self->database == NULL)
    return;

  /* Two small reads of the window's connection: the period, and whether there is anything. */
  settings = ti_programme_settings_load (self->database, &error);
  if (settings != NULL)
    self->has_completions = ti_tier1_has_completions (self->database, &error);
  if (error != NULL)
    {
      show_error (self, error);
      return;
    }
  from = ti_date_to_iso (&settings->period_start);
  to = ti_date_to_iso (&settings->period_end);
  start = ti_format_date (from);
  end = ti_format_date (to);
  period = g_strdup_printf (_("Evaluation period %s to %s; reach counts everyone trained by its "
                              "last day. Hover over a figure to see how it is counted."),
                            start, end);
  gtk_label_set_text (self->period_label, period);

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  path = ti_database_get_path (self->database);
  self->pending = figures ? 2 : 1;
  ti_tier1_reach_list_async (path, current_grouping (self), from, to, self->cancellable,
                             rows_loaded_cb, g_object_ref (self));
  if (figures)
    ti_training_figures_compute_async (path, from, to, self->cancellable, figures_loaded_cb,
                                       g_object_ref (self));
}

static void
grouping_changed_cb (TiTier1View *self)
{
  set_columns (self, current_grouping (self));
  load (self, FALSE);
}

static void
search_changed_cb (TiTier1View *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_string_filter_set_search (self->search_filter, *text ? text : NULL);
}

static void
search_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiTier1View *self = TI_TIER1_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * ti_tier1_view_set_database:
 * @database: (nullable): the programme shown
 *
 * Shows @database's Tier 1 reach, loading it again even when it is the programme already
 * shown (it may have changed: an import, new organisations, another period).
 */
void
ti_tier1_view_set_database (TiTier1View *self, TiDatabase *database)
{
  g_return_if_fail (TI_IS_TIER1_VIEW (self));

  g_set_object (&self->database, database);
  load (self, TRUE);
}

/**
 * ti_tier1_view_is_loading:
 *
 * Returns: whether a load is in progress
 */
gboolean
ti_tier1_view_is_loading (TiTier1View *self)
{
  g_return_val_if_fail (TI_IS_TIER1_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

static void
ti_tier1_view_dispose (GObject *object)
{
  TiTier1View *self = TI_TIER1_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_object (&self->search_filter);
  if (self->search_entry != NULL)
    gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_TIER1_VIEW);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_tier1_view_parent_class)->dispose (object);
}

static void
ti_tier1_view_class_init (TiTier1ViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_tier1_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-tier1-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, list_page);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, summary);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, completions_card);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, completions_value);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, completions_label);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, people_card);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, people_value);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, people_label);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, reach_card);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, reach_value);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, reach_label);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, period_label);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, grouping);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, count_label);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, stack);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, column_view);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, filter_model);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, import_button);
  gtk_widget_class_bind_template_child (widget_class, TiTier1View, error_page);
  gtk_widget_class_bind_template_callback (widget_class, grouping_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "tier1.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "tier1.search",
                                       NULL);
}

static void
ti_tier1_view_init (TiTier1View *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing anywhere in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_page);

  self->search_filter
    = gtk_string_filter_new (gtk_property_expression_new (TI_TYPE_REACH_ROW, NULL, "label"));
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->search_filter));
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  set_columns (self, current_grouping (self));
}
