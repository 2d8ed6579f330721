/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ti-application.h"
#include "ti-database.h"
#include "ti-demo.h"
#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-import.h"
#include "ti-resources.h"
#include "ti-window.h"
#include "ti-workbook.h"

#define MAX_RECENT_FILES 10

struct _TiApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char *db_path;               /* from --db, for the first window */
  GDBusConnection *session_bus; /* connected in time, kept for the life of the app */
};

G_DEFINE_FINAL_TYPE (TiApplication, ti_application, ADW_TYPE_APPLICATION)

/* Exit status for bad data given on the command line (sysexits.h: EX_DATAERR). */
#define EXIT_DATA_ERROR 65

/* How long connecting to the session bus may take. A bus that answers at all answers in
 * milliseconds. */
#define REGISTER_SECONDS 10

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use this programme file (created if missing)"),
    N_("FILE") },
  { "create-demo", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the demo programme to FILE and exit"), N_("FILE") },
  /* A string, so that --scale=0 reaches us (GApplication drops integer options left at 0). */
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --create-demo: how many times county size"),
    N_("N") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --db: import a CSV file (KIND is organisations, people or tier1) and exit"),
    N_("KIND:CSV") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --db: verify the programme file and print a summary"), NULL },
  { "export-workbook", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --db: write the evaluation workbook (Excel) to XLSX and exit"), N_("XLSX") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-workbook: the period's first day (the evaluation period's by default)"),
    N_("YYYY-MM-DD") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-workbook: the period's last day (the evaluation period's by default)"),
    N_("YYYY-MM-DD") },
  { "include-names", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-workbook: name people in the workbook (otherwise they appear as "
       "pseudonymous IDs)"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

static void
print_error (const GError *error)
{
  g_printerr ("trauma-informed: %s\n", error->message);
}

static int
run_create_demo (const char *path, const char *scale_text)
{
  g_autoptr (GError) error = NULL;
  guint64 scale = 1;

  if (scale_text != NULL
      && !g_ascii_string_to_unsigned (scale_text, 10, 1, TI_DEMO_MAX_SCALE, &scale, NULL))
    {
      g_printerr (_("trauma-informed: --scale must be a whole number from 1 to %d.\n"),
                  TI_DEMO_MAX_SCALE);
      return EXIT_FAILURE;
    }
  if (!ti_demo_create (path, (guint) scale, NULL, NULL, NULL, &error))
    {
      print_error (error);
      return EXIT_FAILURE;
    }
  g_print (_("Wrote the demo programme (scale %u) to %s\n"), (guint) scale, path);
  return EXIT_SUCCESS;
}

static int
run_check (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;
  g_autofree char *summary = NULL;

  if (path == NULL)
    {
      g_printerr (_("trauma-informed: --check needs --db=FILE, the programme file to check.\n"));
      return EXIT_FAILURE;
    }
  /* A programme that may not be written is checked all the same (one that may is updated to
   * this version first, as before). */
  db = ti_database_open_as_allowed (path, TI_DATABASE_OPEN_DEFAULT, &error);
  if (db != NULL)
    summary = ti_database_check (db, &error);
  if (summary == NULL)
    {
      print_error (error);
      return EXIT_DATA_ERROR;
    }
  g_print ("%s\n", summary);
  return EXIT_SUCCESS;
}

/* All or nothing: every problem is printed with its line, and then that nothing changed. */
static int
run_import (const char *db_path, const char *spec)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;
  g_autoptr (TiImportReport) report = NULL;
  g_autofree char *kind_text = NULL;
  const char *csv_path = spec != NULL ? strchr (spec, ':') : NULL;
  TiImportKind kind;

  if (db_path == NULL)
    {
      g_printerr (_("trauma-informed: --import needs --db=FILE, the programme to import into.\n"));
      return EXIT_FAILURE;
    }
  if (csv_path == NULL || csv_path[1] == '\0')
    {
      g_printerr (_("trauma-informed: --import needs a kind and a file: --import=people:FILE.csv\n"));
      return EXIT_FAILURE;
    }
  kind_text = g_strndup (spec, csv_path - spec);
  csv_path++;
  if (!ti_import_kind_from_string (kind_text, &kind, &error)
      || (db = ti_database_open (db_path, TI_DATABASE_OPEN_CREATE, &error)) == NULL)
    {
      print_error (error);
      return error->domain == TI_IMPORT_ERROR ? EXIT_FAILURE : EXIT_DATA_ERROR;
    }

  if (ti_import_file (db, kind, csv_path, NULL, NULL, NULL, NULL, &report, &error))
    {
      g_autofree char *summary = ti_import_report_summary (report);
      g_print ("%s\n", summary);
    }
  for (guint i = 0; report != NULL && i < report->warnings->len; i++)
    g_printerr ("%s: warning: %s\n", report->file,
                (const char *) g_ptr_array_index (report->warnings, i));
  if (error == NULL)
    return EXIT_SUCCESS;
  if (!g_error_matches (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_INVALID))
    {
      print_error (error);
      return EXIT_FAILURE;
    }
  for (guint i = 0; i < report->problems->len; i++)
    {
      const TiImportProblem *problem = g_ptr_array_index (report->problems, i);
      g_printerr ("%s:%u: %s\n", csv_path, problem->line, problem->message);
    }
  g_printerr (_("Nothing was imported.\n"));
  return EXIT_DATA_ERROR;
}

/* Reads --from or --to into @day ('YYYY-MM-DD'); says what is wrong when it is not a date. */
static gboolean
read_period_day (const char *option, const char *text, char **day)
{
  GDate date;

  switch (ti_date_check (text, &date))
    {
    case TI_DATE_OK:
      *day = ti_date_to_iso (&date);
      return TRUE;
    case TI_DATE_IMPOSSIBLE:
      /* Translators: %s is --from or --to, then the date as typed */
      g_printerr (_("trauma-informed: %s=%s is not a real day.\n"), option, text);
      return FALSE;
    case TI_DATE_MALFORMED:
    default:
      /* Translators: %s is --from or --to, then what was typed */
      g_printerr (_("trauma-informed: %s=%s is not a date: write it as YYYY-MM-DD, such as "
                    "2023-04-01.\n"), option, text);
      return FALSE;
    }
}

/* The evaluation workbook, written whole or not at all. The period and the threshold come from
 * the programme's settings; --from and --to replace either end of the period. */
static int
run_export_workbook (const char *db_path, const char *xlsx_path, const char *from,
                     const char *to, gboolean include_names)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;
  g_auto (TiWorkbookOptions) options = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *period = NULL;

  if (db_path == NULL)
    {
      g_printerr (_("trauma-informed: --export-workbook needs --db=FILE, the programme to "
                    "export.\n"));
      return EXIT_FAILURE;
    }
  if (*xlsx_path == '\0')
    {
      g_printerr (_("trauma-informed: --export-workbook needs a file name: "
                    "--export-workbook=FILE.xlsx\n"));
      return EXIT_FAILURE;
    }
  if ((from != NULL && !read_period_day ("--from", from, &first))
      || (to != NULL && !read_period_day ("--to", to, &last)))
    return EXIT_FAILURE;
  /* A programme that may not be written is exported all the same, read as it is. */
  db = ti_database_open_as_allowed (db_path, TI_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL || !ti_workbook_options_init (&options, db, &error))
    {
      print_error (error);
      return EXIT_DATA_ERROR;
    }
  if (first != NULL)
    {
      g_free (options.from);
      options.from = g_steal_pointer (&first);
    }
  if (last != NULL)
    {
      g_free (options.to);
      options.to = g_steal_pointer (&last);
    }
  options.include_names = include_names;

  if (!ti_workbook_export (db, xlsx_path, &options, NULL, NULL, NULL, &error))
    {
      print_error (error);
      return EXIT_FAILURE;
    }
  period = ti_format_period (options.from, options.to);
  if (include_names)
    /* Translators: the period (“1 Jan 2023 – 30 Apr 2024”), then the file written */
    g_print (_("Wrote the evaluation workbook (%s) to %s; people are named in it.\n"), period,
             xlsx_path);
  else
    /* Translators: the period (“1 Jan 2023 – 30 Apr 2024”), then the file written */
    g_print (_("Wrote the evaluation workbook (%s) to %s; people appear as pseudonymous "
               "IDs.\n"), period, xlsx_path);
  return EXIT_SUCCESS;
}

/* Connecting to the session bus waits on it, and GApplication, GTK and libadwaita connect
 * without a time limit of their own (once connected, each call to it has D-Bus's own limit):
 * a bus that hangs would hang the app before any window. A watch cancels the connecting once
 * REGISTER_SECONDS have passed. */
typedef struct
{
  GMutex lock;
  GCond stopped;
  gboolean done;
  GCancellable *cancellable;
} BusWatch;

static gpointer
watch_bus (gpointer data)
{
  BusWatch *watch = data;
  gint64 end = g_get_monotonic_time () + REGISTER_SECONDS * G_TIME_SPAN_SECOND;

  g_mutex_lock (&watch->lock);
  while (!watch->done)
    if (!g_cond_wait_until (&watch->stopped, &watch->lock, end))
      {
        g_cancellable_cancel (watch->cancellable);
        break;
      }
  g_mutex_unlock (&watch->lock);
  return NULL;
}

/* Returns: (transfer full) (nullable): the session bus, connected in time, or %NULL;
 * @cut_short: whether the time ran out. */
static GDBusConnection *
connect_bus_in_time (gboolean *cut_short)
{
  BusWatch watch = { .cancellable = g_cancellable_new () };
  GThread *thread;
  GDBusConnection *bus;

  g_mutex_init (&watch.lock);
  g_cond_init (&watch.stopped);
  thread = g_thread_new ("ti-bus-watch", watch_bus, &watch);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, watch.cancellable, NULL);
  g_mutex_lock (&watch.lock);
  watch.done = TRUE;
  g_cond_signal (&watch.stopped);
  g_mutex_unlock (&watch.lock);
  g_thread_join (thread);
  *cut_short = g_cancellable_is_cancelled (watch.cancellable) && bus == NULL;
  g_object_unref (watch.cancellable);
  g_mutex_clear (&watch.lock);
  g_cond_clear (&watch.stopped);
  return bus;
}

/* Registers the app as the one copy of it on the session bus. The connection is made first,
 * in time, and kept for the life of the app, so that GTK and libadwaita find it made. When
 * the bus does not answer, the window opens on its own, as a copy another launch cannot
 * find, and nothing else in this process waits on that bus either. (A bus that cannot be
 * reached at all GApplication already treats so.) */
static gboolean
register_or_run_alone (TiApplication *self, GError **error)
{
  GApplication *app = G_APPLICATION (self);
  gboolean cut_short = FALSE;

  self->session_bus = connect_bus_in_time (&cut_short);
  if (cut_short)
    {
      g_printerr (_("trauma-informed: the session bus did not answer within %d seconds, so "
                    "this window opens on its own: launching the app again opens another "
                    "window.\n"),
                  REGISTER_SECONDS);
      /* An address no transport serves: every later use of the session bus fails at once. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  return g_application_register (app, NULL, error);
}

/* Command options run here, before GTK starts, so they never need a display. */
static int
ti_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  TiApplication *self = TI_APPLICATION (app);
  g_autofree char *db_path = NULL;
  g_autofree char *demo_path = NULL;
  g_autofree char *scale = NULL;
  g_autofree char *import = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean include_names = FALSE;
  gboolean check = FALSE;
  gboolean version = FALSE;

  g_variant_dict_lookup (options, "db", "^ay", &db_path);
  g_variant_dict_lookup (options, "create-demo", "^ay", &demo_path);
  g_variant_dict_lookup (options, "scale", "s", &scale);
  g_variant_dict_lookup (options, "import", "^ay", &import);
  g_variant_dict_lookup (options, "export-workbook", "^ay", &workbook);
  g_variant_dict_lookup (options, "from", "s", &from);
  g_variant_dict_lookup (options, "to", "s", &to);
  g_variant_dict_lookup (options, "include-names", "b", &include_names);
  g_variant_dict_lookup (options, "check", "b", &check);
  g_variant_dict_lookup (options, "version", "b", &version);

  if (version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (demo_path != NULL && *demo_path == '\0')
    {
      g_printerr (_("trauma-informed: --create-demo needs a file name: --create-demo=FILE.\n"));
      return EXIT_FAILURE;
    }
  if (demo_path != NULL)
    return run_create_demo (demo_path, scale);
  if (scale != NULL)
    {
      g_printerr (_("trauma-informed: --scale goes with --create-demo=FILE.\n"));
      return EXIT_FAILURE;
    }
  if (workbook != NULL)
    return run_export_workbook (db_path, workbook, from, to, include_names);
  if (from != NULL || to != NULL || include_names)
    {
      g_printerr (_("trauma-informed: --from, --to and --include-names go with "
                    "--export-workbook=FILE.xlsx.\n"));
      return EXIT_FAILURE;
    }
  if (import != NULL)
    return run_import (db_path, import);
  if (check)
    return run_check (db_path);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr (_("trauma-informed: there is no display to open the window on. The command "
                    "options work without one: see --help.\n"));
      return EXIT_FAILURE;
    }

  /* The window: one instance per person. A second launch hands --db to the first, which
   * opens it (or raises the window already showing it); without --db, GApplication asks the
   * first to activate, which raises its window. The command options above never get this far,
   * so they run alongside an open window. */
  {
    g_autoptr (GError) error = NULL;

    if (!register_or_run_alone (self, &error))
      {
        print_error (error);
        return EXIT_FAILURE;
      }
  }
  if (db_path != NULL && g_application_get_is_remote (app))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (db_path);

      g_application_open (app, &file, 1, "");
      return EXIT_SUCCESS;
    }
  g_free (self->db_path);
  self->db_path = g_steal_pointer (&db_path);
  return -1;
}

/* The window showing @path (open, or refused), if one does. */
static TiWindow *
find_window_showing (TiApplication *self, GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      const char *shown = TI_IS_WINDOW (l->data) ? ti_window_get_programme_path (l->data) : NULL;
      g_autoptr (GFile) shown_file = shown != NULL ? g_file_new_for_path (shown) : NULL;

      if (shown_file != NULL && g_file_equal (shown_file, file))
        return l->data;
    }
  return NULL;
}

/* A second launch with --db (or a file opened from elsewhere): the window already showing it
 * is raised; any other programme opens in a window of its own. */
static void
ti_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  TiApplication *self = TI_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      TiWindow *window = find_window_showing (self, files[i]);

      if (window == NULL)
        {
          window = ti_window_new (self);
          gtk_window_present (GTK_WINDOW (window));
          if (path != NULL)
            ti_window_open_programme (window, path, TRUE);
          else
            {
              g_autofree char *uri = g_file_get_uri (files[i]);
              g_autofree char *body
                = g_strdup_printf (_("“%s” is not a file on this computer: copy it here first, "
                                     "then open the copy."),
                                   uri);

              ti_feedback_show_message (GTK_WIDGET (window), _("This Programme Cannot Be Opened"),
                                        body);
            }
        }
      else
        gtk_window_present (GTK_WINDOW (window));
    }
}

static void
ti_application_activate (GApplication *app)
{
  TiApplication *self = TI_APPLICATION (app);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;
  TiWindow *window;

  /* Launched again: the window already open comes to the front. */
  if (active != NULL && self->db_path == NULL)
    {
      gtk_window_present (active);
      return;
    }

  window = ti_window_new (self);

  if (self->db_path != NULL)
    path = g_steal_pointer (&self->db_path);
  else
    {
      path = g_settings_get_string (self->settings, "last-programme");
      if (path == NULL || *path == '\0' || !g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_free (path);
          path = ti_database_get_default_path ();
        }
    }

  gtk_window_present (GTK_WINDOW (window));
  ti_window_open_programme (window, path, TRUE);
}

static void
apply_color_scheme (TiApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    value = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  TiApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "Trauma Informed Somerset developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Trauma Informed Somerset"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Trauma Informed Somerset developers"),
                        "developers", developers,
                        "comments", _("Run a county's trauma-informed system change programme: "
                                      "tiered training, the champions network, the charter, "
                                      "events, engagement with lived experience and the "
                                      "evaluation for the programme board."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 Trauma Informed Somerset developers",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close each window so it can save its size and state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "quit", quit_activated },
};

static void
ti_application_startup (GApplication *app)
{
  TiApplication *self = TI_APPLICATION (app);
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.new-programme", { "<Control>n", NULL } },
    { "win.open-programme", { "<Control>o", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export-workbook", { "<Control>e", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.destination(0)", { "<Alt>1", NULL } },
    { "win.destination(1)", { "<Alt>2", NULL } },
    { "win.destination(2)", { "<Alt>3", NULL } },
    { "win.destination(3)", { "<Alt>4", NULL } },
    { "win.destination(4)", { "<Alt>5", NULL } },
  };

  G_APPLICATION_CLASS (ti_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

static void
ti_application_finalize (GObject *object)
{
  TiApplication *self = TI_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->session_bus);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (ti_application_parent_class)->finalize (object);
}

static void
ti_application_class_init (TiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ti_application_finalize;
  app_class->handle_local_options = ti_application_handle_local_options;
  app_class->startup = ti_application_startup;
  app_class->activate = ti_application_activate;
  app_class->open = ti_application_open;
}

static void
ti_application_init (TiApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (
    G_APPLICATION (self), _("Run a county's trauma-informed system change programme."));
}

/**
 * ti_application_new:
 *
 * Returns: (transfer full): the application, unique on the session bus: a second launch
 *   raises the first's window, or opens its --db there. Command options (--check, --import,
 *   --export-workbook, --create-demo) run on their own without registering.
 */
TiApplication *
ti_application_new (void)
{
  ti_register_resource ();
  return g_object_new (TI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

GSettings *
ti_application_get_settings (TiApplication *self)
{
  g_return_val_if_fail (TI_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * ti_application_remember_programme:
 *
 * Records @path as the last and most recent programme file.
 */
void
ti_application_remember_programme (TiApplication *self, const char *path)
{
  g_auto (GStrv) recent = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) updated = NULL;
  guint kept = 1;

  g_return_if_fail (TI_IS_APPLICATION (self));

  g_settings_set_string (self->settings, "last-programme", path);
  recent = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && kept < MAX_RECENT_FILES; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        kept++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char *const *) updated);
}
