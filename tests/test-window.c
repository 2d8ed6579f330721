/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-application.h"
#include "ti-charter-view.h"
#include "ti-event-page.h"
#include "ti-organisation-detail.h"
#include "ti-person-profile-view.h"
#include "ti-session-page.h"
#include "ti-map-view.h"
#include "ti-review-view.h"
#include "ti-tier1-view.h"
#include "ti-overview.h"
#include "ti-page.h"
#include "ti-window.h"

static const char *const destinations[] = {
  "Network map", "Training tiers", "Champions", "Events", "Evaluation",
};

static TiApplication *app;

static gboolean
is_sidebar (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

static gboolean
is_view_stack (GtkWidget *widget, gconstpointer data)
{
  return ADW_IS_VIEW_STACK (widget);
}

/* A programme with one organisation, one champion and its own name. */
static const char pilot_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  " (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000);"
  "INSERT INTO people (id, name, organisation_id) VALUES (1, 'Robin Vale', 1);"
  "INSERT INTO champions (person_id, since) VALUES (1, '2023-02-01');"
  "UPDATE settings SET value = 'Somerset pilot' WHERE key = 'programme_name';";

/* A destination that counts its reloads and the programme it last read. */
typedef struct
{
  TiPage parent_instance;
  guint reloads;
  TiDatabase *read; /* not held */
} CountingPage;

typedef TiPageClass CountingPageClass;

static GType counting_page_get_type (void);
G_DEFINE_TYPE (CountingPage, counting_page, TI_TYPE_PAGE)

static void
counting_page_reload (TiPage *page)
{
  CountingPage *self = (CountingPage *) page;

  self->reloads++;
  self->read = ti_page_get_database (page);
}

static gboolean
counting_page_show_record (TiPage *page, TiRecordKind kind, gint64 id)
{
  /* What it shows is what it read last. */
  return ((CountingPage *) page)->read == ti_page_get_database (page);
}

static void
counting_page_class_init (CountingPageClass *klass)
{
  static const char template[]
    = "<interface><template class=\"CountingPage\" parent=\"TiPage\"/></interface>";
  g_autoptr (GBytes) bytes = g_bytes_new_static (template, sizeof template - 1);

  /* Every destination has a template, which TiPage disposes of. */
  gtk_widget_class_set_template (GTK_WIDGET_CLASS (klass), bytes);
  klass->reload = counting_page_reload;
  klass->show_record = counting_page_show_record;
}

static void
counting_page_init (CountingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Two destinations in a stack, the first shown, and two connections to one programme. */
typedef struct
{
  TestProgramme programme;
  TiDatabase *db;
  TiDatabase *other;
  GtkWidget *window;
  GtkStack *stack;
} TwoPages;

static void
two_pages_set_up (TwoPages *pages, GtkWidget *shown, GtkWidget *hidden)
{
  g_autoptr (GError) error = NULL;

  test_programme_set_up (&pages->programme, "pilot.sqlite", pilot_sql);
  pages->db = ti_database_open (pages->programme.path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pages->other = ti_database_open (pages->programme.path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  pages->window = gtk_window_new ();
  pages->stack = GTK_STACK (gtk_stack_new ());
  /* As the window's: only the page shown is measured. */
  gtk_stack_set_hhomogeneous (pages->stack, FALSE);
  gtk_stack_set_vhomogeneous (pages->stack, FALSE);
  gtk_stack_add_named (pages->stack, shown, "shown");
  gtk_stack_add_named (pages->stack, hidden, "hidden");
  gtk_window_set_child (GTK_WINDOW (pages->window), GTK_WIDGET (pages->stack));
  gtk_window_set_default_size (GTK_WINDOW (pages->window), 640, 480);
  gtk_window_present (GTK_WINDOW (pages->window));
  test_iterate_a_while ();
}

static void
two_pages_tear_down (TwoPages *pages)
{
  gtk_window_destroy (GTK_WINDOW (pages->window));
  test_iterate_a_while ();
  g_clear_object (&pages->db);
  g_clear_object (&pages->other);
  test_programme_tear_down (&pages->programme);
}

/* A hidden destination reads the programme when it is shown, not when it is opened or
 * changed (opening costs only what the window shows); it lets go of another programme at
 * once all the same (its connection must close for a restore), and a record asked of it is
 * shown from the programme as it is now. */
static void
test_hidden_destinations_read_when_shown (void)
{
  TwoPages pages;
  CountingPage *shown = g_object_new (counting_page_get_type (), NULL);
  CountingPage *hidden = g_object_new (counting_page_get_type (), NULL);
  GtkStack *stack;
  TiDatabase *db, *other;

  two_pages_set_up (&pages, GTK_WIDGET (shown), GTK_WIDGET (hidden));
  stack = pages.stack;
  db = pages.db;
  other = pages.other;

  /* Opened: the page shown reads it; the hidden one holds it but has read nothing. */
  ti_page_set_database (TI_PAGE (shown), db);
  ti_page_set_database (TI_PAGE (hidden), db);
  g_assert_cmpuint (shown->reloads, ==, 1);
  g_assert_cmpuint (hidden->reloads, ==, 0);
  g_assert_true (ti_page_get_database (TI_PAGE (hidden)) == db);

  /* Shown, it reads; shown again with nothing changed, it does not read again. */
  gtk_stack_set_visible_child_name (stack, "hidden");
  g_assert_cmpuint (hidden->reloads, ==, 1);
  g_assert_true (hidden->read == db);
  gtk_stack_set_visible_child_name (stack, "shown");
  gtk_stack_set_visible_child_name (stack, "hidden");
  g_assert_cmpuint (hidden->reloads, ==, 1);

  /* Changed while hidden: read once, when shown. */
  gtk_stack_set_visible_child_name (stack, "shown");
  ti_page_set_database (TI_PAGE (hidden), db);
  ti_page_set_database (TI_PAGE (hidden), db);
  g_assert_cmpuint (hidden->reloads, ==, 1);
  gtk_stack_set_visible_child_name (stack, "hidden");
  g_assert_cmpuint (hidden->reloads, ==, 2);

  /* A record asked of a hidden page that has not read the change: it reads first. */
  gtk_stack_set_visible_child_name (stack, "shown");
  ti_page_set_database (TI_PAGE (hidden), db);
  g_assert_true (ti_page_show_record (TI_PAGE (hidden), TI_RECORD_SESSION, 1));
  g_assert_cmpuint (hidden->reloads, ==, 3);

  /* Read ahead while hidden: once for each change, and only then. */
  g_assert_false (ti_page_read_ahead (TI_PAGE (hidden)));
  g_assert_cmpuint (hidden->reloads, ==, 3);
  ti_page_set_database (TI_PAGE (hidden), db);
  g_assert_true (ti_page_read_ahead (TI_PAGE (hidden)));
  g_assert_false (ti_page_read_ahead (TI_PAGE (hidden)));
  g_assert_false (ti_page_read_ahead (TI_PAGE (shown)));
  g_assert_cmpuint (hidden->reloads, ==, 4);
  gtk_stack_set_visible_child_name (stack, "hidden");
  g_assert_cmpuint (hidden->reloads, ==, 4);
  gtk_stack_set_visible_child_name (stack, "shown");

  /* Another programme, or none, while hidden: the old one is let go of at once. */
  ti_page_set_database (TI_PAGE (hidden), other);
  g_assert_null (hidden->read);
  g_assert_true (ti_page_get_database (TI_PAGE (hidden)) == other);
  gtk_stack_set_visible_child_name (stack, "hidden");
  g_assert_true (hidden->read == other);
  gtk_stack_set_visible_child_name (stack, "shown");
  ti_page_set_database (TI_PAGE (hidden), NULL);
  g_assert_null (hidden->read);
  g_assert_null (ti_page_get_database (TI_PAGE (hidden)));

  two_pages_tear_down (&pages);
}

/* A view that counts how often GTK measures it. */
typedef struct
{
  GtkWidget parent_instance;
  guint measured;
} CountingView;

typedef GtkWidgetClass CountingViewClass;

static GType counting_view_get_type (void);
G_DEFINE_TYPE (CountingView, counting_view, GTK_TYPE_WIDGET)

static void
counting_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  ((CountingView *) widget)->measured++;
  *minimum = *natural = 100;
}

static void
counting_view_class_init (CountingViewClass *klass)
{
  klass->measure = counting_view_measure;
}

static void
counting_view_init (CountingView *self)
{
}

/* A destination with three views beside each other, as the Network map has. */
typedef struct
{
  TiPage parent_instance;
  AdwViewStack *views;
  CountingView *view[3];
} ViewsPage;

typedef TiPageClass ViewsPageClass;

static GType views_page_get_type (void);
G_DEFINE_TYPE (ViewsPage, views_page, TI_TYPE_PAGE)

#define VIEW(name)                                                                          \
  "<child><object class=\"AdwViewStackPage\"><property name=\"name\">" name "</property>"  \
  "<property name=\"child\"><object class=\"CountingView\" id=\"" name "\"/></property>"  \
  "</object></child>"

static void
views_page_class_init (ViewsPageClass *klass)
{
  static const char template[]
    = "<interface><template class=\"ViewsPage\" parent=\"TiPage\">"
      "<child><object class=\"AdwViewStack\" id=\"views\">"
      "<property name=\"hhomogeneous\">False</property>"
      "<property name=\"vhomogeneous\">False</property>"
      VIEW ("view0") VIEW ("view1") VIEW ("view2")
      "</object></child></template></interface>";
  g_autoptr (GBytes) bytes = g_bytes_new_static (template, sizeof template - 1);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (counting_view_get_type ());
  gtk_widget_class_set_template (widget_class, bytes);
  gtk_widget_class_bind_template_child (widget_class, ViewsPage, views);
  gtk_widget_class_bind_template_child_full (widget_class, "view0", FALSE,
                                             G_STRUCT_OFFSET (ViewsPage, view[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "view1", FALSE,
                                             G_STRUCT_OFFSET (ViewsPage, view[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "view2", FALSE,
                                             G_STRUCT_OFFSET (ViewsPage, view[2]));
}

static void
views_page_init (ViewsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ti_page_set_views (TI_PAGE (self), self->views);
}

static guint
views_measured (ViewsPage *page)
{
  return page->view[0]->measured + page->view[1]->measured + page->view[2]->measured;
}

/* The window's first frame measures only what it shows: a hidden destination and a hidden
 * view cost nothing. They are measured ahead, one at a time (what GTK measured it keeps, so
 * that going to one only lays it out), and again for another programme. */
static void
test_hidden_views_measured_ahead (void)
{
  TwoPages pages;
  ViewsPage *shown = g_object_new (views_page_get_type (), NULL);
  ViewsPage *hidden = g_object_new (views_page_get_type (), NULL);
  GtkStack *stack;
  int width;
  guint before;

  two_pages_set_up (&pages, GTK_WIDGET (shown), GTK_WIDGET (hidden));
  stack = pages.stack;
  ti_page_set_database (TI_PAGE (shown), pages.db);
  ti_page_set_database (TI_PAGE (hidden), pages.db);

  /* Drawn: only the view shown was measured. */
  g_assert_cmpuint (shown->view[0]->measured, >, 0);
  g_assert_cmpuint (shown->view[1]->measured + shown->view[2]->measured, ==, 0);
  g_assert_cmpuint (views_measured (hidden), ==, 0);
  width = gtk_widget_get_width (GTK_WIDGET (stack));
  g_assert_cmpint (width, >, 0);

  /* Ahead, one a time: the hidden page (its view shown), then each hidden view; the page
   * shown has only its two hidden views to measure. */
  g_assert_true (ti_page_measure_ahead (TI_PAGE (hidden), width));
  g_assert_cmpuint (hidden->view[0]->measured, >, 0);
  g_assert_cmpuint (hidden->view[1]->measured + hidden->view[2]->measured, ==, 0);
  g_assert_true (ti_page_measure_ahead (TI_PAGE (hidden), width));
  g_assert_cmpuint (hidden->view[1]->measured, >, 0);
  g_assert_cmpuint (hidden->view[2]->measured, ==, 0);
  g_assert_true (ti_page_measure_ahead (TI_PAGE (hidden), width));
  g_assert_cmpuint (hidden->view[2]->measured, >, 0);
  g_assert_false (ti_page_measure_ahead (TI_PAGE (hidden), width));
  g_assert_true (ti_page_measure_ahead (TI_PAGE (shown), width));
  g_assert_true (ti_page_measure_ahead (TI_PAGE (shown), width));
  g_assert_cmpuint (shown->view[1]->measured, >, 0);
  g_assert_cmpuint (shown->view[2]->measured, >, 0);
  g_assert_false (ti_page_measure_ahead (TI_PAGE (shown), width));

  /* Going to the hidden page and to one of its hidden views measures nothing again. */
  before = views_measured (hidden);
  gtk_stack_set_visible_child_name (stack, "hidden");
  adw_view_stack_set_visible_child_name (hidden->views, "view2");
  test_iterate_a_while ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hidden->view[2])));
  g_assert_cmpuint (views_measured (hidden), ==, before);

  /* The same programme changed: nothing to measure again yet (GTK measures what changed
   * as it is shown). Another programme: each is measured ahead again. */
  ti_page_set_database (TI_PAGE (hidden), pages.db);
  g_assert_false (ti_page_measure_ahead (TI_PAGE (hidden), width));
  ti_page_set_database (TI_PAGE (hidden), pages.other);
  g_assert_true (ti_page_measure_ahead (TI_PAGE (hidden), width));
  g_assert_true (ti_page_measure_ahead (TI_PAGE (hidden), width));
  g_assert_false (ti_page_measure_ahead (TI_PAGE (hidden), width));
  g_assert_false (ti_page_measure_ahead (TI_PAGE (hidden), 0));

  two_pages_tear_down (&pages);
}

static void
test_destinations (void)
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *sidebar;
  guint i = 0;

  test_programme_set_up (&programme, "pilot.sqlite", pilot_sql);
  window = test_window_new (programme.path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Somerset pilot — pilot.sqlite");

  /* The five destinations, named exactly so, in order. */
  sidebar = test_find_widget (GTK_WIDGET (window), FALSE, is_sidebar, NULL);
  g_assert_nonnull (sidebar);
  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (destinations));
      g_assert_nonnull (test_find_shown (row, destinations[i]));
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (destinations));

  /* Drawing the window measures only the destination and view shown. A check of the .ui
   * files' setting: no stack of them is homogeneous (GTK measures each child of one, shown or
   * not); test_hidden_views_measured_ahead shows the behaviour itself. */
  {
    g_autoptr (GPtrArray) stacks
      = test_collect_widgets (GTK_WIDGET (window), FALSE, is_view_stack, NULL);

    g_assert_cmpuint (stacks->len, >=, 4);
    for (guint s = 0; s < stacks->len; s++)
      {
        AdwViewStack *views = g_ptr_array_index (stacks, s);

        g_assert_false (adw_view_stack_get_hhomogeneous (views));
        g_assert_false (adw_view_stack_get_vhomogeneous (views));
      }
  }

  /* The hidden destinations read the programme a little after the window is drawn, one at a
   * time: Champions has counted its champion before anyone goes there. */
  test_wait_for_text_anywhere (GTK_WIDGET (window), "1 champion");
  g_assert_cmpuint (ti_window_get_destination (window), ==, 0);
  g_assert_null (test_find_shown (GTK_WIDGET (window), "1 champion"));

  /* Each destination switches in and shows its own data from the programme. */
  ti_window_show_destination (window, 0);
  test_wait_for_text (GTK_WIDGET (window), "The Network");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.destination", "i", 2);
  g_assert_cmpuint (ti_window_get_destination (window), ==, 2);
  test_wait_for_text (GTK_WIDGET (window), "Robin Vale");
  test_wait_for_gone (GTK_WIDGET (window), "The Network");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.destination", "i", 1);
  test_wait_for_text (GTK_WIDGET (window), "No Tier 1 Completions Yet");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.destination", "i", 3);
  test_wait_for_text (GTK_WIDGET (window), "No Network Events Yet");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.destination", "i", 4);
  test_wait_for_text (GTK_WIDGET (window), "Confidence change");
  g_assert_cmpuint (ti_window_get_destination (window), ==, 4);

  test_window_close (window);
  test_programme_tear_down (&programme);
}

static void
test_welcome_for_empty_programme (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.sqlite", NULL);
  TiWindow *window = test_window_new (NULL);

  g_assert_true (ti_window_open_programme (window, path, TRUE));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  test_wait_for_text (GTK_WIDGET (window), "Welcome to Trauma Informed Somerset");
  g_assert_nonnull (test_find_shown (GTK_WIDGET (window), "_Load Demo Programme")
                    ? test_find_shown (GTK_WIDGET (window), "_Load Demo Programme")
                    : test_find_shown (GTK_WIDGET (window), "Load Demo Programme"));
  test_window_close (window);
  test_remove_tree (dir);
}

static void
test_refused_programme (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "minutes.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TiWindow *window = test_window_new (NULL);
  GtkWidget *page;

  g_assert_true (g_file_set_contents (path, "Board minutes, not a programme", -1, NULL));
  before = test_file_digest (path);
  g_assert_false (ti_window_open_programme (window, path, TRUE));
  test_wait_for_text (GTK_WIDGET (window), "This Programme Could Not Be Opened");
  page = test_find_shown (GTK_WIDGET (window), "This Programme Could Not Be Opened");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)),
                            "minutes.sqlite"));
  g_assert_null (ti_window_get_database (window));
  after = test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  test_window_close (window);
  test_remove_tree (dir);
}

/* The visible view of the view stack that has a view named @view. */
static const char *
visible_view (TiWindow *window, const char *view)
{
  g_autoptr (GPtrArray) stacks = test_collect_widgets (GTK_WIDGET (window), FALSE, is_view_stack, NULL);

  for (guint i = 0; i < stacks->len; i++)
    if (adw_view_stack_get_child_by_name (g_ptr_array_index (stacks, i), view) != NULL)
      return adw_view_stack_get_visible_child_name (g_ptr_array_index (stacks, i));
  g_assert_not_reached ();
}

static void
test_remembers_destination (void)
{
  TestProgramme programme;
  TiWindow *window;

  test_programme_set_up (&programme, "pilot.sqlite", pilot_sql);
  window = test_window_new (programme.path);
  ti_window_show_destination (window, 3);
  gtk_window_close (GTK_WINDOW (window));
  test_iterate_a_while ();
  g_assert_finalize_object (window);

  /* The next window opens where the person left off. */
  window = test_window_new (NULL);
  g_assert_cmpuint (ti_window_get_destination (window), ==, 3);
  /* ...and each destination on the view last shown in it. */
  test_show_view (window, 1, "review", TI_TYPE_REVIEW_VIEW);
  test_show_view (window, 0, "charter", TI_TYPE_CHARTER_VIEW);
  test_window_close (window);
  window = test_window_new (NULL);
  g_assert_cmpstr (visible_view (window, "review"), ==, "review");
  g_assert_cmpstr (visible_view (window, "charter"), ==, "charter");
  test_show_view (window, 1, "tier1", TI_TYPE_TIER1_VIEW);
  test_show_view (window, 0, "map", TI_TYPE_MAP_VIEW);
  test_window_close (window);
  test_programme_tear_down (&programme);
}

static void
test_preferences (void)
{
  TestProgramme programme;
  TiWindow *window;
  GtkWindow *preferences;
  GtkWidget *start_row, *name_row;

  test_programme_set_up (&programme, "pilot.sqlite", pilot_sql);
  window = test_window_new (programme.path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  test_iterate_a_while ();
  preferences = test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  start_row = test_find_row (GTK_WIDGET (preferences), "Evaluation period starts (YYYY-MM-DD)");
  g_assert_nonnull (start_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start_row)), ==, "2023-01-01");

  /* An impossible date is marked on its field and saves nothing. */
  gtk_editable_set_text (GTK_EDITABLE (start_row), "2023-02-30");
  g_signal_emit_by_name (start_row, "apply");
  g_assert_true (gtk_widget_has_css_class (start_row, "error"));

  /* A start after the end is refused too. */
  gtk_editable_set_text (GTK_EDITABLE (start_row), "2025-01-01");
  g_signal_emit_by_name (start_row, "apply");
  g_assert_true (gtk_widget_has_css_class (test_find_row (GTK_WIDGET (preferences),
                                                          "Evaluation period ends (YYYY-MM-DD)"),
                                           "error"));

  /* A good value is saved, and the window's title follows the programme's new name. */
  gtk_editable_set_text (GTK_EDITABLE (start_row), "2023-04-01");
  name_row = test_find_row (GTK_WIDGET (preferences), "Programme name");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Somerset system change");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_false (gtk_widget_has_css_class (start_row, "error"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Somerset system change — pilot.sqlite");
  g_assert_cmpint (test_count (ti_window_get_database (window),
                               "SELECT count(*) FROM settings WHERE key = 'period_start'"
                               " AND value = '2023-04-01'"), ==, 1);

  gtk_window_destroy (preferences);
  test_window_close (window);
  test_programme_tear_down (&programme);
}

/* The section the shortcuts window shows. */
static const char *
shortcuts_section (GtkShortcutsWindow *overlay)
{
  static char section[32];
  g_autofree char *name = NULL;

  g_object_get (overlay, "section-name", &name, NULL);
  g_strlcpy (section, name != NULL ? name : "", sizeof section);
  return section;
}

static void
test_shortcuts (void)
{
  TiWindow *window = test_window_new (NULL);
  GtkShortcutsWindow *overlay;

  /* The Keyboard Shortcuts item opens the help overlay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  test_iterate_a_while ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);

  /* It opens on the keys of where the person is. */
  ti_window_show_destination (window, TI_DESTINATION_NETWORK_MAP);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  test_iterate_a_while ();
  g_assert_cmpstr (shortcuts_section (overlay), ==, "network-map");
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  ti_window_show_destination (window, TI_DESTINATION_EVENTS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  test_iterate_a_while ();
  g_assert_cmpstr (shortcuts_section (overlay), ==, "shortcuts");
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  test_window_close (window);
}

static gboolean
has_database (gpointer data)
{
  return ti_window_get_database (data) != NULL;
}

static gboolean
is_drop_down (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_DROP_DOWN (widget);
}

/* Five people in three organisations: four champions, one of them paused. */
static const char champions_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  " (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
  " (2, 'Wellsway Primary School', 'education', 'mendip', 40),"
  " (3, 'Quantock Housing', 'housing', 'sedgemoor', 120);"
  "INSERT INTO people (id, name, organisation_id) VALUES (1, 'Robin Vale', 1),"
  " (2, 'Sam Carter', 2), (3, 'Jo Marsh', 3), (4, 'Kit Elms', 2), (5, 'Ash Penn', 1);"
  "INSERT INTO champions (person_id, since, status) VALUES (1, '2023-02-01', 'active'),"
  " (2, '2023-03-01', 'active'), (3, '2023-04-01', 'paused'), (4, '2023-05-01', 'active');"
  "INSERT INTO tier1_completions (person_id, completed_on) VALUES (2, '2023-02-10');";

static void
test_champions_search_and_filters (void)
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *page, *entry;
  g_autoptr (GPtrArray) found = NULL;
  GtkDropDown **dropdowns;

  test_programme_set_up (&programme, "champions.sqlite", champions_sql);
  window = test_window_new (programme.path);
  ti_window_show_destination (window, 2);
  test_wait_for_text (GTK_WIDGET (window), "4 champions");
  test_wait_for_text (GTK_WIDGET (window), "Sam Carter");

  page = test_find_type (GTK_WIDGET (window), g_type_from_name ("TiChampionsPage"));
  entry = test_find_type (page, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);

  /* Typing narrows the list to matching names or organisations. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "wellsway");
  test_wait_for_text (GTK_WIDGET (window), "Showing 2 of 4 champions");
  test_wait_for_gone (GTK_WIDGET (window), "Robin Vale");
  gtk_editable_set_text (GTK_EDITABLE (entry), "marsh");
  test_wait_for_text (GTK_WIDGET (window), "Showing 1 of 4 champions");
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody at all");
  test_wait_for_text (GTK_WIDGET (window), "No Matches");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  test_wait_for_text (GTK_WIDGET (window), "4 champions");

  /* The filters: sector, locality, tier, status, in that order. */
  found = test_collect_widgets (page, FALSE, is_drop_down, NULL);
  g_assert_cmpuint (found->len, ==, 4);
  dropdowns = (GtkDropDown **) found->pdata;
  gtk_drop_down_set_selected (dropdowns[3], 2); /* Paused */
  test_wait_for_text (GTK_WIDGET (window), "Showing 1 of 4 champions");
  test_wait_for_text (GTK_WIDGET (window), "Jo Marsh");
  gtk_drop_down_set_selected (dropdowns[3], 0);
  gtk_drop_down_set_selected (dropdowns[2], 2); /* Tier 1 */
  test_wait_for_text (GTK_WIDGET (window), "Showing 1 of 4 champions");
  test_wait_for_text (GTK_WIDGET (window), "Sam Carter");
  gtk_drop_down_set_selected (dropdowns[2], 0);
  gtk_drop_down_set_selected (dropdowns[0], 7); /* Education: the seventh sector */
  test_wait_for_text (GTK_WIDGET (window), "Showing 2 of 4 champions");
  gtk_drop_down_set_selected (dropdowns[0], 0);

  /* The switch shows everyone, not only champions. */
  gtk_switch_set_active (GTK_SWITCH (test_find_type (page, GTK_TYPE_SWITCH)), TRUE);
  test_wait_for_text (GTK_WIDGET (window), "5 people");
  test_wait_for_text (GTK_WIDGET (window), "Ash Penn");

  test_window_close (window);
  test_programme_tear_down (&programme);
}

/* One record of every kind another page can open. */
static const char records_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  " (1, 'Mendip Housing Trust', 'housing', 'mendip', 120),"
  " (2, 'Quantock Surgery', 'primary_care', 'somerset_west_taunton', 30);"
  "INSERT INTO people (id, name, organisation_id) VALUES"
  " (1, 'Robin Vale', 1), (2, 'Ash Penn', 2);"
  "INSERT INTO champions (person_id, since) VALUES (1, '2023-02-01');"
  "INSERT INTO sessions (id, tier, title, starts_at, host_organisation_id, status) VALUES"
  " (1, 2, 'Relational practice in housing', '2023-05-02 10:00', 1, 'delivered');"
  "INSERT INTO events (id, title, kind, starts_at, venue) VALUES"
  " (1, 'Spring network meeting', 'network_event', '2023-04-20 14:00', 'Taunton');"
  "INSERT INTO milestones (id, workstream_id, title, due_month) VALUES"
  " (1, 2, 'Tier 3 cohort trained', '2024-03');";

typedef struct
{
  GtkWidget *root;
  GType page_type;
  const char *text;
} RecordShown;

static gboolean
is_of_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The record's own page is on screen, showing the record. */
static gboolean
record_is_shown (gpointer data)
{
  RecordShown *shown = data;
  GtkWidget *page = test_find_widget (shown->root, TRUE, is_of_type,
                                      GSIZE_TO_POINTER (shown->page_type));

  return page != NULL && test_find_shown (page, shown->text) != NULL;
}

/* "win.show-record" goes to the destination that holds a record and opens it there. */
static void
test_show_record (void)
{
  const struct
  {
    const char *kind;
    gint64 id;
    guint destination;
    GType page_type;
    const char *shown;
  } cases[] = {
    { "session", 1, 1, TI_TYPE_SESSION_PAGE, "Relational practice in housing" },
    { "event", 1, 3, TI_TYPE_EVENT_PAGE, "Spring network meeting" },
    { "person", 1, 2, TI_TYPE_PERSON_PROFILE_VIEW, "Robin Vale" },
    /* Not a champion: found among everyone. */
    { "person", 2, 2, TI_TYPE_PERSON_PROFILE_VIEW, "Ash Penn" },
    { "organisation", 2, 0, TI_TYPE_ORGANISATION_DETAIL, "Quantock Surgery" },
  };
  TestProgramme programme;
  TiWindow *window;

  test_programme_set_up (&programme, "records.sqlite", records_sql);
  window = test_window_new (programme.path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RecordShown shown = { GTK_WIDGET (window), cases[i].page_type, cases[i].shown };

      ti_window_show_destination (window, (cases[i].destination + 1) % 5);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(sx)",
                                                 cases[i].kind, cases[i].id));
      g_assert_cmpuint (ti_window_get_destination (window), ==, cases[i].destination);
      test_iterate_until (record_is_shown, &shown);
    }

  /* A milestone: its row on the Programme Timeline takes the focus. */
  ti_window_show_destination (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-record", "(sx)",
                                             "milestone", (gint64) 1));
  g_assert_cmpuint (ti_window_get_destination (window), ==, 4);
  test_wait_for_text (GTK_WIDGET (window), "Tier 3 cohort trained");

  /* The milestone's row has the focus, on the Programme Timeline. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (ADW_IS_ACTION_ROW (focus));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus)), ==,
                     "Tier 3 cohort trained");
  }

  test_window_close (window);
  test_programme_tear_down (&programme);
}

static void
test_load_demo (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), APP_ID,
                                                "demo-programme.sqlite", NULL);
  TiWindow *window = test_window_new (NULL);

  /* Written in a worker thread with progress, then opened. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  test_iterate_until (has_database, window);
  g_assert_cmpstr (ti_database_get_path (ti_window_get_database (window)), ==, expected);
  g_assert_cmpint (test_count (ti_window_get_database (window),
                               "SELECT count(*) FROM organisations"), >=, 100);
  ti_window_show_destination (window, 0);
  test_wait_for_text (GTK_WIDGET (window), "Avon and Somerset Police");
  test_window_close (window);
}

static void
test_quit (void)
{
  TiWindow *window = test_window_new (NULL);

  g_assert_nonnull (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  test_iterate_a_while ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_finalize_object (window);
}

int
main (int argc, char *argv[])
{
  /* With a private data folder, so the demo programme is written where the test removes it. */
  app = test_widget_init (&argc, &argv);

  g_test_add_func ("/window/destinations", test_destinations);
  g_test_add_func ("/window/hidden-destinations-read-when-shown",
                   test_hidden_destinations_read_when_shown);
  g_test_add_func ("/window/hidden-views-measured-ahead", test_hidden_views_measured_ahead);
  g_test_add_func ("/window/welcome-for-empty-programme", test_welcome_for_empty_programme);
  g_test_add_func ("/window/refused-programme", test_refused_programme);
  g_test_add_func ("/window/remembers-destination", test_remembers_destination);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add_func ("/window/champions-search-and-filters", test_champions_search_and_filters);
  g_test_add_func ("/window/show-record", test_show_record);
  g_test_add_func ("/window/load-demo", test_load_demo);
  g_test_add_func ("/window/quit", test_quit);

  return test_widget_finish (g_test_run ());
}
