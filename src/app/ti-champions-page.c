/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-champions-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ti-champions-page.h"
#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-people.h"
#include "ti-person-editor.h"
#include "ti-person-profile-view.h"
#include "ti-person.h"
#include "ti-table.h"
#include "ti-vocabulary.h"

/**
 * TiChampionsPage:
 *
 * The champion profiles: a sortable, searchable, filterable list of the champions (or of
 * everyone the programme records), loaded in a worker thread. Activating a row slides in
 * that person's profile, where they can be edited, deleted (with Undo), exported for a
 * subject access request, or erased.
 *
 * The filter sits above the sort: the list is sorted once (when loaded or when a column
 * header is clicked), and a keystroke only filters the sorted list, in batches between
 * frames, instead of re-sorting what the filter lets through.
 */
struct _TiChampionsPage
{
  TiPage parent_instance;

  GCancellable *cancellable;
  GtkCustomFilter *facet_filter;
  GtkCustomFilter *search_filter;
  char *search; /* normalised and case-folded, or NULL */

  /* The profile shown, the programme it came from, and the email held for the person
   * (the profile itself hides it without contact consent; the editor needs it). */
  TiPersonProfile *profile;
  TiDatabase *profile_database;
  char *profile_email;
  gint64 pending_person; /* asked for by another page while the list was read, or 0 */

  AdwLeaflet *leaflet;
  GtkWidget *list_page;
  GtkWidget *profile_page;
  GtkWidget *back_button;
  TiPersonProfileView *profile_view;

  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown *sector_filter;
  GtkDropDown *locality_filter;
  GtkDropDown *tier_filter;
  GtkDropDown *status_filter;
  GtkSwitch *all_people_switch;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkColumnView *column_view;
  GtkSortListModel *sort_model;     /* every person loaded, in the column view's order */
  GtkFilterListModel *filter_model; /* what the search and filters let through */
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TiChampionsPage, ti_champions_page, TI_TYPE_PAGE)

/* The list's columns: each shows one TiPerson property and sorts by it. */
static const TiTableColumn columns[] = {
  { N_("Name"), "name", TI_CELL_TEXT, TRUE, 16 },
  { N_("Organisation"), "organisation", TI_CELL_TEXT, TRUE, 18 },
  { N_("Sector"), "sector", TI_CELL_TEXT, FALSE, 10, TRUE },
  { N_("Locality"), "locality", TI_CELL_TEXT, FALSE, 10, TRUE },
  { N_("Highest tier"), "highest-tier", TI_CELL_TIER, FALSE, 0, TRUE },
  { N_("Champion since"), "champion-since", TI_CELL_DATE, FALSE, 0, TRUE },
  { N_("Status"), "status", TI_CELL_TEXT, FALSE, 0, TRUE },
  { N_("Last activity"), "last-activity", TI_CELL_DATE, FALSE, 0, TRUE },
};

static const char *
selected_label (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  /* The first entry is "Any …". */
  if (item == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;
  return gtk_string_object_get_string (item);
}

/* Keys of the status filter's entries after "Any status", in the .ui's order. */
static const char *const status_keys[] = { "active", "paused", "stepped_down" };

static gboolean
facet_match (gpointer item, gpointer user_data)
{
  TiChampionsPage *self = user_data;
  TiPerson *person = item;
  const char *sector = selected_label (self->sector_filter);
  const char *locality = selected_label (self->locality_filter);
  guint status_choice = gtk_drop_down_get_selected (self->status_filter);
  guint tier_choice = gtk_drop_down_get_selected (self->tier_filter);

  return (sector == NULL || g_strcmp0 (sector, ti_person_get_sector (person)) == 0)
         && (locality == NULL || g_strcmp0 (locality, ti_person_get_locality (person)) == 0)
         && (status_choice == 0 || status_choice > G_N_ELEMENTS (status_keys)
             || g_strcmp0 (status_keys[status_choice - 1], ti_person_get_status_key (person)) == 0)
         && (tier_choice == 0 || (int) tier_choice - 1 == ti_person_get_highest_tier (person));
}

static void
update_count (TiChampionsPage *self)
{
  GListModel *all = gtk_sort_list_model_get_model (self->sort_model);
  guint total = all ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean everyone = gtk_switch_get_active (self->all_people_switch);
  g_autofree char *n_total = ti_format_count (total);
  g_autofree char *n_shown = ti_format_count (shown);
  g_autofree char *text = NULL;

  if (all == NULL)
    return;

  if (shown == total)
    text = everyone ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", total), n_total)
                    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s champion", "%s champions", total), n_total);
  else
    text = everyone ? g_strdup_printf (_("Showing %s of %s people"), n_shown, n_total)
                    : g_strdup_printf (_("Showing %s of %s champions"), n_shown, n_total);
  gtk_label_set_text (self->count_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0 && !gtk_filter_list_model_get_pending (self->filter_model))
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
filters_changed_cb (TiChampionsPage *self)
{
  /* The drop-downs announce their first selection while the template is built. */
  if (self->facet_filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->facet_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
search_match (gpointer item, gpointer user_data)
{
  TiChampionsPage *self = user_data;

  return self->search == NULL || strstr (ti_person_get_search_key (item), self->search) != NULL;
}

/* Matches the name or the organisation, ignoring case. */
static void
search_changed_cb (TiChampionsPage *self)
{
  g_autofree char *text
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *search = *text ? ti_text_fold (text) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  /* Typing on only narrows what is shown; deleting only widens it. */
  if (search != NULL && (self->search == NULL || strstr (search, self->search) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search != NULL && (search == NULL || strstr (self->search, search) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->search);
  self->search = g_steal_pointer (&search);
  if (self->search_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->search_filter), change);
}

static gboolean show_profile (TiChampionsPage *self, gint64 person_id, const char *email);

/* Shows the profile of a person of the list as read, with the email held for them. */
static gboolean
show_person (TiChampionsPage *self, gint64 person_id)
{
  GListModel *people = gtk_sort_list_model_get_model (self->sort_model);

  for (guint i = 0, n = people ? g_list_model_get_n_items (people) : 0; i < n; i++)
    {
      g_autoptr (TiPerson) person = g_list_model_get_item (people, i);

      if (ti_person_get_id (person) == person_id)
        return show_profile (self, person_id, ti_person_get_email (person));
    }
  if (!gtk_switch_get_active (self->all_people_switch))
    {
      /* Not a champion: they are among everyone. */
      self->pending_person = person_id;
      gtk_switch_set_active (self->all_people_switch, TRUE);
      return TRUE;
    }
  ti_feedback_show_message (GTK_WIDGET (self), _("The Profile Could Not Be Opened"),
                            _("This person is no longer in the programme."));
  return FALSE;
}

static gboolean
ti_champions_page_show_record (TiPage *page, TiRecordKind kind, gint64 id)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (page);

  if (kind != TI_RECORD_PERSON)
    return FALSE;
  if (self->cancellable != NULL)
    {
      self->pending_person = id;
      return TRUE;
    }
  return show_person (self, id);
}

static void
people_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiChampionsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) people = ti_people_list_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);

  if (people == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_sort_list_model_set_model (self->sort_model, people);
  update_count (self);
  if (self->pending_person != 0)
    {
      gint64 id = self->pending_person;

      self->pending_person = 0;
      show_person (self, id);
    }
}

static void refresh_profile (TiChampionsPage *self);

static void
ti_champions_page_reload (TiPage *page)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (page);
  TiDatabase *database = ti_page_get_database (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "champions.add", database != NULL);
  refresh_profile (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  gtk_label_set_text (self->count_label, "");

  if (database == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  ti_people_list_async (ti_database_get_path (database),
                        !gtk_switch_get_active (self->all_people_switch), self->cancellable,
                        people_loaded_cb, g_object_ref (self));
}

static void
all_people_changed_cb (TiChampionsPage *self)
{
  ti_champions_page_reload (TI_PAGE (self));
}

/* The profile ---------------------------------------------------------------------------- */

static gboolean
profile_shown (TiChampionsPage *self)
{
  return self->profile != NULL && adw_leaflet_get_visible_child (self->leaflet) == self->profile_page;
}

static void
update_profile_actions (TiChampionsPage *self)
{
  gboolean shown = profile_shown (self);
  gboolean erased = shown && self->profile->erased_on != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "champions.back", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "champions.edit", shown && !erased);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "champions.delete", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "champions.export", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "champions.erase", shown && !erased);
}

static void
forget_profile (TiChampionsPage *self)
{
  g_clear_pointer (&self->profile, ti_person_profile_free);
  g_clear_object (&self->profile_database);
  g_clear_pointer (&self->profile_email, g_free);
}

static void
show_list (TiChampionsPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Shows the person's profile; @email is the one held for them, which the profile may hide. */
static gboolean
show_profile (TiChampionsPage *self, gint64 person_id, const char *email)
{
  TiDatabase *database = ti_page_get_database (TI_PAGE (self));
  g_autoptr (GError) error = NULL;
  TiPersonProfile *profile;
  char *kept_email;

  if (database == NULL)
    return FALSE;
  /* Quick (about a millisecond): read on the main thread. */
  profile = ti_people_get_profile (database, person_id, &error);
  if (profile == NULL)
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Profile Could Not Be Opened"), error->message);
      return FALSE;
    }

  kept_email = g_strdup (email);
  forget_profile (self);
  self->profile = profile;
  self->profile_email = kept_email;
  self->profile_database = g_object_ref (database);
  ti_person_profile_view_set_profile (self->profile_view, profile);
  adw_leaflet_set_visible_child (self->leaflet, self->profile_page);
  update_profile_actions (self);
  gtk_widget_grab_focus (self->back_button);
  return TRUE;
}

/* The programme was reloaded: show the same person again, or go back when they are gone. */
static void
refresh_profile (TiChampionsPage *self)
{
  TiDatabase *database = ti_page_get_database (TI_PAGE (self));
  g_autofree char *email = NULL;
  TiPersonProfile *profile = NULL;

  if (self->profile == NULL)
    return;
  if (database != NULL && database == self->profile_database)
    profile = ti_people_get_profile (database, self->profile->id, NULL);
  if (profile == NULL)
    {
      forget_profile (self);
      show_list (self);
      update_profile_actions (self);
      return;
    }
  ti_person_profile_free (self->profile);
  self->profile = profile;
  ti_person_profile_view_set_profile (self->profile_view, profile);
  update_profile_actions (self);
}

static void
row_activated_cb (TiChampionsPage *self, guint position, GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (TiPerson) person = g_list_model_get_item (model, position);

  if (person != NULL)
    show_profile (self, ti_person_get_id (person), ti_person_get_email (person));
}

static void
visible_child_changed_cb (TiChampionsPage *self)
{
  /* Back by swipe, Alt+← or the mouse's back button lands here too. */
  update_profile_actions (self);
}

static void
back_action (GtkWidget *widget, const char *action, GVariant *param)
{
  show_list (TI_CHAMPIONS_PAGE (widget));
}

static gboolean
go_back_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (widget);

  if (!profile_shown (self))
    return FALSE;
  show_list (self);
  return TRUE;
}

/* Adding and editing -------------------------------------------------------------------- */

static void
editor_saved_cb (TiPersonEditor *editor, gint64 person_id, TiChampionsPage *self)
{
  TiDatabase *database = ti_page_get_database (TI_PAGE (self));

  /* Setting the same programme again reloads the list. */
  ti_page_set_database (TI_PAGE (self), database);
  show_profile (self, person_id, ti_person_editor_get_email (editor));
  ti_feedback_add_toast (GTK_WIDGET (self), adw_toast_new (_("Saved")));
}

static void
open_editor (TiChampionsPage *self, const TiPersonProfile *profile, const char *email)
{
  TiDatabase *database = ti_page_get_database (TI_PAGE (self));
  TiPersonEditor *editor;

  if (database == NULL)
    return;
  editor = ti_person_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), database,
                                 profile, email);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget *widget, const char *action, GVariant *param)
{
  open_editor (TI_CHAMPIONS_PAGE (widget), NULL, NULL);
}

static void
edit_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (widget);

  if (self->profile != NULL)
    open_editor (self, self->profile, self->profile_email);
}

/* Delete with Undo ------------------------------------------------------------------------ */

static void
undo_delete_cb (AdwToast *toast, TiChampionsPage *self)
{
  TiPersonSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");
  g_autoptr (GError) error = NULL;

  if (!ti_people_restore (database, snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Person Could Not Be Restored"), error->message);
      return;
    }
  if (database == ti_page_get_database (TI_PAGE (self)))
    ti_page_set_database (TI_PAGE (self), database);
  /* The toast's button goes away with the toast: keep the keyboard in the list. */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
delete_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (widget);
  TiDatabase *database = ti_page_get_database (TI_PAGE (self));
  g_autoptr (TiPersonSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (self->profile == NULL || database == NULL)
    return;
  if (!ti_people_delete (database, self->profile->id, &snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self),
                    g_error_matches (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_FACILITATOR)
                      ? _("This Person Cannot Be Deleted")
                      : _("The Person Could Not Be Deleted"),
                    error->message);
      return;
    }

  name = g_strdup (self->profile->name ? self->profile->name : _("Erased person"));
  forget_profile (self);
  show_list (self);
  ti_page_set_database (TI_PAGE (self), database);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));

  /* The toast's title is markup: a name with an ampersand must stay a name. */
  escaped = g_markup_escape_text (name, -1);
  toast = adw_toast_new_format (_("Deleted %s"), escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "snapshot", g_steal_pointer (&snapshot),
                          (GDestroyNotify) ti_person_snapshot_free);
  g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (database), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  ti_feedback_add_toast (GTK_WIDGET (self), toast);
}

/* Privacy: subject access and erasure --------------------------------------------------- */

/**
 * ti_champions_page_export_profile:
 * @file: where to write
 *
 * Writes everything held on the person whose profile is shown (subject access) to @file,
 * then says so in a toast, or shows why it could not.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
ti_champions_page_export_profile (TiChampionsPage *self, GFile *file)
{
  TiDatabase *database;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TI_IS_CHAMPIONS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->profile == NULL)
    return FALSE;
  database = self->profile_database;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Data Could Not Be Exported"),
                    _("Choose a folder on this computer."));
      return FALSE;
    }
  if (!ti_people_export_subject_access (database, self->profile->id, path, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Data Could Not Be Exported"), error->message);
      return FALSE;
    }
  ti_feedback_add_toast (GTK_WIDGET (self), adw_toast_new (_("Exported")));
  return TRUE;
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, TiChampionsPage *self)
{
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person-id"));

  /* The profile shown may have changed while the chooser was open. */
  if (response == GTK_RESPONSE_ACCEPT && self->profile != NULL && self->profile->id == person_id)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        ti_champions_page_export_profile (self, file);
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (widget);
  TiDatabase *database = ti_page_get_database (TI_PAGE (self));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GFile) folder = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (self->profile == NULL || database == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export This Person’s Data"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("JSON files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* The file is named by the person's id: names stay out of file names. */
  name = g_strdup_printf ("subject-access-%" G_GINT64_FORMAT ".json", self->profile->id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  folder = g_file_new_for_path (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                  ? documents
                                  : g_get_home_dir ());
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  g_object_set_data (G_OBJECT (dialog), "person-id", GSIZE_TO_POINTER (self->profile->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
erase_response_cb (AdwMessageDialog *dialog, const char *response, TiChampionsPage *self)
{
  TiDatabase *database = ti_page_get_database (TI_PAGE (self));
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person-id"));
  g_autoptr (GError) error = NULL;

  if (database == NULL || database != g_object_get_data (G_OBJECT (dialog), "database"))
    return;
  if (!ti_people_erase (database, person_id, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Person Could Not Be Erased"), error->message);
      return;
    }
  forget_profile (self);
  show_list (self);
  ti_page_set_database (TI_PAGE (self), database);
  ti_feedback_add_toast (GTK_WIDGET (self), adw_toast_new (_("Personal details erased")));
}

static void
erase_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (widget);
  GtkWidget *dialog;
  AdwMessageDialog *message;

  if (self->profile == NULL)
    return;
  dialog = adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (widget)), _("Erase This Person?"),
    _("Their name, email, phone and notes are removed for good. Sessions, events and "
      "training they took part in stay in the programme’s figures as an anonymous person. "
      "This cannot be undone."));
  message = ADW_MESSAGE_DIALOG (dialog);
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "erase", _("_Erase"), NULL);
  adw_message_dialog_set_response_appearance (message, "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (message, "cancel");
  adw_message_dialog_set_close_response (message, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "database",
                          g_object_ref (self->profile_database), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "person-id", GSIZE_TO_POINTER (self->profile->id));
  g_signal_connect_object (dialog, "response::erase", G_CALLBACK (erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
focus_search_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (widget);

  if (profile_shown (self))
    show_list (self);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
ti_champions_page_dispose (GObject *object)
{
  TiChampionsPage *self = TI_CHAMPIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->facet_filter);
  g_clear_object (&self->search_filter);
  g_clear_pointer (&self->search, g_free);
  forget_profile (self);

  G_OBJECT_CLASS (ti_champions_page_parent_class)->dispose (object);
}

static void
ti_champions_page_class_init (TiChampionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_champions_page_dispose;
  TI_PAGE_CLASS (klass)->reload = ti_champions_page_reload;
  TI_PAGE_CLASS (klass)->show_record = ti_champions_page_show_record;

  g_type_ensure (TI_TYPE_PERSON);
  g_type_ensure (TI_TYPE_PERSON_PROFILE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-champions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, sector_filter);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, locality_filter);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, tier_filter);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, all_people_switch);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, profile_page);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TiChampionsPage, profile_view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_people_changed_cb);

  gtk_widget_class_install_action (widget_class, "champions.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "champions.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "champions.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "champions.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "champions.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "champions.erase", NULL, erase_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, go_back_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, go_back_cb, NULL);
}

static void
ti_champions_page_init (TiChampionsPage *self)
{
  g_autoptr (GtkEveryFilter) every = gtk_every_filter_new ();
  const TiTerm *terms;
  guint n_terms;

  gtk_widget_init_template (GTK_WIDGET (self));
  ti_table_add_columns (self->column_view, TI_TYPE_PERSON, columns, G_N_ELEMENTS (columns));

  terms = ti_vocabulary_sectors (&n_terms);
  ti_table_set_choices (self->sector_filter, _("Any sector"), terms, n_terms);
  terms = ti_vocabulary_localities (&n_terms);
  ti_table_set_choices (self->locality_filter, _("Any locality"), terms, n_terms);

  self->search_filter = gtk_custom_filter_new (search_match, self, NULL);
  self->facet_filter = gtk_custom_filter_new (facet_match, self, NULL);
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->search_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (GTK_FILTER (self->facet_filter)));
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (every));

  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->list_page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "champions.add", FALSE);
  update_profile_actions (self);
}
