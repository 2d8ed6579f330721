/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-adoption-editor.h"
#include "ti-application.h"
#include "ti-charter-principle.h"
#include "ti-charter-view.h"
#include "ti-charter.h"
#include "ti-organisation-detail.h"
#include "ti-organisation-editor.h"
#include "ti-organisation.h"
#include "ti-organisations-view.h"
#include "ti-window.h"

/* The Network map's Organisations and Charter views, driven as a person would. */

/* The visible label right under a field's list: the field's message. */
static const char *
message_under (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX);
  GtkWidget *label = gtk_widget_get_next_sibling (list);

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Five organisations, two of them the same school and one part of another; a session. The
 * school has two champions, the trust more than its detail lists. */
static const char programme_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount, parent_id) VALUES"
  " (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000, NULL),"
  " (2, 'Wellsway Primary School', 'education', 'mendip', 40, NULL),"
  " (3, 'Wellsway Primary', 'education', 'mendip', 0, NULL),"
  " (4, 'Somerset Council', 'council', 'county_wide', 5000, NULL),"
  " (5, 'Somerset Council Adult Services', 'council', 'county_wide', 800, 4);"
  "INSERT INTO people (id, name, organisation_id) VALUES (1, 'Robin Vale', 1),"
  " (2, 'Sam Carter', 2), (3, 'Kit Elms', 2), (4, 'Jo Marsh', 3), (5, 'Ash Penn', 3);"
  "INSERT INTO champions (person_id, since, status) VALUES (2, '2023-03-01', 'active'),"
  " (3, '2023-06-14', 'paused');"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 53)"
  " INSERT INTO people (id, name, organisation_id)"
  " SELECT 100 + i, printf ('Ward Champion %02d', i), 1 FROM n;"
  "INSERT INTO champions (person_id, since, status)"
  " SELECT id, '2022-09-05', 'active' FROM people WHERE id >= 100;"
  "INSERT INTO tier1_completions (person_id, completed_on) VALUES (2, '2023-02-10'),"
  " (3, '2023-03-01');"
  "INSERT INTO sessions (id, tier, title, starts_at, host_organisation_id, status) VALUES"
  " (1, 2, 'Trauma-skilled practice', '2023-05-02 10:00', 3, 'delivered');";

typedef struct
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *page; /* the Network map */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (&f->programme, "network.sqlite", programme_sql);
  f->window = test_window_new (f->programme.path);
  ti_window_show_destination (f->window, 0);
  f->page = test_find_type (GTK_WIDGET (f->window), g_type_from_name ("TiNetworkPage"));
  g_assert_nonnull (f->page);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_window_close (f->window);
  test_programme_tear_down (&f->programme);
}

static TiDatabase *
database (Fixture *f)
{
  return ti_window_get_database (f->window);
}

static GtkWidget *
show_view (Fixture *f, const char *name, GType type)
{
  AdwViewStack *stack = ADW_VIEW_STACK (test_find_type (f->page, ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, name);
  return test_find_type (f->page, type);
}

/* Activates the organisation's row (Enter or a double-click) and waits for its detail. */
static TiOrganisationDetail *
open_detail (Fixture *f, GtkWidget *view, const char *name)
{
  GtkColumnView *column_view = GTK_COLUMN_VIEW (test_find_type (view, GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (column_view));
  GtkWidget *detail = test_find_type (view, TI_TYPE_ORGANISATION_DETAIL);

  test_wait_for_text (view, name);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (TiOrganisation) organisation = g_list_model_get_item (model, i);
      if (g_strcmp0 (ti_organisation_get_name (organisation), name) == 0)
        {
          g_signal_emit_by_name (column_view, "activate", i);
          test_wait_for_text (detail, name);
          test_wait_for_gone (detail, "…"); /* its people are counted */
          return TI_ORGANISATION_DETAIL (detail);
        }
    }
  g_assert_not_reached ();
}

static void
test_list_shows_reach (Fixture *f, gconstpointer data)
{
  GtkWidget *view = show_view (f, "organisations", TI_TYPE_ORGANISATIONS_VIEW);
  TiOrganisationDetail *detail;

  /* Every organisation, with its Tier 1 reach: 2 of 40 at the school; none without a headcount. */
  test_wait_for_text (view, "5 organisations");
  test_wait_for_text (view, "Somerset NHS Foundation Trust");
  test_wait_for_text (view, "Wellsway Primary School");
  test_wait_for_text (view, "Somerset Council Adult Services");
  test_wait_for_text (view, "5.0%");

  /* Its detail: the figures, the parent, the people. */
  detail = open_detail (f, view, "Wellsway Primary School");
  g_assert_nonnull (test_find_shown (GTK_WIDGET (detail), "5.0% (2 people)"));
  g_assert_nonnull (test_find_shown (GTK_WIDGET (detail), "Education · Mendip"));
  g_assert_nonnull (test_find_shown (GTK_WIDGET (detail), "Not started"));
  detail = open_detail (f, view, "Somerset Council Adult Services");
  g_assert_nonnull (test_find_shown (GTK_WIDGET (detail), "Somerset Council"));
}

/* The titles of the rows under the detail's "Champions", in order. */
static char *
champion_rows (TiOrganisationDetail *detail)
{
  GtkWidget *group = NULL;
  g_autoptr (GString) titles = g_string_new (NULL);
  GtkWidget *list;

  for (GtkWidget *w = test_find_type (GTK_WIDGET (detail), ADW_TYPE_PREFERENCES_GROUP); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_PREFERENCES_GROUP (w)
        && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)), "Champions")
             == 0)
      group = w;
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_mapped (group));
  list = test_find_type (group, GTK_TYPE_LIST_BOX);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row))
      g_string_append_printf (titles, "%s%s", titles->len ? "," : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
test_detail_lists_champions (Fixture *f, gconstpointer data)
{
  GtkWidget *view = show_view (f, "organisations", TI_TYPE_ORGANISATIONS_VIEW);
  TiOrganisationDetail *detail = open_detail (f, view, "Wellsway Primary School");
  GtkWidget *row;
  g_autofree char *titles = NULL;

  /* Each champion by name, with the highest tier, the date and the status. */
  titles = champion_rows (detail);
  g_assert_cmpstr (titles, ==, "Kit Elms,Sam Carter");
  row = test_find_row (GTK_WIDGET (detail), "Sam Carter");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Tier 1 · since 1 Mar 2023");
  g_assert_nonnull (test_find_shown (row, "Active"));
  row = test_find_row (GTK_WIDGET (detail), "Kit Elms");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Tier 1 · since 14 Jun 2023");
  g_assert_nonnull (test_find_shown (row, "Paused"));

  /* None: said so. */
  detail = open_detail (f, view, "Wellsway Primary");
  g_clear_pointer (&titles, g_free);
  titles = champion_rows (detail);
  g_assert_cmpstr (titles, ==, "No champions yet");
  g_assert_null (test_find_row (GTK_WIDGET (detail), "Sam Carter"));

  /* 53: the first 50 by name, and how many more. */
  detail = open_detail (f, view, "Somerset NHS Foundation Trust");
  g_assert_nonnull (test_find_shown (GTK_WIDGET (detail), "Ward Champion 01"));
  g_assert_nonnull (test_find_shown (GTK_WIDGET (detail), "Ward Champion 50"));
  g_assert_null (test_find_shown (GTK_WIDGET (detail), "Ward Champion 51"));
  g_assert_nonnull (test_find_shown (GTK_WIDGET (detail), "And 3 more"));
  g_clear_pointer (&titles, g_free);
  titles = champion_rows (detail);
  g_assert_true (g_str_has_prefix (titles, "Ward Champion 01,Ward Champion 02,"));
  g_assert_true (g_str_has_suffix (titles, ",Ward Champion 50,And 3 more"));
}

static gboolean
is_search_shortcut (GtkShortcut *shortcut)
{
  g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
  g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

  return g_strcmp0 (trigger, "<Control>f") == 0
         && g_strcmp0 (action, "action(organisations.search)") == 0;
}

static gboolean
has_search_shortcut (GtkWidget *view)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (view);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          if (is_search_shortcut (shortcut))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_search_shortcut (Fixture *f, gconstpointer data)
{
  GtkWidget *view = show_view (f, "organisations", TI_TYPE_ORGANISATIONS_VIEW);
  GtkWidget *entry = test_find_type (view, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *column_view = test_find_type (view, GTK_TYPE_COLUMN_VIEW);
  AdwLeaflet *leaflet = ADW_LEAFLET (test_find_type (view, ADW_TYPE_LEAFLET));
  GtkWidget *capture, *focus;

  /* Ctrl+F is bound to the search, even from an organisation's detail. */
  g_assert_true (has_search_shortcut (view));
  open_detail (f, view, "Somerset Council");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  g_assert_true (gtk_widget_activate_action (view, "organisations.search", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  focus = gtk_root_get_focus (gtk_widget_get_root (view));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Typing in the list goes to the search. */
  capture = gtk_search_entry_get_key_capture_widget (GTK_SEARCH_ENTRY (entry));
  g_assert_nonnull (capture);
  g_assert_true (gtk_widget_is_ancestor (column_view, capture));
}

static TiOrganisationEditor *
open_editor (TiOrganisationDetail *detail)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "organisation.edit", NULL));
  test_iterate_a_while ();
  return TI_ORGANISATION_EDITOR (test_find_toplevel (TI_TYPE_ORGANISATION_EDITOR));
}

static void
select_string (GtkDropDown *dropdown, const char *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);
      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_editor_validation (Fixture *f, gconstpointer data)
{
  GtkWidget *view = show_view (f, "organisations", TI_TYPE_ORGANISATIONS_VIEW);
  TiOrganisationDetail *detail = open_detail (f, view, "Somerset Council");
  TiOrganisationEditor *editor = open_editor (detail);
  GtkWidget *name_row, *parent_row, *headcount_row;
  const char *message;

  g_assert_nonnull (editor);
  name_row = test_find_row (GTK_WIDGET (editor), "Name");
  parent_row = test_find_row (GTK_WIDGET (editor), "Part of");
  headcount_row = test_find_row (GTK_WIDGET (editor), "Workforce headcount");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Somerset Council");

  /* An empty name: the name is marked, with its message under it, and nothing is saved. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "  ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (message_under (name_row), ==, "Enter the organisation’s name.");
  g_assert_false (gtk_widget_has_css_class (parent_row, "error"));

  /* Another organisation's name, in other letters. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "SOMERSET nhs foundation trust");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  message = message_under (name_row);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "There is already an organisation called"));

  /* A negative headcount cannot be typed: the spin button stops at 0. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (test_find_type (headcount_row, GTK_TYPE_SPIN_BUTTON)),
                             -5);
  g_assert_cmpfloat (gtk_spin_button_get_value (
                       GTK_SPIN_BUTTON (test_find_type (headcount_row, GTK_TYPE_SPIN_BUTTON))),
                     ==, 0);

  /* A parent that is its own child: the parent is marked, and the name no longer. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Somerset Council");
  select_string (GTK_DROP_DOWN (test_find_type (parent_row, GTK_TYPE_DROP_DOWN)),
                 "Somerset Council Adult Services");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_null (message_under (name_row));
  g_assert_true (gtk_widget_has_css_class (parent_row, "error"));
  g_assert_true (g_str_has_prefix (message_under (parent_row), "This parent is part of this organisation"));
  g_assert_cmpint (test_count (database (f),
                               "SELECT count(*) FROM organisations WHERE id = 4"
                               " AND parent_id IS NULL AND headcount = 5000"), ==, 1);

  /* Escape with changes asks first; discarding closes the editor and saves nothing. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  adw_message_dialog_response (test_wait_for_dialog ("Discard Changes?"), "discard");
  test_wait_for_toplevel_gone (TI_TYPE_ORGANISATION_EDITOR);
}

static void
test_editor_saves (Fixture *f, gconstpointer data)
{
  GtkWidget *view = show_view (f, "organisations", TI_TYPE_ORGANISATIONS_VIEW);
  TiOrganisationDetail *detail = open_detail (f, view, "Wellsway Primary School");
  TiOrganisationEditor *editor = open_editor (detail);
  GtkWidget *name_row = test_find_row (GTK_WIDGET (editor), "Name");
  GtkWidget *headcount_row = test_find_row (GTK_WIDGET (editor), "Workforce headcount");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Wellsway Federation");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (test_find_type (headcount_row, GTK_TYPE_SPIN_BUTTON)),
                             80);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  test_wait_for_toplevel_gone (TI_TYPE_ORGANISATION_EDITOR);

  /* The detail and the list show the new name and the new reach (2 of 80). */
  test_wait_for_text (GTK_WIDGET (detail), "Wellsway Federation");
  test_wait_for_text (GTK_WIDGET (detail), "2.5% (2 people)");
  g_assert_true (gtk_widget_activate_action (view, "organisations.back", NULL));
  test_wait_for_text (view, "Wellsway Federation");
  test_wait_for_text (view, "2.5%");
  test_wait_for_gone (view, "Wellsway Primary School");

  /* Add Organisation: a new one appears in the list. */
  g_assert_true (gtk_widget_activate_action (view, "organisations.add", NULL));
  test_iterate_a_while ();
  editor = TI_ORGANISATION_EDITOR (test_find_toplevel (TI_TYPE_ORGANISATION_EDITOR));
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (editor), "Name")),
                         "Mendip Housing");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  test_wait_for_toplevel_gone (TI_TYPE_ORGANISATION_EDITOR);
  test_wait_for_text (view, "6 organisations");
  test_wait_for_text (view, "Mendip Housing");
}

static void
test_merge (Fixture *f, gconstpointer data)
{
  GtkWidget *view = show_view (f, "organisations", TI_TYPE_ORGANISATIONS_VIEW);
  TiOrganisationDetail *detail = open_detail (f, view, "Wellsway Primary");
  AdwMessageDialog *dialog;
  GtkWidget *chooser;
  GtkWidget *undo;

  /* Choose the organisation that stays… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "organisation.merge", NULL));
  dialog = test_wait_for_dialog ("Merge “Wellsway Primary” Into…");
  chooser = test_find_type (adw_message_dialog_get_extra_child (dialog), GTK_TYPE_DROP_DOWN);
  g_assert_true (gtk_drop_down_get_enable_search (GTK_DROP_DOWN (chooser)));

  /* Nothing is chosen at first, so Continue waits and the placeholder asks. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (chooser)), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "continue"));
  test_wait_for_text (GTK_WIDGET (dialog), "Choose the organisation to keep");

  select_string (GTK_DROP_DOWN (chooser), "Wellsway Primary School");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "continue"));
  test_wait_for_gone (GTK_WIDGET (dialog), "Choose the organisation to keep");
  adw_message_dialog_response (dialog, "continue");

  /* …then confirm, knowing what moves. */
  dialog = test_wait_for_dialog ("Merge Organisations?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "2 people and 1 session move to “Wellsway Primary School”; "
                   "“Wellsway Primary” is removed.");
  adw_message_dialog_response (dialog, "merge");

  /* The people moved, the duplicate is gone, and the kept one is shown. */
  g_assert_cmpint (test_count (database (f),
                               "SELECT count(*) FROM people WHERE organisation_id = 2"), ==, 4);
  g_assert_cmpint (test_count (database (f),
                               "SELECT count(*) FROM organisations WHERE id = 3"),
                   ==, 0);
  test_wait_for_text (GTK_WIDGET (detail), "Wellsway Primary School");
  test_wait_for_text (GTK_WIDGET (detail), "4");
  gtk_widget_activate_action (view, "organisations.back", NULL);
  test_wait_for_text (view, "4 organisations");
  test_wait_for_text (view, "Wellsway Primary School");
  g_assert_null (test_find_shown (view, "Wellsway Primary"));

  /* Undo in the toast: the duplicate is back with its people, and in the list. */
  test_wait_for_text (GTK_WIDGET (f->window),
                      "“Wellsway Primary” merged into “Wellsway Primary School”");
  undo = test_find_button (GTK_WIDGET (f->window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  test_wait_for_text (view, "5 organisations");
  test_wait_for_text (view, "Wellsway Primary");
  g_assert_cmpint (test_count (database (f),
                               "SELECT count(*) FROM people WHERE organisation_id = 3"), ==, 2);
  g_assert_cmpint (test_count (database (f),
                               "SELECT count(*) FROM people WHERE organisation_id = 2"), ==, 2);
  g_assert_cmpint (test_count (database (f),
                               "SELECT count(*) FROM audit_log WHERE action = 'restore'"
                               " AND entity = 'organisation' AND entity_id = 3"), ==, 1);
}

static void
test_delete_needs_nobody (Fixture *f, gconstpointer data)
{
  GtkWidget *view = show_view (f, "organisations", TI_TYPE_ORGANISATIONS_VIEW);
  TiOrganisationDetail *detail = open_detail (f, view, "Somerset Council");
  AdwMessageDialog *dialog;

  /* Nobody belongs to it: deleted after asking. */
  gtk_widget_activate_action (GTK_WIDGET (detail), "organisation.delete", NULL);
  adw_message_dialog_response (test_wait_for_dialog ("Delete “Somerset Council”?"), "delete");
  test_wait_for_text (view, "4 organisations");
  g_assert_cmpint (test_count (database (f),
                               "SELECT count(*) FROM organisations WHERE id = 4"),
                   ==, 0);

  /* People belong to it: explained, with a merge offered, and nothing deleted. */
  detail = open_detail (f, view, "Wellsway Primary");
  gtk_widget_activate_action (GTK_WIDGET (detail), "organisation.delete", NULL);
  dialog = test_wait_for_dialog ("“Wellsway Primary” Cannot Be Deleted");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "2 people belong to this organisation."));
  g_assert_true (adw_message_dialog_has_response (dialog, "merge"));
  adw_message_dialog_response (dialog, "close");
  g_assert_cmpint (test_count (database (f),
                               "SELECT count(*) FROM organisations WHERE id = 3"),
                   ==, 1);
}

static void
test_adoption_editor (Fixture *f, gconstpointer data)
{
  GtkWidget *view = show_view (f, "organisations", TI_TYPE_ORGANISATIONS_VIEW);
  TiOrganisationDetail *detail = open_detail (f, view, "Somerset NHS Foundation Trust");
  TiAdoptionEditor *editor;
  GtkWidget *stage_row, *signed_row, *name_row, *role_row, *consultation_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "organisation.edit-adoption",
                                             NULL));
  test_iterate_a_while ();
  editor = TI_ADOPTION_EDITOR (test_find_toplevel (TI_TYPE_ADOPTION_EDITOR));
  g_assert_nonnull (editor);
  stage_row = test_find_row (GTK_WIDGET (editor), "Stage");
  consultation_row = test_find_row (GTK_WIDGET (editor), "Consultation started (YYYY-MM-DD)");
  signed_row = test_find_row (GTK_WIDGET (editor), "Signed on (YYYY-MM-DD)");
  name_row = test_find_row (GTK_WIDGET (editor), "Signatory");
  role_row = test_find_row (GTK_WIDGET (editor), "Signatory’s role");

  /* Not started asks for nothing more; signed shows the signing fields. */
  g_assert_false (gtk_widget_is_visible (signed_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (stage_row), TI_CHARTER_STAGE_SIGNED);
  g_assert_true (gtk_widget_is_visible (signed_row));
  g_assert_true (gtk_widget_is_visible (consultation_row));

  /* Signed without a date: refused on the date. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "adoption.save", NULL);
  g_assert_true (gtk_widget_has_css_class (signed_row, "error"));
  g_assert_cmpstr (message_under (signed_row), ==, "Enter the date the charter was signed.");

  /* An impossible date, and a badly written one, are refused before the core sees them. */
  gtk_editable_set_text (GTK_EDITABLE (signed_row), "31/02/2023");
  gtk_widget_activate_action (GTK_WIDGET (editor), "adoption.save", NULL);
  g_assert_cmpstr (message_under (signed_row), ==, "31/02/2023 is not a real date.");
  gtk_editable_set_text (GTK_EDITABLE (signed_row), "June 2023");
  gtk_widget_activate_action (GTK_WIDGET (editor), "adoption.save", NULL);
  g_assert_cmpstr (message_under (signed_row), ==, "Enter a date as YYYY-MM-DD or DD/MM/YYYY.");

  /* With a date but no signatory: refused on the signatory, no longer on the date. */
  gtk_editable_set_text (GTK_EDITABLE (signed_row), "14/06/2023");
  gtk_widget_activate_action (GTK_WIDGET (editor), "adoption.save", NULL);
  g_assert_false (gtk_widget_has_css_class (signed_row, "error"));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (message_under (name_row), ==, "Enter the name of the person who signed.");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Alex Morgan");
  gtk_widget_activate_action (GTK_WIDGET (editor), "adoption.save", NULL);
  g_assert_true (gtk_widget_has_css_class (role_row, "error"));
  g_assert_cmpint (test_count (database (f),
                               "SELECT count(*) FROM charter_adoptions"
                               " WHERE stage = 'signed'"), ==, 0);

  /* A commitment is added straight away. */
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (editor), "New commitment")),
                         "Trauma-informed supervision for all ward managers");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (editor), "Due (YYYY-MM-DD)")),
                         "2024-03-31");
  gtk_widget_activate_action (GTK_WIDGET (editor), "adoption.add-commitment", NULL);
  g_assert_nonnull (test_find_row (GTK_WIDGET (editor),
                                   "Trauma-informed supervision for all ward managers"));
  g_assert_cmpint (test_count (database (f),
                               "SELECT count(*) FROM charter_commitments"
                               " WHERE organisation_id = 1 AND due_on = '2024-03-31'"), ==, 1);

  /* Complete: saved, and the detail shows it. */
  gtk_editable_set_text (GTK_EDITABLE (role_row), "Chief Executive");
  gtk_widget_activate_action (GTK_WIDGET (editor), "adoption.save", NULL);
  test_wait_for_toplevel_gone (TI_TYPE_ADOPTION_EDITOR);
  g_assert_cmpint (test_count (database (f),
                               "SELECT count(*) FROM charter_adoptions WHERE stage = 'signed'"
                               " AND signed_on = '2023-06-14' AND signatory_name = 'Alex Morgan'"),
                   ==, 1);
  test_wait_for_text (GTK_WIDGET (detail), "Signed");
  test_wait_for_text (GTK_WIDGET (detail), "Alex Morgan, Chief Executive");
  test_wait_for_text (GTK_WIDGET (detail), "Trauma-informed supervision for all ward managers");
}

static char *
principle_names (TiDatabase *db)
{
  g_autoptr (GListModel) principles = ti_charter_list_principles (db, NULL);
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (principles); i++)
    {
      g_autoptr (TiCharterPrinciple) principle = g_list_model_get_item (principles, i);
      g_string_append_printf (names, "%s%s", i ? "," : "", ti_charter_principle_get_name (principle));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gint64
principle_id (TiDatabase *db, guint index)
{
  g_autoptr (GListModel) principles = ti_charter_list_principles (db, NULL);
  g_autoptr (TiCharterPrinciple) principle = g_list_model_get_item (principles, index);

  return ti_charter_principle_get_id (principle);
}

static void
test_principles (Fixture *f, gconstpointer data)
{
  GtkWidget *view = show_view (f, "charter", TI_TYPE_CHARTER_VIEW);
  const char *defaults = "Safety,Trustworthiness,Choice,Collaboration,Empowerment,"
                         "Cultural consideration";
  g_autofree char *names = principle_names (database (f));
  g_autofree char *description = NULL;
  g_autoptr (GListModel) principles = NULL;
  g_autoptr (TiCharterPrinciple) second = NULL;
  GtkWidget *row, *entry;

  g_assert_cmpstr (names, ==, defaults);
  test_wait_for_text (view, "1. Safety");

  /* Add: an empty or duplicate name is refused on the field, in words; a new one is added last. */
  entry = test_find_row (view, "New principle");
  gtk_editable_set_text (GTK_EDITABLE (entry), "SAFETY");
  g_assert_true (gtk_widget_activate_action (view, "charter.add-principle", NULL));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  gtk_widget_activate_action (view, "charter.add-principle", NULL);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Respect");
  gtk_widget_activate_action (view, "charter.add-principle", NULL);
  test_wait_for_text (view, "7. Respect");
  g_free (names);
  names = principle_names (database (f));
  g_assert_cmpstr (names, ==, "Safety,Trustworthiness,Choice,Collaboration,Empowerment,"
                              "Cultural consideration,Respect");

  /* Rename in the principle's own entry, applied. */
  row = test_find_row (view, "3. Choice");
  entry = test_find_row (row, "Name");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Collaboration");
  g_signal_emit_by_name (entry, "apply");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Choice and control");
  g_signal_emit_by_name (entry, "apply");
  test_wait_for_text (view, "3. Choice and control");

  /* Move: the first down, the last up. */
  gtk_widget_activate_action (view, "charter.move-down", "x", principle_id (database (f), 0));
  gtk_widget_activate_action (view, "charter.move-up", "x", principle_id (database (f), 6));
  g_free (names);
  names = principle_names (database (f));
  g_assert_cmpstr (names, ==, "Trustworthiness,Safety,Choice and control,Collaboration,"
                              "Empowerment,Respect,Cultural consideration");
  test_wait_for_text (view, "1. Trustworthiness");

  /* Remove the second, then Undo: back in place, with its description. */
  principles = ti_charter_list_principles (database (f), NULL);
  second = g_list_model_get_item (principles, 1);
  description = g_strdup (ti_charter_principle_get_description (second));
  g_assert_nonnull (description);
  gtk_widget_activate_action (view, "charter.remove", "x", ti_charter_principle_get_id (second));
  g_free (names);
  names = principle_names (database (f));
  g_assert_cmpstr (names, ==, "Trustworthiness,Choice and control,Collaboration,"
                              "Empowerment,Respect,Cultural consideration");
  test_wait_for_gone (view, "2. Safety");
  g_assert_true (gtk_widget_activate_action (view, "charter.undo-remove", NULL));
  g_free (names);
  names = principle_names (database (f));
  g_assert_cmpstr (names, ==, "Trustworthiness,Safety,Choice and control,Collaboration,"
                              "Empowerment,Respect,Cultural consideration");
  g_clear_object (&principles);
  g_clear_object (&second);
  principles = ti_charter_list_principles (database (f), NULL);
  second = g_list_model_get_item (principles, 1);
  g_assert_cmpstr (ti_charter_principle_get_description (second), ==, description);
  test_wait_for_text (view, "2. Safety");
}

int
main (int argc, char *argv[])
{
  test_widget_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/network/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("organisations-list-shows-reach", test_list_shows_reach);
  ADD ("organisation-detail-lists-champions", test_detail_lists_champions);
  ADD ("organisations-search-shortcut", test_search_shortcut);
  ADD ("editor-marks-the-failing-field", test_editor_validation);
  ADD ("editor-saves-and-the-list-follows", test_editor_saves);
  ADD ("merge-moves-people", test_merge);
  ADD ("delete-needs-nobody", test_delete_needs_nobody);
  ADD ("adoption-editor", test_adoption_editor);
  ADD ("principles-edit-and-undo", test_principles);
#undef ADD

  return test_widget_finish (g_test_run ());
}
