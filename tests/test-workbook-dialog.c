/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-demo.h"
#include "ti-period-chooser.h"
#include "ti-programme-settings.h"
#include "ti-workbook-dialog.h"

static TiApplication *app;

/* A small programme whose settings are not the defaults: the 2023/24 financial year as its
 * evaluation period and 7 as its small-number threshold. */
static const char programme_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  " (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
  " (2, 'Wellsway Primary School', 'education', 'mendip', 40);"
  "INSERT INTO people (id, name, email, organisation_id) VALUES"
  " (1, 'Robin Vale', 'robin.vale@example.org', 1), (2, 'Sam Carter', NULL, 2);"
  "INSERT INTO champions (person_id, since) VALUES (1, '2023-05-01');"
  "INSERT INTO tier1_completions (person_id, completed_on) VALUES (2, '2023-06-10');"
  "INSERT OR REPLACE INTO settings (key, value) VALUES ('programme_name', 'Somerset pilot'),"
  " ('period_start', '2023-04-01'), ('period_end', '2024-03-31'),"
  " ('suppression_threshold', '7');";

typedef struct
{
  TestProgramme programme;
  TiWindow *window;
  TiWorkbookDialog *dialog; /* a reference of the test's own */
} Fixture;

/* With @data, the county-sized demo programme instead: an export long enough to cancel. */
static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  if (data == NULL)
    test_programme_set_up (&fixture->programme, "pilot.sqlite", programme_sql);
  else
    {
      g_autoptr (GError) error = NULL;

      fixture->programme.dir = test_make_tmp_dir ();
      fixture->programme.path = g_build_filename (fixture->programme.dir, "demo.sqlite", NULL);
      g_assert_true (ti_demo_create (fixture->programme.path, 1, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      fixture->programme.db = ti_database_open (fixture->programme.path,
                                                TI_DATABASE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }
  fixture->window = test_window_new (fixture->programme.path);
  fixture->dialog = g_object_ref (
    ti_workbook_dialog_new (GTK_WINDOW (fixture->window), ti_window_get_database (fixture->window)));
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  test_iterate_a_while ();
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  /* An export that finished or was cancelled has closed it already. */
  if (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)))
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  test_iterate_a_while ();
  g_assert_finalize_object (fixture->dialog);
  if (gtk_widget_get_visible (GTK_WIDGET (fixture->window)))
    test_window_close (fixture->window);
  else
    {
      test_iterate_a_while ();
      g_assert_finalize_object (fixture->window);
    }
  test_programme_tear_down (&fixture->programme);
}

static GtkWidget *
dialog_widget (Fixture *fixture)
{
  return GTK_WIDGET (fixture->dialog);
}

static GtkSwitch *
names_switch (Fixture *fixture)
{
  GtkWidget *row = test_find_row (dialog_widget (fixture), "_Include names");

  g_assert_nonnull (row);
  return GTK_SWITCH (test_find_type (row, GTK_TYPE_SWITCH));
}

static GtkSpinButton *
threshold_spin (Fixture *fixture)
{
  GtkWidget *row = test_find_row (dialog_widget (fixture), "_Hide small numbers");

  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (test_find_type (row, GTK_TYPE_SPIN_BUTTON));
}

static TiPeriodChooser *
period_chooser (Fixture *fixture)
{
  return TI_PERIOD_CHOOSER (test_find_type (dialog_widget (fixture), TI_TYPE_PERIOD_CHOOSER));
}

/* Opened, it shows the programme's own settings: its evaluation period, its threshold, and
 * people not named. */
static void
test_defaults (Fixture *fixture, gconstpointer data)
{
  g_auto (TiWorkbookOptions) options = { 0 };
  g_auto (TiWorkbookOptions) expected = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "Export Workbook");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (fixture->dialog))
                 == GTK_WINDOW (fixture->window));

  /* What a person sees. */
  g_assert_nonnull (test_find_shown (dialog_widget (fixture), "1 Apr 2023 – 31 Mar 2024"));
  g_assert_false (gtk_switch_get_active (names_switch (fixture)));
  g_assert_nonnull (test_find_shown (dialog_widget (fixture),
                                     "Off, people appear as pseudonymous IDs (such as "
                                     "P-3F9A0C21D4), the same in every export of this programme"));
  g_assert_null (test_find_shown (dialog_widget (fixture), "The file will hold personal data"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (threshold_spin (fixture)), ==, 7);
  g_assert_nonnull (test_find_shown (dialog_widget (fixture),
                                     "Counts from 1 to 6 are shown as “<7” in tables by "
                                     "organisation"));
  g_assert_nonnull (test_find_button (dialog_widget (fixture), "_Export…"));
  g_assert_nonnull (test_find_button (dialog_widget (fixture), "_Cancel"));

  /* What it would export: the same as the core's defaults for this programme. */
  g_assert_true (ti_workbook_dialog_get_options (fixture->dialog, &options));
  g_assert_true (ti_workbook_options_init (&expected, fixture->programme.db, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (options.from, ==, "2023-04-01");
  g_assert_cmpstr (options.to, ==, "2024-03-31");
  g_assert_cmpstr (options.from, ==, expected.from);
  g_assert_cmpstr (options.to, ==, expected.to);
  g_assert_false (options.include_names);
  g_assert_cmpuint (options.suppression_threshold, ==, 7);
  g_assert_cmpuint (options.suppression_threshold, ==, expected.suppression_threshold);

  name = ti_workbook_file_name (options.from, options.to);
  g_assert_cmpstr (name, ==, "Evaluation 2023-04-01 to 2024-03-31.xlsx");
}

/* The options follow the widgets. */
static void
test_options (Fixture *fixture, gconstpointer data)
{
  GtkWidget *root = dialog_widget (fixture);

  /* Names: a warning that the file holds personal data, while they are included. */
  gtk_switch_set_active (names_switch (fixture), TRUE);
  test_wait_for_text (root, "The file will hold personal data");
  {
    g_auto (TiWorkbookOptions) options = { 0 };

    g_assert_true (ti_workbook_dialog_get_options (fixture->dialog, &options));
    g_assert_true (options.include_names);
  }
  gtk_switch_set_active (names_switch (fixture), FALSE);
  test_wait_for_gone (root, "The file will hold personal data");

  /* The threshold, from nothing hidden to the most there is. */
  gtk_spin_button_set_value (threshold_spin (fixture), 0);
  test_wait_for_text (root, "Nothing is hidden: every count is shown as it is");
  {
    g_auto (TiWorkbookOptions) options = { 0 };

    g_assert_true (ti_workbook_dialog_get_options (fixture->dialog, &options));
    g_assert_cmpuint (options.suppression_threshold, ==, 0);
    g_assert_false (options.include_names);
  }
  gtk_spin_button_set_value (threshold_spin (fixture), 2);
  test_wait_for_text (root, "Counts of 1 are shown as “<2” in tables by organisation");
  gtk_spin_button_set_value (threshold_spin (fixture), 500);
  {
    g_auto (TiWorkbookOptions) options = { 0 };

    g_assert_true (ti_workbook_dialog_get_options (fixture->dialog, &options));
    g_assert_cmpuint (options.suppression_threshold, ==, TI_SUPPRESSION_THRESHOLD_MAX);
  }

  /* A period of one's own, as typed (either way of writing a date). */
  ti_period_chooser_set_custom (period_chooser (fixture), "01/01/2023", "2023-06-30");
  {
    g_auto (TiWorkbookOptions) options = { 0 };
    g_autofree char *name = NULL;

    g_assert_true (ti_workbook_dialog_get_options (fixture->dialog, &options));
    g_assert_cmpstr (options.from, ==, "2023-01-01");
    g_assert_cmpstr (options.to, ==, "2023-06-30");
    name = ti_workbook_file_name (options.from, options.to);
    g_assert_cmpstr (name, ==, "Evaluation 2023-01-01 to 2023-06-30.xlsx");
  }

  /* The whole programme: both ends open. */
  ti_period_chooser_set_preset (period_chooser (fixture), TI_PERIOD_WHOLE_PROGRAMME);
  {
    g_auto (TiWorkbookOptions) options = { 0 };
    g_autofree char *name = NULL;

    g_assert_true (ti_workbook_dialog_get_options (fixture->dialog, &options));
    g_assert_null (options.from);
    g_assert_null (options.to);
    name = ti_workbook_file_name (options.from, options.to);
    g_assert_cmpstr (name, ==, "Evaluation.xlsx");
  }

  /* Custom dates that are not a period make no options, and Export… says so. */
  ti_period_chooser_set_custom (period_chooser (fixture), "2023-02-30", "2023-06-30");
  {
    g_auto (TiWorkbookOptions) options = { 0 };
    AdwMessageDialog *message;

    g_assert_false (ti_workbook_dialog_get_options (fixture->dialog, &options));
    g_assert_true (gtk_widget_activate_action (root, "workbook.export", NULL));
    message = test_wait_for_dialog ("Choose the Period First");
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message))
                   == GTK_WINDOW (fixture->dialog));
    gtk_window_destroy (GTK_WINDOW (message));
  }
}

static gboolean
is_shortcut_for (GtkWidget *widget, gconstpointer accelerator)
{
  g_autofree char *shown = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "accelerator", &shown, NULL);
  return g_strcmp0 (shown, accelerator) == 0;
}

static gboolean
has_action_name (GtkWidget *widget, gconstpointer action)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_primary_menu_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Whether @menu, or a section of it, has an item that activates @action. */
static gboolean
menu_has_action (GMenuModel *menu, const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action)
          && g_strcmp0 (item_action, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Ctrl+E, the primary menu and the Evaluation destination's button all open the dialog. */
static void
test_opened_from_window (void)
{
  TestProgramme programme;
  TiWindow *window;
  GtkWindow *dialog;
  GtkWidget *button, *menu_button;
  g_auto (GStrv) actions = NULL;
  GtkShortcutsWindow *overlay;

  /* Ctrl+E is the window's Export Workbook, and the shortcuts window says so. */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>e");
  g_assert_nonnull (actions);
  g_assert_true (g_strv_contains ((const char *const *) actions, "win.export-workbook"));

  /* With no programme open there is nothing to export: the button is not offered. */
  window = test_window_new (NULL);
  button = test_find_widget (GTK_WIDGET (window), FALSE, has_action_name, "win.export-workbook");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_nonnull (test_find_widget (GTK_WIDGET (overlay), FALSE, is_shortcut_for,
                                      "<Control>e"));
  test_window_close (window);

  test_programme_set_up (&programme, "pilot.sqlite", programme_sql);
  window = test_window_new (programme.path);

  menu_button = test_find_widget (GTK_WIDGET (window), TRUE, is_primary_menu_button, NULL);
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                  "win.export-workbook"));

  /* The Evaluation destination shows the button, beside its views. */
  ti_window_show_destination (window, 4);
  test_iterate_a_while ();
  button = test_find_widget (GTK_WIDGET (window), TRUE, has_action_name, "win.export-workbook");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_nonnull (gtk_widget_get_ancestor (button, g_type_from_name ("TiEvaluationPage")));

  /* What Ctrl+E activates opens the dialog over the window. */
  for (guint i = 0; actions[i] != NULL; i++)
    if (g_str_equal (actions[i], "win.export-workbook"))
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL));
  dialog = test_wait_for_toplevel (TI_TYPE_WORKBOOK_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (dialog));

  /* Cancel closes it, exporting nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "workbook.cancel", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_WORKBOOK_DIALOG);

  /* The button does the same as the shortcut. */
  g_signal_emit_by_name (button, "clicked");
  dialog = test_wait_for_toplevel (TI_TYPE_WORKBOOK_DIALOG);
  gtk_window_close (dialog);
  test_wait_for_toplevel_gone (TI_TYPE_WORKBOOK_DIALOG);

  test_window_close (window);
  test_programme_tear_down (&programme);
}

static gboolean
dialog_is_gone (gpointer data)
{
  return test_find_toplevel (TI_TYPE_WORKBOOK_DIALOG) == NULL;
}

static void
count_step (GtkProgressBar *bar, GParamSpec *pspec, guint *steps)
{
  const char *text = gtk_progress_bar_get_text (bar);

  if (text != NULL && g_strcmp0 (text, "Starting") != 0)
    (*steps)++;
}

/* Whether @dir holds the file @name and nothing else, or nothing at all when @name is NULL:
 * no temporary file is left beside the workbook. */
static gboolean
dir_holds_only (const char *dir, const char *name)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *first = handle ? g_dir_read_name (handle) : NULL;

  g_assert_nonnull (handle);
  if (g_strcmp0 (first, name) != 0)
    {
      g_test_message ("%s holds %s", dir, first);
      return FALSE;
    }
  return name == NULL || g_dir_read_name (handle) == NULL;
}

/* Export: progress while it runs, then the dialog closes and the window says so, with Open. */
static void
test_export (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_build_filename (fixture->programme.dir, "board", NULL);
  g_autofree char *path = g_build_filename (dir, "Evaluation.xlsx", NULL);
  g_autofree char *contents = NULL;
  GtkWidget *bar = test_find_type (dialog_widget (fixture), GTK_TYPE_PROGRESS_BAR);
  gsize length = 0;
  guint steps = 0;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_signal_connect (bar, "notify::text", G_CALLBACK (count_step), &steps);

  ti_workbook_dialog_export_to (fixture->dialog, path);
  /* While it runs: the choices cannot change and the progress shows. */
  g_assert_true (ti_workbook_dialog_is_exporting (fixture->dialog));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (names_switch (fixture))));
  g_assert_true (gtk_revealer_get_reveal_child (
    GTK_REVEALER (gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER))));
  g_assert_cmpstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), ==, "Starting");

  test_iterate_until (dialog_is_gone, NULL);
  g_signal_handlers_disconnect_by_data (bar, &steps);
  /* The worker's steps reached the progress bar. */
  g_assert_cmpuint (steps, >, 0);

  /* A whole workbook (a zip), and nothing else beside it. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 2);
  g_assert_true (contents[0] == 'P' && contents[1] == 'K');
  g_assert_true (dir_holds_only (dir, "Evaluation.xlsx"));

  test_wait_for_text (GTK_WIDGET (fixture->window), "Workbook exported");
  g_assert_nonnull (test_find_button (GTK_WIDGET (fixture->window), "_Open"));
}

/* A folder that is not there: said in words, and the choices stay as they were. */
static void
test_export_fails (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_build_filename (fixture->programme.dir, "nowhere", NULL);
  g_autofree char *path = g_build_filename (dir, "Evaluation.xlsx", NULL);
  AdwMessageDialog *message;

  gtk_switch_set_active (names_switch (fixture), TRUE);
  gtk_spin_button_set_value (threshold_spin (fixture), 10);
  ti_workbook_dialog_export_to (fixture->dialog, path);
  message = test_wait_for_dialog ("The Workbook Was Not Exported");
  g_assert_cmpstr (adw_message_dialog_get_body (message), !=, "");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message))
                 == GTK_WINDOW (fixture->dialog));
  gtk_window_destroy (GTK_WINDOW (message));

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_nonnull (test_find_toplevel (TI_TYPE_WORKBOOK_DIALOG));
  g_assert_false (ti_workbook_dialog_is_exporting (fixture->dialog));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (names_switch (fixture))));
  g_assert_true (gtk_switch_get_active (names_switch (fixture)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (threshold_spin (fixture)), ==, 10);
}

/* Cancel while it runs: the export stops, the dialog closes and no file is left. The county's
 * export takes a good part of a second, Cancel comes a moment after it starts. */
static void
test_export_cancelled (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_build_filename (fixture->programme.dir, "board", NULL);
  g_autofree char *path = g_build_filename (dir, "Evaluation.xlsx", NULL);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  ti_workbook_dialog_export_to (fixture->dialog, path);
  g_assert_true (gtk_widget_activate_action (dialog_widget (fixture), "workbook.cancel", NULL));
  g_assert_true (ti_workbook_dialog_is_exporting (fixture->dialog));
  test_iterate_until (dialog_is_gone, NULL);

  g_assert_true (dir_holds_only (dir, NULL));
  g_assert_null (test_find_shown (GTK_WIDGET (fixture->window), "Workbook exported"));
}

static gboolean
export_has_stopped (gpointer dialog)
{
  return !ti_workbook_dialog_is_exporting (dialog);
}

/* The window closed mid-export (the programme closed, the app quit): the dialog goes with it,
 * the export stops and no file is left, not even a temporary one. */
static void
test_window_closed_mid_export (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_build_filename (fixture->programme.dir, "board", NULL);
  g_autofree char *path = g_build_filename (dir, "Evaluation.xlsx", NULL);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  ti_workbook_dialog_export_to (fixture->dialog, path);
  gtk_window_close (GTK_WINDOW (fixture->window));
  test_iterate_until (export_has_stopped, fixture->dialog);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
  g_assert_true (dir_holds_only (dir, NULL));
}

int
main (int argc, char *argv[])
{
  app = test_widget_init (&argc, &argv);

  g_test_add ("/workbook-dialog/defaults", Fixture, NULL, fixture_set_up, test_defaults,
              fixture_tear_down);
  g_test_add ("/workbook-dialog/options", Fixture, NULL, fixture_set_up, test_options,
              fixture_tear_down);
  g_test_add_func ("/workbook-dialog/opened-from-window", test_opened_from_window);
  g_test_add ("/workbook-dialog/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  g_test_add ("/workbook-dialog/export-fails", Fixture, NULL, fixture_set_up, test_export_fails,
              fixture_tear_down);
  g_test_add ("/workbook-dialog/export-cancelled", Fixture, "demo", fixture_set_up,
              test_export_cancelled, fixture_tear_down);
  g_test_add ("/workbook-dialog/window-closed-mid-export", Fixture, "demo", fixture_set_up,
              test_window_closed_mid_export, fixture_tear_down);

  return test_widget_finish (g_test_run ());
}
