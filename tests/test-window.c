/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "test-util.h"
#include "ti-application.h"
#include "ti-window.h"

static const char *const destinations[] = {
  "Network map", "Training tiers", "Champions", "Events", "Evaluation",
};

static TiApplication *app;

static void
iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static void
iterate_a_while (void)
{
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* What a person sees: a mapped label, or a mapped status page with this title. */
static GtkWidget *
find_shown (GtkWidget *root, const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  if (ADW_IS_STATUS_PAGE (root) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_sidebar (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX (root) && gtk_widget_has_css_class (root, "navigation-sidebar"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget *root;
  const char *text;
} Shown;

static gboolean
is_shown (gpointer data)
{
  Shown *shown = data;
  return find_shown (shown->root, shown->text) != NULL;
}

static gboolean
is_gone (gpointer data)
{
  return !is_shown (data);
}

static void
wait_for_text (GtkWidget *root, const char *text)
{
  Shown shown = { root, text };
  iterate_until (is_shown, &shown);
}

/* Stacks cross-fade: the page left behind stays mapped for a moment. */
static void
wait_for_gone (GtkWidget *root, const char *text)
{
  Shown shown = { root, text };
  iterate_until (is_gone, &shown);
}

static char *
make_programme (const char *dir, const char *name, gboolean with_data)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, TI_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  if (with_data)
    {
      g_assert_true (ti_database_exec (
        db,
        "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
        " (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000);"
        "INSERT INTO people (id, name, organisation_id) VALUES (1, 'Robin Vale', 1);"
        "INSERT INTO champions (person_id, since) VALUES (1, '2023-02-01');"
        "UPDATE settings SET value = 'Somerset pilot' WHERE key = 'programme_name';",
        &error));
      g_assert_no_error (error);
    }
  return path;
}

static TiWindow *
new_window (void)
{
  TiWindow *window = ti_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  return g_object_ref (window);
}

static void
close_window (TiWindow *window)
{
  iterate_a_while ();
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_a_while ();
  g_assert_finalize_object (window);
}

static void
test_destinations (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_programme (dir, "pilot.sqlite", TRUE);
  TiWindow *window = new_window ();
  GtkWidget *sidebar;
  guint i = 0;

  g_assert_true (ti_window_open_programme (window, path, FALSE));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Somerset pilot — pilot.sqlite");

  /* The five destinations, named exactly so, in order. */
  sidebar = find_sidebar (GTK_WIDGET (window));
  g_assert_nonnull (sidebar);
  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (destinations));
      g_assert_nonnull (find_shown (row, destinations[i]));
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (destinations));

  /* Each destination switches in and shows its own data from the programme. */
  ti_window_show_destination (window, 0);
  wait_for_text (GTK_WIDGET (window), "Organisations in the network");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.destination", "i", 2);
  g_assert_cmpuint (ti_window_get_destination (window), ==, 2);
  wait_for_text (GTK_WIDGET (window), "Robin Vale");
  wait_for_gone (GTK_WIDGET (window), "Organisations in the network");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.destination", "i", 1);
  wait_for_text (GTK_WIDGET (window), "Tier 1 completions");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.destination", "i", 3);
  wait_for_text (GTK_WIDGET (window), "No network event has been planned yet.");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.destination", "i", 4);
  wait_for_text (GTK_WIDGET (window), "Mean confidence change (1–5 scale)");
  g_assert_cmpuint (ti_window_get_destination (window), ==, 4);

  close_window (window);
  test_remove_tree (dir);
}

static void
test_welcome_for_empty_programme (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.sqlite", NULL);
  TiWindow *window = new_window ();

  g_assert_true (ti_window_open_programme (window, path, TRUE));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  wait_for_text (GTK_WIDGET (window), "Welcome to Trauma Informed Somerset");
  g_assert_nonnull (find_shown (GTK_WIDGET (window), "_Load Demo Programme")
                    ? find_shown (GTK_WIDGET (window), "_Load Demo Programme")
                    : find_shown (GTK_WIDGET (window), "Load Demo Programme"));
  close_window (window);
  test_remove_tree (dir);
}

static void
test_refused_programme (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "minutes.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TiWindow *window = new_window ();
  GtkWidget *page;

  g_assert_true (g_file_set_contents (path, "Board minutes, not a programme", -1, NULL));
  before = test_file_digest (path);
  g_assert_false (ti_window_open_programme (window, path, TRUE));
  wait_for_text (GTK_WIDGET (window), "This Programme Could Not Be Opened");
  page = find_shown (GTK_WIDGET (window), "This Programme Could Not Be Opened");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)),
                            "minutes.sqlite"));
  g_assert_null (ti_window_get_database (window));
  after = test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  close_window (window);
  test_remove_tree (dir);
}

static void
test_remembers_destination (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_programme (dir, "pilot.sqlite", TRUE);
  TiWindow *window = new_window ();

  g_assert_true (ti_window_open_programme (window, path, FALSE));
  ti_window_show_destination (window, 3);
  gtk_window_close (GTK_WINDOW (window));
  iterate_a_while ();
  g_assert_finalize_object (window);

  /* The next window opens where the person left off. */
  window = new_window ();
  g_assert_cmpuint (ti_window_get_destination (window), ==, 3);
  close_window (window);
  test_remove_tree (dir);
}

static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
test_preferences (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_programme (dir, "pilot.sqlite", TRUE);
  TiWindow *window = new_window ();
  GtkWindow *preferences;
  GtkWidget *start_row, *name_row;

  g_assert_true (ti_window_open_programme (window, path, FALSE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  iterate_a_while ();
  preferences = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  start_row = find_row (GTK_WIDGET (preferences), "Evaluation period starts (YYYY-MM-DD)");
  g_assert_nonnull (start_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_row)), ==, "2023-01-01");

  /* An impossible date is marked on its field and saves nothing. */
  gtk_editable_set_text (GTK_EDITABLE (start_row), "2023-02-30");
  g_signal_emit_by_name (start_row, "apply");
  g_assert_true (gtk_widget_has_css_class (start_row, "error"));

  /* A start after the end is refused too. */
  gtk_editable_set_text (GTK_EDITABLE (start_row), "2025-01-01");
  g_signal_emit_by_name (start_row, "apply");
  g_assert_true (gtk_widget_has_css_class (find_row (GTK_WIDGET (preferences),
                                                     "Evaluation period ends (YYYY-MM-DD)"),
                                           "error"));

  /* A good value is saved, and the window's title follows the programme's new name. */
  gtk_editable_set_text (GTK_EDITABLE (start_row), "2023-04-01");
  name_row = find_row (GTK_WIDGET (preferences), "Programme name");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Somerset system change");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_false (gtk_widget_has_css_class (start_row, "error"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Somerset system change — pilot.sqlite");
  g_assert_cmpint (ti_database_count (ti_window_get_database (window),
                                      "SELECT count(*) FROM settings WHERE key = 'period_start'"
                                      " AND value = '2023-04-01'", NULL), ==, 1);

  gtk_window_destroy (preferences);
  close_window (window);
  test_remove_tree (dir);
}

static void
test_shortcuts (void)
{
  TiWindow *window = new_window ();
  GtkShortcutsWindow *overlay;

  /* The Keyboard Shortcuts item opens the help overlay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  iterate_a_while ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  close_window (window);
}

static gboolean
has_database (gpointer data)
{
  return ti_window_get_database (data) != NULL;
}

static GtkWidget *
find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_type (GtkWidget *root, GType type, gpointer *found, guint *n_found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && *n_found < 4)
    found[(*n_found)++] = root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found, n_found);
}

static char *
make_champions (const char *dir)
{
  char *path = g_build_filename (dir, "champions.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, TI_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (ti_database_exec (
    db,
    "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
    " (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
    " (2, 'Wellsway Primary School', 'education', 'mendip', 40),"
    " (3, 'Quantock Housing', 'housing', 'sedgemoor', 120);"
    "INSERT INTO people (id, name, organisation_id) VALUES (1, 'Robin Vale', 1),"
    " (2, 'Sam Carter', 2), (3, 'Jo Marsh', 3), (4, 'Kit Elms', 2), (5, 'Ash Penn', 1);"
    "INSERT INTO champions (person_id, since, status) VALUES (1, '2023-02-01', 'active'),"
    " (2, '2023-03-01', 'active'), (3, '2023-04-01', 'paused'), (4, '2023-05-01', 'active');"
    "INSERT INTO tier1_completions (person_id, completed_on) VALUES (2, '2023-02-10');",
    &error));
  g_assert_no_error (error);
  return path;
}

static void
test_champions_search_and_filters (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_champions (dir);
  TiWindow *window = new_window ();
  GtkWidget *page, *entry;
  GtkDropDown *dropdowns[4];
  guint n = 0;

  g_assert_true (ti_window_open_programme (window, path, FALSE));
  ti_window_show_destination (window, 2);
  wait_for_text (GTK_WIDGET (window), "4 champions");
  wait_for_text (GTK_WIDGET (window), "Sam Carter");

  page = find_type (GTK_WIDGET (window), g_type_from_name ("TiChampionsPage"));
  entry = find_type (page, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);

  /* Typing narrows the list to matching names or organisations. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "wellsway");
  wait_for_text (GTK_WIDGET (window), "Showing 2 of 4 champions");
  wait_for_gone (GTK_WIDGET (window), "Robin Vale");
  gtk_editable_set_text (GTK_EDITABLE (entry), "marsh");
  wait_for_text (GTK_WIDGET (window), "Showing 1 of 4 champions");
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody at all");
  wait_for_text (GTK_WIDGET (window), "No Matches");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  wait_for_text (GTK_WIDGET (window), "4 champions");

  /* The filters: sector, locality, tier, status, in that order. */
  collect_type (page, GTK_TYPE_DROP_DOWN, (gpointer *) dropdowns, &n);
  g_assert_cmpuint (n, ==, 4);
  gtk_drop_down_set_selected (dropdowns[3], 2); /* Paused */
  wait_for_text (GTK_WIDGET (window), "Showing 1 of 4 champions");
  wait_for_text (GTK_WIDGET (window), "Jo Marsh");
  gtk_drop_down_set_selected (dropdowns[3], 0);
  gtk_drop_down_set_selected (dropdowns[2], 2); /* Tier 1 */
  wait_for_text (GTK_WIDGET (window), "Showing 1 of 4 champions");
  wait_for_text (GTK_WIDGET (window), "Sam Carter");
  gtk_drop_down_set_selected (dropdowns[2], 0);
  gtk_drop_down_set_selected (dropdowns[0], 7); /* Education: the seventh sector */
  wait_for_text (GTK_WIDGET (window), "Showing 2 of 4 champions");
  gtk_drop_down_set_selected (dropdowns[0], 0);

  /* The switch shows everyone, not only champions. */
  gtk_switch_set_active (GTK_SWITCH (find_type (page, GTK_TYPE_SWITCH)), TRUE);
  wait_for_text (GTK_WIDGET (window), "5 people");
  wait_for_text (GTK_WIDGET (window), "Ash Penn");

  close_window (window);
  test_remove_tree (dir);
}

static void
test_load_demo (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), APP_ID,
                                                "demo-programme.sqlite", NULL);
  TiWindow *window = new_window ();

  /* Written in a worker thread with progress, then opened. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  iterate_until (has_database, window);
  g_assert_cmpstr (ti_database_get_path (ti_window_get_database (window)), ==, expected);
  g_assert_cmpint (ti_database_count (ti_window_get_database (window),
                                      "SELECT count(*) FROM organisations", NULL), >=, 100);
  ti_window_show_destination (window, 0);
  wait_for_text (GTK_WIDGET (window), "Avon and Somerset Police");
  close_window (window);
}

static void
test_quit (void)
{
  TiWindow *window = new_window ();

  g_assert_nonnull (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  iterate_a_while ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (window);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = NULL;
  int status;

  /* A private data folder, so the demo programme is written where the test can remove it. */
  data_dir = test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ti_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window/destinations", test_destinations);
  g_test_add_func ("/window/welcome-for-empty-programme", test_welcome_for_empty_programme);
  g_test_add_func ("/window/refused-programme", test_refused_programme);
  g_test_add_func ("/window/remembers-destination", test_remembers_destination);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add_func ("/window/champions-search-and-filters", test_champions_search_and_filters);
  g_test_add_func ("/window/load-demo", test_load_demo);
  g_test_add_func ("/window/quit", test_quit);

  status = g_test_run ();
  g_object_unref (app);
  test_remove_tree (data_dir);
  return status;
}
