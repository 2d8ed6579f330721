/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "test-chart-util.h"
#include "test-util.h"
#include "ti-chart-card.h"
#include "ti-chart-table.h"
#include "ti-column-chart.h"
#include "ti-donut-chart.h"
#include "ti-dumbbell-chart.h"
#include "ti-line-chart.h"
#include "ti-milestone-status.h"
#include "ti-timeline-strip.h"

/*
 * Charts drawn into an image, as they are drawn on screen: the columns land where the data puts
 * them, in the theme's colours, the words said about them are the right numbers, the keyboard
 * reaches every item, and saved files are whole or absent.
 */

#define WIDTH 480
#define HEIGHT 320

static gboolean
pixel_near (cairo_surface_t *surface, int x, int y, const GdkRGBA *colour, int tolerance)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;
  int a, r, g, b;

  if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (surface)
      || y >= cairo_image_surface_get_height (surface))
    return FALSE;
  pixel = *(const guint32 *) (data + y * stride + x * 4);
  a = (pixel >> 24) & 0xff;
  r = (pixel >> 16) & 0xff;
  g = (pixel >> 8) & 0xff;
  b = pixel & 0xff;
  return a == 255 && ABS (r - (int) round (colour->red * 255)) <= tolerance
         && ABS (g - (int) round (colour->green * 255)) <= tolerance
         && ABS (b - (int) round (colour->blue * 255)) <= tolerance;
}

static gboolean
pixel_is (cairo_surface_t *surface, int x, int y, const GdkRGBA *colour)
{
  return pixel_near (surface, x, y, colour, 2);
}

typedef struct
{
  int start, end; /* a run of pixels of one colour along a row or a column */
} Run;

static GArray *
runs_across (cairo_surface_t *surface, int y, const GdkRGBA *colour)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  int width = cairo_image_surface_get_width (surface);
  int start = -1;

  for (int x = 0; x <= width; x++)
    {
      gboolean in = x < width && pixel_is (surface, x, y, colour);

      if (in && start < 0)
        start = x;
      else if (!in && start >= 0)
        {
          Run run = { start, x - 1 };

          g_array_append_val (runs, run);
          start = -1;
        }
    }
  return runs;
}

/* The lowest row with exactly @n runs of @colour (the feet of @n columns), or -1. */
static int
row_with_runs (cairo_surface_t *surface, const GdkRGBA *colour, guint n)
{
  for (int y = cairo_image_surface_get_height (surface) - 1; y >= 0; y--)
    {
      g_autoptr (GArray) runs = runs_across (surface, y, colour);

      if (runs->len == n)
        return y;
    }
  return -1;
}

/* The first and last rows of @colour down the column at @x, or -1. */
static void
extent_down (cairo_surface_t *surface, int x, const GdkRGBA *colour, int *top, int *bottom)
{
  *top = *bottom = -1;
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    if (pixel_is (surface, x, y, colour))
      {
        if (*top < 0)
          *top = y;
        *bottom = y;
      }
}

/* The first and last columns of @colour along the row at @y, or -1. */
static void
extent_across (cairo_surface_t *surface, int y, const GdkRGBA *colour, int *left, int *right)
{
  *left = *right = -1;
  for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
    if (pixel_is (surface, x, y, colour))
      {
        if (*left < 0)
          *left = x;
        *right = x;
      }
}

static int
count_colour (cairo_surface_t *surface, const GdkRGBA *colour)
{
  int n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += pixel_is (surface, x, y, colour);
  return n;
}

/* Pixels painted at all (not transparent) in a band of rows. */
static int
count_painted (cairo_surface_t *surface, int top, int bottom)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int n = 0;

  for (int y = top; y < bottom; y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += (*(const guint32 *) (data + y * stride + x * 4) >> 24) != 0;
  return n;
}

/* Pixels in a band of rows close to @colour (text is antialiased: any pixel near it). */
static int
count_near (cairo_surface_t *surface, int top, int bottom, const GdkRGBA *colour, int tolerance)
{
  int n = 0;

  for (int y = top; y < bottom; y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += pixel_near (surface, x, y, colour, tolerance);
  return n;
}

static TiSeries *
one_series (const char *const *categories, const double *values, guint n)
{
  TiSeries *series = ti_series_new ("test", TI_SERIES_FORMAT_COUNT, n, 1);

  for (guint i = 0; i < n; i++)
    {
      ti_series_set_category (series, i, categories[i], NULL);
      ti_series_set_value (series, 0, i, values[i]);
    }
  return series;
}

/* Two tiers over three sectors: Council 30 + 10, Schools 10 + 20, Police 20 + 40. */
static TiSeries *
two_series (void)
{
  const char *sectors[] = { "Council", "Schools", "Police" };
  const double tier2[] = { 30, 10, 20 };
  const double tier3[] = { 10, 20, 40 };
  TiSeries *series = ti_series_new ("test", TI_SERIES_FORMAT_COUNT, 3, 2);

  ti_series_set_series_name (series, 0, "Tier 2");
  ti_series_set_series_name (series, 1, "Tier 3");
  for (guint i = 0; i < 3; i++)
    {
      ti_series_set_category (series, i, sectors[i], NULL);
      ti_series_set_value (series, 0, i, tier2[i]);
      ti_series_set_value (series, 1, i, tier3[i]);
    }
  return series;
}

static gboolean
press_key (TiChart *chart, guint keyval)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (chart));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0,
                               &handled);
    }
  return handled;
}

static void
count_activation (TiChart *chart, guint category, guint series, guint *n)
{
  (*n)++;
}

/* A click at @x, @y, as the chart's click gesture hears it; whether it opened an item. */
static gboolean
click (TiChart *chart, double x, double y)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (chart));
  gulong handler;
  guint n = 0;

  handler = g_signal_connect (chart, "item-activated", G_CALLBACK (count_activation), &n);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "released", 1, x, y);
    }
  g_signal_handler_disconnect (chart, handler);
  return n > 0;
}

static void
assert_selected (TiChart *chart, guint category, guint series)
{
  guint c = G_MAXUINT, s = G_MAXUINT;

  g_assert_true (ti_chart_get_selected (chart, &c, &s));
  g_assert_cmpuint (c, ==, category);
  g_assert_cmpuint (s, ==, series);
}

/* Forces a colour scheme and waits, up to two seconds, until it reaches @chart (a new style
 * reaches widgets with a frame). */
static void
force_scheme (TiChart *chart, AdwColorScheme scheme)
{
  gboolean dark = scheme == ADW_COLOR_SCHEME_FORCE_DARK;
  GdkRGBA text;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  for (int i = 0; i < 200; i++)
    {
      test_chart_settle ();
      ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &text);
      if ((text.red > 0.5) == dark)
        break;
    }
}

static void
test_columns_land_on_data (void)
{
  const char *categories[] = { "Council", "Schools", "Police", "Health" };
  const double values[] = { 100, 50, 0, 75 };
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Reach by sector"));
  g_autoptr (TiSeries) series = one_series (categories, values, 4);
  cairo_surface_t *surface;
  g_autoptr (GArray) runs = NULL;
  int top[3], bottom[3], centre[3];
  GdkRGBA accent;
  double unit;

  ti_chart_set_series (chart, series);
  g_assert_true (ti_chart_get_series (chart) == series);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_ACCENT, &accent);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);

  /* Three columns stand on the axis (the 0 has none), left to right in the data's order. */
  {
    int x_first, probe_top, probe_bottom;

    runs = runs_across (surface, HEIGHT / 2, &accent);
    g_assert_cmpuint (runs->len, >=, 1);
    x_first = (g_array_index (runs, Run, 0).start + g_array_index (runs, Run, 0).end) / 2;
    extent_down (surface, x_first, &accent, &probe_top, &probe_bottom);
    g_array_unref (runs);
    runs = runs_across (surface, probe_bottom, &accent);
  }
  g_assert_cmpuint (runs->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      Run run = g_array_index (runs, Run, i);

      centre[i] = (run.start + run.end) / 2;
      extent_down (surface, centre[i], &accent, &top[i], &bottom[i]);
      g_assert_cmpint (top[i], >=, 0);
    }
  /* The columns are the same width, and the gap for the 0 is one slot wide. */
  g_assert_cmpint (ABS ((g_array_index (runs, Run, 0).end - g_array_index (runs, Run, 0).start)
                        - (g_array_index (runs, Run, 1).end
                           - g_array_index (runs, Run, 1).start)),
                   <=, 1);
  g_assert_cmpint (ABS ((centre[2] - centre[1]) - 2 * (centre[1] - centre[0])), <=, 2);

  /* All stand on one baseline, and their heights are as 100 : 50 : 75. */
  g_assert_cmpint (bottom[0], ==, bottom[1]);
  g_assert_cmpint (bottom[0], ==, bottom[2]);
  unit = (bottom[0] - top[0] + 1) / 100.0;
  g_assert_cmpfloat (unit, >, 1);
  g_assert_cmpfloat (ABS ((bottom[1] - top[1] + 1) - 50 * unit), <=, 2);
  g_assert_cmpfloat (ABS ((bottom[2] - top[2] + 1) - 75 * unit), <=, 2);

  /* The tallest reaches the top of the axis (100, a tick): near the top of the image, under
   * the title and its value label, and nothing of the accent above it. */
  g_assert_cmpint (top[0], <, HEIGHT / 3);
  for (int y = 0; y < top[0]; y++)
    for (int x = 0; x < WIDTH; x++)
      g_assert_false (pixel_is (surface, x, y, &accent));

  cairo_surface_destroy (surface);
  g_assert_finalize_object (chart);
}

/* The heights of the two series' colours down the middle of the first category's columns. */
static void
test_grouped_and_stacked (void)
{
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Sessions by sector"));
  g_autoptr (TiSeries) series = two_series ();
  cairo_surface_t *surface;
  GdkRGBA first, second;
  int x, top0, bottom0, top1, bottom1;
  g_autoptr (GArray) runs0 = NULL;
  g_autoptr (GArray) runs1 = NULL;
  double unit;

  ti_chart_palette_colour (0, &first);
  ti_chart_palette_colour (1, &second);
  ti_chart_set_series (chart, series);
  g_assert_false (ti_column_chart_get_stacked (TI_COLUMN_CHART (chart)));

  /* Side by side: in each category, Tier 2 then Tier 3 on one baseline, as tall as their
   * values (Council 30 and 10). */
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  x = row_with_runs (surface, &first, 3);
  g_assert_cmpint (x, >, HEIGHT / 2);
  runs0 = runs_across (surface, x, &first);
  runs1 = runs_across (surface, x, &second);
  g_assert_cmpuint (runs0->len, ==, 3);
  g_assert_cmpuint (runs1->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (g_array_index (runs0, Run, i).end, <, g_array_index (runs1, Run, i).start);
  x = (g_array_index (runs0, Run, 0).start + g_array_index (runs0, Run, 0).end) / 2;
  extent_down (surface, x, &first, &top0, &bottom0);
  x = (g_array_index (runs1, Run, 0).start + g_array_index (runs1, Run, 0).end) / 2;
  extent_down (surface, x, &second, &top1, &bottom1);
  g_assert_cmpint (bottom0, ==, bottom1);
  unit = (bottom0 - top0 + 1) / 30.0;
  g_assert_cmpfloat (ABS ((bottom1 - top1 + 1) - 10 * unit), <=, 2);
  cairo_surface_destroy (surface);

  /* Stacked: one column each, Tier 3 standing on Tier 2, the stack 40 tall for the Council on
   * an axis that now reaches the Police's 60. */
  ti_column_chart_set_stacked (TI_COLUMN_CHART (chart), TRUE);
  g_assert_true (ti_column_chart_get_stacked (TI_COLUMN_CHART (chart)));
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_array_unref (runs0);
  runs0 = runs_across (surface, row_with_runs (surface, &first, 3), &first);
  g_assert_cmpuint (runs0->len, ==, 3);
  x = (g_array_index (runs0, Run, 0).start + g_array_index (runs0, Run, 0).end) / 2;
  extent_down (surface, x, &first, &top0, &bottom0);
  extent_down (surface, x, &second, &top1, &bottom1);
  g_assert_cmpint (top1, >=, 0);
  g_assert_cmpint (ABS (bottom1 + 1 - top0), <=, 1);
  unit = (bottom0 - top0 + 1) / 30.0;
  g_assert_cmpfloat (ABS ((bottom1 - top1 + 1) - 10 * unit), <=, 2);
  /* The Police's stack (60) is one and a half times the Council's (40). */
  {
    int px = (g_array_index (runs0, Run, 2).start + g_array_index (runs0, Run, 2).end) / 2;
    int ptop, pbottom, dummy;

    extent_down (surface, px, &second, &ptop, &dummy);
    extent_down (surface, px, &first, &dummy, &pbottom);
    g_assert_cmpfloat (ABS ((pbottom - ptop + 1) - 60 * unit), <=, 3);
  }
  g_assert_nonnull (strstr (ti_chart_get_description (chart), "stacked"));
  cairo_surface_destroy (surface);

  g_assert_finalize_object (chart);
}

static void
test_horizontal (void)
{
  const char *events[] = { "Launch", "June network event", "November network event" };
  const double attended[] = { 120, 60, 90 };
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Attendance by event"));
  g_autoptr (TiSeries) series = one_series (events, attended, 3);
  g_autoptr (TiSeries) many = ti_series_new ("many", TI_SERIES_FORMAT_COUNT, 30, 1);
  cairo_surface_t *surface;
  GdkRGBA accent;
  int left[3], right[3], rows[3], n = 0, natural_few, natural_many;
  gboolean previous_in = FALSE;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_ACCENT, &accent);
  ti_column_chart_set_horizontal (TI_COLUMN_CHART (chart), TRUE);
  ti_chart_set_series (chart, series);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);

  /* Three bars, one under the other in the data's order, all starting at one left edge (the
   * names are at their left), as long as 120 : 60 : 90. */
  for (int y = 0; y < HEIGHT && n < 3; y++)
    {
      int l, r;
      gboolean in;

      extent_across (surface, y, &accent, &l, &r);
      in = l >= 0;
      if (in && !previous_in)
        rows[n++] = y + 4;
      previous_in = in;
    }
  g_assert_cmpint (n, ==, 3);
  for (int i = 0; i < 3; i++)
    extent_across (surface, rows[i], &accent, &left[i], &right[i]);
  g_assert_cmpint (left[0], ==, left[1]);
  g_assert_cmpint (left[0], ==, left[2]);
  g_assert_cmpint (left[0], >, 40);
  g_assert_cmpfloat (ABS ((right[1] - left[1] + 1) - (right[0] - left[0] + 1) / 2.0), <=, 2);
  g_assert_cmpfloat (ABS ((right[2] - left[2] + 1) - (right[0] - left[0] + 1) * 0.75), <=, 2);
  cairo_surface_destroy (surface);

  /* Rows: Down moves to the next category. */
  g_assert_true (press_key (chart, GDK_KEY_Down));
  assert_selected (chart, 0, 0);
  g_assert_true (press_key (chart, GDK_KEY_Down));
  assert_selected (chart, 1, 0);
  g_assert_true (press_key (chart, GDK_KEY_Right));
  assert_selected (chart, 1, 0);
  g_assert_nonnull (strstr (ti_chart_get_description (chart), "3 bars"));

  /* Its natural height grows with the number of categories. */
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, WIDTH, NULL, &natural_few,
                      NULL, NULL);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Event %u", i + 1);

      ti_series_set_category (many, i, name, NULL);
      ti_series_set_value (many, 0, i, i);
    }
  ti_chart_set_series (chart, many);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, WIDTH, NULL, &natural_many,
                      NULL, NULL);
  g_assert_cmpint (natural_many, >=, 30 * 24);
  g_assert_cmpint (natural_many, >, natural_few);

  g_assert_finalize_object (chart);
}

static void
test_words (void)
{
  const char *categories[] = { "Wellsway School", "Somerset Council", "Avon Police" };
  const double values[] = { 87, 1250, 3 };
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Reach"));
  g_autoptr (TiSeries) series = one_series (categories, values, 3);
  g_autoptr (TiSeries) single = one_series (categories, values, 1);
  g_autoptr (TiSeries) tiers = two_series ();
  g_autofree char *tooltip = NULL;
  g_autofree char *named = NULL;
  const char *description;

  ti_chart_set_series (chart, series);
  description = ti_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "Largest: Somerset Council: 1,250"));
  g_assert_nonnull (strstr (description, "Smallest: Avon Police: 3"));
  g_assert_nonnull (strstr (description, "3 columns"));
  g_assert_cmpstr (ti_chart_get_title (chart), ==, "Reach");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));

  /* One unnamed series: the tooltip leaves the series out. */
  tooltip = ti_chart_describe_item (chart, 0, 0);
  g_assert_cmpstr (tooltip, ==, "Wellsway School: 87");
  g_assert_null (ti_chart_describe_item (chart, 3, 0));

  /* New data, new words. */
  ti_chart_set_series (chart, single);
  description = ti_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "1 column."));
  g_assert_nonnull (strstr (description, "Largest: Wellsway School: 87"));

  /* Named series: the tooltip names it. */
  ti_chart_set_series (chart, tiers);
  named = ti_chart_describe_item (chart, 2, 1);
  g_assert_cmpstr (named, ==, "Police · Tier 3: 40");
  description = ti_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "Largest: Police · Tier 3: 40"));
  g_assert_nonnull (strstr (description, "Smallest: Schools · Tier 2: 10"));
  g_assert_nonnull (strstr (description, "2 series"));

  g_assert_finalize_object (chart);
}

static void
on_item_activated (TiChart *chart, guint category, guint series, guint *out)
{
  out[0] = category;
  out[1] = series;
  out[2]++;
}

static void
test_keyboard (void)
{
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Sessions by sector"));
  g_autoptr (TiSeries) series = two_series ();
  guint activated[3] = { 0, 0, 0 };

  g_signal_connect (chart, "item-activated", G_CALLBACK (on_item_activated), activated);

  /* Nothing to choose: no key is taken. */
  g_assert_false (press_key (chart, GDK_KEY_Return));
  g_assert_false (ti_chart_get_selected (chart, NULL, NULL));

  ti_chart_set_series (chart, series);
  g_assert_false (press_key (chart, GDK_KEY_Return));
  g_assert_cmpuint (activated[2], ==, 0);

  /* Right chooses the first item, then moves between categories, stopping at the last. */
  g_assert_true (press_key (chart, GDK_KEY_Right));
  assert_selected (chart, 0, 0);
  press_key (chart, GDK_KEY_Right);
  press_key (chart, GDK_KEY_Right);
  press_key (chart, GDK_KEY_Right);
  assert_selected (chart, 2, 0);
  press_key (chart, GDK_KEY_Left);
  assert_selected (chart, 1, 0);

  /* Up and Down move between series. */
  press_key (chart, GDK_KEY_Up);
  assert_selected (chart, 1, 1);
  press_key (chart, GDK_KEY_Up);
  assert_selected (chart, 1, 1);
  press_key (chart, GDK_KEY_Down);
  assert_selected (chart, 1, 0);
  press_key (chart, GDK_KEY_Up);

  /* Enter, the keypad's Enter and Space open the chosen item. */
  g_assert_true (press_key (chart, GDK_KEY_Return));
  g_assert_cmpuint (activated[0], ==, 1);
  g_assert_cmpuint (activated[1], ==, 1);
  g_assert_cmpuint (activated[2], ==, 1);
  press_key (chart, GDK_KEY_Home);
  press_key (chart, GDK_KEY_KP_Enter);
  g_assert_cmpuint (activated[0], ==, 0);
  g_assert_cmpuint (activated[2], ==, 2);
  press_key (chart, GDK_KEY_End);
  press_key (chart, GDK_KEY_space);
  g_assert_cmpuint (activated[0], ==, 2);
  g_assert_cmpuint (activated[2], ==, 3);

  /* Right to left: Left goes on to the next category. */
  press_key (chart, GDK_KEY_Home);
  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_RTL);
  press_key (chart, GDK_KEY_Left);
  assert_selected (chart, 1, 1);
  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_LTR);

  /* Fewer categories: the choice stays within them. */
  {
    const char *one[] = { "Council" };
    const double value[] = { 4 };
    g_autoptr (TiSeries) smaller = one_series (one, value, 1);

    ti_chart_set_series (chart, smaller);
    assert_selected (chart, 0, 0);
    ti_chart_set_series (chart, NULL);
    g_assert_false (ti_chart_get_selected (chart, NULL, NULL));
  }

  g_assert_finalize_object (chart);
}

static void
test_empty (void)
{
  const char *categories[] = { "Council" };
  const double values[] = { 12 };
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Attendance by event"));
  g_autoptr (TiSeries) series = one_series (categories, values, 1);
  g_autoptr (TiSeries) nothing = ti_series_new ("none", TI_SERIES_FORMAT_COUNT, 3, 1);
  cairo_surface_t *surface;
  GdkRGBA accent, dim;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_ACCENT, &accent);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_DIM, &dim);

  /* No data: no columns, but words where they would be, not a blank frame. */
  g_assert_null (ti_chart_get_series (chart));
  g_assert_cmpstr (ti_chart_get_description (chart), ==, "No data for this period");
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_colour (surface, &accent), ==, 0);
  g_assert_cmpint (count_painted (surface, HEIGHT / 2 - 20, HEIGHT / 2 + 20), >, 50);
  cairo_surface_destroy (surface);

  /* Data, then a series with every value missing: the same honest state. */
  ti_chart_set_series (chart, series);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_colour (surface, &accent), >, 100);
  cairo_surface_destroy (surface);

  ti_chart_set_series (chart, nothing);
  g_assert_cmpstr (ti_chart_get_description (chart), ==, "No data for this period");
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_colour (surface, &accent), ==, 0);
  g_assert_cmpint (count_painted (surface, HEIGHT / 2 - 20, HEIGHT / 2 + 20), >, 50);
  cairo_surface_destroy (surface);

  g_assert_finalize_object (chart);
}

static void
test_title_shown_or_not (void)
{
  const char *categories[] = { "Council" };
  const double values[] = { 12 };
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Reach"));
  g_autoptr (TiSeries) series = one_series (categories, values, 1);
  cairo_surface_t *surface;

  ti_chart_set_series (chart, series);
  g_assert_true (ti_chart_get_show_title (chart));
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_painted (surface, 0, 28), >, 30);
  cairo_surface_destroy (surface);

  /* In a card, the card says the title: the chart's top is empty (the tick label of the top
   * of the axis sits lower). */
  ti_chart_set_show_title (chart, FALSE);
  g_assert_false (ti_chart_get_show_title (chart));
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_painted (surface, 0, 12), ==, 0);
  cairo_surface_destroy (surface);

  g_assert_finalize_object (chart);
}

static void
test_dark (void)
{
  const char *categories[] = { "Council", "Schools" };
  const double values[] = { 4, 9 };
  AdwStyleManager *style = adw_style_manager_get_default ();
  TiChart *chart = ti_column_chart_new ("Reach");
  GtkWidget *window;
  g_autoptr (TiSeries) series = one_series (categories, values, 2);
  cairo_surface_t *surface;
  GdkRGBA light_text, dark_text, accent;

  ti_chart_set_series (chart, series);
  window = test_chart_show_in_window (GTK_WIDGET (chart), 400, 300);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  test_chart_settle ();
  ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &light_text);
  g_assert_cmpfloat (light_text.red + light_text.green + light_text.blue, <, 1.5);

  /* Dark: the text turns light, and the image's labels are drawn in it. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  /* The new style reaches the widget with a frame: wait for it, up to two seconds. */
  for (int i = 0; i < 200; i++)
    {
      test_chart_settle ();
      ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &dark_text);
      if (dark_text.red + dark_text.green + dark_text.blue > 2.0)
        break;
    }
  g_assert_cmpfloat (dark_text.red + dark_text.green + dark_text.blue, >, 2.0);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_ACCENT, &accent);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_near (surface, 0, HEIGHT, &dark_text, 24), >, 20);
  g_assert_cmpint (count_near (surface, 0, HEIGHT, &light_text, 24), ==, 0);
  g_assert_cmpint (count_colour (surface, &accent), >, 100);
  cairo_surface_destroy (surface);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  test_chart_settle ();
  g_object_ref (chart);
  gtk_window_destroy (GTK_WINDOW (window));
  test_chart_iterate ();
  g_assert_finalize_object (chart);
}

static char *
read_file (const char *path, gsize *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_save (void)
{
  const char *categories[] = { "Council", "Schools" };
  const double values[] = { 4, 9 };
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Reach by sector"));
  g_autoptr (TiSeries) series = one_series (categories, values, 2);
  g_autofree char *dir = g_dir_make_tmp ("ti-charts-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "reach.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "reach.SVG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "reach.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no such folder", "reach.png", NULL);
  g_autofree char *folder = g_build_filename (dir, "a folder.png", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *image;
  GdkRGBA background;
  gsize length;

  g_assert_cmpint (ti_chart_file_format_from_path (png), ==, TI_CHART_FILE_PNG);
  g_assert_cmpint (ti_chart_file_format_from_path (svg), ==, TI_CHART_FILE_SVG);
  g_assert_cmpint (ti_chart_file_format_from_path (pdf), ==, TI_CHART_FILE_PDF);
  g_assert_cmpint (ti_chart_file_format_from_path ("chart"), ==, TI_CHART_FILE_PNG);
  g_assert_cmpint (ti_chart_file_format_from_path ("pdf.d/chart"), ==, TI_CHART_FILE_PNG);
  g_assert_cmpstr (ti_chart_file_format_extension (TI_CHART_FILE_SVG), ==, "svg");

  ti_chart_set_series (chart, series);
  ti_chart_set_show_title (chart, FALSE);

  /* A PNG: the picture, on the theme's background, with the title even though the screen
   * leaves it to the card. */
  g_assert_true (ti_chart_save (chart, png, TI_CHART_FILE_PNG, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);
  contents = read_file (png, &length);
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, HEIGHT);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_BACKGROUND, &background);
  background.alpha = 1;
  g_assert_true (pixel_is (image, 1, 1, &background));
  g_assert_true (pixel_is (image, WIDTH - 2, HEIGHT - 2, &background));
  g_assert_cmpint (count_near (image, 0, 30, &background, 40), <, WIDTH * 30 - 30);
  cairo_surface_destroy (image);
  g_clear_pointer (&contents, g_free);

  /* An SVG and a PDF, by the same drawing. */
  g_assert_true (ti_chart_save (chart, svg, TI_CHART_FILE_SVG, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);
  contents = read_file (svg, &length);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (ti_chart_save (chart, pdf, TI_CHART_FILE_PDF, WIDTH, HEIGHT, &error));
  g_assert_no_error (error);
  contents = read_file (pdf, &length);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  g_assert_cmpuint (count_files (dir), ==, 3);

  /* Saving again replaces the file, and leaves nothing else. */
  g_assert_true (ti_chart_save (chart, png, TI_CHART_FILE_PNG, 200, 100, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 3);

  /* Into a folder that does not exist: an error in words, and no file. */
  g_assert_false (ti_chart_save (chart, missing, TI_CHART_FILE_PNG, WIDTH, HEIGHT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "reach.png"));
  g_assert_nonnull (strstr (error->message, "No such file or directory"));
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Over a folder: the picture is written, cannot take the folder's place, and the
   * temporary file beside it is gone. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (ti_chart_save (chart, folder, TI_CHART_FILE_PNG, WIDTH, HEIGHT, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 4);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  g_remove (folder);
  g_remove (png);
  g_remove (svg);
  g_remove (pdf);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_finalize_object (chart);
}

static void
test_on_screen (void)
{
  TiChart *chart = ti_column_chart_new ("On screen");
  g_autoptr (TiSeries) series = two_series ();
  guint activated[3] = { 0, 0, 0 };
  GtkWidget *window;

  ti_chart_set_series (chart, series);
  window = test_chart_show_in_window (GTK_WIDGET (chart), 400, 300);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart)));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) == GTK_WIDGET (chart));
  press_key (chart, GDK_KEY_Right);
  test_chart_iterate ();

  /* A click on a column opens it: the one drawn there, found with the screen's geometry. */
  g_signal_connect (chart, "item-activated", G_CALLBACK (on_item_activated), activated);
  {
    int width = gtk_widget_get_width (GTK_WIDGET (chart));
    int height = gtk_widget_get_height (GTK_WIDGET (chart));
    cairo_surface_t *surface = ti_chart_render_to_surface (chart, width, height);
    g_autoptr (GArray) runs = NULL;
    GdkRGBA tier3;
    int y, top, bottom;

    ti_chart_palette_colour (1, &tier3);
    y = row_with_runs (surface, &tier3, 3);
    g_assert_cmpint (y, >, 0);
    runs = runs_across (surface, y, &tier3);
    extent_down (surface, g_array_index (runs, Run, 2).start + 2, &tier3, &top, &bottom);
    g_assert_true (click (chart, g_array_index (runs, Run, 2).start + 2, (top + bottom) / 2));
    g_assert_cmpuint (activated[2], ==, 1);
    g_assert_cmpuint (activated[0], ==, 2);
    g_assert_cmpuint (activated[1], ==, 1);
    assert_selected (chart, 2, 1);

    /* Far from any column, in the title: nothing. */
    g_assert_false (click (chart, 4, 4));
    g_assert_cmpuint (activated[2], ==, 1);
    cairo_surface_destroy (surface);
  }

  g_object_ref (chart);
  gtk_window_destroy (GTK_WINDOW (window));
  test_chart_iterate ();
  g_assert_finalize_object (chart);
}

/* The first widget under @root (itself included) of @type, with @text when it is a label. */
static GtkWidget *
find_widget (GtkWidget *root, GType type, const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (text == NULL || (GTK_IS_LABEL (root)
                           && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
column_title (GtkColumnView *view, guint index)
{
  g_autoptr (GtkColumnViewColumn) column
    = g_list_model_get_item (gtk_column_view_get_columns (view), index);

  return g_strdup (gtk_column_view_column_get_title (column));
}

static void
assert_cell (TiChartTable *table, guint row, guint column, const char *expected)
{
  g_autofree char *text = ti_chart_table_get_cell_text (table, row, column);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_table (void)
{
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Sessions by sector"));
  g_autoptr (TiSeries) tiers = two_series ();
  g_autoptr (TiSeries) milestones = ti_series_new ("milestones", TI_SERIES_FORMAT_MONTH, 2, 1);
  GtkWidget *table = ti_chart_table_new (chart);
  GtkColumnView *view = ti_chart_table_get_column_view (TI_CHART_TABLE (table));
  GtkWidget *window, *cell;
  g_autofree char *title = NULL;

  g_object_ref_sink (table);
  g_assert_true (ti_chart_table_get_chart (TI_CHART_TABLE (table)) == chart);

  /* No figures yet: no rows. */
  g_assert_null (ti_chart_table_get_cell_text (TI_CHART_TABLE (table), 0, 0));

  /* The chart's figures arrive: a row for each category, a column for each series, the same
   * numbers as the chart's tooltips. */
  ti_chart_set_series (chart, tiers);
  /* Out of sight the table is brought up to date when it is read (or shown). */
  view = ti_chart_table_get_column_view (TI_CHART_TABLE (table));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 3);
  title = column_title (view, 0);
  g_assert_cmpstr (title, ==, "Category");
  g_free (title);
  title = column_title (view, 2);
  g_assert_cmpstr (title, ==, "Tier 3");
  g_clear_pointer (&title, g_free);
  assert_cell (TI_CHART_TABLE (table), 0, 0, "Council");
  assert_cell (TI_CHART_TABLE (table), 0, 1, "30");
  assert_cell (TI_CHART_TABLE (table), 2, 2, "40");
  g_assert_null (ti_chart_table_get_cell_text (TI_CHART_TABLE (table), 3, 0));

  /* On screen: the numbers are there, aligned right in tabular figures. */
  window = test_chart_show_in_window (table, 400, 300);
  test_chart_settle ();
  cell = find_widget (table, GTK_TYPE_LABEL, "40");
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "numeric"));
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (cell)), ==, 1.0);
  g_assert_nonnull (find_widget (table, GTK_TYPE_LABEL, "Schools"));

  /* Sorted by a series, largest first. */
  {
    g_autoptr (GtkColumnViewColumn) tier3
      = g_list_model_get_item (gtk_column_view_get_columns (view), 2);

    gtk_column_view_sort_by_column (view, tier3, GTK_SORT_DESCENDING);
    assert_cell (TI_CHART_TABLE (table), 0, 0, "Police");
    assert_cell (TI_CHART_TABLE (table), 2, 0, "Council");
  }

  /* Milestones: months as the chart says them, the groups and statuses as columns of their
   * own, and nothing to measure as a dash. */
  ti_series_set_category (milestones, 0, "Charter launch", NULL);
  ti_series_set_category_group (milestones, 0, "Principles");
  ti_series_set_category_state (milestones, 0, 0, "Done");
  ti_series_set_value (milestones, 0, 0, 2023 * 12 + 0);
  ti_series_set_category (milestones, 1, "Full evaluation", NULL);
  ti_series_set_category_group (milestones, 1, "Organisational change");
  ti_series_set_category_state (milestones, 1, 2, "On track");
  ti_chart_set_series (chart, milestones);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 4);
  title = column_title (view, 1);
  g_assert_cmpstr (title, ==, "Group");
  g_free (title);
  title = column_title (view, 3);
  g_assert_cmpstr (title, ==, "Status");
  assert_cell (TI_CHART_TABLE (table), 0, 0, "Charter launch");
  assert_cell (TI_CHART_TABLE (table), 0, 1, "Principles");
  assert_cell (TI_CHART_TABLE (table), 0, 2, "Jan 2023");
  assert_cell (TI_CHART_TABLE (table), 1, 2, "—");
  assert_cell (TI_CHART_TABLE (table), 1, 3, "On track");

  ti_chart_set_series (chart, NULL);
  g_assert_null (ti_chart_table_get_cell_text (TI_CHART_TABLE (table), 0, 0));

  gtk_window_destroy (GTK_WINDOW (window));
  test_chart_settle ();
  g_assert_finalize_object (table);
  g_assert_finalize_object (chart);
}

static void
on_saved (TiChartCard *card, const char *path, char **out)
{
  g_free (*out);
  *out = g_strdup (path);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_card (void)
{
  TiChart *chart = ti_column_chart_new ("Reach by sector");
  g_autoptr (TiSeries) tiers = two_series ();
  GtkWidget *card = ti_chart_card_new (chart);
  g_autofree char *dir = g_dir_make_tmp ("ti-charts-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "reach.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "gone", "reach.png", NULL);
  g_autofree char *saved = NULL;
  GtkWidget *window, *heading, *button;
  GtkStack *stack;
  AdwMessageDialog *dialog;

  g_object_ref (chart);
  ti_chart_set_series (chart, tiers);
  g_signal_connect (card, "saved", G_CALLBACK (on_saved), &saved);
  window = test_chart_show_in_window (card, 480, 400);

  /* The card says the title, as a heading; the chart leaves it out on screen. */
  g_assert_true (ti_chart_card_get_chart (TI_CHART_CARD (card)) == chart);
  g_assert_false (ti_chart_get_show_title (chart));
  g_assert_true (gtk_widget_has_css_class (card, "card"));
  heading = find_widget (card, GTK_TYPE_LABEL, "Reach by sector");
  g_assert_nonnull (heading);
  g_assert_true (gtk_widget_has_css_class (heading, "heading"));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (heading)), ==,
                   GTK_ACCESSIBLE_ROLE_HEADING);
  ti_chart_set_title (chart, "Reach by sector, 2023–24");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, "Reach by sector, 2023–24");

  /* A subtitle, shown only when there is one. */
  g_assert_null (ti_chart_card_get_subtitle (TI_CHART_CARD (card)));
  g_assert_null (find_widget (card, GTK_TYPE_LABEL, "Outcomes 1 · 4"));
  ti_chart_card_set_subtitle (TI_CHART_CARD (card), "Outcomes 1 · 4");
  g_assert_cmpstr (ti_chart_card_get_subtitle (TI_CHART_CARD (card)), ==, "Outcomes 1 · 4");
  g_assert_true (gtk_widget_get_visible (find_widget (card, GTK_TYPE_LABEL, "Outcomes 1 · 4")));
  ti_chart_card_set_subtitle (TI_CHART_CARD (card), NULL);
  g_assert_false (gtk_widget_get_visible (find_widget (card, GTK_TYPE_LABEL, "")));

  /* The options button. */
  button = find_widget (card, GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Chart Options");
  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)), ==,
                   "view-more-symbolic");

  /* Show as Table turns the chart into its table and back, by the property or the menu's
   * action. */
  stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (chart)));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (stack), card));
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (chart));
  ti_chart_card_set_show_table (TI_CHART_CARD (card), TRUE);
  g_assert_true (ti_chart_card_get_show_table (TI_CHART_CARD (card)));
  g_assert_true (TI_IS_CHART_TABLE (gtk_stack_get_visible_child (stack)));
  g_assert_true (ti_chart_table_get_chart (TI_CHART_TABLE (gtk_stack_get_visible_child (stack)))
                 == chart);
  g_assert_true (gtk_widget_activate_action (card, "chart.show-table", NULL));
  g_assert_false (ti_chart_card_get_show_table (TI_CHART_CARD (card)));
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (chart));

  /* Saving: the file, and the page told where. */
  ti_chart_card_save_to_path (TI_CHART_CARD (card), png, TI_CHART_FILE_PNG);
  g_assert_cmpstr (saved, ==, png);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&saved, g_free);

  /* A failure is said in words, in a dialog over the window. */
  g_assert_null (find_message_dialog ());
  ti_chart_card_save_to_path (TI_CHART_CARD (card), missing, TI_CHART_FILE_SVG);
  g_assert_null (saved);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "No such file or directory"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  test_chart_settle ();
  g_assert_finalize_object (chart);
  g_remove (png);
  g_rmdir (dir);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* "Save as SVG…" and "Save as PDF…" offer their own format: the chooser's filter and the
 * suggested name follow the menu's choice. */
static void
assert_chooser_offers (GtkWidget *card, const char *format, const char *filter_name,
                       const char *name)
{
  GtkWindow *dialog;
  g_autoptr (GListModel) filters = NULL;
  g_autoptr (GtkFileFilter) filter = NULL;
  g_autofree char *current = NULL;

  g_assert_true (gtk_widget_activate_action (card, "chart.save", "s", format));
  test_chart_settle ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (dialog);
  current = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (current, ==, name);
  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 1);
  filter = g_list_model_get_item (filters, 0);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, filter_name);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  test_chart_settle ();
}

static char *
saved_as (GtkWidget *card, const char *dir, const char *typed, TiChartFileFormat chosen,
          char **saved)
{
  g_autofree char *path = g_build_filename (dir, typed, NULL);

  g_clear_pointer (saved, g_free);
  ti_chart_card_save_as (TI_CHART_CARD (card), path, chosen);
  g_assert_nonnull (*saved);
  return read_file (*saved, NULL);
}

/* The chooser offers the format chosen; in a child process, see
 * test_trap_without_leak_check(). */
static void
test_card_save_chooser (void)
{
  TiChart *chart;
  g_autoptr (TiSeries) tiers = NULL;
  GtkWidget *card, *window;

  if (!g_test_subprocess ())
    {
      test_trap_without_leak_check ();
      return;
    }
  chart = ti_column_chart_new ("Reach by sector");
  tiers = two_series ();
  card = ti_chart_card_new (chart);
  ti_chart_set_series (chart, tiers);
  window = test_chart_show_in_window (card, 480, 400);

  assert_chooser_offers (card, "svg", "SVG Drawings", "Reach by sector.svg");
  assert_chooser_offers (card, "pdf", "PDF Documents", "Reach by sector.pdf");
  assert_chooser_offers (card, "png", "PNG Images", "Reach by sector.png");
  test_chart_close_and_finalize (window, card);
}

static void
test_card_save_formats (void)
{
  TiChart *chart = ti_column_chart_new ("Reach by sector");
  g_autoptr (TiSeries) tiers = two_series ();
  GtkWidget *card = ti_chart_card_new (chart);
  g_autofree char *dir = g_dir_make_tmp ("ti-charts-XXXXXX", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  cairo_surface_t *image;
  GdkRGBA white = { 1, 1, 1, 1 }, dark_text, file_text;
  GtkWidget *window;

  g_object_ref (chart);
  ti_chart_set_series (chart, tiers);
  g_signal_connect (card, "saved", G_CALLBACK (on_saved), &saved);
  window = test_chart_show_in_window (card, 480, 400);

  /* A name typed without an extension is saved in the format chosen, with its extension. */
  contents = saved_as (card, dir, "reach", TI_CHART_FILE_SVG, &saved);
  expected = g_build_filename (dir, "reach.svg", NULL);
  g_assert_cmpstr (saved, ==, expected);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  /* Vector files at the saved size itself. */
  g_assert_nonnull (strstr (contents, "width=\"1200"));
  g_clear_pointer (&contents, g_free);
  contents = saved_as (card, dir, "reach", TI_CHART_FILE_PDF, &saved);
  g_assert_true (g_str_has_suffix (saved, "reach.pdf"));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  /* One typed with another format's extension is saved in that format. */
  contents = saved_as (card, dir, "typed.png", TI_CHART_FILE_PDF, &saved);
  g_assert_true (g_str_has_suffix (saved, "typed.png"));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);
  contents = saved_as (card, dir, "typed.PDF", TI_CHART_FILE_SVG, &saved);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  contents = saved_as (card, dir, "board v2", TI_CHART_FILE_SVG, &saved);
  g_assert_true (g_str_has_suffix (saved, "board v2.svg"));
  g_clear_pointer (&contents, g_free);

  /* In dark style the saved PNG is still light on white, at twice 1200 by 750, and the
   * card's subtitle stands in for a caption only while saving. */
  ti_chart_card_set_subtitle (TI_CHART_CARD (card), "Outcomes 1 · 4");
  force_scheme (chart, ADW_COLOR_SCHEME_FORCE_DARK);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &dark_text);
  g_assert_cmpfloat (dark_text.red, >, 0.7);
  g_clear_pointer (&contents, g_free);
  contents = saved_as (card, dir, "dark", TI_CHART_FILE_PNG, &saved);
  g_assert_null (ti_chart_get_caption (chart));
  image = cairo_image_surface_create_from_png (saved);
  g_assert_cmpint (cairo_image_surface_get_width (image), >=, 2400);
  g_assert_cmpint (cairo_image_surface_get_height (image), >=, 1500);
  g_assert_true (pixel_is (image, 2, 2, &white));
  g_assert_true (pixel_is (image, cairo_image_surface_get_width (image) - 3,
                           cairo_image_surface_get_height (image) - 3, &white));
  gdk_rgba_parse (&file_text, "#1e1e1e");
  g_assert_cmpint (count_near (image, 0, cairo_image_surface_get_height (image), &file_text, 8),
                   >, 200);
  cairo_surface_destroy (image);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
  test_chart_settle ();

  gtk_window_destroy (GTK_WINDOW (window));
  test_chart_settle ();
  g_assert_finalize_object (chart);
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_remove (path);
      }
  }
  g_rmdir (dir);
}

/* A caption says a saved chart's period under its title; on screen the card says it. */
static void
test_caption (void)
{
  const char *categories[] = { "Council", "Schools" };
  const double values[] = { 4, 9 };
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Reach by sector"));
  g_autoptr (TiSeries) series = one_series (categories, values, 2);
  g_autofree char *dir = g_dir_make_tmp ("ti-charts-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.png", NULL);
  g_autofree char *captioned = g_build_filename (dir, "captioned.png", NULL);
  cairo_surface_t *a, *b;
  GdkRGBA white = { 1, 1, 1, 1 };
  int line, top;

  ti_chart_set_series (chart, series);
  ti_chart_set_show_title (chart, FALSE);
  g_assert_true (ti_chart_save (chart, plain, TI_CHART_FILE_PNG, WIDTH, HEIGHT, NULL));
  ti_chart_set_caption (chart, "1 Jan 2023 – 30 Apr 2024 · Outcomes 1 · 4");
  g_assert_cmpstr (ti_chart_get_caption (chart), ==, "1 Jan 2023 – 30 Apr 2024 · Outcomes 1 · 4");
  g_assert_true (ti_chart_save (chart, captioned, TI_CHART_FILE_PNG, WIDTH, HEIGHT, NULL));

  /* Under the title, the caption's words where the plain file has the plot's top. */
  a = cairo_image_surface_create_from_png (plain);
  b = cairo_image_surface_create_from_png (captioned);
  line = 0;
  for (top = 0; top < HEIGHT && line == 0; top++)
    line = WIDTH - count_near (a, top, top + 1, &white, 2);
  /* The title's first row of ink; the caption lies a line and a half under it. */
  g_assert_cmpint (top, <, 30);
  {
    int ink_plain = WIDTH * 20 - count_near (a, top + 22, top + 42, &white, 40);
    int ink_caption = WIDTH * 20 - count_near (b, top + 22, top + 42, &white, 40);

    g_assert_cmpint (ink_caption, >, ink_plain + 150);
  }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* On screen the chart leaves it to the card: no difference drawn. */
  a = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  ti_chart_set_caption (chart, "");
  g_assert_null (ti_chart_get_caption (chart));
  b = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpmem (cairo_image_surface_get_data (a), HEIGHT * cairo_image_surface_get_stride (a),
                   cairo_image_surface_get_data (b), HEIGHT * cairo_image_surface_get_stride (b));
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  g_remove (plain);
  g_remove (captioned);
  g_rmdir (dir);
  g_assert_finalize_object (chart);
}

/* The middle of the pixels of @colour down the column at @x, or -1. */
static int
middle_down (cairo_surface_t *surface, int x, const GdkRGBA *colour)
{
  int top, bottom;

  extent_down (surface, x, colour, &top, &bottom);
  return top < 0 ? -1 : (top + bottom) / 2;
}

/* Three months of one count: 0, 50, 100; and a second series, named. */
static TiSeries *
months_series (guint n_series)
{
  TiSeries *series = ti_series_new ("cumulative", TI_SERIES_FORMAT_COUNT, 3, n_series);

  for (guint m = 0; m < 3; m++)
    {
      ti_series_set_category_month (series, m, 2023, m + 1);
      ti_series_set_value (series, 0, m, m * 50);
      if (n_series > 1)
        ti_series_set_value (series, 1, m, 80 - m * 10);
    }
  if (n_series > 1)
    {
      ti_series_set_series_name (series, 0, "Tier 1");
      ti_series_set_series_name (series, 1, "Tier 2");
    }
  return series;
}

static void
test_line (void)
{
  TiChart *chart = g_object_ref_sink (ti_line_chart_new ("Completions"));
  g_autoptr (TiSeries) one = months_series (1);
  g_autoptr (TiSeries) two = months_series (2);
  g_autofree char *tooltip = NULL;
  cairo_surface_t *surface;
  GdkRGBA accent, first, second;
  int left, right, y_left, y_middle, y_right;
  const char *description;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_ACCENT, &accent);
  ti_chart_set_series (chart, one);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);

  /* The line climbs from the first month (0, on the axis) to the last (100, at its top),
   * straight through the middle one (50). */
  extent_across (surface, row_with_runs (surface, &accent, 1), &accent, &left, &right);
  {
    int x0 = WIDTH, x1 = -1;

    for (int y = 0; y < HEIGHT; y++)
      {
        int l, r;

        extent_across (surface, y, &accent, &l, &r);
        if (l >= 0)
          {
            x0 = MIN (x0, l);
            x1 = MAX (x1, r);
          }
      }
    left = x0 + 3;
    right = x1 - 3;
  }
  y_left = middle_down (surface, left, &accent);
  y_right = middle_down (surface, right, &accent);
  y_middle = middle_down (surface, (left + right) / 2, &accent);
  g_assert_cmpint (y_left, >, y_right + 100);
  g_assert_cmpint (ABS (y_middle - (y_left + y_right) / 2), <=, 3);
  cairo_surface_destroy (surface);

  description = ti_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "3 months."));
  g_assert_nonnull (strstr (description, "Rose from 0 to 100."));
  tooltip = ti_chart_describe_item (chart, 1, 0);
  g_assert_cmpstr (tooltip, ==, "Feb 2023: 50");

  /* Two series: each in its colour, each trend told by name. */
  ti_chart_set_series (chart, two);
  ti_chart_palette_colour (0, &first);
  ti_chart_palette_colour (1, &second);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_colour (surface, &first), >, 100);
  g_assert_cmpint (count_colour (surface, &second), >, 100);
  cairo_surface_destroy (surface);
  description = ti_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "Tier 1 rose from 0 to 100."));
  g_assert_nonnull (strstr (description, "Tier 2 fell from 80 to 60."));
  g_assert_nonnull (strstr (description, "Largest: Mar 2023 · Tier 1: 100"));

  /* Months across, series up. */
  press_key (chart, GDK_KEY_Right);
  press_key (chart, GDK_KEY_Right);
  press_key (chart, GDK_KEY_Up);
  assert_selected (chart, 1, 1);

  g_assert_finalize_object (chart);
}

static void
test_donut (void)
{
  const char *sectors[] = { "Council", "Police", "Schools", "Housing" };
  const double champions[] = { 50, 25, 25, NAN };
  TiChart *chart = g_object_ref_sink (ti_donut_chart_new ("Champions by sector"));
  g_autoptr (TiSeries) series = one_series (sectors, champions, 4);
  g_autofree char *tooltip = NULL;
  cairo_surface_t *surface;
  GdkRGBA colour[3];
  int n[3];
  const char *description;

  ti_chart_set_series (chart, series);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);

  /* Slices as 2 : 1 : 1, each in its palette colour (the legend's swatches are small). */
  for (guint i = 0; i < 3; i++)
    {
      ti_chart_palette_colour (i, &colour[i]);
      n[i] = count_colour (surface, &colour[i]);
    }
  g_assert_cmpint (n[0], >, 1000);
  g_assert_cmpfloat (fabs (n[1] / (double) n[0] - 0.5), <, 0.08);
  g_assert_cmpfloat (fabs (n[2] / (double) n[1] - 1), <, 0.08);
  /* Clockwise from the top: the first half on the right, then the Police's quarter at the
   * bottom left, the Schools' at the top left. */
  {
    int top = HEIGHT, bottom = -1, cx, cy, l0, r0, l2, r2;

    for (int x = 0; x < WIDTH; x++)
      for (guint i = 0; i < 3; i += 2)
        {
          int t, b;

          extent_down (surface, x, &colour[i], &t, &b);
          if (t >= 0)
            top = MIN (top, t);
        }
    for (int x = 0; x < WIDTH; x++)
      {
        int t, b;

        extent_down (surface, x, &colour[1], &t, &b);
        bottom = MAX (bottom, b);
      }
    extent_across (surface, top + 3, &colour[0], &l0, &r0);
    extent_across (surface, top + 3, &colour[2], &l2, &r2);
    g_assert_cmpint (r2, <, l0);
    cx = (r2 + l0) / 2;
    cy = (top + bottom) / 2;
    for (int y = 0; y < HEIGHT; y++)
      for (int x = 0; x < cx - 3; x++)
        {
          g_assert_false (pixel_is (surface, x, y, &colour[0]));
          if (pixel_is (surface, x, y, &colour[1]))
            g_assert_cmpint (y, >, cy - 3);
          if (pixel_is (surface, x, y, &colour[2]))
            g_assert_cmpint (y, <, cy + 3);
        }
  }
  cairo_surface_destroy (surface);

  g_assert_cmpfloat (ti_donut_chart_get_share (TI_DONUT_CHART (chart), 0), ==, 0.5);
  g_assert_cmpfloat (ti_donut_chart_get_share (TI_DONUT_CHART (chart), 3), ==, 0);
  tooltip = ti_chart_describe_item (chart, 1, 0);
  g_assert_cmpstr (tooltip, ==, "Police: 25 (25.0%)");
  description = ti_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "3 slices, 100 in all."));
  g_assert_nonnull (strstr (description, "Largest: Council: 50 (50.0%)"));

  /* Slices across; there is one series to move between. */
  press_key (chart, GDK_KEY_Right);
  press_key (chart, GDK_KEY_Up);
  assert_selected (chart, 0, 0);

  g_assert_finalize_object (chart);
}

static void
test_donut_on_screen (void)
{
  const char *sectors[] = { "Council", "Police" };
  const double champions[] = { 30, 10 };
  TiChart *chart = ti_donut_chart_new ("Champions by sector");
  g_autoptr (TiSeries) series = one_series (sectors, champions, 2);
  guint activated[3] = { 0, 0, 0 };
  cairo_surface_t *surface;
  GtkWidget *window;
  GdkRGBA police;
  int left = -1, right = -1, y;

  ti_chart_set_series (chart, series);
  g_signal_connect (chart, "item-activated", G_CALLBACK (on_item_activated), activated);
  window = test_chart_show_in_window (GTK_WIDGET (chart), 480, 320);
  surface = ti_chart_render_to_surface (chart, gtk_widget_get_width (GTK_WIDGET (chart)),
                                        gtk_widget_get_height (GTK_WIDGET (chart)));

  /* A click on the Police's slice (a quarter, the last before the top) opens it; the hole
   * opens nothing. */
  ti_chart_palette_colour (1, &police);
  y = row_with_runs (surface, &police, 1);
  g_assert_cmpint (y, >, 0);
  for (y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      extent_across (surface, y, &police, &left, &right);
      if (left >= 0 && right - left > 20)
        break;
    }
  g_assert_true (click (chart, (left + right) / 2.0, y + 2));
  g_assert_cmpuint (activated[0], ==, 1);
  g_assert_false (click (chart, gtk_widget_get_width (GTK_WIDGET (chart)) / 2.0 - 60,
                         gtk_widget_get_height (GTK_WIDGET (chart)) / 2.0 + 10));
  cairo_surface_destroy (surface);

  test_chart_close_and_finalize (window, chart);
}

static void
test_dumbbell (void)
{
  TiChart *chart = g_object_ref_sink (ti_dumbbell_chart_new ("Confidence"));
  g_autoptr (TiSeries) series = ti_series_new ("confidence", TI_SERIES_FORMAT_SCORE, 2, 2);
  g_autofree char *tooltip = NULL;
  g_autoptr (GArray) runs = NULL;
  cairo_surface_t *surface;
  GdkRGBA before, after;
  int y_first = -1, y_second = -1, previous = -1;
  int x1, x5, x2, x4;

  /* The first row the whole scale, 1 to 5; the second 2 to 4. */
  ti_series_set_category (series, 0, "Council", NULL);
  ti_series_set_category (series, 1, "Police", NULL);
  ti_series_set_value (series, 0, 0, 1);
  ti_series_set_value (series, 1, 0, 5);
  ti_series_set_value (series, 0, 1, 2);
  ti_series_set_value (series, 1, 1, 4);
  ti_chart_set_series (chart, series);
  ti_chart_palette_colour (0, &before);
  ti_chart_palette_colour (1, &after);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);

  /* The rows' after dots: filled, one over the other. */
  for (int y = 0; y < HEIGHT - 40; y++)
    {
      int l, r;

      extent_across (surface, y, &after, &l, &r);
      if (l >= 0 && r - l >= 6 && previous < 0)
        {
          if (y_first < 0)
            y_first = y + 5;
          else if (y_second < 0 && y > y_first + 10)
            y_second = y + 5;
        }
      previous = l >= 0 && r - l >= 6 ? y : -1;
    }
  g_assert_cmpint (y_first, >, 0);
  g_assert_cmpint (y_second, >, y_first);

  /* On the fixed scale, 2 and 4 sit a quarter in from 1 and 5. */
  extent_across (surface, y_first, &after, &x5, &x4);
  x5 = (x5 + x4) / 2;
  runs = runs_across (surface, y_first, &before);
  g_assert_cmpuint (runs->len, >=, 2); /* a ring: two edges across its middle */
  x1 = (g_array_index (runs, Run, 0).start + g_array_index (runs, Run, runs->len - 1).end) / 2;
  /* Hollow: its middle is not its colour. */
  g_assert_false (pixel_is (surface, x1, y_first, &before));
  extent_across (surface, y_second, &after, &x4, &x2);
  x4 = (x4 + x2) / 2;
  g_array_unref (runs);
  runs = runs_across (surface, y_second, &before);
  g_assert_cmpuint (runs->len, >=, 2);
  x2 = (g_array_index (runs, Run, 0).start + g_array_index (runs, Run, runs->len - 1).end) / 2;
  g_assert_cmpint (x5 - x1, >, 150);
  g_assert_cmpfloat (fabs ((x2 - x1) - (x5 - x1) / 4.0), <=, 2);
  g_assert_cmpfloat (fabs ((x5 - x4) - (x5 - x1) / 4.0), <=, 2);
  cairo_surface_destroy (surface);

  tooltip = ti_chart_describe_item (chart, 1, 0);
  g_assert_cmpstr (tooltip, ==, "Police · Before: 2.00");
  g_assert_nonnull (strstr (ti_chart_get_description (chart),
                            "Council changed most, from 1.00 to 5.00."));

  /* Rows: Down between categories, Right from before to after. */
  press_key (chart, GDK_KEY_Down);
  press_key (chart, GDK_KEY_Down);
  press_key (chart, GDK_KEY_Right);
  assert_selected (chart, 1, 1);

  g_assert_finalize_object (chart);
}

static TiSeries *
milestones_series (void)
{
  TiSeries *series = ti_series_new ("milestones", TI_SERIES_FORMAT_MONTH, 3, 1);

  ti_series_set_category (series, 0, "Charter launch", NULL);
  ti_series_set_category_group (series, 0, "Principles");
  ti_series_set_category_state (series, 0, TI_MILESTONE_DONE, "Done");
  ti_series_set_value (series, 0, 0, 2023 * 12 + 0);
  ti_series_set_category (series, 1, "Housing pathway", NULL);
  ti_series_set_category_group (series, 1, "Service delivery");
  ti_series_set_category_state (series, 1, TI_MILESTONE_LATE, "Late");
  ti_series_set_value (series, 0, 1, 2023 * 12 + 9);
  ti_series_set_category (series, 2, "Full evaluation", NULL);
  ti_series_set_category_group (series, 2, "Principles");
  ti_series_set_category_state (series, 2, TI_MILESTONE_ON_TRACK, "On track");
  ti_series_set_value (series, 0, 2, 2024 * 12 + 3);
  return series;
}

static void
test_timeline (void)
{
  TiChart *chart = g_object_ref_sink (ti_timeline_strip_new ("Milestones"));
  g_autoptr (TiSeries) series = milestones_series ();
  g_autofree char *tooltip = NULL;
  const char *category, *group;
  cairo_surface_t *surface;
  GdkRGBA done, late, on_track, accent;
  int done_top, done_bottom, late_top, late_bottom, track_top, track_bottom;
  int done_left = -1, done_right, late_left = -1, late_right = -1, track_left, track_right;
  const char *description;

  ti_chart_set_series (chart, series);
  ti_chart_palette_colour (2, &done);
  ti_chart_palette_colour (5, &late);
  ti_chart_palette_colour (4, &on_track);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_ACCENT, &accent);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);

  /* Each status in its colour: the done one first across, then the late one in a lane below,
   * then the one on track back in the first lane. (The legend's swatches sit at the bottom.) */
  for (int x = 0; x < WIDTH; x++)
    {
      int t, b;

      extent_down (surface, x, &done, &t, &b);
      if (t >= 0 && t < HEIGHT - 40)
        {
          done_left = x;
          break;
        }
    }
  extent_down (surface, done_left + 3, &done, &done_top, &done_bottom);
  extent_across (surface, done_top + 4, &done, &done_left, &done_right);
  extent_across (surface, done_top + 4, &on_track, &track_left, &track_right);
  extent_down (surface, (track_left + track_right) / 2, &on_track, &track_top, &track_bottom);
  g_assert_cmpint (track_left, >, done_right);
  g_assert_cmpint (ABS ((track_top + track_bottom) - (done_top + done_bottom)), <=, 3);
  for (int y = done_bottom; y < HEIGHT - 40; y++)
    {
      extent_across (surface, y, &late, &late_left, &late_right);
      if (late_left >= 0)
        break;
    }
  g_assert_cmpint (late_left, >, done_right);
  g_assert_cmpint (late_right, <, track_left);
  extent_down (surface, (late_left + late_right) / 2, &late, &late_top, &late_bottom);
  g_assert_cmpint (late_top, >, done_bottom);
  /* Nine months between the first two, six between the last two. */
  g_assert_cmpfloat (fabs (((late_left + late_right) / 2.0 - (done_left + done_right) / 2.0) / 9
                           - ((track_left + track_right) / 2.0 - (late_left + late_right) / 2.0)
                               / 6),
                     <=, 1.5);

  /* No today line until today is set. */
  g_assert_cmpint (count_colour (surface, &accent), ==, 0);
  cairo_surface_destroy (surface);
  ti_timeline_strip_set_today (TI_TIMELINE_STRIP (chart), 2023, 6);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_colour (surface, &accent), >, 50);
  cairo_surface_destroy (surface);
  ti_timeline_strip_clear_today (TI_TIMELINE_STRIP (chart));
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_colour (surface, &accent), ==, 0);
  cairo_surface_destroy (surface);

  tooltip = ti_chart_describe_item (chart, 1, 0);
  g_assert_cmpstr (tooltip, ==, "Housing pathway: Oct 2023, Late");
  description = ti_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "3 milestones."));
  g_assert_nonnull (strstr (description, "Done: 1."));
  g_assert_nonnull (strstr (description, "Late: 1."));
  g_assert_nonnull (strstr (description, "First: Charter launch: Jan 2023, Done."));
  g_assert_nonnull (strstr (description, "Last: Full evaluation: Apr 2024, On track."));
  ti_chart_get_headings (chart, &category, &group);
  g_assert_cmpstr (category, ==, "Milestone");
  g_assert_cmpstr (group, ==, "Workstream");

  /* Rows: Down goes to the next milestone. */
  press_key (chart, GDK_KEY_Down);
  press_key (chart, GDK_KEY_Down);
  assert_selected (chart, 1, 0);
  press_key (chart, GDK_KEY_Right);
  assert_selected (chart, 1, 0);

  g_assert_finalize_object (chart);
}

/* Thirteen milestones due the same month in one lane: each its own marker, its own name and
 * its own place to click, the lane growing to hold them. */
static void
test_timeline_same_month (void)
{
  TiChart *chart = ti_timeline_strip_new ("Milestones");
  g_autoptr (TiSeries) series = ti_series_new ("milestones", TI_SERIES_FORMAT_MONTH, 13, 1);
  g_autoptr (TiSeries) one = ti_series_new ("milestones", TI_SERIES_FORMAT_MONTH, 1, 1);
  g_autoptr (GHashTable) opened = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) runs = NULL;
  guint activated[3] = { 0, 0, 0 };
  cairo_surface_t *surface;
  GtkWidget *window;
  GdkRGBA done;
  int natural_one, natural, width, height, x = -1;

  for (guint c = 0; c < 13; c++)
    {
      g_autofree char *name = g_strdup_printf ("Sector plan %u signed", c + 1);

      ti_series_set_category (series, c, name, NULL);
      ti_series_set_category_group (series, c, "Principles");
      ti_series_set_category_state (series, c, TI_MILESTONE_DONE, "Done");
      ti_series_set_value (series, 0, c, 2023 * 12 + 9);
    }
  ti_series_set_category (one, 0, "Sector plan 1 signed", NULL);
  ti_series_set_category_group (one, 0, "Principles");
  ti_series_set_category_state (one, 0, TI_MILESTONE_DONE, "Done");
  ti_series_set_value (one, 0, 0, 2023 * 12 + 9);

  ti_chart_set_series (chart, one);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, WIDTH, NULL, &natural_one,
                      NULL, NULL);
  ti_chart_set_series (chart, series);
  gtk_widget_measure (GTK_WIDGET (chart), GTK_ORIENTATION_VERTICAL, WIDTH, NULL, &natural, NULL,
                      NULL);
  g_assert_cmpint (natural, >, natural_one);
  g_assert_cmpint (natural, >=, 13 * 18);

  g_signal_connect (chart, "item-activated", G_CALLBACK (on_item_activated), activated);
  window = test_chart_show_in_window (GTK_WIDGET (chart), WIDTH, natural);
  width = gtk_widget_get_width (GTK_WIDGET (chart));
  height = gtk_widget_get_height (GTK_WIDGET (chart));
  g_assert_cmpint (height, >=, natural);
  surface = ti_chart_render_to_surface (chart, width, height);
  ti_chart_palette_colour (2, &done);

  /* Down the column of their month, thirteen markers one under the other. */
  for (int probe = 0; probe < width && x < 0; probe++)
    {
      int top, bottom;

      extent_down (surface, probe, &done, &top, &bottom);
      if (top >= 0 && top < height - 40)
        x = probe + 4;
    }
  g_assert_cmpint (x, >, 0);
  runs = g_array_new (FALSE, FALSE, sizeof (Run));
  for (int y = 0, start = -1; y <= height - 40; y++)
    {
      gboolean in = y < height - 40 && pixel_is (surface, x, y, &done);

      if (in && start < 0)
        start = y;
      else if (!in && start >= 0)
        {
          Run run = { start, y - 1 };

          g_array_append_val (runs, run);
          start = -1;
        }
    }
  g_assert_cmpuint (runs->len, ==, 13);

  for (guint i = 0; i < runs->len; i++)
    {
      Run run = g_array_index (runs, Run, i);
      int middle = (run.start + run.end) / 2;

      /* Its name beside it: ink to its right, on its row. */
      {
        int ink = 0;

        /* (Beside it on either side: by the right edge names go to the left.) */
        for (int px = 0; px < width; px++)
          for (int py = middle - 3; py <= middle + 3 && ABS (px - x) > 10; py++)
            {
              const guint8 *data = cairo_image_surface_get_data (surface);
              guint32 pixel = *(const guint32 *) (data + py * cairo_image_surface_get_stride (surface)
                                                  + px * 4);

              ink += (pixel >> 24) > 60;
            }
        g_assert_cmpint (ink, >, 20);
      }
      /* A click on its marker opens that milestone, and no other. */
      activated[2] = 0;
      g_assert_true (click (chart, x, middle));
      g_assert_cmpuint (activated[2], ==, 1);
      g_hash_table_add (opened, GUINT_TO_POINTER (activated[0] + 1));
    }
  g_assert_cmpuint (g_hash_table_size (opened), ==, 13);
  cairo_surface_destroy (surface);

  test_chart_close_and_finalize (window, chart);
}

/* The keyboard goes through milestones as they are on screen: lane by lane, by date. */
static void
test_timeline_keyboard (void)
{
  TiChart *chart = g_object_ref_sink (ti_timeline_strip_new ("Milestones"));
  g_autoptr (TiSeries) series = ti_series_new ("milestones", TI_SERIES_FORMAT_MONTH, 4, 1);
  const struct
  {
    const char *name, *lane;
    int month;
  } milestones[] = {
    { "Evaluation", "Principles", 2024 * 12 + 3 },
    { "Housing pathway", "Service delivery", 2023 * 12 + 9 },
    { "Charter launch", "Principles", 2023 * 12 + 0 },
    { "Panel", "Service delivery", 2024 * 12 + 5 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (milestones); c++)
    {
      ti_series_set_category (series, c, milestones[c].name, NULL);
      ti_series_set_category_group (series, c, milestones[c].lane);
      ti_series_set_category_state (series, c, TI_MILESTONE_ON_TRACK, "On track");
      ti_series_set_value (series, 0, c, milestones[c].month);
    }
  ti_chart_set_series (chart, series);

  /* Right: the first lane's milestones by date, then the next lane's. */
  g_assert_true (press_key (chart, GDK_KEY_Right));
  assert_selected (chart, 2, 0);
  press_key (chart, GDK_KEY_Right);
  assert_selected (chart, 0, 0);
  press_key (chart, GDK_KEY_Right);
  assert_selected (chart, 1, 0);
  press_key (chart, GDK_KEY_Right);
  assert_selected (chart, 3, 0);
  press_key (chart, GDK_KEY_Right);
  assert_selected (chart, 3, 0);
  press_key (chart, GDK_KEY_Left);
  assert_selected (chart, 1, 0);

  /* Up and Down: the lane above or below, at the milestone nearest in date. */
  press_key (chart, GDK_KEY_Up);
  assert_selected (chart, 0, 0);
  press_key (chart, GDK_KEY_Up);
  assert_selected (chart, 0, 0);
  press_key (chart, GDK_KEY_Home);
  assert_selected (chart, 2, 0);
  press_key (chart, GDK_KEY_Down);
  assert_selected (chart, 1, 0);
  press_key (chart, GDK_KEY_End);
  assert_selected (chart, 3, 0);

  /* Right to left, Left goes on. */
  press_key (chart, GDK_KEY_Home);
  gtk_widget_set_direction (GTK_WIDGET (chart), GTK_TEXT_DIR_RTL);
  press_key (chart, GDK_KEY_Left);
  assert_selected (chart, 0, 0);

  g_assert_finalize_object (chart);
}

/* Statuses in colours that read as they mean, each with its own shape: done late is orange,
 * not the blue of a tier. */
static void
test_status_colours (void)
{
  TiChart *chart = g_object_ref_sink (ti_timeline_strip_new ("Milestones"));
  g_autoptr (TiSeries) series = ti_series_new ("milestones", TI_SERIES_FORMAT_MONTH, 1, 1);
  cairo_surface_t *surface;
  GdkRGBA blue, orange;

  ti_series_set_category (series, 0, "Coordinator recruited", NULL);
  ti_series_set_category_group (series, 0, "Organisational change");
  ti_series_set_category_state (series, 0, TI_MILESTONE_DONE_LATE, "Done late");
  ti_series_set_value (series, 0, 0, 2023 * 12 + 4);
  ti_chart_set_series (chart, series);
  ti_chart_palette_colour (0, &blue);
  ti_chart_palette_colour (1, &orange);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_colour (surface, &orange), >, 40);
  g_assert_cmpint (count_colour (surface, &blue), ==, 0);
  cairo_surface_destroy (surface);
  g_assert_finalize_object (chart);
}

/* On a dark card every colour of the palette stands at 3:1 at least; on white, in files, the
 * palette is Okabe and Ito's own. */
static void
test_dark_palette (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  TiChart *chart = ti_column_chart_new ("Reach");
  GtkWidget *window = test_chart_show_in_window (GTK_WIDGET (chart), 400, 300);
  GdkRGBA card, colour, light, white = { 1, 1, 1, 1 };

  force_scheme (chart, ADW_COLOR_SCHEME_FORCE_DARK);
  /* libadwaita's dark card: 8% white over the window's #242424. */
  gdk_rgba_parse (&card, "#363636");
  for (guint i = 0; i < ti_chart_palette_size (); i++)
    {
      ti_chart_get_palette_colour (chart, i, &colour);
      g_assert_cmpfloat (ti_chart_contrast (&colour, &card), >=, 3.0);
    }
  ti_chart_palette_colour (0, &light);
  g_assert_cmpfloat (ti_chart_contrast (&light, &card), <, 3.0);
  ti_chart_get_palette_colour (chart, 0, &colour);
  g_assert_false (gdk_rgba_equal (&colour, &light));
  g_assert_cmpfloat (ti_chart_contrast (&white, &card), >, 10);

  force_scheme (chart, ADW_COLOR_SCHEME_FORCE_LIGHT);
  ti_chart_get_palette_colour (chart, 0, &colour);
  g_assert_true (gdk_rgba_equal (&colour, &light));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  test_chart_settle ();
  test_chart_close_and_finalize (window, chart);
}

/* Whether two images differ anywhere right of @x. */
static gboolean
differ_right_of (cairo_surface_t *a, cairo_surface_t *b, int x, int top, int bottom)
{
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b);

  for (int y = MAX (top, 0); y < MIN (bottom, cairo_image_surface_get_height (a)); y++)
    for (int px = MAX (x, 0); px < cairo_image_surface_get_width (a); px++)
      if (*(const guint32 *) (da + y * stride + px * 4) != *(const guint32 *) (db + y * stride + px * 4))
        return TRUE;
  return FALSE;
}

/* A line's end says its name and value in little room: the name is cut short, never the
 * value. Two charts whose last values differ in their last digit only differ there. */
static void
test_line_end_value_whole (void)
{
  TiChart *chart = g_object_ref_sink (ti_line_chart_new ("Champions"));
  cairo_surface_t *image[2];
  GdkRGBA accent;
  int right = -1;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_ACCENT, &accent);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (TiSeries) series = ti_series_new ("active", TI_SERIES_FORMAT_COUNT, 3, 1);

      ti_series_set_series_name (series, 0, "Active champions in the network");
      for (guint m = 0; m < 3; m++)
        ti_series_set_category_month (series, m, 2024, m + 1);
      ti_series_set_value (series, 0, 0, 100000);
      ti_series_set_value (series, 0, 1, 200000);
      ti_series_set_value (series, 0, 2, 359000 + i);
      ti_chart_set_series (chart, series);
      image[i] = ti_chart_render_to_surface (chart, 360, 240);
    }
  /* Right of the line's last marker, only the label. */
  for (int y = 0; y < 240; y++)
    {
      int l, r;

      extent_across (image[0], y, &accent, &l, &r);
      right = MAX (right, r);
    }
  g_assert_cmpint (right, >, 100);
  g_assert_cmpint (right, <, 300);
  g_assert_true (differ_right_of (image[0], image[1], right + 3, 0, 240));
  cairo_surface_destroy (image[0]);
  cairo_surface_destroy (image[1]);
  g_assert_finalize_object (chart);
}

/* A donut's legend gives each slice's value whole, even beside a long name. */
static void
test_donut_legend_value_whole (void)
{
  TiChart *chart = g_object_ref_sink (ti_donut_chart_new ("Charter reviews"));
  const char *names[] = { "Approved", "Changes requested by the organisation's review panel",
                          "Waiting" };
  cairo_surface_t *image[2];
  GdkRGBA swatch;
  int width = 1280, height = 400, left = -1, top = height, bottom = -1;

  for (guint i = 0; i < 2; i++)
    {
      const double values[] = { 300 - i, 23 + i, 42 };
      g_autoptr (TiSeries) series = one_series (names, values, 3);

      ti_chart_set_series (chart, series);
      image[i] = ti_chart_render_to_surface (chart, width, height);
    }
  /* The long slice's swatch: its colour furthest right (the legend beside the donut). */
  ti_chart_palette_colour (1, &swatch);
  for (int y = 0; y < height; y++)
    {
      int l, r;

      extent_across (image[0], y, &swatch, &l, &r);
      if (r > left)
        left = r;
    }
  for (int y = 0; y < height; y++)
    if (pixel_is (image[0], left, y, &swatch))
      {
        top = MIN (top, y);
        bottom = MAX (bottom, y);
      }
  g_assert_cmpint (left, >, width / 2);
  g_assert_cmpint (bottom, >=, top);
  /* On its row, right of its swatch: the value and share, whole, differ. */
  g_assert_true (differ_right_of (image[0], image[1], left + 2, top - 4, bottom + 5));
  cairo_surface_destroy (image[0]);
  cairo_surface_destroy (image[1]);
  g_assert_finalize_object (chart);
}

/* Columns of ink in a band of rows (or rows of ink in a band of columns), grouped where less
 * than @gap of blank lies between: the labels of an axis. Returns the widest group. */
static int
widest_ink_group (cairo_surface_t *surface, int from, int to, int band_from, int band_to,
                  gboolean across, int gap, guint *n_groups)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int start = -1, last = -1, widest = 0;

  *n_groups = 0;
  for (int i = from; i < to; i++)
    {
      gboolean ink = FALSE;

      for (int j = band_from; j < band_to && !ink; j++)
        {
          int x = across ? i : j, y = across ? j : i;

          ink = (*(const guint32 *) (data + y * stride + x * 4) >> 24) > 60;
        }
      if (!ink)
        continue;
      if (start < 0 || i - last > gap)
        {
          if (start >= 0)
            widest = MAX (widest, last - start + 1);
          start = i;
          (*n_groups)++;
        }
      last = i;
    }
  if (start >= 0)
    widest = MAX (widest, last - start + 1);
  return widest;
}

/* Narrow and short charts choose fewer ticks, so their labels never run together. */
static void
test_ticks_have_room (void)
{
  const char *sectors[] = { "NHS trust", "Integrated care board", "Council", "Police", "VCSE" };
  const double shares[] = { 0.15, 0.32, 0.49, 0.66, 0.83 };
  const double counts[] = { 120, 560, 990, 230, 410 };
  TiChart *bars = g_object_ref_sink (ti_column_chart_new ("Trained"));
  TiChart *columns = g_object_ref_sink (ti_column_chart_new ("Reach"));
  g_autoptr (TiSeries) percent = one_series (sectors, shares, 5);
  g_autoptr (TiSeries) count = one_series (sectors, counts, 5);
  cairo_surface_t *surface;
  int height, line, widest, left = 360;
  guint n;
  GdkRGBA accent;

  /* Bars 360 wide: the labels under them stand apart, none wider than "100%". */
  ti_series_unref (percent);
  percent = ti_series_new ("shares", TI_SERIES_FORMAT_PERCENT, 5, 1);
  for (guint c = 0; c < 5; c++)
    {
      ti_series_set_category (percent, c, sectors[c], NULL);
      ti_series_set_value (percent, 0, c, shares[c]);
    }
  ti_column_chart_set_horizontal (TI_COLUMN_CHART (bars), TRUE);
  ti_chart_set_show_title (bars, FALSE);
  ti_chart_set_series (bars, percent);
  gtk_widget_measure (GTK_WIDGET (bars), GTK_ORIENTATION_VERTICAL, 360, NULL, &height, NULL,
                      NULL);
  surface = ti_chart_render_to_surface (bars, 360, height);
  line = 0;
  {
    PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (bars), "100%");

    pango_layout_get_pixel_size (layout, &widest, &line);
    g_object_unref (layout);
  }
  g_assert_cmpint (widest_ink_group (surface, 0, 360, height - 12 - line + 2, height - 12, TRUE, 5,
                                     &n),
                   <=, widest + 2);
  g_assert_cmpuint (n, >=, 2);
  cairo_surface_destroy (surface);

  /* Columns 130 high: the labels at their left stand apart, each a line high. */
  ti_chart_set_show_title (columns, FALSE);
  ti_chart_set_series (columns, count);
  ti_chart_get_colour (columns, TI_CHART_COLOUR_ACCENT, &accent);
  surface = ti_chart_render_to_surface (columns, 360, 130);
  for (int y = 0; y < 130; y++)
    {
      int l, r;

      extent_across (surface, y, &accent, &l, &r);
      if (l >= 0)
        left = MIN (left, l);
    }
  g_assert_cmpint (left, <, 120);
  g_assert_cmpint (widest_ink_group (surface, 0, 130, 0, left - 4, FALSE, 2, &n), <=, line + 2);
  g_assert_cmpuint (n, >=, 2);
  cairo_surface_destroy (surface);

  g_assert_finalize_object (bars);
  g_assert_finalize_object (columns);
}

/* Stacks are described by their totals, not by their largest part. */
static void
test_stacked_words (void)
{
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Sessions by sector"));
  g_autoptr (TiSeries) series = two_series ();
  const char *description;

  ti_column_chart_set_stacked (TI_COLUMN_CHART (chart), TRUE);
  ti_chart_set_series (chart, series);
  description = ti_chart_get_description (chart);
  g_assert_nonnull (strstr (description, "Largest: Police, 60 in all (Tier 2: 20, Tier 3: 40)."));
  g_assert_nonnull (strstr (description,
                            "Smallest: Schools, 30 in all (Tier 2: 10, Tier 3: 20)."));
  /* Side by side, the items themselves. */
  ti_column_chart_set_stacked (TI_COLUMN_CHART (chart), FALSE);
  g_assert_nonnull (strstr (ti_chart_get_description (chart), "Largest: Police · Tier 3: 40."));
  g_assert_finalize_object (chart);
}

/* GTK 4 asks no tooltip for the keyboard: the card says the chosen item under the chart, and
 * the chart's description says it first. */
static void
test_keyboard_item_said (void)
{
  TiChart *chart = ti_column_chart_new ("Reach by sector");
  g_autoptr (TiSeries) tiers = two_series ();
  GtkWidget *card = ti_chart_card_new (chart);
  GtkWidget *window, *line;
  g_autofree char *expected = NULL;
  char *problem;

  ti_chart_set_series (chart, tiers);
  window = test_chart_show_in_window (card, 480, 400);
  g_assert_null (ti_chart_get_selected_description (chart));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart)));
  press_key (chart, GDK_KEY_Right);
  test_chart_settle ();
  g_assert_cmpstr (ti_chart_get_selected_description (chart), ==, "Council · Tier 2: 30");
  line = find_widget (card, GTK_TYPE_LABEL, "Council · Tier 2: 30");
  g_assert_nonnull (line);
  /* Shown while the chart has the input focus: its window must be the active one, which the
   * X server may take a moment to make it — or not at all while another test's window, run
   * beside this one on the same display, holds the focus. Then the chart must at least be
   * its window's focus widget. */
  for (gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       !gtk_widget_get_visible (line) && g_get_monotonic_time () < deadline;)
    g_main_context_iteration (NULL, FALSE);
  if (gtk_window_is_active (GTK_WINDOW (window)))
    g_assert_true (gtk_widget_get_visible (line));
  else
    {
      g_test_message ("the window is not active: the line's showing is not checked");
      g_assert_true (gtk_widget_is_focus (GTK_WIDGET (chart)));
    }
  expected = g_strdup_printf ("Council · Tier 2: 30. %s", ti_chart_get_description (chart));
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_null (problem);

  /* It follows the keys. */
  press_key (chart, GDK_KEY_Up);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (line)), ==, "Council · Tier 3: 10");

  /* Focus elsewhere: the line goes. */
  gtk_widget_grab_focus (find_widget (card, GTK_TYPE_MENU_BUTTON, NULL));
  test_chart_settle ();
  g_assert_false (gtk_widget_get_visible (line));

  test_chart_close_and_finalize (window, chart);
}

/* Every kind: an empty state instead of its data, and saved files for each. */
static void
test_every_kind (void)
{
  TiChart *(*constructors[]) (const char *) = {
    ti_column_chart_new, ti_line_chart_new, ti_donut_chart_new, ti_dumbbell_chart_new,
    ti_timeline_strip_new,
  };
  g_autoptr (TiSeries) nothing = ti_series_new ("none", TI_SERIES_FORMAT_COUNT, 2, 2);
  g_autoptr (TiSeries) zeros = ti_series_new ("zeros", TI_SERIES_FORMAT_COUNT, 2, 2);

  /* Counts of an empty period: every one zero, which is no data, not a chart of zeros. */
  for (guint c = 0; c < 2; c++)
    for (guint s = 0; s < 2; s++)
      ti_series_set_value (zeros, s, c, 0);
  for (guint i = 0; i < 2 * G_N_ELEMENTS (constructors); i++)
    {
      TiChart *chart = g_object_ref_sink (constructors[i / 2] ("Nothing yet"));
      cairo_surface_t *surface;
      GdkRGBA dim;

      ti_chart_set_series (chart, i % 2 ? zeros : nothing);
      g_assert_cmpstr (ti_chart_get_description (chart), ==, "No data for this period");
      ti_chart_set_show_title (chart, FALSE);
      surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
      ti_chart_get_colour (chart, TI_CHART_COLOUR_DIM, &dim);
      /* The words in the middle, and nothing else drawn. */
      g_assert_cmpint (count_painted (surface, HEIGHT / 2 - 12, HEIGHT / 2 + 12), >, 50);
      g_assert_cmpint (count_painted (surface, 0, HEIGHT / 2 - 20)
                         + count_painted (surface, HEIGHT / 2 + 20, HEIGHT),
                       ==, 0);
      cairo_surface_destroy (surface);
      g_assert_false (press_key (chart, GDK_KEY_Right));
      g_assert_finalize_object (chart);
    }
}

int
main (int argc, char *argv[])
{
  /* GTK's test backend for assistive technologies, so what a screen reader would be told can
   * be read back. */
  g_autofree char *home = NULL;
  int status;

  g_setenv ("GTK_A11Y", "test", TRUE);
  /* The save choosers show nothing of the machine's home. */
  home = test_use_empty_home ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/charts/column/land-on-data", test_columns_land_on_data);
  g_test_add_func ("/charts/column/grouped-and-stacked", test_grouped_and_stacked);
  g_test_add_func ("/charts/column/horizontal", test_horizontal);
  g_test_add_func ("/charts/column/words", test_words);
  g_test_add_func ("/charts/keyboard", test_keyboard);
  g_test_add_func ("/charts/empty", test_empty);
  g_test_add_func ("/charts/title", test_title_shown_or_not);
  g_test_add_func ("/charts/dark", test_dark);
  g_test_add_func ("/charts/save", test_save);
  g_test_add_func ("/charts/on-screen", test_on_screen);
  g_test_add_func ("/charts/line", test_line);
  g_test_add_func ("/charts/donut", test_donut);
  g_test_add_func ("/charts/donut/on-screen", test_donut_on_screen);
  g_test_add_func ("/charts/dumbbell", test_dumbbell);
  g_test_add_func ("/charts/timeline", test_timeline);
  g_test_add_func ("/charts/timeline/same-month", test_timeline_same_month);
  g_test_add_func ("/charts/timeline/keyboard", test_timeline_keyboard);
  g_test_add_func ("/charts/timeline/status-colours", test_status_colours);
  g_test_add_func ("/charts/dark-palette", test_dark_palette);
  g_test_add_func ("/charts/every-kind", test_every_kind);
  g_test_add_func ("/charts/line/end-value-whole", test_line_end_value_whole);
  g_test_add_func ("/charts/donut/legend-value-whole", test_donut_legend_value_whole);
  g_test_add_func ("/charts/ticks-have-room", test_ticks_have_room);
  g_test_add_func ("/charts/column/stacked-words", test_stacked_words);
  g_test_add_func ("/charts/keyboard-item-said", test_keyboard_item_said);
  g_test_add_func ("/charts/table", test_table);
  g_test_add_func ("/charts/card", test_card);
  g_test_add_func ("/charts/card/save-chooser", test_card_save_chooser);
  g_test_add_func ("/charts/card/save-formats", test_card_save_formats);
  g_test_add_func ("/charts/caption", test_caption);

  status = g_test_run ();
  test_remove_tree (home);
  return status;
}
