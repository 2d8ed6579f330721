/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-table"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-format.h"
#include "ti-table.h"

/**
 * ti_table_add_columns:
 * @item_type: the GObject type of the list's items
 * @columns: (array length=n_columns): what each column shows; must outlive the view
 *
 * Adds sortable, resizable columns that each show one property of the items, formatted
 * the same way in every list of the app. Narrower than TI_TABLE_NARROW_WIDTH, the list hides
 * the columns marked wide_only (see ti_table_fit_width()), following its width as it changes.
 */

static void
setup_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  const TiTableColumn *column = data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->kind == TI_CELL_TEXT ? 0 : 1);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column->width_chars > 0)
    gtk_label_set_width_chars (GTK_LABEL (label), column->width_chars);
  if (column->kind != TI_CELL_TEXT)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* Any integer property (int, uint, int64), read as a gint64. */
static gint64
integer_property (GObject *object, const char *property)
{
  g_auto (GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_object_get_property (object, property, &value);
  return g_value_get_int64 (&value);
}

static char *
cell_text (GObject *object, const TiTableColumn *column)
{
  switch (column->kind)
    {
    case TI_CELL_TIER:
      {
        gint64 tier = integer_property (object, column->property);
        return tier > 0 ? g_strdup_printf (_("Tier %d"), (int) tier) : g_strdup ("—");
      }
    case TI_CELL_DATE:
      {
        g_autofree char *iso = NULL;
        g_object_get (object, column->property, &iso, NULL);
        return iso != NULL && *iso != '\0' ? ti_format_date (iso) : g_strdup ("—");
      }
    case TI_CELL_COUNT:
      return ti_format_count (integer_property (object, column->property));
    case TI_CELL_PERCENT:
      {
        double fraction = 0;
        g_autofree char *number = NULL;
        g_object_get (object, column->property, &fraction, NULL);
        if (fraction < 0)
          return g_strdup ("—");
        number = ti_format_decimal (fraction * 100, 1, FALSE);
        return g_strdup_printf ("%s%%", number);
      }
    case TI_CELL_TEXT:
    default:
      {
        char *text = NULL;
        g_object_get (object, column->property, &text, NULL);
        return text;
      }
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  g_autofree char *text = cell_text (gtk_list_item_get_item (item), data);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

/**
 * ti_table_fit_width:
 * @width: the width the list is given
 *
 * Shows the columns marked wide_only only when the list is at least TI_TABLE_NARROW_WIDTH
 * wide, so that on a phone it reads without scrolling sideways. Call it as the list's owner
 * is allocated; it changes nothing while the width stays on the same side.
 */
void
ti_table_fit_width (GtkColumnView *view, int width)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  gboolean wide = width >= TI_TABLE_NARROW_WIDTH;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const TiTableColumn *spec = g_object_get_data (G_OBJECT (column), "ti-table-column");
      gboolean visible = spec == NULL || !spec->wide_only || wide;

      if (gtk_column_view_column_get_visible (column) != visible)
        gtk_column_view_column_set_visible (column, visible);
    }
}

static gboolean
fit_width_idle (gpointer data)
{
  GtkColumnView *view = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  g_object_set_data (G_OBJECT (view), "ti-table-fit-pending", NULL);
  if (adjustment != NULL && gtk_adjustment_get_page_size (adjustment) > 0)
    ti_table_fit_width (view, (int) gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

/* After the allocation that changed the width: showing a column needs a new one. */
static void
queue_fit_width (GtkColumnView *view)
{
  if (g_object_get_data (G_OBJECT (view), "ti-table-fit-pending") != NULL)
    return;
  g_object_set_data (G_OBJECT (view), "ti-table-fit-pending", GINT_TO_POINTER (TRUE));
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_width_idle, g_object_ref (view), g_object_unref);
}

static void
page_size_changed_cb (GtkAdjustment *adjustment, GParamSpec *pspec, GtkColumnView *view)
{
  queue_fit_width (view);
}

/* The list's columns follow the width it is given (its horizontal page), as a leaflet folds. */
static void
follow_width (GtkColumnView *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  if (adjustment == NULL || g_object_get_data (G_OBJECT (view), "ti-table-follows") != NULL)
    return;
  g_object_set_data (G_OBJECT (view), "ti-table-follows", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (adjustment, "notify::page-size", G_CALLBACK (page_size_changed_cb),
                           view, 0);
}

void
ti_table_add_columns (GtkColumnView *view, GType item_type, const TiTableColumn *columns,
                      guint n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      const TiTableColumn *spec = &columns[i];
      g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;
      GtkExpression *expression = gtk_property_expression_new (item_type, NULL, spec->property);
      g_autoptr (GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) spec);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) spec);
      /* ISO dates sort correctly as text; numbers as numbers. */
      if (spec->kind == TI_CELL_TEXT || spec->kind == TI_CELL_DATE)
        sorter = GTK_SORTER (gtk_string_sorter_new (expression));
      else
        sorter = GTK_SORTER (gtk_numeric_sorter_new (expression));

      column = gtk_column_view_column_new (_(spec->title), g_object_ref (factory));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, spec->expand);
      g_object_set_data (G_OBJECT (column), "ti-table-column", (gpointer) spec);
      gtk_column_view_append_column (view, column);
    }
  follow_width (view);
  queue_fit_width (view);
}

/**
 * ti_table_set_choices:
 * @dropdown: a filter's drop-down
 * @any: the first choice, which filters nothing ("Any sector")
 * @terms: (array length=n_terms): the vocabulary to choose from
 * @n_terms: how many terms
 *
 * Fills a filter's drop-down with a vocabulary's labels, translated, after @any: choice
 * i + 1 is @terms[i].
 */
void
ti_table_set_choices (GtkDropDown *dropdown, const char *any, const TiTerm *terms,
                      guint n_terms)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, any);
  for (guint i = 0; i < n_terms; i++)
    gtk_string_list_append (list, _(terms[i].label));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
}

/**
 * ti_table_info_row_new:
 * @title: what the row is about
 * @subtitle: (nullable): a line under it
 * @suffix: (nullable): a short value at its end ("48"), in tabular figures
 *
 * A read-only row of a boxed list of facts (a panel's measures, the charter's adoption).
 *
 * Returns: (transfer floating): an #AdwActionRow
 */
GtkWidget *
ti_table_info_row_new (const char *title, const char *subtitle, const char *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}
