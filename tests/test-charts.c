/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "ti-column-chart.h"

/*
 * Charts drawn into an image, as they are drawn on screen: the columns land where the data puts
 * them, in the theme's accent colour, and the words said about them are the right numbers.
 */

#define WIDTH 480
#define HEIGHT 320

static gboolean
pixel_is (cairo_surface_t *surface, int x, int y, const GdkRGBA *colour)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
  int a = (pixel >> 24) & 0xff, r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff,
      b = pixel & 0xff;

  return a == 255 && ABS (r - (int) (colour->red * 255)) <= 2
         && ABS (g - (int) (colour->green * 255)) <= 2
         && ABS (b - (int) (colour->blue * 255)) <= 2;
}

typedef struct
{
  int left, right; /* a run of accent pixels across one row */
} Run;

static GArray *
accent_runs (cairo_surface_t *surface, int y, const GdkRGBA *accent)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  int start = -1;

  for (int x = 0; x <= WIDTH; x++)
    {
      gboolean in = x < WIDTH && pixel_is (surface, x, y, accent);

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

/* The first and last rows of accent pixels down the column at @x, or -1. */
static void
accent_extent (cairo_surface_t *surface, int x, const GdkRGBA *accent, int *top, int *bottom)
{
  *top = *bottom = -1;
  for (int y = 0; y < HEIGHT; y++)
    if (pixel_is (surface, x, y, accent))
      {
        if (*top < 0)
          *top = y;
        *bottom = y;
      }
}

static int
count_accent (cairo_surface_t *surface, const GdkRGBA *accent)
{
  int n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      n += pixel_is (surface, x, y, accent);
  return n;
}

static int
count_painted (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int n = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      n += (*(const guint32 *) (data + y * stride + x * 4) >> 24) != 0;
  return n;
}

static void
test_columns_land_on_data (void)
{
  const char *categories[] = { "Council", "Schools", "Police", "Health" };
  const double values[] = { 100, 50, 0, 75 };
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Reach by sector"));
  cairo_surface_t *surface;
  g_autoptr (GArray) runs = NULL;
  int top[3], bottom[3], centre[3];
  GdkRGBA accent;
  double unit;

  ti_column_chart_set_data (TI_COLUMN_CHART (chart), categories, values, 4);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_ACCENT, &accent);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);

  /* Three columns stand on the axis (the 0 has none), left to right in the data's order. */
  {
    int x_first, probe_top, probe_bottom;

    runs = accent_runs (surface, HEIGHT / 2, &accent);
    g_assert_cmpuint (runs->len, >=, 1);
    x_first = (g_array_index (runs, Run, 0).left + g_array_index (runs, Run, 0).right) / 2;
    accent_extent (surface, x_first, &accent, &probe_top, &probe_bottom);
    g_array_unref (runs);
    runs = accent_runs (surface, probe_bottom, &accent);
  }
  g_assert_cmpuint (runs->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      Run run = g_array_index (runs, Run, i);

      centre[i] = (run.left + run.right) / 2;
      accent_extent (surface, centre[i], &accent, &top[i], &bottom[i]);
      g_assert_cmpint (top[i], >=, 0);
    }
  /* The columns are the same width, and the gap for the 0 is one slot wide. */
  g_assert_cmpint (ABS ((g_array_index (runs, Run, 0).right - g_array_index (runs, Run, 0).left)
                        - (g_array_index (runs, Run, 1).right
                           - g_array_index (runs, Run, 1).left)),
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
  g_assert_cmpint (top[0], <, HEIGHT / 4);
  for (int y = 0; y < top[0]; y++)
    for (int x = 0; x < WIDTH; x++)
      g_assert_false (pixel_is (surface, x, y, &accent));

  cairo_surface_destroy (surface);
  g_assert_finalize_object (chart);
}

static void
test_words (void)
{
  const char *categories[] = { "Wellsway School", "Somerset Council", "Avon Police" };
  const double values[] = { 87, 1250, 3 };
  TiColumnChart *chart = TI_COLUMN_CHART (g_object_ref_sink (ti_column_chart_new ("Reach")));
  g_autofree char *tooltip = NULL;
  const char *description;

  ti_column_chart_set_data (chart, categories, values, 3);
  description = ti_chart_get_description (TI_CHART (chart));
  g_assert_nonnull (strstr (description, "Largest: Somerset Council: 1,250"));
  g_assert_nonnull (strstr (description, "Smallest: Avon Police: 3"));
  g_assert_nonnull (strstr (description, "3 columns"));
  g_assert_cmpstr (ti_chart_get_title (TI_CHART (chart)), ==, "Reach");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));

  tooltip = ti_column_chart_describe_column (chart, 0);
  g_assert_cmpstr (tooltip, ==, "Wellsway School: 87");

  /* Left and Right move between columns, stopping at the ends. */
  g_assert_cmpint (ti_column_chart_get_selected (chart), ==, -1);
  ti_column_chart_move_selection (chart, 1);
  g_assert_cmpint (ti_column_chart_get_selected (chart), ==, 0);
  ti_column_chart_move_selection (chart, 1);
  ti_column_chart_move_selection (chart, 1);
  ti_column_chart_move_selection (chart, 1);
  g_assert_cmpint (ti_column_chart_get_selected (chart), ==, 2);
  ti_column_chart_move_selection (chart, -1);
  g_assert_cmpint (ti_column_chart_get_selected (chart), ==, 1);

  /* New data, new words. */
  ti_column_chart_set_data (chart, categories, values, 1);
  description = ti_chart_get_description (TI_CHART (chart));
  g_assert_nonnull (strstr (description, "1 column."));
  g_assert_nonnull (strstr (description, "Largest: Wellsway School: 87"));
  g_assert_cmpint (ti_column_chart_get_selected (chart), ==, 0);

  g_assert_finalize_object (chart);
}

static void
test_empty (void)
{
  const char *categories[] = { "Council" };
  const double values[] = { 12 };
  TiChart *chart = g_object_ref_sink (ti_column_chart_new ("Attendance by event"));
  cairo_surface_t *surface;
  GdkRGBA accent;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_ACCENT, &accent);

  /* No data: no columns, but words where they would be, not a blank frame. */
  g_assert_cmpuint (ti_column_chart_get_n_columns (TI_COLUMN_CHART (chart)), ==, 0);
  g_assert_cmpstr (ti_chart_get_description (chart), ==, "No data for this period");
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_accent (surface, &accent), ==, 0);
  g_assert_cmpint (count_painted (surface), >, 50);
  cairo_surface_destroy (surface);

  /* Data, then none again. */
  ti_column_chart_set_data (TI_COLUMN_CHART (chart), categories, values, 1);
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_accent (surface, &accent), >, 100);
  cairo_surface_destroy (surface);

  ti_column_chart_set_data (TI_COLUMN_CHART (chart), NULL, NULL, 0);
  g_assert_cmpstr (ti_chart_get_description (chart), ==, "No data for this period");
  surface = ti_chart_render_to_surface (chart, WIDTH, HEIGHT);
  g_assert_cmpint (count_accent (surface, &accent), ==, 0);
  cairo_surface_destroy (surface);

  g_assert_finalize_object (chart);
}

static void
test_on_screen (void)
{
  const char *categories[] = { "Council", "Schools" };
  const double values[] = { 4, 9 };
  GtkWidget *window = gtk_window_new ();
  TiChart *chart = ti_column_chart_new ("On screen");
  GMainContext *context = g_main_context_default ();

  ti_column_chart_set_data (TI_COLUMN_CHART (chart), categories, values, 2);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (chart));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 50 && gtk_widget_get_width (GTK_WIDGET (chart)) == 0; i++)
    {
      g_usleep (10000);
      while (g_main_context_iteration (context, FALSE))
        ;
    }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >, 0);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart)));

  g_object_ref (chart);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (context, FALSE))
    ;
  g_assert_finalize_object (chart);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/column/land-on-data", test_columns_land_on_data);
  g_test_add_func ("/charts/column/words", test_words);
  g_test_add_func ("/charts/column/empty", test_empty);
  g_test_add_func ("/charts/column/on-screen", test_on_screen);

  return g_test_run ();
}
