/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-application.h"
#include "ti-champions-page.h"
#include "ti-person-editor.h"
#include "ti-person-profile-view.h"
#include "ti-window.h"

/* Widget tests of the Champions destination: profiles, the editor, delete and Undo,
 * erasure and subject access, driven as a person would and checked by what they see. */

/* Answers a message dialog as a person clicking @response would. */
static void
answer_dialog (const char *heading, const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  GtkWidget *weak = GTK_WIDGET (dialog);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  adw_message_dialog_response (dialog, response);
  test_iterate_a_while ();
  if (weak != NULL)
    gtk_window_destroy (GTK_WINDOW (weak));
  test_iterate_a_while ();
  g_assert_null (weak);
}

/* Three champions: Robin consented to contact and trained; Jo facilitated a session. */
static const char programme_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  " (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
  " (2, 'Wellsway Primary School', 'education', 'mendip', 40);"
  "INSERT INTO people (id, name, email, organisation_id, job_title) VALUES"
  " (1, 'Robin Vale', 'robin.vale@example.org', 1, 'Ward manager'),"
  " (2, 'Sam Carter', 'sam.carter@example.org', 2, 'Head teacher'),"
  " (3, 'Jo Marsh', NULL, 1, 'Clinical psychologist');"
  "UPDATE people SET contact_consent = 1, contact_consent_on = '2023-01-20',"
  " contact_consent_how = 'sign-up form' WHERE id = 1;"
  "INSERT INTO champions (person_id, since, status) VALUES (1, '2023-02-01', 'active'),"
  " (2, '2023-03-01', 'active'), (3, '2023-01-10', 'active');"
  "INSERT INTO tier1_completions (person_id, completed_on) VALUES (1, '2023-01-15');"
  "INSERT INTO sessions (id, tier, title, starts_at, host_organisation_id, status) VALUES"
  " (1, 2, 'Trauma-skilled wards', '2023-06-14 09:30', 1, 'delivered');"
  "INSERT INTO attendance (session_id, person_id, attended, completed) VALUES (1, 1, 1, 1);"
  "INSERT INTO session_facilitators (session_id, person_id, kind) VALUES (1, 3, 'psychologist');";

typedef struct
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *page;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (&f->programme, "champions.sqlite", programme_sql);
  f->window = test_window_new (f->programme.path);
  ti_window_show_destination (f->window, 2);
  test_wait_for_text (GTK_WIDGET (f->window), "3 champions");
  test_wait_for_text (GTK_WIDGET (f->window), "Robin Vale");
  f->page = test_find_type (GTK_WIDGET (f->window), TI_TYPE_CHAMPIONS_PAGE);
  g_assert_nonnull (f->page);
  g_object_add_weak_pointer (G_OBJECT (f->page), (gpointer *) &f->page);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_window_close (f->window);
  test_wait_for_finalized ((gpointer *) &f->page); /* the page goes with its window */
  test_programme_tear_down (&f->programme);
}

/* Counted through the window's own connection to the programme. */
static gint64
count (Fixture *f, const char *sql)
{
  return test_count (ti_window_get_database (f->window), sql);
}

static GtkWidget *
profile_view (Fixture *f)
{
  return test_find_type (f->page, TI_TYPE_PERSON_PROFILE_VIEW);
}

/* Activates the list's row showing @name, as Enter or a double click would. */
static void
open_profile (Fixture *f, const char *name)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (test_find_type (f->page, GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  guint n = g_list_model_get_n_items (model);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr (GObject) person = g_list_model_get_item (model, i);
      g_autofree char *person_name = NULL;

      g_object_get (person, "name", &person_name, NULL);
      if (g_strcmp0 (person_name, name) == 0)
        break;
    }
  g_assert_cmpuint (i, <, n);
  g_signal_emit_by_name (view, "activate", i);
  test_wait_for_text (profile_view (f), name);
}

static void
test_profile (Fixture *f, gconstpointer data)
{
  GtkWidget *view;

  open_profile (f, "Robin Vale");
  view = profile_view (f);

  /* Organisation and role, tier dates, contact details with consent, history. */
  test_wait_for_text (view, "Ward manager at Somerset NHS Foundation Trust");
  g_assert_nonnull (test_find_shown (view, "Somerset NHS Foundation Trust"));
  g_assert_nonnull (test_find_shown (view, "15 Jan 2023"));  /* Tier 1 */
  g_assert_nonnull (test_find_shown (view, "14 Jun 2023"));  /* Tier 2 */
  g_assert_nonnull (test_find_shown (view, "Not yet"));      /* Tier 3 */
  g_assert_nonnull (test_find_shown (view, "1 Feb 2023"));   /* champion since */
  g_assert_nonnull (test_find_shown (view, "robin.vale@example.org"));
  g_assert_nonnull (test_find_shown (view, "Trauma-skilled wards"));
  g_assert_nonnull (test_find_shown (view, "14 Jun 2023 · Tier 2 · Completed"));
  g_assert_nonnull (test_find_shown (view, "Given on 20 Jan 2023, by sign-up form"));
  g_assert_null (test_find_shown (view, "Contact details hidden: no consent to contact"));

  /* Back to the list, which is shown again. */
  g_assert_true (gtk_widget_activate_action (f->page, "champions.back", NULL));
  test_wait_for_text (f->page, "3 champions");
  test_wait_for_gone (f->page, "Ward manager at Somerset NHS Foundation Trust");
}

static void
test_contact_hidden_without_consent (Fixture *f, gconstpointer data)
{
  GtkWidget *view;

  open_profile (f, "Sam Carter");
  view = profile_view (f);
  test_wait_for_text (view, "Contact details hidden: no consent to contact");
  g_assert_null (test_find_shown (view, "sam.carter@example.org"));
  g_assert_nonnull (test_find_shown (view, "Not given"));
}

/* The message under @row, which must be marked as the field at fault. */
static void
assert_field_error (GtkWidget *editor, const char *row_title, const char *message)
{
  GtkWidget *row = test_find_row (editor, row_title);
  GtkWidget *under;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  under = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (under);
  g_assert_nonnull (test_find_shown (under, message));
}

static guint
count_error_rows (GtkWidget *root)
{
  guint n = ADW_IS_PREFERENCES_ROW (root) && gtk_widget_has_css_class (root, "error");

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_error_rows (child);
  return n;
}

static void
select_organisation (GtkWidget *editor, const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (test_find_type (test_find_row (editor, "Organisation"),
                                                         GTK_TYPE_DROP_DOWN));
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) organisation = g_list_model_get_item (model, i);
      g_autofree char *organisation_name = NULL;

      g_object_get (organisation, "name", &organisation_name, NULL);
      if (g_strcmp0 (organisation_name, name) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
set_row_text (GtkWidget *editor, const char *row_title, const char *text)
{
  GtkWidget *row = test_find_row (editor, row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
save (GtkWidget *editor)
{
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_iterate_a_while ();
}

static void
test_editor_validation_and_save (Fixture *f, gconstpointer data)
{
  GtkWidget *editor;

  g_assert_true (gtk_widget_activate_action (f->page, "champions.add", NULL));
  editor = GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_PERSON_EDITOR));
  g_object_ref (editor);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (f->window));

  /* Every invalid field is marked at once, each with its own message under it, and
   * the first of them takes the focus. A new champion's date is today, which is valid. */
  save (editor);
  assert_field_error (editor, "Name", "Enter a name.");
  assert_field_error (editor, "Organisation",
                      "Choose an organisation that exists, or create it first.");
  g_assert_cmpuint (count_error_rows (editor), ==, 2);

  set_row_text (editor, "Email", "alex.brook-at-example.org");
  set_row_text (editor, "Champion since (YYYY-MM-DD or DD/MM/YYYY)", "2999-01-01");
  save (editor);
  assert_field_error (editor, "Name", "Enter a name.");
  assert_field_error (editor, "Email", "“alex.brook-at-example.org” is not a valid email address.");
  assert_field_error (editor, "Organisation",
                      "Choose an organisation that exists, or create it first.");
  assert_field_error (editor, "Champion since (YYYY-MM-DD or DD/MM/YYYY)",
                      "The champion-since date cannot be in the future.");
  g_assert_cmpuint (count_error_rows (editor), ==, 4);
  g_assert_nonnull (gtk_window_get_focus (GTK_WINDOW (editor)));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)),
                                         test_find_row (editor, "Name")));

  /* Correcting a field takes only its own message away. */
  set_row_text (editor, "Name", "Alex Brook");
  g_assert_false (gtk_widget_has_css_class (test_find_row (editor, "Name"), "error"));
  g_assert_cmpuint (count_error_rows (editor), ==, 3);

  /* A date that cannot be read is marked together with what the model refuses. */
  set_row_text (editor, "Champion since (YYYY-MM-DD or DD/MM/YYYY)", "31/02/2023");
  save (editor);
  assert_field_error (editor, "Email", "“alex.brook-at-example.org” is not a valid email address.");
  assert_field_error (editor, "Organisation",
                      "Choose an organisation that exists, or create it first.");
  assert_field_error (editor, "Champion since (YYYY-MM-DD or DD/MM/YYYY)",
                      "31/02/2023 is not a real date.");
  g_assert_cmpuint (count_error_rows (editor), ==, 3);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)),
                                         test_find_row (editor, "Email")));

  /* Emails are unique whatever their case. */
  set_row_text (editor, "Email", "ROBIN.Vale@Example.org");
  select_organisation (editor, "Wellsway Primary School");
  g_assert_false (gtk_widget_has_css_class (test_find_row (editor, "Organisation"), "error"));
  set_row_text (editor, "Champion since (YYYY-MM-DD or DD/MM/YYYY)", "March 2023");
  save (editor);
  assert_field_error (editor, "Email",
                      "Another person in the programme already uses this email address.");
  assert_field_error (editor, "Champion since (YYYY-MM-DD or DD/MM/YYYY)",
                      "Enter the date as YYYY-MM-DD or DD/MM/YYYY.");
  g_assert_cmpuint (count_error_rows (editor), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Alex Brook'"), ==, 0);

  set_row_text (editor, "Email", "alex.brook@example.org");
  /* A valid person is saved, the editor closes, and the profile shows them. */
  set_row_text (editor, "Champion since (YYYY-MM-DD or DD/MM/YYYY)", "01/03/2023");
  save (editor);
  g_assert_finalize_object (editor);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people p JOIN champions c ON c.person_id = p.id"
                             " WHERE p.name = 'Alex Brook' AND p.email = 'alex.brook@example.org'"
                             " AND c.since = '2023-03-01'"), ==, 1);
  test_wait_for_text (profile_view (f), "Alex Brook");
  g_assert_nonnull (test_find_shown (profile_view (f), "Wellsway Primary School"));

  /* And the list has them. */
  g_assert_true (gtk_widget_activate_action (f->page, "champions.back", NULL));
  test_wait_for_text (f->page, "4 champions");
  test_wait_for_text (f->page, "Alex Brook");
}

static void
test_editor_asks_before_discarding (Fixture *f, gconstpointer data)
{
  GtkWidget *editor;

  /* Unchanged: Cancel just closes. */
  open_profile (f, "Sam Carter");
  g_assert_true (gtk_widget_activate_action (f->page, "champions.edit", NULL));
  editor = g_object_ref (GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_PERSON_EDITOR)));
  /* The email is held even though the profile hides it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_find_row (editor, "Email"))), ==,
                   "sam.carter@example.org");
  g_assert_true (gtk_widget_activate_action (editor, "editor.cancel", NULL));
  test_iterate_a_while ();
  g_assert_finalize_object (editor);

  /* Changed: asked first; Keep Editing keeps it, Discard throws the change away. */
  g_assert_true (gtk_widget_activate_action (f->page, "champions.edit", NULL));
  editor = g_object_ref (GTK_WIDGET (test_wait_for_toplevel (TI_TYPE_PERSON_EDITOR)));
  set_row_text (editor, "Job title", "Deputy head teacher");
  gtk_window_close (GTK_WINDOW (editor));
  answer_dialog ("Discard Changes?", "keep");
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (gtk_widget_activate_action (editor, "editor.cancel", NULL));
  answer_dialog ("Discard Changes?", "discard");
  g_assert_finalize_object (editor);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE job_title = 'Head teacher'"), ==, 1);
}

static void
test_delete_and_undo (Fixture *f, gconstpointer data)
{
  GtkWidget *undo;

  open_profile (f, "Sam Carter");
  g_assert_true (gtk_widget_activate_action (f->page, "champions.delete", NULL));
  test_wait_for_text (f->page, "2 champions");
  test_wait_for_gone (f->page, "Sam Carter");
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Sam Carter'"), ==, 0);
  test_wait_for_text (GTK_WIDGET (f->window), "Deleted Sam Carter");

  undo = test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  test_wait_for_text (f->page, "3 champions");
  test_wait_for_text (f->page, "Sam Carter");
  g_assert_cmpint (count (f, "SELECT count(*) FROM people p JOIN champions c ON c.person_id = p.id"
                             " WHERE p.name = 'Sam Carter'"), ==, 1);
}

static void
test_delete_refused_for_facilitator (Fixture *f, gconstpointer data)
{
  open_profile (f, "Jo Marsh");
  g_assert_true (gtk_widget_activate_action (f->page, "champions.delete", NULL));
  answer_dialog ("This Person Cannot Be Deleted", "close");
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Jo Marsh'"), ==, 1);
  g_assert_nonnull (test_find_shown (profile_view (f), "Jo Marsh"));
}

static void
test_erase (Fixture *f, gconstpointer data)
{
  open_profile (f, "Robin Vale");

  /* Cancel changes nothing. */
  g_assert_true (gtk_widget_activate_action (f->page, "champions.erase", NULL));
  answer_dialog ("Erase This Person?", "cancel");
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Robin Vale'"), ==, 1);

  g_assert_true (gtk_widget_activate_action (f->page, "champions.erase", NULL));
  answer_dialog ("Erase This Person?", "erase");
  test_wait_for_text (GTK_WIDGET (f->window), "Personal details erased");
  test_wait_for_gone (f->page, "Robin Vale");
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Robin Vale'"
                             " OR email = 'robin.vale@example.org'"), ==, 0);
  /* The aggregate record stays. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE person_id = 1"), ==, 1);
}

static void
test_subject_access (Fixture *f, gconstpointer data)
{
  g_autofree char *expected = g_build_filename (f->programme.dir, "subject-access-1.json", NULL);
  g_autoptr (GFile) target = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *suggested = NULL;
  GtkWindow *chooser, *stray;

  /* A file chooser to save, named by id: no name in the file name. It is shown in a child
   * process: see test_trap_without_leak_check(). */
  if (!g_test_subprocess ())
    test_trap_without_leak_check ();
  else
    {
      open_profile (f, "Robin Vale");
      g_assert_true (gtk_widget_activate_action (f->page, "champions.export", NULL));
      chooser = test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
      g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                       GTK_FILE_CHOOSER_ACTION_SAVE);
      suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
      g_assert_cmpstr (suggested, ==, "subject-access-1.json");
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      test_iterate_a_while ();
      while ((stray = test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG)) != NULL)
        gtk_window_destroy (stray); /* the chooser's complaint about folders it cannot list */
      return;
    }

  /* What the chooser's answer writes, to a folder of the test's own. */
  open_profile (f, "Robin Vale");
  target = g_file_new_for_path (expected);
  g_assert_true (ti_champions_page_export_profile (TI_CHAMPIONS_PAGE (f->page), target));
  test_wait_for_text (GTK_WIDGET (f->window), "Exported");

  g_assert_true (g_file_get_contents (expected, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "Robin Vale"));
  g_assert_nonnull (strstr (contents, "robin.vale@example.org"));
}

int
main (int argc, char *argv[])
{
  test_widget_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/champions-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("profile", test_profile);
  ADD ("contact-hidden-without-consent", test_contact_hidden_without_consent);
  ADD ("editor-validation-and-save", test_editor_validation_and_save);
  ADD ("editor-asks-before-discarding", test_editor_asks_before_discarding);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("delete-refused-for-facilitator", test_delete_refused_for_facilitator);
  ADD ("erase", test_erase);
  ADD ("subject-access", test_subject_access);
#undef ADD

  return test_widget_finish (g_test_run ());
}
