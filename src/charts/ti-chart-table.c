/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-chart-table.h"

/**
 * TiChartTable:
 *
 * The same numbers as a chart, as a list anyone can read, sort and copy: a row for each
 * category, its name first, then a column for each series (values formatted as the chart's
 * tooltips write them, numbers aligned right), and the group and status of each category when
 * the series has them. It follows the chart: new figures, a new table.
 */

/* What a column shows: a series (0 and up), or one of these. */
enum
{
  COLUMN_CATEGORY = -1,
  COLUMN_GROUP = -2,
  COLUMN_STATE = -3,
};

#define TI_TYPE_CHART_TABLE_ROW (ti_chart_table_row_get_type ())
G_DECLARE_FINAL_TYPE (TiChartTableRow, ti_chart_table_row, TI, CHART_TABLE_ROW, GObject)

/* A row of the table: which category of the series it shows. */
struct _TiChartTableRow
{
  GObject parent_instance;

  guint category;
};

G_DEFINE_FINAL_TYPE (TiChartTableRow, ti_chart_table_row, G_TYPE_OBJECT)

static void
ti_chart_table_row_class_init (TiChartTableRowClass *klass)
{
}

static void
ti_chart_table_row_init (TiChartTableRow *self)
{
}

struct _TiChartTable
{
  GtkWidget parent_instance;

  TiChart *chart;
  TiSeries *series; /* the figures the rows were made for */
  GtkWidget *scroller;
  GtkColumnView *view;
  GListStore *rows;
  GtkSortListModel *sorted;
  gboolean stale; /* the chart has new figures; the rows are made when the table is shown */
};

G_DEFINE_FINAL_TYPE (TiChartTable, ti_chart_table, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
cell_text (TiSeries *series, int column, guint category)
{
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_CATEGORY:
      text = ti_series_get_category_label (series, category);
      break;
    case COLUMN_GROUP:
      text = ti_series_get_category_group (series, category);
      break;
    case COLUMN_STATE:
      text = ti_series_get_category_state_label (series, category);
      break;
    default:
      return ti_series_format (series, ti_series_get_value (series, column, category));
    }
  return g_strdup (text ? text : "");
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gboolean numeric = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "numeric"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, TiChartTable *self)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  TiChartTableRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (self->series == NULL || row->category >= ti_series_get_n_categories (self->series))
    return;
  text = cell_text (self->series, column, row->category);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  if (column == COLUMN_CATEGORY)
    gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

typedef struct
{
  TiChartTable *table; /* owns the column that owns the sorter */
  int column;
} SortKey;

/* Missing values sort after every number, whichever way. */
static int
compare_rows (gconstpointer a, gconstpointer b, gpointer data)
{
  const SortKey *key = data;
  TiSeries *series = key->table->series;
  guint ca = ((const TiChartTableRow *) a)->category;
  guint cb = ((const TiChartTableRow *) b)->category;

  if (series == NULL)
    return 0;
  if (key->column >= 0)
    {
      double va = ti_series_get_value (series, key->column, ca);
      double vb = ti_series_get_value (series, key->column, cb);

      if (isnan (va) || isnan (vb))
        return isnan (va) - isnan (vb);
      return (va > vb) - (va < vb);
    }
  {
    g_autofree char *ta = cell_text (series, key->column, ca);
    g_autofree char *tb = cell_text (series, key->column, cb);

    return g_utf8_collate (ta, tb);
  }
}

static void
add_column (TiChartTable *self, int column, const char *title, gboolean numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;
  GtkCustomSorter *sorter;
  SortKey *key;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "numeric", GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);

  view_column = gtk_column_view_column_new (title, factory);
  key = g_new (SortKey, 1);
  key->table = self;
  key->column = column;
  sorter = gtk_custom_sorter_new (compare_rows, key, g_free);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
  g_object_unref (sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_CATEGORY);
  gtk_column_view_append_column (self->view, view_column);
}

static void
remove_columns (TiChartTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->view, column);
    }
}

static void
rebuild (TiChartTable *self)
{
  self->stale = FALSE;
  TiSeries *series = self->chart ? ti_chart_get_series (self->chart) : NULL;
  const char *category_heading, *group_heading;
  gboolean any_group = FALSE, any_state = FALSE;
  guint n;

  gtk_column_view_sort_by_column (self->view, NULL, GTK_SORT_ASCENDING);
  g_list_store_remove_all (self->rows);
  remove_columns (self);
  g_clear_pointer (&self->series, ti_series_unref);
  if (series == NULL)
    return;
  self->series = ti_series_ref (series);

  n = ti_series_get_n_categories (series);
  for (guint c = 0; c < n; c++)
    {
      any_group |= ti_series_get_category_group (series, c) != NULL;
      any_state |= ti_series_get_category_state_label (series, c) != NULL;
    }

  ti_chart_get_headings (self->chart, &category_heading, &group_heading);
  add_column (self, COLUMN_CATEGORY, category_heading, FALSE);
  if (any_group)
    add_column (self, COLUMN_GROUP, group_heading, FALSE);
  for (guint s = 0; s < ti_series_get_n_series (series); s++)
    {
      const char *name = ti_series_get_series_name (series, s);

      add_column (self, (int) s,
                  /* Translators: the heading of a chart's table's column of values, when the
                   * chart's one series has no name */
                  name[0] != '\0' ? name : _("Value"),
                  ti_series_get_format (series) != TI_SERIES_FORMAT_MONTH);
    }
  if (any_state)
    /* Translators: the heading of a chart's table's column of statuses (Done, Late) */
    add_column (self, COLUMN_STATE, _("Status"), FALSE);

  for (guint c = 0; c < n; c++)
    {
      g_autoptr (TiChartTableRow) row = g_object_new (TI_TYPE_CHART_TABLE_ROW, NULL);

      row->category = c;
      g_list_store_append (self->rows, row);
    }
}

static void
ensure_current (TiChartTable *self)
{
  if (self->stale)
    rebuild (self);
}

/* A table out of sight (a card shows its chart) is brought up to date when it is shown or
 * read, not with every refresh of the figures. */
static void
on_series_changed (TiChart *chart, GParamSpec *pspec, TiChartTable *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_current (self);
}

static void
ti_chart_table_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ti_chart_table_parent_class)->map (widget);
  ensure_current (TI_CHART_TABLE (widget));
}

static void
on_title_changed (TiChart *chart, GParamSpec *pspec, TiChartTable *self)
{
  const char *title = ti_chart_get_title (chart);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title ? title : "", -1);
}

/**
 * ti_chart_table_get_chart:
 * @self: a chart's table
 *
 * Returns: (transfer none): the chart whose numbers it lists
 */
TiChart *
ti_chart_table_get_chart (TiChartTable *self)
{
  g_return_val_if_fail (TI_IS_CHART_TABLE (self), NULL);
  return self->chart;
}

/**
 * ti_chart_table_get_column_view:
 * @self: a chart's table
 *
 * Returns: (transfer none): the list it shows
 */
GtkColumnView *
ti_chart_table_get_column_view (TiChartTable *self)
{
  g_return_val_if_fail (TI_IS_CHART_TABLE (self), NULL);
  ensure_current (self);
  return self->view;
}

/**
 * ti_chart_table_get_cell_text:
 * @self: a chart's table
 * @row: a row, in the order shown
 * @column: a column, from the first (the categories)
 *
 * Returns: (transfer full) (nullable): what the cell says, or %NULL past the table's end
 */
char *
ti_chart_table_get_cell_text (TiChartTable *self, guint row, guint column)
{
  GListModel *columns;
  g_autoptr (GtkColumnViewColumn) view_column = NULL;
  g_autoptr (TiChartTableRow) item = NULL;
  GtkListItemFactory *factory;

  g_return_val_if_fail (TI_IS_CHART_TABLE (self), NULL);

  ensure_current (self);
  columns = gtk_column_view_get_columns (self->view);
  if (self->series == NULL || column >= g_list_model_get_n_items (columns)
      || row >= g_list_model_get_n_items (G_LIST_MODEL (self->sorted)))
    return NULL;
  view_column = g_list_model_get_item (columns, column);
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), row);
  factory = gtk_column_view_column_get_factory (view_column);
  return cell_text (self->series,
                    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column")),
                    item->category);
}

static void
set_chart (TiChartTable *self, TiChart *chart)
{
  g_return_if_fail (chart == NULL || TI_IS_CHART (chart));

  self->chart = chart ? g_object_ref (chart) : NULL;
  if (chart == NULL)
    return;
  g_signal_connect_object (chart, "notify::series", G_CALLBACK (on_series_changed), self, 0);
  g_signal_connect_object (chart, "notify::title", G_CALLBACK (on_title_changed), self, 0);
  on_title_changed (chart, NULL, self);
  rebuild (self);
}

static void
ti_chart_table_dispose (GObject *object)
{
  TiChartTable *self = TI_CHART_TABLE (object);

  if (self->view != NULL)
    remove_columns (self);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->view = NULL;
  g_clear_object (&self->chart);
  g_clear_pointer (&self->series, ti_series_unref);
  G_OBJECT_CLASS (ti_chart_table_parent_class)->dispose (object);
}

static void
ti_chart_table_finalize (GObject *object)
{
  TiChartTable *self = TI_CHART_TABLE (object);

  g_clear_object (&self->rows);
  G_OBJECT_CLASS (ti_chart_table_parent_class)->finalize (object);
}

static void
ti_chart_table_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiChartTable *self = TI_CHART_TABLE (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_chart_table_set_property (GObject *object, guint prop_id, const GValue *value,
                             GParamSpec *pspec)
{
  TiChartTable *self = TI_CHART_TABLE (object);

  switch (prop_id)
    {
    case PROP_CHART:
      set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_chart_table_class_init (TiChartTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_chart_table_dispose;
  object_class->finalize = ti_chart_table_finalize;
  object_class->get_property = ti_chart_table_get_property;
  object_class->set_property = ti_chart_table_set_property;

  /**
   * TiChartTable:chart:
   *
   * The chart whose numbers the table lists.
   */
  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, TI_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = ti_chart_table_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "charttable");
}

static void
ti_chart_table_init (TiChartTable *self)
{
  GtkSingleSelection *selection;

  self->rows = g_list_store_new (TI_TYPE_CHART_TABLE_ROW);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_column_view_set_show_column_separators (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

/**
 * ti_chart_table_new:
 * @chart: the chart whose numbers to list
 *
 * Returns: (transfer floating): a table of @chart's numbers, following its figures as they
 *   change
 */
GtkWidget *
ti_chart_table_new (TiChart *chart)
{
  g_return_val_if_fail (TI_IS_CHART (chart), NULL);
  return g_object_new (TI_TYPE_CHART_TABLE, "chart", chart, NULL);
}
