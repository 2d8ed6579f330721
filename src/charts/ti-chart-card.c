/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ti-chart-card.h"
#include "ti-chart-private.h"
#include "ti-chart-table.h"

/**
 * TiChartCard:
 *
 * A chart as a page shows it: in a card, under its title (a heading) and a line saying more,
 * with a menu to show the same numbers as a table and to save the chart as a PNG, SVG or PDF
 * file. The chart itself leaves the title to the card on screen; saved files carry it. Under
 * the chart, while it has focus, a line says the item the arrow keys have reached.
 */

struct _TiChartCard
{
  GtkWidget parent_instance;

  TiChart *chart;
  GtkWidget *header;
  GtkWidget *heading;
  GtkWidget *subtitle;
  GtkWidget *stack;
  GtkWidget *table;
  GtkWidget *selection; /* the item chosen with the keyboard, in words */
  GtkFileChooserNative *chooser;
  gboolean show_table;
};

G_DEFINE_FINAL_TYPE (TiChartCard, ti_chart_card, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHART,
  PROP_SUBTITLE,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The smallest picture a saved chart is drawn at, whatever its size on screen, in the
 * screen's pixels; a PNG has twice as many each way, so its text prints crisp. */
#define SAVE_MIN_WIDTH 1200
#define SAVE_MIN_HEIGHT 750
#define SAVE_PNG_SCALE 2

static void
show_error (TiChartCard *self, const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   /* Translators: a dialog's heading, when saving a chart
                                    * failed */
                                   _("Chart Not Saved"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ti_chart_card_save_to_path:
 * @self: a chart card
 * @path: the file to write
 * @format: what to write
 *
 * Saves the card's chart: at least 1200 by 750 (a PNG at twice that in pixels), wider when it
 * is wider on screen and taller when its data wants it, so nothing is cut. The card's subtitle
 * stands in for the chart's caption when it has none. Emits #TiChartCard::saved when the file
 * is written; otherwise says why in a dialog.
 */
void
ti_chart_card_save_to_path (TiChartCard *self, const char *path, TiChartFileFormat format)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *caption = NULL;
  const char *subtitle;
  int width, height;
  gboolean saved;

  g_return_if_fail (TI_IS_CHART_CARD (self));
  g_return_if_fail (path != NULL);

  caption = g_strdup (ti_chart_get_caption (self->chart));
  subtitle = ti_chart_card_get_subtitle (self);
  if (caption == NULL && subtitle != NULL)
    ti_chart_set_caption (self->chart, subtitle);
  width = MAX (gtk_widget_get_width (GTK_WIDGET (self->chart)), SAVE_MIN_WIDTH);
  height = MAX (ti_chart_get_file_height (self->chart, width), SAVE_MIN_HEIGHT);
  saved = ti_chart_save_scaled (self->chart, path, format, width, height,
                                format == TI_CHART_FILE_PNG ? SAVE_PNG_SCALE : 1, &error);
  ti_chart_set_caption (self->chart, caption);
  if (saved)
    g_signal_emit (self, signals[SAVED], 0, path);
  else
    show_error (self, error);
}

/**
 * ti_chart_card_save_as:
 * @self: a chart card
 * @path: the file a person chose
 * @chosen: the format they asked for in the menu
 *
 * Saves as the file chooser was answered: in the format chosen, a name typed without its
 * extension getting it ("Reach" → "Reach.svg"); a name typed with another format's extension
 * (".png", ".svg" or ".pdf") is saved in that format, so the file is what its name says.
 */
void
ti_chart_card_save_as (TiChartCard *self, const char *path, TiChartFileFormat chosen)
{
  g_autofree char *target = NULL;
  TiChartFileFormat format;

  g_return_if_fail (TI_IS_CHART_CARD (self));
  g_return_if_fail (path != NULL);

  target = ti_chart_file_path_for_format (path, chosen, &format);
  ti_chart_card_save_to_path (self, target, format);
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, TiChartCard *self)
{
  TiChartFileFormat format;
  g_autofree char *path = ti_chart_file_chooser_get_target (chooser, response, &format);

  g_clear_object (&self->chooser);
  if (path != NULL)
    ti_chart_card_save_to_path (self, path, format);
}

static void
save_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  TiChartCard *self = TI_CHART_CARD (widget);
  TiChartFileFormat format;
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *title = ti_chart_get_title (self->chart);

  /* The menu says which format: "png", "svg" or "pdf". */
  if (self->chooser != NULL
      || !ti_chart_file_format_from_name (g_variant_get_string (parameter, NULL), &format))
    return;
  self->chooser = ti_chart_file_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             _("Save Chart"),
                                             title && title[0] ? title : _("Chart"), format);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GMenuModel *
options_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) view = g_menu_new ();
  g_autoptr (GMenu) save = g_menu_new ();

  g_menu_append (view, _("Show as _Table"), "chart.show-table");
  g_menu_append (save, _("Save as _PNG…"), "chart.save::png");
  g_menu_append (save, _("Save as _SVG…"), "chart.save::svg");
  g_menu_append (save, _("Save as P_DF…"), "chart.save::pdf");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (view));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (save));
  return G_MENU_MODEL (menu);
}

static void
build (TiChartCard *self)
{
  g_autoptr (GMenuModel) menu = options_menu ();
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *button = gtk_menu_button_new ();

  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->header, "chart-card-header");

  self->heading = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                "xalign", 0.0f, "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                NULL);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heading), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                  4, -1);
  self->subtitle = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (self->subtitle), TRUE);
  /* A long subtitle wraps to the card's width; it does not ask for a wide card. */
  gtk_label_set_max_width_chars (GTK_LABEL (self->subtitle), 40);
  gtk_widget_add_css_class (self->subtitle, "caption");
  gtk_widget_add_css_class (self->subtitle, "dim-label");
  gtk_widget_set_visible (self->subtitle, FALSE);
  gtk_box_append (GTK_BOX (titles), self->heading);
  gtk_box_append (GTK_BOX (titles), self->subtitle);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_widget_set_valign (titles, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->header), titles);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_tooltip_text (button, _("Chart Options"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart Options"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->header), button);
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  /* GTK 4 shows no tooltip for the keyboard: the item the arrow keys reach is said here, under
   * the chart, while the chart has focus. */
  self->selection = g_object_new (GTK_TYPE_LABEL, "xalign", 0.0f, "wrap", TRUE, "wrap-mode",
                                  PANGO_WRAP_WORD_CHAR, "visible", FALSE, "margin-start", 12,
                                  "margin-end", 12, "margin-bottom", 6, NULL);
  gtk_widget_add_css_class (self->selection, "caption");
  gtk_widget_add_css_class (self->selection, "numeric");
  gtk_widget_set_parent (self->selection, GTK_WIDGET (self));
}

static void
sync_selection (TiChartCard *self)
{
  const char *text;

  if (self->selection == NULL || self->chart == NULL)
    return;
  text = ti_chart_get_selected_description (self->chart);
  gtk_label_set_text (GTK_LABEL (self->selection), text ? text : "");
  gtk_widget_set_visible (self->selection, text != NULL && !self->show_table
                                             && gtk_widget_has_focus (GTK_WIDGET (self->chart)));
}

static void
set_chart (TiChartCard *self, TiChart *chart)
{
  GtkStackPage *page;

  g_return_if_fail (TI_IS_CHART (chart));

  self->chart = g_object_ref_sink (chart);
  ti_chart_set_show_title (chart, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (chart), TRUE);
  g_object_bind_property (chart, "title", self->heading, "label", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (chart, "notify::selected-description", G_CALLBACK (sync_selection),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chart, "notify::has-focus", G_CALLBACK (sync_selection), self,
                           G_CONNECT_SWAPPED);
  page = gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (chart), "chart");
  /* Translators: the chart drawn, as against its numbers in a table */
  gtk_stack_page_set_title (page, _("Chart"));

  self->table = ti_chart_table_new (chart);
  page = gtk_stack_add_named (GTK_STACK (self->stack), self->table, "table");
  /* Translators: the chart's numbers in a table */
  gtk_stack_page_set_title (page, _("Table"));
  gtk_stack_set_visible_child (GTK_STACK (self->stack), GTK_WIDGET (chart));
}

/**
 * ti_chart_card_get_chart:
 * @self: a chart card
 *
 * Returns: (transfer none): the chart it shows
 */
TiChart *
ti_chart_card_get_chart (TiChartCard *self)
{
  g_return_val_if_fail (TI_IS_CHART_CARD (self), NULL);
  return self->chart;
}

/**
 * ti_chart_card_get_subtitle:
 * @self: a chart card
 *
 * Returns: (nullable): the line under its title
 */
const char *
ti_chart_card_get_subtitle (TiChartCard *self)
{
  const char *text;

  g_return_val_if_fail (TI_IS_CHART_CARD (self), NULL);
  text = gtk_label_get_text (GTK_LABEL (self->subtitle));
  return text[0] ? text : NULL;
}

/**
 * ti_chart_card_set_subtitle:
 * @self: a chart card
 * @subtitle: (nullable): a line under the title, such as the outcomes a chart evidences
 */
void
ti_chart_card_set_subtitle (TiChartCard *self, const char *subtitle)
{
  g_return_if_fail (TI_IS_CHART_CARD (self));

  if (g_strcmp0 (ti_chart_card_get_subtitle (self), subtitle && subtitle[0] ? subtitle : NULL)
      == 0)
    return;
  gtk_label_set_text (GTK_LABEL (self->subtitle), subtitle ? subtitle : "");
  gtk_widget_set_visible (self->subtitle, subtitle != NULL && subtitle[0] != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/**
 * ti_chart_card_get_show_table:
 * @self: a chart card
 *
 * Returns: whether the card shows its chart's numbers as a table
 */
gboolean
ti_chart_card_get_show_table (TiChartCard *self)
{
  g_return_val_if_fail (TI_IS_CHART_CARD (self), FALSE);
  return self->show_table;
}

/**
 * ti_chart_card_set_show_table:
 * @self: a chart card
 * @show: whether to show the chart's numbers as a table instead of the chart
 */
void
ti_chart_card_set_show_table (TiChartCard *self, gboolean show)
{
  g_return_if_fail (TI_IS_CHART_CARD (self));

  show = !!show;
  if (self->show_table == show)
    return;
  self->show_table = show;
  gtk_stack_set_visible_child (GTK_STACK (self->stack),
                               show ? self->table : GTK_WIDGET (self->chart));
  sync_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

static void
ti_chart_card_dispose (GObject *object)
{
  TiChartCard *self = TI_CHART_CARD (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->header, gtk_widget_unparent);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_pointer (&self->selection, gtk_widget_unparent);
  self->table = NULL;
  g_clear_object (&self->chart);
  G_OBJECT_CLASS (ti_chart_card_parent_class)->dispose (object);
}

static void
ti_chart_card_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiChartCard *self = TI_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, ti_chart_card_get_subtitle (self));
      break;
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_chart_card_set_property (GObject *object, guint prop_id, const GValue *value,
                            GParamSpec *pspec)
{
  TiChartCard *self = TI_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART:
      set_chart (self, g_value_get_object (value));
      break;
    case PROP_SUBTITLE:
      ti_chart_card_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_SHOW_TABLE:
      ti_chart_card_set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_chart_card_class_init (TiChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_chart_card_dispose;
  object_class->get_property = ti_chart_card_get_property;
  object_class->set_property = ti_chart_card_set_property;

  /**
   * TiChartCard:chart:
   *
   * The chart the card shows.
   */
  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, TI_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * TiChartCard:subtitle:
   *
   * A line under the title, such as the outcomes the chart evidences.
   */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TiChartCard:show-table:
   *
   * Whether the card shows its chart's numbers as a table instead of the chart.
   */
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TiChartCard::saved:
   * @self: the card
   * @path: the file written
   *
   * The chart was saved as a file; a page says so in a toast.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_property_action (widget_class, "chart.show-table", "show-table");
  gtk_widget_class_install_action (widget_class, "chart.save", "s", save_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartcard");
}

static void
ti_chart_card_init (TiChartCard *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (
                                    GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "chart-card");
  build (self);
}

/**
 * ti_chart_card_new:
 * @chart: the chart to show; the card takes it
 *
 * Returns: (transfer floating): a card with @chart, its title as the card's heading
 */
GtkWidget *
ti_chart_card_new (TiChart *chart)
{
  g_return_val_if_fail (TI_IS_CHART (chart), NULL);
  return g_object_new (TI_TYPE_CHART_CARD, "chart", chart, NULL);
}
