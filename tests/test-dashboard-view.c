/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-chart-card.h"
#include "ti-chart.h"
#include "ti-dashboard-view.h"
#include "ti-demo.h"
#include "ti-evaluation.h"
#include "ti-timeline-view.h"
#include "ti-event-page.h"
#include "ti-window.h"

/* Widget tests of Evaluation › Dashboard on the scale 1 demo: what it shows is what the core
 * counts (headline values, charts' numbers), the period and outcome choices change what is
 * shown, a wrong custom date is refused in words, and Needs attention and the charts open
 * the records behind them. */

#define EVALUATION 4

typedef struct
{
  char *dir;
  char *path;
  TiWindow *window;
  TiDashboardView *view;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = test_make_tmp_dir ();
  f->path = g_build_filename (f->dir, "demo.sqlite", NULL);
  g_assert_true (ti_demo_create (f->path, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  f->window = test_window_new (f->path);
  f->view = TI_DASHBOARD_VIEW (
    test_show_view (f->window, EVALUATION, "overview", TI_TYPE_DASHBOARD_VIEW));
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_window_close (f->window);
  test_wait_for_finalized ((gpointer *) &f->view); /* the view goes with its window */
  test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
counted (gpointer data)
{
  TiDashboardView *view = data;

  return !ti_dashboard_view_is_loading (view) && ti_dashboard_view_get_evaluation (view) != NULL;
}

static gboolean
has_evaluation (gpointer data)
{
  return ti_dashboard_view_get_evaluation (data) != NULL;
}

/* In two steps, so that a wait that runs out says which: the figures counted (in a worker),
 * then their charts shown (one a frame) and no count running. */
static void
wait_counted (Fixture *f)
{
  test_iterate_until (has_evaluation, f->view);
  test_iterate_until (counted, f->view);
}

static gboolean
is_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_headline (GtkWidget *widget, gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "figure") && g_object_get_data (G_OBJECT (widget), "key");
}

/* The value shown on the tile of headline @key, or NULL when the tile is not shown. */
static const char *
shown_value (Fixture *f, const char *key)
{
  g_autoptr (GPtrArray) tiles
    = test_collect_widgets (GTK_WIDGET (f->view), TRUE, is_headline, NULL);

  for (guint i = 0; i < tiles->len; i++)
    {
      GtkWidget *tile = g_ptr_array_index (tiles, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (tile), "key"), key) == 0)
        return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (tile)));
    }
  return NULL;
}

/* Every headline the core counted is on screen with the core's value; every chart holds the
 * core's numbers and says them in words. */
static void
test_shows_what_core_counts (Fixture *f, gconstpointer data)
{
  g_autoptr (TiDatabase) db = NULL;
  g_autoptr (TiEvaluation) expected = NULL;
  g_autoptr (GPtrArray) charts = NULL;
  g_autoptr (GError) error = NULL;
  const TiEvaluation *shown;

  wait_counted (f);
  shown = ti_dashboard_view_get_evaluation (f->view);
  db = ti_database_open (f->path, TI_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  expected = ti_evaluation_compute (db, shown->from, shown->to, shown->today, &error);
  g_assert_no_error (error);

  /* The default period is the evaluation period of the programme's settings. */
  g_assert_cmpstr (shown->from, ==, "2023-01-01");
  g_assert_cmpstr (shown->to, ==, "2024-04-30");
  g_assert_nonnull (test_find_shown (GTK_WIDGET (f->view), "1 Jan 2023 – 30 Apr 2024"));

  g_assert_cmpuint (expected->headlines->len, >=, 12);
  for (guint i = 0; i < expected->headlines->len; i++)
    {
      const TiHeadline *headline = g_ptr_array_index (expected->headlines, i);

      g_assert_cmpstr (shown_value (f, headline->key), ==, headline->value);
      g_assert_nonnull (test_find_shown (GTK_WIDGET (f->view), headline->label));
    }

  charts = test_collect_widgets (GTK_WIDGET (f->view), FALSE, is_type,
                                 GSIZE_TO_POINTER (TI_TYPE_CHART));
  g_assert_cmpuint (charts->len, ==, expected->charts->len);
  g_assert_cmpuint (charts->len, >=, 9);
  for (guint i = 0; i < charts->len; i++)
    {
      TiChart *chart = g_ptr_array_index (charts, i);
      const TiChartFigure *figure = NULL;
      TiSeries *series = ti_chart_get_series (chart);

      for (guint j = 0; j < expected->charts->len; j++)
        if (g_strcmp0 (((TiChartFigure *) g_ptr_array_index (expected->charts, j))->title,
                       ti_chart_get_title (chart))
            == 0)
          figure = g_ptr_array_index (expected->charts, j);
      g_assert_nonnull (figure);
      g_assert_nonnull (series);
      g_assert_cmpstr (ti_series_get_key (series), ==, figure->key);
      g_assert_cmpuint (ti_series_get_n_categories (series), ==,
                        ti_series_get_n_categories (figure->series));
      for (guint s = 0; s < ti_series_get_n_series (series); s++)
        for (guint c = 0; c < ti_series_get_n_categories (series); c++)
          {
            double want = ti_series_get_value (figure->series, s, c);
            double got = ti_series_get_value (series, s, c);

            g_assert_true ((isnan (want) && isnan (got)) || want == got);
          }
      /* A saved chart says the period it covers. */
      g_assert_true (g_str_has_prefix (ti_chart_get_caption (chart),
                                       "1 Jan 2023 – 30 Apr 2024 · Outcome"));
      /* The demo has something in every chart of the evaluation period. */
      g_assert_true (ti_series_has_values (series));
      g_assert_cmpstr (ti_chart_get_description (chart), !=, "No data for this period");
    }
}

static gboolean
refreshed_to (gpointer data)
{
  Fixture *f = data;
  const TiEvaluation *evaluation = ti_dashboard_view_get_evaluation (f->view);

  return !ti_dashboard_view_is_loading (f->view) && evaluation != NULL && evaluation->from == NULL;
}

static GtkDropDown *
dropdown (Fixture *f, const char *tooltip_start)
{
  g_autoptr (GPtrArray) dropdowns = test_collect_widgets (GTK_WIDGET (f->view), TRUE, is_type,
                                                          GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));

  for (guint i = 0; i < dropdowns->len; i++)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (g_ptr_array_index (dropdowns, i));

      if (tooltip != NULL && g_str_has_prefix (tooltip, tooltip_start))
        return g_ptr_array_index (dropdowns, i);
    }
  g_assert_not_reached ();
}

/* Another period counts again, off the main thread, and says which dates it covers. */
static void
test_period (Fixture *f, gconstpointer data)
{
  g_autoptr (TiDatabase) db = NULL;
  g_autoptr (TiEvaluation) whole = NULL;
  g_autoptr (GError) error = NULL;
  const TiHeadline *completions;

  wait_counted (f);
  gtk_drop_down_set_selected (dropdown (f, "The dates"), TI_PERIOD_WHOLE_PROGRAMME);
  test_iterate_until (refreshed_to, f);
  test_wait_for_text (GTK_WIDGET (f->view), "Everything recorded");

  db = ti_database_open (f->path, TI_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  whole = ti_evaluation_compute (db, NULL, NULL, ti_dashboard_view_get_evaluation (f->view)->today,
                                 &error);
  g_assert_no_error (error);
  completions = ti_evaluation_find_headline (whole, "tier1_completions");
  g_assert_nonnull (completions);
  g_assert_cmpstr (shown_value (f, "tier1_completions"), ==, completions->value);
}

static gboolean
is_error_label (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

/* A custom period with a date that is not one is refused in words, and nothing is counted. */
static void
test_custom_period_refused (Fixture *f, gconstpointer data)
{
  const TiEvaluation *before;
  TiPeriodChooser *chooser;
  GtkWidget *message;

  wait_counted (f);
  before = ti_dashboard_view_get_evaluation (f->view);
  chooser = ti_dashboard_view_get_period_chooser (f->view);
  ti_period_chooser_set_custom (chooser, "2024-13-01", "2024-03-31");
  test_iterate_a_while ();
  message = test_find_widget (GTK_WIDGET (f->view), TRUE, is_error_label, NULL);
  g_assert_nonnull (message);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==,
                   "The first day is not a date: write it as 2023-01-31 or 31/01/2023.");
  g_assert_false (ti_dashboard_view_is_loading (f->view));
  g_assert_true (ti_dashboard_view_get_evaluation (f->view) == before);

  ti_period_chooser_set_custom (chooser, "2024-03-31", "2024-01-01");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==,
                   "The last day is before the first: the period would be empty.");
  g_assert_false (ti_dashboard_view_is_loading (f->view));

  /* Right dates: counted over them, and the message goes. */
  ti_period_chooser_set_custom (chooser, "01/01/2024", "2024-03-31");
  g_assert_false (gtk_widget_get_visible (message));
  wait_counted (f);
  g_assert_cmpstr (ti_dashboard_view_get_evaluation (f->view)->from, ==, "2024-01-01");
  g_assert_cmpstr (ti_dashboard_view_get_evaluation (f->view)->to, ==, "2024-03-31");
  test_wait_for_text (GTK_WIDGET (f->view), "1 Jan 2024 – 31 Mar 2024");
}

/* Choosing an outcome shows only the figures and charts tagged with it. */
static void
test_outcome_filter (Fixture *f, gconstpointer data)
{
  const TiEvaluation *evaluation;
  guint tagged = 0;

  wait_counted (f);
  evaluation = ti_dashboard_view_get_evaluation (f->view);
  gtk_drop_down_set_selected (dropdown (f, "Show only"), 2); /* outcome three */
  for (guint i = 0; i < evaluation->headlines->len; i++)
    {
      const TiHeadline *headline = g_ptr_array_index (evaluation->headlines, i);
      gboolean evidences = (headline->outcomes & TI_OUTCOME_3) != 0;

      tagged += evidences;
      if (evidences)
        g_assert_cmpstr (shown_value (f, headline->key), ==, headline->value);
      else
        g_assert_null (shown_value (f, headline->key));
    }
  g_assert_cmpuint (tagged, >, 0);
  g_assert_cmpuint (tagged, <, evaluation->headlines->len);

  for (guint i = 0; i < evaluation->charts->len; i++)
    {
      const TiChartFigure *figure = g_ptr_array_index (evaluation->charts, i);
      GtkWidget *heading = test_find_shown (GTK_WIDGET (f->view), figure->title);

      if (figure->outcomes & TI_OUTCOME_3)
        g_assert_nonnull (heading);
      else
        g_assert_null (heading);
    }

  gtk_drop_down_set_selected (dropdown (f, "Show only"), 0);
  for (guint i = 0; i < evaluation->headlines->len; i++)
    g_assert_nonnull (
      shown_value (f, ((TiHeadline *) g_ptr_array_index (evaluation->headlines, i))->key));
}

static gboolean
is_expander (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_EXPANDER_ROW (widget);
}

/* Each item of Needs attention lists its records when opened, and each record opens where
 * it lives. */
static void
test_attention_opens_records (Fixture *f, gconstpointer data)
{
  const TiEvaluation *evaluation;
  const TiAttention *attention = NULL;
  const TiAttentionRecord *record;
  GtkWidget *expander;
  GtkWidget *row;

  wait_counted (f);
  evaluation = ti_dashboard_view_get_evaluation (f->view);
  for (guint i = 0; i < evaluation->attention->len && attention == NULL; i++)
    {
      const TiAttention *item = g_ptr_array_index (evaluation->attention, i);

      if (item->kind == TI_ATTENTION_MILESTONE)
        attention = item;
    }
  /* The demo's story ends in 2024: some of its milestones are late today. */
  g_assert_nonnull (attention);
  record = g_ptr_array_index (attention->records, 0);

  expander = test_find_widget (GTK_WIDGET (f->view), TRUE, is_expander, NULL);
  g_assert_nonnull (expander);
  for (; expander != NULL; expander = gtk_widget_get_next_sibling (expander))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)),
                   attention->title)
        == 0)
      break;
  g_assert_nonnull (expander);
  g_assert_null (test_find_row (expander, record->title));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  test_iterate_a_while ();
  row = test_find_row (expander, record->title);
  g_assert_nonnull (row);

  g_signal_emit_by_name (row, "activate");
  g_assert_cmpuint (ti_window_get_destination (f->window), ==, EVALUATION);
  test_wait_for_text (test_find_type (GTK_WIDGET (f->window), TI_TYPE_TIMELINE_VIEW),
                      record->title);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
}

/* Something changed elsewhere (here: an event added to the programme through the window's
 * connection, as the Events editor does): coming back to the dashboard counts again. */
static void
test_counts_again_after_a_change (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  const TiHeadline *held;
  guint64 before;

  wait_counted (f);
  held = ti_evaluation_find_headline (ti_dashboard_view_get_evaluation (f->view), "events_held");
  before = (guint64) held->number;

  ti_window_show_destination (f->window, 3);
  g_assert_true (ti_database_exec (ti_window_get_database (f->window),
                                   "INSERT INTO events (title, kind, starts_at, venue) VALUES"
                                   " ('Extra network event', 'network_event', '2024-02-02 10:00',"
                                   "  'Taunton')",
                                   &error));
  g_assert_no_error (error);
  ti_window_show_destination (f->window, EVALUATION);
  test_iterate_a_while ();
  wait_counted (f);
  held = ti_evaluation_find_headline (ti_dashboard_view_get_evaluation (f->view), "events_held");
  g_assert_cmpuint ((guint64) held->number, ==, before + 1);
  {
    g_autofree char *shown = g_strdup_printf ("%" G_GUINT64_FORMAT, before + 1);

    g_assert_cmpstr (shown_value (f, "events_held"), ==, shown);
  }
}

static gboolean
is_action_row (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_ACTION_ROW (widget);
}

static guint
count_action_rows (GtkWidget *root)
{
  g_autoptr (GPtrArray) rows = test_collect_widgets (root, FALSE, is_action_row, NULL);

  return rows->len;
}

/* A long item lists its first records, then "Show All" brings the rest. */
static void
test_attention_show_all (Fixture *f, gconstpointer data)
{
  const TiEvaluation *evaluation;
  const TiAttention *quiet = NULL;
  g_autofree char *show_all = NULL;
  GtkWidget *expander;
  GtkWidget *row;

  wait_counted (f);
  evaluation = ti_dashboard_view_get_evaluation (f->view);
  for (guint i = 0; i < evaluation->attention->len; i++)
    if (((TiAttention *) g_ptr_array_index (evaluation->attention, i))->kind
        == TI_ATTENTION_QUIET_CHAMPION)
      quiet = g_ptr_array_index (evaluation->attention, i);
  g_assert_nonnull (quiet);
  g_assert_cmpuint (quiet->records->len, >, 25);

  for (expander = test_find_widget (GTK_WIDGET (f->view), TRUE, is_expander, NULL);
       expander != NULL; expander = gtk_widget_get_next_sibling (expander))
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), quiet->title)
        == 0)
      break;
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  test_iterate_a_while ();

  /* Fewer than a thousand, so the count has no separator. */
  g_assert_cmpuint (quiet->records->len, <, 1000);
  show_all = g_strdup_printf ("Show All %u", quiet->records->len);
  row = test_find_row (expander, show_all);
  g_assert_nonnull (row);
  /* Its header, the first 25 records and "Show All". */
  g_assert_cmpuint (count_action_rows (expander), ==, 1 + 25 + 1);

  g_signal_emit_by_name (row, "activate");
  test_iterate_a_while ();
  g_assert_null (test_find_row (expander, show_all));
  g_assert_cmpuint (count_action_rows (expander), ==, 1 + quiet->records->len);
}

static guint
charts_on_screen (TiDashboardView *view)
{
  g_autoptr (GPtrArray) cards = test_collect_widgets (
    GTK_WIDGET (view), TRUE, is_type, GSIZE_TO_POINTER (TI_TYPE_CHART_CARD));

  return cards->len;
}

static gboolean
any_chart_on_screen (gpointer view)
{
  return charts_on_screen (view) > 0;
}

/* The charts come on screen one a frame as the figures arrive, the first before the rest are
 * in: shown all at once they would hold the window for a fifth of a second at scale 10. */
static void
test_charts_shown_as_they_come (Fixture *f, gconstpointer data)
{
  const TiEvaluation *evaluation;

  test_iterate_until (has_evaluation, f->view);
  evaluation = ti_dashboard_view_get_evaluation (f->view);
  g_assert_cmpuint (evaluation->charts->len, >, 2);
  test_iterate_until (any_chart_on_screen, f->view);
  g_assert_cmpuint (charts_on_screen (f->view), <, evaluation->charts->len);
  wait_counted (f);
  g_assert_cmpuint (charts_on_screen (f->view), ==, evaluation->charts->len);
}

/* Every figure's definition is on the page in words, not only in a tooltip: opening "How Each
 * Figure Is Counted" lists them. */
static void
test_definitions_listed (Fixture *f, gconstpointer data)
{
  const TiEvaluation *evaluation;
  GtkWidget *definitions;
  guint listed;

  wait_counted (f);
  evaluation = ti_dashboard_view_get_evaluation (f->view);
  definitions = test_find_row (GTK_WIDGET (f->view), "How Each Figure Is Counted");
  g_assert_nonnull (definitions);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (definitions), TRUE);
  for (guint i = 0; i < evaluation->headlines->len; i++)
    {
      const TiHeadline *headline = g_ptr_array_index (evaluation->headlines, i);
      GtkWidget *row = test_find_row (definitions, headline->label);

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                       ti_evaluation_definition (headline->key)->definition);
    }
  for (guint i = 0; i < evaluation->charts->len; i++)
    {
      const TiChartFigure *chart = g_ptr_array_index (evaluation->charts, i);

      if (ti_evaluation_definition (chart->key) != NULL)
        g_assert_nonnull (test_find_row (definitions, chart->title));
    }
  listed = count_action_rows (definitions);
  g_assert_cmpuint (listed, >=, evaluation->headlines->len);

  /* Another period counted: the same definitions, listed once. */
  gtk_drop_down_set_selected (dropdown (f, "The dates"), TI_PERIOD_WHOLE_PROGRAMME);
  test_wait_for_text (GTK_WIDGET (f->view), "Everything recorded");
  wait_counted (f);
  g_assert_cmpuint (count_action_rows (definitions), ==, listed);
}

/* Activating a column of "attendance by event" opens that event. */
static void
test_chart_opens_event (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) charts = NULL;
  TiChart *attendance = NULL;
  TiSeries *series;
  g_autofree char *title = NULL;

  wait_counted (f);
  charts = test_collect_widgets (GTK_WIDGET (f->view), FALSE, is_type,
                                 GSIZE_TO_POINTER (TI_TYPE_CHART));
  for (guint i = 0; i < charts->len; i++)
    {
      TiSeries *s = ti_chart_get_series (g_ptr_array_index (charts, i));

      if (s != NULL && g_strcmp0 (ti_series_get_key (s), "attendance_by_event") == 0)
        attendance = g_ptr_array_index (charts, i);
    }
  g_assert_nonnull (attendance);
  series = ti_chart_get_series (attendance);
  /* "25 Jan 2024 · Spring network meeting": the event's title follows its date. */
  title = g_strdup (strstr (ti_series_get_category_label (series, 0), " · ") + strlen (" · "));

  g_signal_emit_by_name (attendance, "item-activated", 0u, 1u);
  g_assert_cmpuint (ti_window_get_destination (f->window), ==, 3);
  {
    GtkWidget *page = test_find_type (GTK_WIDGET (f->window), TI_TYPE_EVENT_PAGE);

    test_wait_for_text (page, title);
  }
}

int
main (int argc, char **argv)
{
  int status;

  test_widget_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/dashboard-view/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("shows-what-core-counts", test_shows_what_core_counts);
  ADD ("period", test_period);
  ADD ("custom-period-refused", test_custom_period_refused);
  ADD ("outcome-filter", test_outcome_filter);
  ADD ("attention-opens-records", test_attention_opens_records);
  ADD ("chart-opens-event", test_chart_opens_event);
  ADD ("counts-again-after-a-change", test_counts_again_after_a_change);
  ADD ("attention-show-all", test_attention_show_all);
  ADD ("definitions-listed", test_definitions_listed);
  ADD ("charts-shown-as-they-come", test_charts_shown_as_they_come);
#undef ADD

  status = g_test_run ();
  return test_widget_finish (status);
}
