/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-champions-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-champions-page.h"
#include "ti-format.h"
#include "ti-people.h"
#include "ti-person.h"
#include "ti-table.h"
#include "ti-vocabulary.h"

/**
 * TiChampionsPage:
 *
 * The champion profiles: a sortable, searchable, filterable list of the champions (or of
 * everyone the programme records), loaded in a worker thread.
 */
struct _TiChampionsPage
{
  TiPage parent_instance;

  GCancellable *cancellable;
  GtkCustomFilter *facet_filter;
  GtkFilter *search_filter;

  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown *sector_filter;
  GtkDropDown *locality_filter;
  GtkDropDown *tier_filter;
  GtkDropDown *status_filter;
  GtkSwitch *all_people_switch;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkColumnView *column_view;
  GtkFilterListModel *filter_model;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TiChampionsPage, ti_champions_page, TI_TYPE_PAGE)

/* The list's columns: each shows one TiPerson property and sorts by it. */
static const TiTableColumn columns[] = {
  { N_("Name"), "name", TI_CELL_TEXT, TRUE },
  { N_("Organisation"), "organisation", TI_CELL_TEXT, TRUE },
  { N_("Sector"), "sector", TI_CELL_TEXT, FALSE },
  { N_("Locality"), "locality", TI_CELL_TEXT, FALSE },
  { N_("Highest tier"), "highest-tier", TI_CELL_TIER, FALSE },
  { N_("Champion since"), "champion-since", TI_CELL_DATE, FALSE },
  { N_("Status"), "status", TI_CELL_TEXT, FALSE },
  { N_("Last activity"), "last-activity", TI_CELL_DATE, FALSE },
};

static const char *
selected_label (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  /* The first entry is "Any …". */
  if (item == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;
  return gtk_string_object_get_string (item);
}

/* Keys of the status filter's entries after "Any status", in the .ui's order. */
static const char *const status_keys[] = { "active", "paused", "stepped_down" };

static gboolean
facet_match (gpointer item, gpointer user_data)
{
  TiChampionsPage *self = user_data;
  TiPerson *person = item;
  const char *sector = selected_label (self->sector_filter);
  const char *locality = selected_label (self->locality_filter);
  guint status_choice = gtk_drop_down_get_selected (self->status_filter);
  guint tier_choice = gtk_drop_down_get_selected (self->tier_filter);

  return (sector == NULL || g_strcmp0 (sector, ti_person_get_sector (person)) == 0)
         && (locality == NULL || g_strcmp0 (locality, ti_person_get_locality (person)) == 0)
         && (status_choice == 0 || status_choice > G_N_ELEMENTS (status_keys)
             || g_strcmp0 (status_keys[status_choice - 1], ti_person_get_status_key (person)) == 0)
         && (tier_choice == 0 || (int) tier_choice - 1 == ti_person_get_highest_tier (person));
}

static GListModel *
choices_model (const char *any, const TiTerm *terms, guint n_terms)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; i < n_terms; i++)
    gtk_string_list_append (list, _(terms[i].label));
  return G_LIST_MODEL (list);
}

static void
update_count (TiChampionsPage *self)
{
  GListModel *all = gtk_filter_list_model_get_model (self->filter_model);
  guint total = all ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean everyone = gtk_switch_get_active (self->all_people_switch);
  g_autofree char *n_total = ti_format_count (total);
  g_autofree char *n_shown = ti_format_count (shown);
  g_autofree char *text = NULL;

  if (all == NULL)
    return;

  if (shown == total)
    text = everyone ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", total), n_total)
                    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s champion", "%s champions", total), n_total);
  else
    text = everyone ? g_strdup_printf (_("Showing %s of %s people"), n_shown, n_total)
                    : g_strdup_printf (_("Showing %s of %s champions"), n_shown, n_total);
  gtk_label_set_text (self->count_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0 && !gtk_filter_list_model_get_pending (self->filter_model))
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
filters_changed_cb (TiChampionsPage *self)
{
  /* The drop-downs announce their first selection while the template is built. */
  if (self->facet_filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->facet_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_changed_cb (TiChampionsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->search_filter)); i++)
    {
      g_autoptr (GtkStringFilter) filter = g_list_model_get_item (G_LIST_MODEL (self->search_filter), i);
      gtk_string_filter_set_search (filter, *text ? text : NULL);
    }
}

static void
people_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiChampionsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) people = ti_people_list_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);

  if (people == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_filter_list_model_set_model (self->filter_model, people);
  update_count (self);
}

static void
ti_champions_page_reload (TiPage *page)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (page);
  TiDatabase *database = ti_page_get_database (page);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  gtk_label_set_text (self->count_label, "");

  if (database == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  ti_people_list_async (ti_database_get_path (database),
                        !gtk_switch_get_active (self->all_people_switch), self->cancellable,
                        people_loaded_cb, g_object_ref (self));
}

static void
all_people_changed_cb (TiChampionsPage *self)
{
  ti_champions_page_reload (TI_PAGE (self));
}

static gboolean
focus_search_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
ti_champions_page_dispose (GObject *object)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->facet_filter);
  g_clear_object (&self->search_filter);

  G_OBJECT_CLASS (ti_champions_page_parent_class)->dispose (object);
}

static void
ti_champions_page_class_init (TiChampionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_champions_page_dispose;
  TI_PAGE_CLASS (klass)->reload = ti_champions_page_reload;

  g_type_ensure (TI_TYPE_PERSON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-champions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, sector_filter);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, locality_filter);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, tier_filter);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, all_people_switch);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_people_changed_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb, NULL);
}

static void
ti_champions_page_init (TiChampionsPage *self)
{
  g_autoptr (GtkEveryFilter) every = gtk_every_filter_new ();
  GtkAnyFilter *search = gtk_any_filter_new ();
  const TiTerm *terms;
  guint n_terms;

  gtk_widget_init_template (GTK_WIDGET (self));
  ti_table_add_columns (self->column_view, TI_TYPE_PERSON, columns, G_N_ELEMENTS (columns));

  terms = ti_vocabulary_sectors (&n_terms);
  gtk_drop_down_set_model (self->sector_filter, choices_model (_("Any sector"), terms, n_terms));
  terms = ti_vocabulary_localities (&n_terms);
  gtk_drop_down_set_model (self->locality_filter,
                           choices_model (_("Any locality"), terms, n_terms));

  /* Search matches the name or the organisation, ignoring case and accents. */
  for (guint i = 0; i < 2; i++)
    {
      GtkStringFilter *filter = gtk_string_filter_new (
        gtk_property_expression_new (TI_TYPE_PERSON, NULL, i == 0 ? "name" : "organisation"));
      gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
      gtk_multi_filter_append (GTK_MULTI_FILTER (search), GTK_FILTER (filter));
    }
  self->search_filter = g_object_ref (GTK_FILTER (search));
  self->facet_filter = gtk_custom_filter_new (facet_match, self, NULL);
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (search));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->facet_filter)));
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (every));

  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
}
