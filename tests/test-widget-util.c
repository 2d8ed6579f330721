/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-util.h"
#include "test-widget-util.h"

/* How long any wait may take before the test fails; TI_TEST_WAIT_SCALE multiplies it where
 * everything runs many times slower (make test-asan). */
#define WAIT_SECONDS 20

static TiApplication *app;
static char *data_dir;
static char *home_dir;

/* GTK and libadwaita, a private data folder (the demo programme and other saved files land
 * where the test removes them), an empty home for file choosers to show, and the
 * application, registered on the session bus. */
TiApplication *
test_widget_init (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  home_dir = test_use_empty_home ();
  data_dir = test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  app = ti_application_new ();
  /* A test's child process (test_trap_without_leak_check()) runs beside its parent, which
   * holds the application's name on the bus. */
  if (g_test_subprocess ())
    g_application_set_flags (G_APPLICATION (app),
                             g_application_get_flags (G_APPLICATION (app))
                               | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

/* Undoes test_widget_init(); returns @status, for main() to return. */
int
test_widget_finish (int status)
{
  g_clear_object (&app);
  test_remove_tree (data_dir);
  g_clear_pointer (&data_dir, g_free);
  test_remove_tree (home_dir);
  g_clear_pointer (&home_dir, g_free);
  return status;
}

static gint64
wait_limit (void)
{
  const char *scale = g_getenv ("TI_TEST_WAIT_SCALE");
  guint64 factor = scale != NULL ? g_ascii_strtoull (scale, NULL, 10) : 1;

  return WAIT_SECONDS * CLAMP (factor, 1, 100) * G_USEC_PER_SEC;
}

/* Runs the main loop until @done is true; fails after WAIT_SECONDS (scaled). */
void
test_iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + wait_limit ();

  while (!done (data))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Runs the main loop until a weak pointer's object is gone. A view closed with a read in
 * flight is held by that read's callback until the worker's query ends (cancelling does not
 * interrupt it), so it goes a moment after its window, not with it; one that never goes
 * fails here. */
void
test_wait_for_finalized (gpointer *weak_pointer)
{
  test_iterate_until (is_null, weak_pointer);
}

/* Runs the main loop for about 50 ms, for what has no condition to wait on. */
void
test_iterate_a_while (void)
{
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The first widget under @root, depth first, that @match accepts; with @mapped_only, the
 * search skips what is not on screen. */
GtkWidget *
test_find_widget (GtkWidget *root, gboolean mapped_only, TestWidgetMatch match, gconstpointer data)
{
  if (mapped_only && !gtk_widget_get_mapped (root))
    return NULL;
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_widget (child, mapped_only, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_widgets (GtkWidget *root, gboolean mapped_only, TestWidgetMatch match, gconstpointer data,
                 GPtrArray *found)
{
  if (mapped_only && !gtk_widget_get_mapped (root))
    return;
  if (match (root, data))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, mapped_only, match, data, found);
}

/* Every widget under @root that @match accepts, depth first (the order shown); the array
 * holds no references. */
GPtrArray *
test_collect_widgets (GtkWidget *root, gboolean mapped_only, TestWidgetMatch match,
                      gconstpointer data)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, mapped_only, match, data, found);
  return found;
}

static gboolean
shows_text (GtkWidget *widget, gconstpointer text)
{
  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
  if (ADW_IS_STATUS_PAGE (widget))
    return g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0;
  return FALSE;
}

/* What a person sees: a mapped label with exactly this text, or a mapped status page with
 * this title. */
GtkWidget *
test_find_shown (GtkWidget *root, const char *text)
{
  return test_find_widget (root, TRUE, shows_text, text);
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

  return test_find_shown (shown->root, shown->text) != NULL;
}

static gboolean
is_gone (gpointer data)
{
  return !is_shown (data);
}

static gboolean
is_there (gpointer data)
{
  Shown *there = data;

  return test_find_widget (there->root, FALSE, shows_text, there->text) != NULL;
}

/* Waits for a label with this text under @root, shown or not (a hidden page's). */
void
test_wait_for_text_anywhere (GtkWidget *root, const char *text)
{
  Shown there = { root, text };

  test_iterate_until (is_there, &there);
}

void
test_wait_for_text (GtkWidget *root, const char *text)
{
  Shown shown = { root, text };

  test_iterate_until (is_shown, &shown);
}

/* Stacks slide and cross-fade: the page left behind stays mapped for a moment. */
void
test_wait_for_gone (GtkWidget *root, const char *text)
{
  Shown shown = { root, text };

  test_iterate_until (is_gone, &shown);
}

static gboolean
has_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type under @root, shown or not. */
GtkWidget *
test_find_type (GtkWidget *root, GType type)
{
  return test_find_widget (root, FALSE, has_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_row_title (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* A preferences row (entry, combo, action row…) by its title, shown or not. */
GtkWidget *
test_find_row (GtkWidget *root, const char *title)
{
  return test_find_widget (root, FALSE, has_row_title, title);
}

static gboolean
has_button_label (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A shown button as a person finds it: by its label, mnemonic included ("_Undo"). */
GtkWidget *
test_find_button (GtkWidget *root, const char *label)
{
  return test_find_widget (root, TRUE, has_button_label, label);
}

typedef struct
{
  GtkWidget *root;
  TestWidgetMatch match;
  gconstpointer data;
} Wanted;

static gboolean
wanted_is_shown (gpointer data)
{
  Wanted *wanted = data;

  return test_find_widget (wanted->root, TRUE, wanted->match, wanted->data) != NULL;
}

/* Waits until a shown widget under @root matches, and returns it. */
GtkWidget *
test_wait_for_widget (GtkWidget *root, TestWidgetMatch match, gconstpointer data)
{
  Wanted wanted = { root, match, data };

  test_iterate_until (wanted_is_shown, &wanted);
  return test_find_widget (root, TRUE, match, data);
}

static gboolean
label_contains (GtkWidget *widget, gconstpointer part)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL;
}

/* Waits for a shown label whose text holds @part (a toast, a message), and returns its whole
 * text. */
const char *
test_wait_for_text_containing (GtkWidget *root, const char *part)
{
  return gtk_label_get_text (GTK_LABEL (test_wait_for_widget (root, label_contains, part)));
}

GtkWidget *
test_wait_for_button (GtkWidget *root, const char *label)
{
  return test_wait_for_widget (root, has_button_label, label);
}

GtkWidget *
test_wait_for_row (GtkWidget *root, const char *title)
{
  return test_wait_for_widget (root, has_row_title, title);
}

static GtkWindow *
find_toplevel_where (gboolean (*match) (GtkWindow *, gconstpointer), gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (gtk_widget_get_visible (GTK_WIDGET (window)) && match (window, data))
        return window;
    }
  return NULL;
}

static gboolean
window_has_type (GtkWindow *window, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (window, GPOINTER_TO_SIZE (type));
}

/* A visible toplevel window of @type (transfer none). */
GtkWindow *
test_find_toplevel (GType type)
{
  return find_toplevel_where (window_has_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_toplevel (gpointer type)
{
  return test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
toplevel_is_gone (gpointer type)
{
  return !has_toplevel (type);
}

GtkWindow *
test_wait_for_toplevel (GType type)
{
  test_iterate_until (has_toplevel, GSIZE_TO_POINTER (type));
  return test_find_toplevel (type);
}

void
test_wait_for_toplevel_gone (GType type)
{
  test_iterate_until (toplevel_is_gone, GSIZE_TO_POINTER (type));
}

static gboolean
dialog_has_heading (GtkWindow *window, gconstpointer heading)
{
  return ADW_IS_MESSAGE_DIALOG (window)
         && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0;
}

/* A visible message dialog with this heading (transfer none). */
AdwMessageDialog *
test_find_dialog (const char *heading)
{
  GtkWindow *window = find_toplevel_where (dialog_has_heading, heading);

  return window != NULL ? ADW_MESSAGE_DIALOG (window) : NULL;
}

static gboolean
dialog_is_shown (gpointer heading)
{
  return test_find_dialog (heading) != NULL;
}

AdwMessageDialog *
test_wait_for_dialog (const char *heading)
{
  test_iterate_until (dialog_is_shown, (gpointer) heading);
  return test_find_dialog (heading);
}

/* A presented main window, with the programme at @path open if it is not NULL; the caller
 * holds a reference, for test_window_close(). */
TiWindow *
test_window_new (const char *path)
{
  TiWindow *window = ti_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  if (path != NULL)
    g_assert_true (ti_window_open_programme (window, path, FALSE));
  return g_object_ref (window);
}

/* Destroys the window and checks that nothing else still holds it. */
void
test_window_close (TiWindow *window)
{
  test_iterate_a_while ();
  gtk_window_destroy (GTK_WINDOW (window));
  test_iterate_a_while ();
  g_assert_finalize_object (window);
}

/* Shows @destination (0 is the Network map) and, in its view switcher, the view named @view;
 * returns the widget of @view_type in that view. */
GtkWidget *
test_show_view (TiWindow *window, guint destination, const char *view, GType view_type)
{
  g_autoptr (GPtrArray) stacks = NULL;

  ti_window_show_destination (window, destination);
  stacks = test_collect_widgets (GTK_WIDGET (window), FALSE, has_type,
                                 GSIZE_TO_POINTER (ADW_TYPE_VIEW_STACK));
  for (guint i = 0; i < stacks->len; i++)
    {
      AdwViewStack *stack = g_ptr_array_index (stacks, i);
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, view);

      if (child != NULL)
        {
          GtkWidget *found = test_find_type (child, view_type);

          adw_view_stack_set_visible_child_name (stack, view);
          g_assert_nonnull (found);
          return found;
        }
    }
  g_assert_not_reached ();
}
