/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-dashboard-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ti-attention-list.h"
#include "ti-chart-card.h"
#include "ti-column-chart.h"
#include "ti-dashboard-view.h"
#include "ti-donut-chart.h"
#include "ti-dumbbell-chart.h"
#include "ti-evaluation.h"
#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-line-chart.h"
#include "ti-page.h"
#include "ti-period-chooser.h"
#include "ti-timeline-strip.h"

/**
 * TiDashboardView:
 *
 * The Evaluation destination's dashboard: what needs the coordinator's attention today, the
 * headline figures and the charts of a period, each tagged with the County Business Plan
 * outcomes it evidences and filtered by one of them. Every number comes from
 * ti_evaluation_compute_async(), read in a worker thread: the page formats and draws, it
 * never counts. While a new period is counted the figures of the last one stay on screen.
 */

/* How each of the evaluation's charts is drawn, and what activating one of its items opens. */
typedef enum
{
  STYLE_COLUMNS,
  STYLE_STACKED_COLUMNS,
  STYLE_BARS,
  STYLE_STACKED_BARS,
  STYLE_LINE,
  STYLE_DONUT,
  STYLE_DUMBBELL,
  STYLE_TIMELINE,
} ChartStyle;

typedef struct
{
  const char *key;
  ChartStyle style;
  gboolean wide;      /* a whole line of the page, under the others */
  int opens;          /* the TiRecordKind its categories' keys are ids of, or -1 */
} ChartPresentation;

static const ChartPresentation presentations[] = {
  { "completions_over_time", STYLE_LINE, FALSE, -1 },
  { "reach_by_sector", STYLE_BARS, FALSE, -1 },
  { "champions_over_time", STYLE_LINE, FALSE, -1 },
  { "sessions_by_facilitator", STYLE_STACKED_COLUMNS, FALSE, -1 },
  { "confidence_by_tier", STYLE_DUMBBELL, FALSE, -1 },
  { "review_outcomes", STYLE_DONUT, FALSE, -1 },
  { "charter_by_sector", STYLE_STACKED_BARS, FALSE, -1 },
  { "attendance_by_event", STYLE_BARS, TRUE, TI_RECORD_EVENT },
  { "milestone_timeline", STYLE_TIMELINE, TRUE, TI_RECORD_MILESTONE },
};

struct _TiDashboardView
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GCancellable *cancellable;
  TiEvaluation *evaluation; /* what is shown, or NULL */
  GHashTable *tiles;        /* headline key → its tile, made with the first figures */
  GHashTable *cards;        /* chart key → its TiChartCard, made with the first figures */
  guint64 stamp; /* ti_database_get_change_stamp() when the figures were asked for */
  guint charts_tick;        /* showing the new figures' charts, one a frame */
  guint next_chart;

  TiPeriodChooser *period_chooser;
  GtkDropDown *outcome_dropdown;
  GtkSpinner *refresh_spinner;
  GtkStack *stack;
  GtkWidget *content;
  GtkSpinner *spinner;
  TiAttentionList *attention_list;
  GtkWidget *headlines_group;
  GtkFlowBox *headlines;
  GtkWidget *charts_group;
  GtkFlowBox *charts;
  GtkBox *wide_charts;
  GtkWidget *nothing_label;
  AdwExpanderRow *definitions_row;
  gboolean definitions_shown;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TiDashboardView, ti_dashboard_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Outcomes -------------------------------------------------------------------------------- */

/* "Outcomes 1 · 4": the tags of a figure, as its card shows them. */
static char *
outcome_tags (guint outcomes)
{
  g_autoptr (GString) numbers = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < TI_N_OUTCOMES; i++)
    {
      TiOutcome outcome = ti_outcome_nth (i);

      if ((outcomes & outcome) == 0)
        continue;
      if (n++ > 0)
        g_string_append (numbers, " · ");
      g_string_append_printf (numbers, "%u", ti_outcome_number (outcome));
    }
  if (n == 0)
    return NULL;
  /* Translators: the County Business Plan outcomes a figure evidences, “Outcomes 1 · 4” */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Outcome %s", "Outcomes %s", n),
                          numbers->str);
}

static guint
selected_outcome (TiDashboardView *self)
{
  guint selected = gtk_drop_down_get_selected (self->outcome_dropdown);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? 0
                                                                : ti_outcome_nth (selected - 1);
}

/* Shows only what evidences the outcome chosen. */
static void
apply_outcome_filter (TiDashboardView *self)
{
  guint outcome = selected_outcome (self);
  gboolean any_headline = FALSE, any_chart = FALSE;
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->headlines)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint outcomes = GPOINTER_TO_UINT (
        g_object_get_data (G_OBJECT (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))),
                           "outcomes"));
      gboolean shown = outcome == 0 || (outcomes & outcome) != 0;

      gtk_widget_set_visible (child, shown);
      any_headline |= shown;
    }

  if (self->cards != NULL)
    {
      GHashTableIter iter;
      gpointer card;

      g_hash_table_iter_init (&iter, self->cards);
      while (g_hash_table_iter_next (&iter, NULL, &card))
        {
          guint outcomes = GPOINTER_TO_UINT (g_object_get_data (card, "outcomes"));
          gboolean shown = outcome == 0 || (outcomes & outcome) != 0;
          GtkWidget *parent = gtk_widget_get_parent (card);

          gtk_widget_set_visible (GTK_IS_FLOW_BOX_CHILD (parent) ? parent : card, shown);
          any_chart |= shown;
        }
    }

  gtk_widget_set_visible (self->headlines_group, any_headline);
  gtk_widget_set_visible (self->charts_group, any_chart);
  gtk_widget_set_visible (self->nothing_label, !any_headline && !any_chart);
}

static void
outcome_changed_cb (TiDashboardView *self)
{
  apply_outcome_filter (self);
}

/* The outcome drop-down: "Outcome 1" on the button, the outcome in words in its list. */
static void
outcome_item_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer in_list)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (in_list)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 30);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
outcome_item_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer in_list)
{
  guint position = gtk_list_item_get_position (item);
  const char *text;

  if (position == 0)
    text = _("All outcomes");
  else if (in_list)
    text = ti_outcome_label (ti_outcome_nth (position - 1));
  else
    text = ti_outcome_short_label (ti_outcome_nth (position - 1));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static GtkListItemFactory *
outcome_factory_new (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (outcome_item_setup), GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (outcome_item_bind), GINT_TO_POINTER (in_list));
  return factory;
}

static void
setup_outcome_dropdown (TiDashboardView *self)
{
  g_autoptr (GtkStringList) items = gtk_string_list_new (NULL);
  g_autoptr (GtkListItemFactory) button_factory = outcome_factory_new (FALSE);
  g_autoptr (GtkListItemFactory) list_factory = outcome_factory_new (TRUE);

  gtk_string_list_append (items, _("All outcomes"));
  for (guint i = 0; i < TI_N_OUTCOMES; i++)
    gtk_string_list_append (items, ti_outcome_short_label (ti_outcome_nth (i)));
  gtk_drop_down_set_factory (self->outcome_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->outcome_dropdown, list_factory);
  gtk_drop_down_set_model (self->outcome_dropdown, G_LIST_MODEL (items));
}

/* Headline figures ------------------------------------------------------------------------ */

static GtkWidget *
tile_label_new (GtkWidget *box, const char *name, const char *style, int max_width_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (max_width_chars > 0)
    gtk_label_set_max_width_chars (GTK_LABEL (label), max_width_chars);
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), name, label);
  return label;
}

/* A headline's tile: its value over its name, a line of context and its outcome tags. Made
 * once; new figures change its words, not its widgets. */
static GtkWidget *
headline_tile_new (const TiHeadline *headline)
{
  const TiFigureDefinition *definition = ti_evaluation_definition (headline->key);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *tag;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "figure");
  gtk_widget_add_css_class (box, "compact");
  tile_label_new (box, "value", "figure-value", 0);
  tile_label_new (box, "label", NULL, 18);
  gtk_widget_add_css_class (tile_label_new (box, "detail", "dim-label", 20), "caption");
  tag = tile_label_new (box, "tag", "outcome-tags", 0);
  gtk_widget_add_css_class (tag, "caption");
  gtk_widget_set_halign (tag, GTK_ALIGN_CENTER);
  if (definition != NULL)
    {
      gtk_widget_set_tooltip_text (box, _(definition->definition));
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _(definition->definition), -1);
    }
  g_object_set_data (G_OBJECT (box), "key", (gpointer) headline->key);
  return box;
}

static void
set_tile_text (GtkWidget *box, const char *name, const char *text)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (box), name);

  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
headline_tile_update (GtkWidget *box, const TiHeadline *headline)
{
  g_autofree char *tags = outcome_tags (headline->outcomes);
  g_autofree char *outcomes = ti_outcomes_join (headline->outcomes, FALSE, "\n");
  g_autoptr (GString) spoken = g_string_new (NULL);

  set_tile_text (box, "value", headline->value);
  set_tile_text (box, "label", headline->label);
  set_tile_text (box, "detail", headline->detail);
  set_tile_text (box, "tag", tags);
  gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (box), "tag"), outcomes);

  g_string_printf (spoken, "%s: %s", headline->label, headline->value);
  if (headline->detail != NULL)
    g_string_append_printf (spoken, ", %s", headline->detail);
  if (tags != NULL)
    g_string_append_printf (spoken, ". %s", tags);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str,
                                  -1);
  g_object_set_data (G_OBJECT (box), "outcomes", GUINT_TO_POINTER (headline->outcomes));
}

static void
show_headlines (TiDashboardView *self, const TiEvaluation *evaluation)
{
  for (guint i = 0; i < evaluation->headlines->len; i++)
    {
      const TiHeadline *headline = g_ptr_array_index (evaluation->headlines, i);
      GtkWidget *tile = g_hash_table_lookup (self->tiles, headline->key);

      if (tile == NULL)
        {
          tile = headline_tile_new (headline);
          gtk_flow_box_append (self->headlines, tile);
          /* Tiles are read, not operated: no stop for the Tab key. */
          gtk_widget_set_can_focus (gtk_widget_get_parent (tile), FALSE);
          g_hash_table_insert (self->tiles, g_strdup (headline->key), tile);
        }
      headline_tile_update (tile, headline);
    }
}

/* Every figure's definition in words, for everyone (a tooltip is not). Listed once, when the
 * row is first opened: they do not change with the period, and closed, a row's rows are
 * measured all the same (a page of wrapped paragraphs each time the dashboard is laid out). */
static void
add_definition (TiDashboardView *self, const char *key, const char *name)
{
  const TiFigureDefinition *definition = ti_evaluation_definition (key);
  GtkWidget *row;

  if (definition == NULL)
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(definition->definition));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_expander_row_add_row (self->definitions_row, row);
}

static void
show_definitions (TiDashboardView *self, const TiEvaluation *evaluation)
{
  if (self->definitions_shown || evaluation == NULL
      || !adw_expander_row_get_expanded (self->definitions_row))
    return;
  self->definitions_shown = TRUE;
  for (guint i = 0; i < evaluation->headlines->len; i++)
    {
      const TiHeadline *headline = g_ptr_array_index (evaluation->headlines, i);

      add_definition (self, headline->key, headline->label);
    }
  for (guint i = 0; i < evaluation->charts->len; i++)
    {
      const TiChartFigure *figure = g_ptr_array_index (evaluation->charts, i);

      add_definition (self, figure->key, figure->title);
    }
}

static void
definitions_expanded_cb (TiDashboardView *self)
{
  show_definitions (self, self->evaluation);
}

/* Charts ---------------------------------------------------------------------------------- */

static const ChartPresentation *
presentation_find (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (presentations); i++)
    if (g_strcmp0 (presentations[i].key, key) == 0)
      return &presentations[i];
  return NULL;
}

static TiChart *
chart_new (ChartStyle style, const char *title)
{
  TiChart *chart;

  switch (style)
    {
    case STYLE_LINE:
      return ti_line_chart_new (title);
    case STYLE_DONUT:
      return ti_donut_chart_new (title);
    case STYLE_DUMBBELL:
      return ti_dumbbell_chart_new (title);
    case STYLE_TIMELINE:
      return ti_timeline_strip_new (title);
    case STYLE_STACKED_COLUMNS:
    case STYLE_BARS:
    case STYLE_STACKED_BARS:
    case STYLE_COLUMNS:
    default:
      chart = ti_column_chart_new (title);
      ti_column_chart_set_stacked (TI_COLUMN_CHART (chart),
                                   style == STYLE_STACKED_COLUMNS || style == STYLE_STACKED_BARS);
      ti_column_chart_set_horizontal (TI_COLUMN_CHART (chart),
                                      style == STYLE_BARS || style == STYLE_STACKED_BARS);
      return chart;
    }
}

/* Activating an item whose category is a record opens the record where it lives. */
static void
item_activated_cb (TiChart *chart, guint category, guint series, TiDashboardView *self)
{
  const ChartPresentation *presentation
    = g_object_get_data (G_OBJECT (chart), "presentation");
  TiSeries *data = ti_chart_get_series (chart);
  const char *key;
  gint64 id;

  if (presentation == NULL || presentation->opens < 0 || data == NULL
      || category >= ti_series_get_n_categories (data))
    return;
  key = ti_series_get_category_key (data, category);
  if (key == NULL || !g_ascii_string_to_signed (key, 10, 1, G_MAXINT64, &id, NULL))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(sx)",
                              ti_record_kind_key (presentation->opens), id);
}

static void
chart_saved_cb (TiChartCard *card, const char *path, TiDashboardView *self)
{
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: a toast; %s is a file name */
  g_autofree char *message = g_strdup_printf (_("Chart saved as “%s”"), name);

  ti_feedback_toast (GTK_WIDGET (self), message);
}

static GtkWidget *
card_new (TiDashboardView *self, const TiChartFigure *figure)
{
  const ChartPresentation *presentation = presentation_find (figure->key);
  ChartStyle style = presentation ? presentation->style : STYLE_COLUMNS;
  TiChart *chart = chart_new (style, figure->title);
  GtkWidget *card = ti_chart_card_new (chart);

  g_object_set_data (G_OBJECT (chart), "presentation", (gpointer) presentation);
  g_signal_connect_object (chart, "item-activated", G_CALLBACK (item_activated_cb), self, 0);
  g_signal_connect_object (card, "saved", G_CALLBACK (chart_saved_cb), self, 0);
  if (presentation != NULL && presentation->wide)
    gtk_box_append (self->wide_charts, card);
  else
    {
      gtk_flow_box_append (self->charts, card);
      /* The chart inside takes the focus, not the flow box's wrapper around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
    }
  g_hash_table_insert (self->cards, g_strdup (figure->key), card);
  return card;
}

/* While another period or new data is counted, the figures on screen are dimmed: they are
 * no longer the period's the label says. */
static void
set_busy (TiDashboardView *self, gboolean busy)
{
  if (busy)
    {
      gtk_spinner_start (self->refresh_spinner);
      gtk_widget_add_css_class (self->content, "refreshing");
    }
  else
    {
      gtk_spinner_stop (self->refresh_spinner);
      gtk_widget_remove_css_class (self->content, "refreshing");
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->content), GTK_ACCESSIBLE_STATE_BUSY, busy,
                               -1);
}

/* Shows one chart's new figures. */
static void
show_chart (TiDashboardView *self, const TiEvaluation *evaluation, const TiChartFigure *figure)
{
  GtkWidget *card = g_hash_table_lookup (self->cards, figure->key);
  g_autofree char *tags = outcome_tags (figure->outcomes);
  guint outcome = selected_outcome (self);
  TiChart *chart;

  if (card == NULL)
    card = card_new (self, figure);
  chart = ti_chart_card_get_chart (TI_CHART_CARD (card));
  ti_chart_set_title (chart, figure->title);
  ti_chart_set_series (chart, figure->series);
  {
    const TiFigureDefinition *definition = ti_evaluation_definition (figure->key);
    g_autofree char *subtitle
      = definition != NULL && tags != NULL
          /* Translators: under a chart's title: how it is counted, then its outcome tags */
          ? g_strdup_printf (_("%s %s."), _(definition->definition), tags)
          : g_strdup (definition != NULL ? _(definition->definition) : tags);

    g_autofree char *period = ti_format_period (evaluation->from, evaluation->to);
    /* A saved chart says what it covers: the period, and the outcomes it evidences. */
    g_autofree char *caption
      = tags != NULL ? g_strdup_printf ("%s · %s", period, tags) : g_strdup (period);

    ti_chart_card_set_subtitle (TI_CHART_CARD (card), subtitle);
    ti_chart_set_caption (chart, caption);
  }
  g_object_set_data (G_OBJECT (card), "outcomes", GUINT_TO_POINTER (figure->outcomes));
  if (outcome != 0 && (figure->outcomes & outcome) == 0)
    gtk_widget_set_visible (GTK_IS_FLOW_BOX_CHILD (gtk_widget_get_parent (card))
                              ? gtk_widget_get_parent (card)
                              : card,
                            FALSE);
  else
    {
      /* The group is shown with its first chart, so that each chart is laid out in the frame
       * it arrives in (shown only at the end, the group would lay them all out in one). */
      gtk_widget_set_visible (self->charts_group, TRUE);
      gtk_widget_set_visible (self->nothing_label, FALSE);
    }
  if (TI_IS_TIMELINE_STRIP (chart))
    {
      int year, month, day;

      /* Today is marked when the period reaches it; a period that ended long ago is not
       * stretched to today. */
      if ((evaluation->to == NULL || strcmp (evaluation->to, evaluation->today) >= 0)
          && sscanf (evaluation->today, "%d-%d-%d", &year, &month, &day) == 3)
        ti_timeline_strip_set_today (TI_TIMELINE_STRIP (chart), year, month);
      else
        ti_timeline_strip_clear_today (TI_TIMELINE_STRIP (chart));
    }
}

/* One chart a frame: each new chart is measured and drawn in a frame of its own, so a
 * refresh never holds the window for all of them at once. */
static gboolean
show_next_chart (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  TiDashboardView *self = TI_DASHBOARD_VIEW (widget);

  if (self->evaluation != NULL && self->next_chart < self->evaluation->charts->len)
    {
      show_chart (self, self->evaluation,
                  g_ptr_array_index (self->evaluation->charts, self->next_chart++));
      return G_SOURCE_CONTINUE;
    }
  self->charts_tick = 0;
  apply_outcome_filter (self);
  set_busy (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
  return G_SOURCE_REMOVE;
}

static void
stop_showing_charts (TiDashboardView *self)
{
  if (self->charts_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->charts_tick);
  self->charts_tick = 0;
}

/* Loading --------------------------------------------------------------------------------- */

static void
computed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiDashboardView) self = user_data;
  g_autoptr (GError) error = NULL;
  TiEvaluation *evaluation = ti_evaluation_compute_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);

  if (evaluation == NULL)
    {
      set_busy (self, FALSE);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* The rows hold pointers into the evaluation: replace them before freeing the old one. */
  ti_attention_list_show (self->attention_list, evaluation->attention);
  show_headlines (self, evaluation);
  show_definitions (self, evaluation);
  g_clear_pointer (&self->evaluation, ti_evaluation_free);
  self->evaluation = evaluation;
  apply_outcome_filter (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
  stop_showing_charts (self);
  self->next_chart = 0;
  self->charts_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_next_chart, NULL, NULL);
}

/**
 * ti_dashboard_view_refresh:
 * @self: the dashboard
 *
 * Counts the figures of the period chosen again, in a worker thread; what is on screen stays
 * until they are counted.
 */
void
ti_dashboard_view_refresh (TiDashboardView *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (TI_IS_DASHBOARD_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database == NULL || !ti_period_chooser_get_period (self->period_chooser, &from, &to))
    return;

  self->cancellable = g_cancellable_new ();
  self->stamp = ti_database_get_change_stamp (self->database);
  if (self->evaluation == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  else
    set_busy (self, TRUE);
  ti_evaluation_compute_async (ti_database_get_path (self->database), from, to, NULL,
                               self->cancellable, computed_cb, g_object_ref (self));
}

/**
 * ti_dashboard_view_is_loading:
 *
 * Returns: whether figures are being counted, or their charts not yet all shown
 */
gboolean
ti_dashboard_view_is_loading (TiDashboardView *self)
{
  g_return_val_if_fail (TI_IS_DASHBOARD_VIEW (self), FALSE);
  return self->cancellable != NULL || self->charts_tick != 0;
}

/**
 * ti_dashboard_view_get_evaluation:
 *
 * Returns: (nullable) (transfer none): the figures shown
 */
const TiEvaluation *
ti_dashboard_view_get_evaluation (TiDashboardView *self)
{
  g_return_val_if_fail (TI_IS_DASHBOARD_VIEW (self), NULL);
  return self->evaluation;
}

/**
 * ti_dashboard_view_set_database:
 * @self: the dashboard
 * @database: (nullable): the open programme
 *
 * Shows @database's evaluation; the same programme again counts again (it was changed).
 */
void
ti_dashboard_view_set_database (TiDashboardView *self, TiDatabase *database)
{
  g_return_if_fail (TI_IS_DASHBOARD_VIEW (self));

  if (g_set_object (&self->database, database))
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  ti_period_chooser_set_database (self->period_chooser, database);
  ti_dashboard_view_refresh (self);
}

static void
period_changed_cb (TiDashboardView *self)
{
  ti_dashboard_view_refresh (self);
}

/**
 * ti_dashboard_view_get_period_chooser:
 *
 * Returns: (transfer none): the chooser of the period the figures are counted over
 */
TiPeriodChooser *
ti_dashboard_view_get_period_chooser (TiDashboardView *self)
{
  g_return_val_if_fail (TI_IS_DASHBOARD_VIEW (self), NULL);
  return self->period_chooser;
}

/* The widget ------------------------------------------------------------------------------ */

static void
ti_dashboard_view_dispose (GObject *object)
{
  TiDashboardView *self = TI_DASHBOARD_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_showing_charts (self);
  /* GTK 4.8 unparents only the template's bound children. */
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_DASHBOARD_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->evaluation, ti_evaluation_free);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (ti_dashboard_view_parent_class)->dispose (object);
}

/* Shown again after something was changed elsewhere (a review approved, a session added):
 * counted again. */
static void
ti_dashboard_view_map (GtkWidget *widget)
{
  TiDashboardView *self = TI_DASHBOARD_VIEW (widget);

  GTK_WIDGET_CLASS (ti_dashboard_view_parent_class)->map (widget);
  if (self->database != NULL && self->evaluation != NULL && self->cancellable == NULL
      && ti_database_get_change_stamp (self->database) != self->stamp)
    ti_dashboard_view_refresh (self);
}

static void
ti_dashboard_view_class_init (TiDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_dashboard_view_dispose;
  widget_class->map = ti_dashboard_view_map;

  /**
   * TiDashboardView::refreshed:
   *
   * The figures of the period chosen are on screen.
   */
  signals[SIGNAL_REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                            0);

  g_type_ensure (TI_TYPE_PERIOD_CHOOSER);
  g_type_ensure (TI_TYPE_ATTENTION_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-dashboard-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, period_chooser);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, outcome_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, stack);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, content);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, attention_list);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, headlines_group);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, headlines);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, charts_group);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, charts);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, wide_charts);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, nothing_label);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, definitions_row);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, definitions_expanded_cb);
  gtk_widget_class_bind_template_callback (widget_class, ti_dashboard_view_refresh);
}

static void
ti_dashboard_view_init (TiDashboardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The toolbar's wrappers are no stops for the Tab key; what they hold is. */
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (
         GTK_WIDGET (self->period_chooser)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  self->tiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Filled before the filter can run: the template connects it. */
  g_signal_handlers_block_by_func (self->outcome_dropdown, outcome_changed_cb, self);
  setup_outcome_dropdown (self);
  g_signal_handlers_unblock_by_func (self->outcome_dropdown, outcome_changed_cb, self);
}
