/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-map-view.h"
#include "ti-network-map.h"
#include "ti-network-page.h"
#include "ti-person-profile-view.h"
#include "ti-window.h"

/* Widget tests of Network map › Map on a small programme: the map and its panel show what the
 * core measured (the size of the network, the bridge, the isolated organisation, the gaps
 * between sectors), the panel keeps to its width and folds in a narrow window and says what
 * the filters hide, finding a name selects it (Enter the next), a wrong or future "as of" day
 * is refused in words, the organisations-only network has no champions, the map is built
 * again after a change elsewhere, its keys are listed, and a champion opens their profile. */

#define NETWORK_MAP 0

/* Three organisations in three sectors. Robin (NHS) co-facilitates with Ash (council) and
 * attends an event with Kit (police): Robin ties the three sectors together. Quantock
 * Surgery has no champion. */
static const char network_sql[]
  = "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
    "  (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
    "  (2, 'Somerset Council', 'council', 'county_wide', 5000),"
    "  (3, 'Avon and Somerset Police', 'police', 'county_wide', 3000),"
    "  (4, 'Quantock Surgery', 'primary_care', 'somerset_west_taunton', 30);"
    "INSERT INTO people (id, name, organisation_id) VALUES"
    "  (1, 'Robin Vale', 1), (2, 'Ash Penn', 2), (3, 'Kit Moor', 3);"
    "INSERT INTO champions (person_id, since) VALUES"
    "  (1, '2023-01-10'), (2, '2023-01-10'), (3, '2023-01-10');"
    "INSERT INTO sessions (id, tier, title, starts_at, status) VALUES"
    "  (1, 2, 'Relational practice', '2023-03-02 10:00', 'delivered');"
    "INSERT INTO session_facilitators (session_id, person_id, kind) VALUES"
    "  (1, 1, 'champion'), (1, 2, 'champion');"
    "INSERT INTO events (id, title, kind, starts_at) VALUES"
    "  (1, 'Spring network meeting', 'network_event', '2023-04-20 14:00');"
    "INSERT INTO event_attendance (event_id, person_id, invited, attended) VALUES"
    "  (1, 1, 1, 1), (1, 3, 1, 1);";

typedef struct
{
  TestProgramme programme;
  TiWindow *window;
  TiMapView *view;
} Fixture;

static gboolean
built (gpointer data)
{
  TiMapView *view = data;

  return !ti_map_view_is_loading (view)
         && ti_network_map_get_graph (ti_map_view_get_map (view)) != NULL;
}

/* The champions' map, whichever mode an earlier test left chosen, built. */
static void
show_champions_map (TiMapView *view)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "network-map-organisations-only", FALSE);
  test_iterate_a_while ();
  test_iterate_until (built, view);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (&f->programme, "network.sqlite", network_sql);
  f->window = test_window_new (f->programme.path);
  f->view = TI_MAP_VIEW (test_show_view (f->window, NETWORK_MAP, "map", TI_TYPE_MAP_VIEW));
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  test_iterate_until (built, f->view);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_window_close (f->window);
  test_wait_for_finalized ((gpointer *) &f->view); /* the view goes with its window */
  test_programme_tear_down (&f->programme);
}

static gboolean
is_any (GtkWidget *widget, gconstpointer data)
{
  return TRUE;
}

static gboolean
has_tooltip (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* The label of the sectors' matrix whose tooltip is @words: it shows @shown, says @words to
 * screen readers, and is marked as a gap (in shape: a pill) when @gap. */
static GtkWidget *
assert_matrix_cell (GtkWidget *grid, const char *words, const char *shown, gboolean gap)
{
  GtkWidget *cell = test_find_widget (grid, TRUE, has_tooltip, words);
  char *problem;

  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, shown);
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, words);
  g_assert_null (problem);
  g_assert_true (gtk_widget_has_css_class (cell, "status-chip") == gap);
  return cell;
}

/* The ties within and between the sectors as a grid: the four sectors with a node, in the
 * vocabulary's order, abbreviated with their names in tooltips and said in full; the one
 * tie between the NHS trust and the council and the one with the police; every other cell
 * a gap, marked as one; and a key to the abbreviations. */
static void
test_sector_matrix (Fixture *f, gconstpointer data)
{
  GtkWidget *grid;
  GtkWidget *heading;
  const char *sectors[] = { "NHS trust", "Council", "Police", "Primary care" };
  const char *abbreviations[] = { "NHS", "Coun", "Pol", "Prim" };
  int column, row, width, height;
  guint gaps = 0;

  show_champions_map (f->view);
  grid = test_find_type (GTK_WIDGET (f->view), GTK_TYPE_GRID);
  g_assert_nonnull (grid);

  /* Headings: a row and a column each, in order. */
  for (guint i = 0; i < G_N_ELEMENTS (sectors); i++)
    {
      g_autoptr (GPtrArray) headings
        = test_collect_widgets (grid, TRUE, has_tooltip, sectors[i]);

      g_assert_cmpuint (headings->len, ==, 2);
      heading = g_ptr_array_index (headings, 0);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, abbreviations[i]);
      gtk_grid_query_child (GTK_GRID (grid), heading, &column, &row, &width, &height);
      g_assert_cmpint (column + row, ==, i + 1);
    }

  assert_matrix_cell (grid, "NHS trust and Council: 1 tie (1 session or event together)", "1",
                      FALSE);
  assert_matrix_cell (grid, "Council and NHS trust: 1 tie (1 session or event together)", "1",
                      FALSE);
  assert_matrix_cell (grid, "NHS trust and Police: 1 tie (1 session or event together)", "1",
                      FALSE);
  assert_matrix_cell (grid, "No ties between Council and Police", "0", TRUE);
  assert_matrix_cell (grid, "No ties between Primary care and NHS trust", "0", TRUE);
  assert_matrix_cell (grid, "No ties within Police", "0", TRUE);
  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    gaps += gtk_widget_has_css_class (cell, "status-chip");
  g_assert_cmpuint (gaps, ==, 16 - 4);

  g_assert_nonnull (test_find_shown (GTK_WIDGET (f->view),
                                     "NHS: NHS trust · Coun: Council · Pol: Police · Prim: "
                                     "Primary care"));
}

static gboolean
is_panel_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_TOGGLE_BUTTON (widget)
         && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Show the Measures") == 0;
}

static gboolean
is_folded (gpointer flap)
{
  return adw_flap_get_folded (flap);
}

/* The panel can be hidden and shown again from the toolbar; in a narrow window, where it
 * folds away over the map, the same button brings it back. */
static void
test_panel_button (Fixture *f, gconstpointer data)
{
  GtkWidget *button = test_find_widget (GTK_WIDGET (f->view), TRUE, is_panel_button, NULL);
  AdwFlap *flap = ADW_FLAP (test_find_type (GTK_WIDGET (f->view), ADW_TYPE_FLAP));

  g_assert_nonnull (button);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (adw_flap_get_reveal_flap (flap));

  /* Folded as in a narrow window: the panel goes, and the button says so. */
  adw_flap_set_fold_policy (flap, ADW_FLAP_FOLD_POLICY_ALWAYS);
  test_iterate_until (is_folded, flap);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (adw_flap_get_reveal_flap (flap));
}

/* Opens the window @width pixels wide on the map, as the window would open with a width kept
 * from last time: a window already shown is not resized by the X server of the tests. */
static void
reopen_window (Fixture *f, int width)
{
  TiApplication *app = TI_APPLICATION (g_application_get_default ());

  test_window_close (f->window);
  test_wait_for_finalized ((gpointer *) &f->view); /* the view goes with its window */
  f->window = ti_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (ti_window_open_programme (f->window, f->programme.path, FALSE));
  g_object_ref (f->window);
  f->view = TI_MAP_VIEW (test_show_view (f->window, NETWORK_MAP, "map", TI_TYPE_MAP_VIEW));
  g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
  test_iterate_until (built, f->view);
  test_iterate_a_while ();
  /* The default size counts the frame's few pixels too. */
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (f->window)) - width), <=, 20);
}

/* In a wide window the panel takes its natural width, no more than TI_MAP_PANEL_MAX_WIDTH
 * (at 1,600 pixels it once took half; the tests' screen is 1,280 wide), and the map the rest;
 * in a narrow one (600 pixels) the panel folds away over the map, and the toolbar's button
 * brings it back. */
static void
test_panel_width (Fixture *f, gconstpointer data)
{
  AdwFlap *flap;
  GtkWidget *map, *panel, *separator, *button;

  reopen_window (f, 1200);
  flap = ADW_FLAP (test_find_type (GTK_WIDGET (f->view), ADW_TYPE_FLAP));
  map = GTK_WIDGET (ti_map_view_get_map (f->view));
  panel = adw_flap_get_flap (flap);
  separator = adw_flap_get_separator (flap);
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_cmpint (gtk_widget_get_width (panel), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (panel), >=, 300);
  g_assert_cmpint (gtk_widget_get_width (map), ==,
                   gtk_widget_get_width (GTK_WIDGET (flap)) - gtk_widget_get_width (panel)
                     - gtk_widget_get_width (separator));
  g_assert_cmpint (gtk_widget_get_width (map), >, gtk_widget_get_width (panel));

  reopen_window (f, 600);
  flap = ADW_FLAP (test_find_type (GTK_WIDGET (f->view), ADW_TYPE_FLAP));
  map = GTK_WIDGET (ti_map_view_get_map (f->view));
  panel = adw_flap_get_flap (flap);
  button = test_find_widget (GTK_WIDGET (f->view), TRUE, is_panel_button, NULL);
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_cmpint (gtk_widget_get_width (map), ==, gtk_widget_get_width (GTK_WIDGET (flap)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  test_iterate_a_while ();
  g_assert_cmpint (gtk_widget_get_width (panel), <=, 360);
}

/* The panel says what the core measured, in words. */
static void
test_panel (Fixture *f, gconstpointer data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  GtkWidget *row;

  row = test_find_row (view, "Organisations");
  g_assert_nonnull (row);
  g_assert_nonnull (test_find_shown (row, "4"));
  g_assert_nonnull (test_find_shown (test_find_row (view, "Champions"), "3"));
  /* The bridge, first (the only one), and the sectors it ties together in words. */
  row = test_find_row (view, "Robin Vale");
  g_assert_nonnull (row);
  g_assert_nonnull (test_find_shown (row, "#1"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Somerset NHS Foundation Trust\nConnects 3 sectors: NHS trust, Council, "
                   "Police");
  /* Isolated, and why. */
  row = test_find_row (view, "Quantock Surgery");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Primary care · no champion");
  /* The gaps, grouped: Primary care's three first, then the one left. */
  row = test_find_row (view, "Primary care");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "No ties with NHS trust, Council, Police");
  row = test_find_row (view, "Council");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "No ties with Police");
}

static gboolean
marked_wrong (gpointer widget)
{
  return gtk_widget_has_css_class (widget, "error");
}

static gboolean
has_selection (gpointer map)
{
  return ti_network_map_get_selected (map) >= 0;
}

/* Finding a name selects it on the map and shows its summary. */
static void
test_find (Fixture *f, gconstpointer data)
{
  GtkWidget *entry = test_find_type (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY);
  TiNetworkMap *map = ti_map_view_get_map (f->view);
  TiNetworkGraph *graph = ti_network_map_get_graph (map);
  int selected;

  gtk_editable_set_text (GTK_EDITABLE (entry), "kit m");
  test_iterate_until (has_selection, map);
  test_iterate_a_while ();
  g_assert_nonnull (test_find_button (GTK_WIDGET (f->view), "_Open Profile"));
  selected = ti_network_map_get_selected (map);
  g_assert_cmpint (selected, >=, 0);
  g_assert_cmpstr (g_array_index (graph->nodes, TiNetworkNode, selected).label, ==, "Kit Moor");

  /* Nobody of that name: said beside the entry and to screen readers; nothing else
   * changes. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody at all");
  test_iterate_until (marked_wrong, entry);
  g_assert_cmpint (ti_network_map_get_selected (map), ==, selected);
  g_assert_nonnull (test_find_shown (GTK_WIDGET (f->view), "No match"));
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (entry),
                                                  GTK_ACCESSIBLE_STATE_INVALID,
                                                  GTK_ACCESSIBLE_INVALID_TRUE));
  gtk_editable_set_text (GTK_EDITABLE (entry), "kit");
  test_wait_for_gone (GTK_WIDGET (f->view), "No match");
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (entry),
                                                  GTK_ACCESSIBLE_STATE_INVALID,
                                                  GTK_ACCESSIBLE_INVALID_FALSE));
}

static const char *
selected_label (Fixture *f)
{
  TiNetworkMap *map = ti_map_view_get_map (f->view);
  int selected = ti_network_map_get_selected (map);

  g_assert_cmpint (selected, >=, 0);
  return g_array_index (ti_network_map_get_graph (map)->nodes, TiNetworkNode, selected).label;
}

/* Enter goes from one match to the next, and round again: every match can be reached. */
static void
test_find_next (Fixture *f, gconstpointer data)
{
  GtkWidget *entry = test_find_type (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY);
  const char *statuses[] = { "1 of 3", "2 of 3", "3 of 3" };
  g_autoptr (GHashTable) reached = g_hash_table_new (g_str_hash, g_str_equal);
  const char *first;

  gtk_editable_set_text (GTK_EDITABLE (entry), "somerset");
  test_iterate_until (has_selection, ti_map_view_get_map (f->view));
  first = selected_label (f);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (i > 0)
        g_signal_emit_by_name (entry, "activate");
      test_wait_for_text (GTK_WIDGET (f->view), statuses[i]);
      g_hash_table_add (reached, (gpointer) selected_label (f));
    }
  g_assert_true (g_hash_table_contains (reached, "Somerset NHS Foundation Trust"));
  g_assert_true (g_hash_table_contains (reached, "Somerset Council"));
  g_assert_true (g_hash_table_contains (reached, "Avon and Somerset Police"));
  g_signal_emit_by_name (entry, "activate");
  test_wait_for_text (GTK_WIDGET (f->view), "1 of 3");
  g_assert_cmpstr (selected_label (f), ==, first);
}

/* Opening a champion from the map shows their profile in Champions. */
static void
test_open_profile (Fixture *f, gconstpointer data)
{
  GtkWidget *entry = test_find_type (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *button;

  gtk_editable_set_text (GTK_EDITABLE (entry), "Robin");
  test_iterate_until (has_selection, ti_map_view_get_map (f->view));
  test_iterate_a_while ();
  button = test_find_button (GTK_WIDGET (f->view), "_Open Profile");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (ti_window_get_destination (f->window), ==, 2);
  test_wait_for_text (test_find_type (GTK_WIDGET (f->window), TI_TYPE_PERSON_PROFILE_VIEW),
                      "Robin Vale");
}

/* @text typed in the "as of" entry is refused with @problem: in words, in colour and to
 * screen readers; the map is not built again. */
static void
assert_as_of_refused (Fixture *f, GtkWidget *as_of, const char *text, const char *problem)
{
  gtk_editable_set_text (GTK_EDITABLE (as_of), text);
  g_signal_emit_by_name (as_of, "activate");
  test_wait_for_text (GTK_WIDGET (f->view), problem);
  g_assert_false (ti_map_view_is_loading (f->view));
  g_assert_true (gtk_widget_has_css_class (as_of, "error"));
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (as_of),
                                                  GTK_ACCESSIBLE_STATE_INVALID,
                                                  GTK_ACCESSIBLE_INVALID_TRUE));
}

/* A day that is not one, or is still to come, is refused in words, and the map stays as it
 * was; a day past is said above the map until the map is back to today. */
static void
test_as_of_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) entries = NULL;
  TiNetworkGraph *before = ti_network_map_get_graph (ti_map_view_get_map (f->view));
  GtkWidget *as_of = NULL;

  entries = test_collect_widgets (GTK_WIDGET (f->view), FALSE, is_any, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (entries, i);

      if (GTK_IS_ENTRY (widget)
          && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), "As of today") == 0)
        as_of = widget;
    }
  g_assert_nonnull (as_of);
  assert_as_of_refused (f, as_of, "31/02/2023",
                        "The day is not a date: write it as 2023-06-30 or 30/06/2023, or leave "
                        "it empty for today.");
  g_assert_true (ti_network_map_get_graph (ti_map_view_get_map (f->view)) == before);
  /* A day still to come is no day the network stood on. */
  assert_as_of_refused (f, as_of, "2999-01-01",
                        "The day is after today: the map can show the network as it stood on a "
                        "day up to today, not as it will be.");
  g_assert_true (ti_network_map_get_graph (ti_map_view_get_map (f->view)) == before);

  /* Before anyone joined: no champions, every organisation isolated; the day is said above
   * the map, with a way back to today. */
  gtk_editable_set_text (GTK_EDITABLE (as_of), "31/12/2022");
  g_signal_emit_by_name (as_of, "activate");
  test_iterate_until (built, f->view);
  test_iterate_a_while ();
  g_assert_nonnull (test_find_shown (test_find_row (GTK_WIDGET (f->view), "Champions"), "0"));
  g_assert_false (gtk_widget_has_css_class (as_of, "error"));
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (as_of),
                                                  GTK_ACCESSIBLE_STATE_INVALID,
                                                  GTK_ACCESSIBLE_INVALID_FALSE));
  g_assert_null (test_find_shown (GTK_WIDGET (f->view), "The day is after today: the map can "
                                  "show the network as it stood on a day up to today, not as "
                                  "it will be."));
  g_assert_nonnull (test_find_shown (GTK_WIDGET (f->view), "As it stood on 31 Dec 2022"));
  g_signal_emit_by_name (test_find_button (GTK_WIDGET (f->view), "Back to To_day"), "clicked");
  test_iterate_a_while ();
  test_iterate_until (built, f->view);
  test_iterate_a_while ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (as_of)), ==, "");
  g_assert_null (test_find_shown (GTK_WIDGET (f->view), "As it stood on 31 Dec 2022"));
  g_assert_nonnull (test_find_shown (test_find_row (GTK_WIDGET (f->view), "Champions"), "3"));
}

static gboolean
has_tooltip_text (GtkWidget *widget, gconstpointer data)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

/* A filter that hides part of the network is said in the panel, whose figures stay the whole
 * network's, with a button that shows everyone again. */
static void
test_filtered_said (Fixture *f, gconstpointer data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  GtkWidget *sector, *locality, *button;

  show_champions_map (f->view);
  g_assert_null (test_find_button (view, "C_lear Filters"));

  sector = test_find_widget (view, TRUE, has_tooltip_text, "Show one sector");
  locality = test_find_widget (view, TRUE, has_tooltip_text, "Show one locality");
  g_assert_true (GTK_IS_DROP_DOWN (sector) && GTK_IS_DROP_DOWN (locality));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sector), 4); /* Police */
  test_wait_for_text (view, "Showing 1 of 4 organisations and 1 of 3 champions");
  g_assert_nonnull (test_find_shown (test_find_row (view, "Champions"), "3"));

  /* Nobody at all: a locality with no organisation. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (locality), 1); /* Mendip */
  test_wait_for_text (view, "Showing 0 of 4 organisations and 0 of 3 champions");

  button = test_find_button (view, "C_lear Filters");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (sector)), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (locality)), ==, 0);
  test_wait_for_gone (view, "Showing 0 of 4 organisations and 0 of 3 champions");
  g_assert_null (test_find_button (view, "C_lear Filters"));
}

/* Lee Combe joins Somerset Council as a champion, through the core (as the Champions page
 * would add them). */
static void
add_newcomer (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ti_database_exec (f->programme.db,
                                   "INSERT INTO people (id, name, organisation_id)"
                                   "  VALUES (4, 'Lee Combe', 2);"
                                   "INSERT INTO champions (person_id, since)"
                                   "  VALUES (4, '2023-02-01');",
                                   &error));
  g_assert_no_error (error);
}

static gboolean
has_newcomer (gpointer data)
{
  TiMapView *view = data;
  TiNetworkGraph *graph = ti_network_map_get_graph (ti_map_view_get_map (view));

  if (graph == NULL || ti_map_view_is_loading (view))
    return FALSE;
  for (guint i = 0; i < graph->nodes->len; i++)
    if (g_strcmp0 (g_array_index (graph->nodes, TiNetworkNode, i).label, "Lee Combe") == 0)
      return TRUE;
  return FALSE;
}

/* A champion added elsewhere (here through the core, as the Champions page does) is on the
 * map when it is next shown; shown again with nothing changed, it is not built again. */
static void
test_rebuilt_when_shown (Fixture *f, gconstpointer data)
{

  show_champions_map (f->view);

  test_show_view (f->window, NETWORK_MAP, "charter", GTK_TYPE_WIDGET);
  test_iterate_a_while ();
  test_show_view (f->window, NETWORK_MAP, "map", TI_TYPE_MAP_VIEW);
  g_assert_false (ti_map_view_is_loading (f->view));

  test_show_view (f->window, NETWORK_MAP, "charter", GTK_TYPE_WIDGET);
  test_iterate_a_while ();
  add_newcomer (f);
  g_assert_false (has_newcomer (f->view));
  test_show_view (f->window, NETWORK_MAP, "map", TI_TYPE_MAP_VIEW);
  test_iterate_until (has_newcomer, f->view);
  test_wait_for_text (test_find_row (GTK_WIDGET (f->view), "Champions"), "4");
}

/* Hundreds of isolated organisations would be hundreds of rows for GTK to lay out on the main
 * thread: the panel names ten and counts the rest. */
static void
test_isolated_counted (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *as_of = NULL;
  g_autoptr (GPtrArray) entries
    = test_collect_widgets (GTK_WIDGET (f->view), FALSE, is_any, NULL);

  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *sql
        = g_strdup_printf ("INSERT INTO organisations (name, sector, locality)"
                           " VALUES ('Lone Practice %02u', 'primary_care', 'mendip')", i);

      g_assert_true (ti_database_exec (f->programme.db, sql, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < entries->len; i++)
    if (GTK_IS_ENTRY (g_ptr_array_index (entries, i))
        && g_strcmp0 (gtk_entry_get_placeholder_text (g_ptr_array_index (entries, i)),
                      "As of today")
             == 0)
      as_of = g_ptr_array_index (entries, i);
  g_assert_nonnull (as_of);
  gtk_editable_set_text (GTK_EDITABLE (as_of), "2024-01-01");
  g_signal_emit_by_name (as_of, "activate");
  test_iterate_a_while ();
  test_iterate_until (built, f->view);
  test_iterate_a_while ();
  /* Thirteen isolated: Quantock Surgery and the twelve lone practices. */
  g_assert_cmpuint (ti_network_map_get_graph (ti_map_view_get_map (f->view))->isolated->len, ==, 13);
  g_assert_nonnull (test_find_row (GTK_WIDGET (f->view), "And 3 more"));
  g_assert_null (test_find_row (GTK_WIDGET (f->view), "Quantock Surgery"));
}

/* Organisations only: no champions drawn or counted. */
static void
test_organisations_mode (Fixture *f, gconstpointer data)
{
  GtkWidget *button = NULL;
  g_autoptr (GPtrArray) buttons
    = test_collect_widgets (GTK_WIDGET (f->view), FALSE, is_any, NULL);
  TiNetworkGraph *graph;
  GtkWidget *tier;

  for (guint i = 0; i < buttons->len; i++)
    if (GTK_IS_TOGGLE_BUTTON (g_ptr_array_index (buttons, i))
        && g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "Or_ganisations Only")
             == 0)
      button = g_ptr_array_index (buttons, i);
  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  test_iterate_a_while ();
  test_iterate_until (built, f->view);
  graph = ti_network_map_get_graph (ti_map_view_get_map (f->view));
  g_assert_cmpint (graph->mode, ==, TI_NETWORK_ORGANISATIONS);
  for (guint i = 0; i < graph->nodes->len; i++)
    g_assert_cmpint (g_array_index (graph->nodes, TiNetworkNode, i).kind, ==,
                     TI_NETWORK_NODE_ORGANISATION);
  g_assert_null (test_find_row (GTK_WIDGET (f->view), "Champions"));

  /* Tiers are champions': the tier filter is off, and says why. */
  tier = test_find_widget (GTK_WIDGET (f->view), TRUE, has_tooltip_text,
                           "Tiers are champions’: choose With Champions to show those who "
                           "reached a tier");
  g_assert_nonnull (tier);
  g_assert_false (gtk_widget_get_sensitive (tier));
  /* The panel was filled again since: the widgets collected before may be gone. */
  g_clear_pointer (&buttons, g_ptr_array_unref);
  buttons = test_collect_widgets (GTK_WIDGET (f->view), FALSE, is_any, NULL);
  for (guint i = 0; i < buttons->len; i++)
    if (GTK_IS_TOGGLE_BUTTON (g_ptr_array_index (buttons, i))
        && g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_With Champions")
             == 0)
      gtk_toggle_button_set_active (g_ptr_array_index (buttons, i), TRUE);
  g_assert_true (gtk_widget_get_sensitive (tier));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (tier), ==, "Show champions who reached a tier");
}

static gboolean
is_shortcut (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_SHORTCUTS_SHORTCUT (widget);
}

/* The keyboard shortcuts window lists the map's keys in a group of their own. */
static void
test_shortcuts_listed (Fixture *f, gconstpointer data)
{
  GtkShortcutsWindow *overlay
    = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window));
  const char *keys[] = { "<Control>f", "n", "p", "plus", "minus", "0" };
  g_autoptr (GPtrArray) shortcuts = NULL;
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_nonnull (overlay);
  shortcuts = test_collect_widgets (GTK_WIDGET (overlay), FALSE, is_shortcut, NULL);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkWidget *group = gtk_widget_get_ancestor (g_ptr_array_index (shortcuts, i),
                                                  GTK_TYPE_SHORTCUTS_GROUP);
      g_autofree char *title = NULL;
      char *accelerator = NULL;

      if (group == NULL) /* the copies the window's search shows */
        continue;
      g_object_get (group, "title", &title, NULL);
      g_object_get (g_ptr_array_index (shortcuts, i), "accelerator", &accelerator, NULL);
      if (g_strcmp0 (title, "Network Map") == 0)
        g_hash_table_add (listed, accelerator);
      else
        g_free (accelerator);
    }
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (g_hash_table_contains (listed, keys[i]));
}

/* Ctrl+F on the map (map.search) or anywhere on its page (network.search) puts the keyboard
 * in the map's search. */
static void
test_search_shortcut (Fixture *f, gconstpointer data)
{
  GtkWidget *entry = test_find_type (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *focus, *switcher, *page;

  gtk_widget_grab_focus (GTK_WIDGET (ti_map_view_get_map (f->view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "map.search", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* From the page's view switcher too, where the keyboard lands first (network.search). */
  page = gtk_widget_get_ancestor (GTK_WIDGET (f->view), TI_TYPE_NETWORK_PAGE);
  switcher = test_find_type (test_find_type (page, ADW_TYPE_VIEW_SWITCHER),
                             GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (switcher);
  g_assert_true (gtk_widget_grab_focus (switcher));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), entry));
  g_assert_true (gtk_widget_activate_action (switcher, "network.search", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static int
node_named (TiNetworkGraph *graph, const char *label)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    if (g_strcmp0 (g_array_index (graph->nodes, TiNetworkNode, i).label, label) == 0)
      return i;
  g_assert_not_reached ();
}

/* Moves @label's node as the map does when a person drags it there. */
static void
drag (Fixture *f, const char *label, double x, double y)
{
  TiNetworkMap *map = ti_map_view_get_map (f->view);
  TiNetworkGraph *graph = ti_network_map_get_graph (map);
  int index = node_named (graph, label);
  TiNetworkNode *node = &g_array_index (graph->nodes, TiNetworkNode, index);

  node->x = x;
  node->y = y;
  node->pinned = TRUE;
  g_signal_emit_by_name (map, "node-moved", (guint) index);
}

/* The champions' map's saved rows but @except's (a person's id), one a line. */
static char *
saved_rows (Fixture *f, gint64 except)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    f->programme.db,
    "SELECT kind, id, x, y, pinned FROM network_positions WHERE mode = 'champions'"
    " AND NOT (kind = 'champion' AND id = ?1) ORDER BY kind, id",
    &error);
  GString *rows = g_string_new (NULL);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, except);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (rows, "%s %lld %.17g %.17g %d\n", sqlite3_column_text (stmt, 0),
                            (long long) sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_double (stmt, 2), sqlite3_column_double (stmt, 3),
                            sqlite3_column_int (stmt, 4));
  return g_string_free (rows, FALSE);
}

static gint64
n_saved (Fixture *f)
{
  return test_count (f->programme.db, "SELECT count(*) FROM network_positions");
}

static gboolean
all_saved (gpointer data)
{
  Fixture *f = data;

  return n_saved (f) == 7; /* 4 organisations and 3 champions */
}

static gboolean
newcomer_saved (gpointer data)
{
  Fixture *f = data;

  return test_count (f->programme.db, "SELECT count(*) FROM network_positions"
                                      " WHERE kind = 'champion' AND id = 4 AND NOT pinned")
         == 1;
}

/* Opening writes nothing; the first node dragged keeps its row at once and the layout with
 * it (in a worker); a second drag writes its own row and no other; reopened, both are where
 * they were put; a newcomer's place is then kept as soon as it is laid out. */
static void
test_drag_saves (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TiNetworkGraph *graph;
  const TiNetworkNode *kit, *ash;

  show_champions_map (f->view);
  g_assert_cmpint (ti_network_map_get_graph (ti_map_view_get_map (f->view))->mode, ==,
                   TI_NETWORK_CHAMPIONS);
  g_assert_cmpint (n_saved (f), ==, 0);

  drag (f, "Kit Moor", 12.5, -3.25);
  g_assert_cmpint (test_count (f->programme.db,
                               "SELECT count(*) FROM network_positions WHERE mode = 'champions'"
                               " AND kind = 'champion' AND id = 3 AND x = 12.5 AND y = -3.25"
                               " AND pinned"),
                   ==, 1);
  test_iterate_until (all_saved, f);
  g_assert_cmpint (test_count (f->programme.db,
                               "SELECT count(*) FROM network_positions WHERE pinned"),
                   ==, 1);

  /* A row the map in hand disagrees with: dragging Ash must not touch it. */
  g_assert_true (ti_database_exec (f->programme.db,
                                   "UPDATE network_positions SET x = x + 1000"
                                   " WHERE kind = 'champion' AND id = 1",
                                   &error));
  before = saved_rows (f, 2);
  drag (f, "Ash Penn", -8, 4.5);
  after = saved_rows (f, 2);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (test_count (f->programme.db,
                               "SELECT count(*) FROM network_positions WHERE kind = 'champion'"
                               " AND id = 2 AND x = -8 AND y = 4.5 AND pinned"),
                   ==, 1);

  ti_map_view_reload (f->view);
  test_iterate_until (built, f->view);
  graph = ti_network_map_get_graph (ti_map_view_get_map (f->view));
  g_assert_cmpuint (graph->new_positions, ==, 0);
  kit = &g_array_index (graph->nodes, TiNetworkNode, node_named (graph, "Kit Moor"));
  ash = &g_array_index (graph->nodes, TiNetworkNode, node_named (graph, "Ash Penn"));
  g_assert_true (kit->pinned && ash->pinned);
  g_assert_cmpfloat (kit->x, ==, 12.5);
  g_assert_cmpfloat (kit->y, ==, -3.25);
  g_assert_cmpfloat (ash->x, ==, -8);
  g_assert_cmpfloat (ash->y, ==, 4.5);
  g_assert_false (g_array_index (graph->nodes, TiNetworkNode,
                                 node_named (graph, "Robin Vale")).pinned);

  /* A champion more: laid out beside their organisation, and kept without a drag. */
  add_newcomer (f);
  ti_map_view_reload (f->view);
  test_iterate_until (built, f->view);
  test_iterate_until (newcomer_saved, f);
  g_assert_cmpint (n_saved (f), ==, 8);
}

/* The map's "As of" entry. */
static GtkWidget *
find_as_of (Fixture *f)
{
  g_autoptr (GPtrArray) entries = test_collect_widgets (GTK_WIDGET (f->view), FALSE, is_any, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (entries, i);

      if (GTK_IS_ENTRY (widget)
          && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), "As of today") == 0)
        return widget;
    }
  g_assert_not_reached ();
}

static gboolean
built_past (gpointer data)
{
  TiMapView *view = data;

  return built (view) && ti_network_map_get_graph (ti_map_view_get_map (view))->past;
}

static gboolean
built_today (gpointer data)
{
  TiMapView *view = data;

  return built (view) && !ti_network_map_get_graph (ti_map_view_get_map (view))->past;
}

/* Shows the network as it stood on 31 December 2022 (before the session and the event). */
static void
show_past_day (Fixture *f)
{
  GtkWidget *as_of = find_as_of (f);

  gtk_editable_set_text (GTK_EDITABLE (as_of), "31/12/2022");
  g_signal_emit_by_name (as_of, "activate");
  test_iterate_until (built_past, f->view);
}

/* Whether the map is as "Show the Whole Network" leaves it. */
static gboolean
is_fitted (TiNetworkMap *map)
{
  double zoom = ti_network_map_get_zoom (map), x, y, fitted_x, fitted_y;

  ti_network_map_node_position (map, 0, &x, &y);
  ti_network_map_fit (map);
  ti_network_map_node_position (map, 0, &fitted_x, &fitted_y);
  return fabs (ti_network_map_get_zoom (map) - zoom) < 1e-9 && fabs (x - fitted_x) < 1e-6
         && fabs (y - fitted_y) < 1e-6;
}

/* Another programme opened in the window: its map starts afresh — fitted, nothing selected,
 * today's network, no name being found — whatever the last one's map showed. */
static void
test_another_programme (Fixture *f, gconstpointer data)
{
  TestProgramme other;
  TiNetworkMap *map = ti_map_view_get_map (f->view);
  GtkWidget *entry = test_find_type (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY);

  show_past_day (f);
  ti_network_map_select (map, 0);
  ti_network_map_zoom_by (map, 3);
  gtk_editable_set_text (GTK_EDITABLE (entry), "somerset");
  test_iterate_a_while ();
  g_assert_false (is_fitted (map));
  ti_network_map_zoom_by (map, 3);

  test_programme_set_up (&other, "other.sqlite", network_sql);
  g_assert_true (ti_window_open_programme (f->window, other.path, FALSE));
  if (f->view == NULL)
    {
      f->view = TI_MAP_VIEW (test_show_view (f->window, NETWORK_MAP, "map", TI_TYPE_MAP_VIEW));
      g_object_add_weak_pointer (G_OBJECT (f->view), (gpointer *) &f->view);
    }
  map = ti_map_view_get_map (f->view);
  entry = test_find_type (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY);
  test_iterate_until (built_today, f->view);
  test_iterate_a_while ();
  g_assert_cmpint (ti_network_map_get_selected (map), ==, -1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_as_of (f))), ==, "");
  g_assert_null (test_find_shown (GTK_WIDGET (f->view), "As it stood on 31 Dec 2022"));
  g_assert_true (is_fitted (map));

  g_assert_true (ti_window_open_programme (f->window, f->programme.path, FALSE));
  test_programme_tear_down (&other);
}

/* Choosing a sector brings what it shows into view, even from far in elsewhere. */
static void
test_filter_brought_into_view (Fixture *f, gconstpointer data)
{
  TiNetworkMap *map = ti_map_view_get_map (f->view);
  TiNetworkGraph *graph = ti_network_map_get_graph (map);
  GtkWidget *sector = test_find_widget (GTK_WIDGET (f->view), TRUE, has_tooltip_text,
                                        "Show one sector");
  int police = node_named (graph, "Avon and Somerset Police");
  double x, y;

  test_iterate_a_while ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (map)), >, 100);
  ti_network_map_focus_node (map, node_named (graph, "Quantock Surgery"));
  ti_network_map_zoom_by (map, 40);
  ti_network_map_node_position (map, police, &x, &y);
  g_assert_true (x < 0 || y < 0 || x > gtk_widget_get_width (GTK_WIDGET (map))
                 || y > gtk_widget_get_height (GTK_WIDGET (map)));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (sector), 4); /* Police */
  ti_network_map_node_position (map, police, &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (map)));
  g_assert_cmpfloat (y, <=, gtk_widget_get_height (GTK_WIDGET (map)));

  /* Built again (a change elsewhere), the map keeps the filter chosen. */
  ti_map_view_reload (f->view);
  test_iterate_until (built, f->view);
  graph = ti_network_map_get_graph (map);
  g_assert_true (ti_network_map_node_is_shown (map, node_named (graph, "Avon and Somerset Police")));
  g_assert_false (ti_network_map_node_is_shown (map, node_named (graph, "Quantock Surgery")));
}

/* Down from the search entry goes to the map. */
static void
test_search_down (Fixture *f, gconstpointer data)
{
  GtkWidget *entry = test_find_type (GTK_WIDGET (f->view), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;
  GtkWidget *focus;

  gtk_widget_grab_focus (entry);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
    }
  g_assert_true (handled);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == GTK_WIDGET (ti_map_view_get_map (f->view)));
}

/* A past day's map shows today's places and never saves over them: a node dragged there is
 * not kept. */
static void
test_past_day_not_kept (Fixture *f, gconstpointer data)
{

  show_champions_map (f->view);
  show_past_day (f);
  drag (f, "Somerset Council", 40, 40);
  test_iterate_a_while ();
  g_assert_cmpint (n_saved (f), ==, 0);
}

/* A past day before any activity: no matrix of gaps nor list of them, but the panel says in
 * words that there were no champions and no ties yet that day, in either mode; today's
 * network has them back. */
static void
test_no_ties_said (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *view = GTK_WIDGET (f->view);

  show_champions_map (f->view);
  g_assert_nonnull (test_find_widget (view, TRUE, has_tooltip, "No ties within Police"));
  show_past_day (f);
  test_wait_for_text (view, "No ties yet on this day");
  g_assert_nonnull (test_find_shown (view, "No champions yet on this day"));
  g_assert_null (test_find_widget (view, TRUE, has_tooltip, "No ties within Police"));
  g_assert_null (test_find_shown (view, "Ties Between Sectors"));
  g_assert_null (test_find_shown (view, "Gaps Between Sectors"));
  g_assert_null (test_find_row (view, "Council"));

  gtk_editable_set_text (GTK_EDITABLE (find_as_of (f)), "");
  g_signal_emit_by_name (find_as_of (f), "activate");
  test_iterate_until (built_today, f->view);
  test_wait_for_text (view, "Ties Between Sectors");
  g_assert_null (test_find_shown (view, "No ties yet on this day"));
  g_assert_null (test_find_shown (view, "No champions yet on this day"));
  g_assert_nonnull (test_find_widget (view, TRUE, has_tooltip, "No ties within Police"));
  g_assert_nonnull (test_find_row (view, "Council"));

  /* The organisations only: their champions counted, none yet that day either. */
  g_settings_set_boolean (settings, "network-map-organisations-only", TRUE);
  test_iterate_a_while ();
  test_iterate_until (built, f->view);
  show_past_day (f);
  test_wait_for_text (view, "No ties yet on this day");
  g_assert_nonnull (test_find_shown (view, "No champions yet on this day"));
}

/* With the organisations only, what the filter shows is said without champions, each count
 * with its own plural. */
static void
test_filtered_organisations_said (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *view = GTK_WIDGET (f->view);
  GtkWidget *sector;

  g_settings_set_boolean (settings, "network-map-organisations-only", TRUE);
  test_iterate_a_while ();
  test_iterate_until (built, f->view);
  sector = test_find_widget (view, TRUE, has_tooltip_text, "Show one sector");
  g_assert_true (GTK_IS_DROP_DOWN (sector));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sector), 4); /* Police */
  test_wait_for_text (view, "Showing 1 of 4 organisations");
  g_settings_set_boolean (settings, "network-map-organisations-only", FALSE);
  test_wait_for_text (view, "Showing 1 of 4 organisations and 1 of 3 champions");
}

int
main (int argc, char **argv)
{
  int status;

  /* GTK's test backend for assistive technologies, so what a screen reader would be told can
   * be read back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_widget_init (&argc, &argv);

#define ADD(name, func) \
  g_test_add ("/map-view/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("panel", test_panel);
  ADD ("sector-matrix", test_sector_matrix);
  ADD ("panel-button", test_panel_button);
  ADD ("panel-width", test_panel_width);
  ADD ("find", test_find);
  ADD ("find-next", test_find_next);
  ADD ("search-shortcut", test_search_shortcut);
  ADD ("shortcuts-listed", test_shortcuts_listed);
  ADD ("open-profile", test_open_profile);
  ADD ("as-of-refused", test_as_of_refused);
  ADD ("organisations-mode", test_organisations_mode);
  ADD ("isolated-counted", test_isolated_counted);
  ADD ("drag-saves", test_drag_saves);
  ADD ("filtered-said", test_filtered_said);
  ADD ("rebuilt-when-shown", test_rebuilt_when_shown);
  ADD ("another-programme", test_another_programme);
  ADD ("filter-brought-into-view", test_filter_brought_into_view);
  ADD ("search-down", test_search_down);
  ADD ("past-day-not-kept", test_past_day_not_kept);
  ADD ("no-ties-said", test_no_ties_said);
  ADD ("filtered-organisations-said", test_filtered_organisations_said);
#undef ADD

  status = g_test_run ();
  return test_widget_finish (status);
}
