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
  GHashTable *cards;        /* chart key → its TiChartCard, made with the first figures */

  TiPeriodChooser *period_chooser;
  GtkDropDown *outcome_dropdown;
  GtkSpinner *refresh_spinner;
  GtkStack *stack;
  GtkSpinner *spinner;
  TiAttentionList *attention_list;
  GtkWidget *headlines_group;
  GtkFlowBox *headlines;
  GtkWidget *charts_group;
  GtkFlowBox *charts;
  GtkBox *wide_charts;
  GtkWidget *nothing_label;
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
      const char *label = ti_outcome_short_label (outcome);
      const char *number = strrchr (label, ' ');

      if ((outcomes & outcome) == 0)
        continue;
      if (n++ > 0)
        g_string_append (numbers, " · ");
      g_string_append (numbers, number ? number + 1 : label);
    }
  if (n == 0)
    return NULL;
  /* Translators: the County Business Plan outcomes a figure evidences, “Outcomes 1 · 4” */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Outcome %s", "Outcomes %s", n),
                          numbers->str);
}

/* The outcomes in words, for tooltips and screen readers. */
static char *
outcome_sentence (guint outcomes)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < TI_N_OUTCOMES; i++)
    if (outcomes & ti_outcome_nth (i))
      {
        if (text->len > 0)
          g_string_append_c (text, '\n');
        g_string_append (text, ti_outcome_label (ti_outcome_nth (i)));
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
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
headline_new (const TiHeadline *headline)
{
  const TiFigureDefinition *definition = ti_evaluation_definition (headline->key);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *value = gtk_label_new (headline->value);
  GtkWidget *label = gtk_label_new (headline->label);
  g_autofree char *tags = outcome_tags (headline->outcomes);
  g_autofree char *outcomes = outcome_sentence (headline->outcomes);
  g_autoptr (GString) spoken = g_string_new (NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "figure");
  gtk_widget_add_css_class (box, "compact");
  gtk_widget_add_css_class (value, "figure-value");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), label);
  g_string_printf (spoken, "%s: %s", headline->label, headline->value);

  if (headline->detail != NULL)
    {
      GtkWidget *detail = gtk_label_new (headline->detail);

      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "caption");
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_label_set_justify (GTK_LABEL (detail), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (detail), 20);
      gtk_box_append (GTK_BOX (box), detail);
      g_string_append_printf (spoken, ", %s", headline->detail);
    }
  if (tags != NULL)
    {
      GtkWidget *tag = gtk_label_new (tags);

      gtk_widget_add_css_class (tag, "outcome-tags");
      gtk_widget_set_halign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_set_tooltip_text (tag, outcomes);
      gtk_box_append (GTK_BOX (box), tag);
      g_string_append_printf (spoken, ". %s", tags);
    }

  if (definition != NULL)
    gtk_widget_set_tooltip_text (box, _(definition->definition));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str,
                                  -1);
  if (definition != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _(definition->definition), -1);
  g_object_set_data (G_OBJECT (box), "outcomes", GUINT_TO_POINTER (headline->outcomes));
  g_object_set_data (G_OBJECT (box), "key", (gpointer) headline->key);
  return box;
}

static void
show_headlines (TiDashboardView *self, const TiEvaluation *evaluation)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->headlines))) != NULL)
    gtk_flow_box_remove (self->headlines, child);
  for (guint i = 0; i < evaluation->headlines->len; i++)
    gtk_flow_box_append (self->headlines,
                         headline_new (g_ptr_array_index (evaluation->headlines, i)));
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
    gtk_flow_box_append (self->charts, card);
  g_hash_table_insert (self->cards, g_strdup (figure->key), card);
  return card;
}

static void
show_charts (TiDashboardView *self, const TiEvaluation *evaluation)
{
  for (guint i = 0; i < evaluation->charts->len; i++)
    {
      const TiChartFigure *figure = g_ptr_array_index (evaluation->charts, i);
      GtkWidget *card = g_hash_table_lookup (self->cards, figure->key);
      g_autofree char *tags = outcome_tags (figure->outcomes);
      TiChart *chart;

      if (card == NULL)
        card = card_new (self, figure);
      chart = ti_chart_card_get_chart (TI_CHART_CARD (card));
      ti_chart_set_title (chart, figure->title);
      ti_chart_set_series (chart, figure->series);
      ti_chart_card_set_subtitle (TI_CHART_CARD (card), tags);
      g_object_set_data (G_OBJECT (card), "outcomes", GUINT_TO_POINTER (figure->outcomes));
      if (TI_IS_TIMELINE_STRIP (chart))
        {
          int year, month, day;

          /* Today is marked when the period reaches it; a period that ended long ago is
           * not stretched to today. */
          if ((evaluation->to == NULL || strcmp (evaluation->to, evaluation->today) >= 0)
              && sscanf (evaluation->today, "%d-%d-%d", &year, &month, &day) == 3)
            ti_timeline_strip_set_today (TI_TIMELINE_STRIP (chart), year, month);
          else
            ti_timeline_strip_clear_today (TI_TIMELINE_STRIP (chart));
        }
    }
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
  gtk_spinner_stop (self->refresh_spinner);

  if (evaluation == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* The rows hold pointers into the evaluation: replace them before freeing the old one. */
  ti_attention_list_show (self->attention_list, evaluation->attention);
  show_headlines (self, evaluation);
  show_charts (self, evaluation);
  g_clear_pointer (&self->evaluation, ti_evaluation_free);
  self->evaluation = evaluation;
  apply_outcome_filter (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
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
  if (self->evaluation == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  else
    gtk_spinner_start (self->refresh_spinner);
  ti_evaluation_compute_async (ti_database_get_path (self->database), from, to, NULL,
                               self->cancellable, computed_cb, g_object_ref (self));
}

/**
 * ti_dashboard_view_is_loading:
 *
 * Returns: whether figures are being counted
 */
gboolean
ti_dashboard_view_is_loading (TiDashboardView *self)
{
  g_return_val_if_fail (TI_IS_DASHBOARD_VIEW (self), FALSE);
  return self->cancellable != NULL;
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
  /* GTK 4.8 unparents only the template's bound children. */
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_DASHBOARD_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->evaluation, ti_evaluation_free);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (ti_dashboard_view_parent_class)->dispose (object);
}

static void
ti_dashboard_view_class_init (TiDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_dashboard_view_dispose;

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
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, attention_list);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, headlines_group);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, headlines);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, charts_group);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, charts);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, wide_charts);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, nothing_label);
  gtk_widget_class_bind_template_child (widget_class, TiDashboardView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ti_dashboard_view_refresh);
}

static void
ti_dashboard_view_init (TiDashboardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Filled before the filter can run: the template connects it. */
  g_signal_handlers_block_by_func (self->outcome_dropdown, outcome_changed_cb, self);
  setup_outcome_dropdown (self);
  g_signal_handlers_unblock_by_func (self->outcome_dropdown, outcome_changed_cb, self);
}
