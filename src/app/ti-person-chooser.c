/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-person-chooser"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ti-format.h"
#include "ti-organisation.h"
#include "ti-organisations.h"
#include "ti-people.h"
#include "ti-person-chooser.h"

/**
 * TiPersonChooser:
 *
 * Finds someone in the programme: type part of a name or organisation, then Enter (when one
 * person matches) or activate a row. Emits #TiPersonChooser::chosen; whoever opened it says
 * what became of the choice with ti_person_chooser_confirm() (the chooser stays open, so that
 * several people can be added one after another) or closes it. With a new-person form, it
 * also emits #TiPersonChooser::create with a name and an organisation; a refusal comes back
 * through ti_person_chooser_show_error() and is shown under the field at fault.
 *
 * Everyone is read in a worker thread; erased people and those excluded are not offered.
 */
struct _TiPersonChooser
{
  AdwWindow parent_instance;

  TiDatabase *database;
  GCancellable *cancellable;
  GHashTable *excluded; /* person ids */
  char *search;         /* folded, or NULL */
  GtkCustomFilter *filter;
  GListModel *organisations;

  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  GtkLabel *status_label;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkListView *list_view;
  GtkFilterListModel *filter_model;
  AdwStatusPage *error_page;
  GtkWidget *new_group;
  GtkWidget *name_row;
  GtkLabel *name_error;
  GtkWidget *organisation_row;
  GtkDropDown *organisation_dropdown;
  GtkLabel *organisation_error;
};

G_DEFINE_FINAL_TYPE (TiPersonChooser, ti_person_chooser, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CHOSEN,
  SIGNAL_CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
person_match (gpointer item, gpointer user_data)
{
  TiPersonChooser *self = user_data;
  TiPerson *person = item;
  gint64 id = ti_person_get_id (person);

  return !ti_person_get_erased (person) && !g_hash_table_contains (self->excluded, &id)
         && (self->search == NULL || strstr (ti_person_get_search_key (person), self->search));
}

/* "No One Found" only once the filter has gone through everyone: the incremental filter
 * empties the list first when someone is excluded, and fills it again in idle steps. */
static void
update_stack (TiPersonChooser *self)
{
  if (gtk_filter_list_model_get_model (self->filter_model) == NULL)
    return;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (gtk_filter_list_model_get_pending (self->filter_model) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
}

/* Escape in the search closes the chooser, as it does anywhere else in it. */
static void
stop_search_cb (TiPersonChooser *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Each row: the name, and under it what tells two people of one name apart. */
static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  for (GtkWidget *label = name; label != NULL; label = label == name ? detail : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  TiPerson *person = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autofree char *text = ti_format_person_detail (ti_person_get_organisation (person),
                                                   ti_person_get_job_title (person));

  gtk_label_set_text (GTK_LABEL (name), ti_person_get_name (person));
  gtk_label_set_text (GTK_LABEL (detail), text);
  gtk_widget_set_visible (detail, *text != '\0');
}

static void
search_changed_cb (TiPersonChooser *self)
{
  g_autofree char *text
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_free (self->search);
  self->search = *text ? ti_text_fold (text) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
choose (TiPersonChooser *self, TiPerson *person)
{
  gtk_label_set_text (self->status_label, "");
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, ti_person_get_id (person),
                 ti_person_get_name (person));
}

static void
row_activated_cb (TiPersonChooser *self, guint position)
{
  g_autoptr (TiPerson) person = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (person != NULL)
    choose (self, person);
}

/* Enter in the search: the one person who matches, if only one does. */
static void
search_activate_cb (TiPersonChooser *self)
{
  g_autoptr (TiPerson) person = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) != 1)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      return;
    }
  person = g_list_model_get_item (G_LIST_MODEL (self->filter_model), 0);
  choose (self, person);
}

/* ↓ from the search moves into the list. */
static gboolean
search_key_cb (TiPersonChooser *self, guint keyval, guint keycode, GdkModifierType state)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return TRUE;
}

static void
people_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiPersonChooser) self = user_data;
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
  gtk_filter_list_model_set_model (self->filter_model, people);
  update_stack (self);
}

static gint64
selected_organisation_id (TiPersonChooser *self)
{
  TiOrganisation *organisation = gtk_drop_down_get_selected_item (self->organisation_dropdown);

  return organisation != NULL ? ti_organisation_get_id (organisation) : 0;
}

static void
clear_errors (TiPersonChooser *self)
{
  gtk_widget_remove_css_class (self->name_row, "error");
  gtk_widget_remove_css_class (self->organisation_row, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->name_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_error), FALSE);
}

static void
create_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiPersonChooser *self = TI_PERSON_CHOOSER (widget);

  clear_errors (self);
  gtk_label_set_text (self->status_label, "");
  g_signal_emit (self, signals[SIGNAL_CREATE], 0, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                 selected_organisation_id (self));
}

/**
 * ti_person_chooser_show_error:
 * @error: why what was chosen or created was refused
 *
 * Shows @error under the new person's name or organisation when it names one of them
 * (%TI_PEOPLE_ERROR_NAME, %TI_PEOPLE_ERROR_ORGANISATION), otherwise at the top.
 */
void
ti_person_chooser_show_error (TiPersonChooser *self, const GError *error)
{
  GtkWidget *row = NULL;
  GtkLabel *label = self->status_label;

  g_return_if_fail (TI_IS_PERSON_CHOOSER (self));

  if (error->domain == TI_PEOPLE_ERROR && error->code == TI_PEOPLE_ERROR_NAME)
    {
      row = self->name_row;
      label = self->name_error;
    }
  else if (error->domain == TI_PEOPLE_ERROR && error->code == TI_PEOPLE_ERROR_ORGANISATION)
    {
      row = self->organisation_row;
      label = self->organisation_error;
    }
  gtk_label_set_text (label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row == self->organisation_row
                               ? GTK_WIDGET (self->organisation_dropdown) : row);
    }
}

/**
 * ti_person_chooser_confirm:
 * @message: what became of the last choice ("Jo Marsh is on the register")
 *
 * Says so at the top, empties the search and the new person's name, and puts the focus back
 * in the search for the next person.
 */
void
ti_person_chooser_confirm (TiPersonChooser *self, const char *message)
{
  g_return_if_fail (TI_IS_PERSON_CHOOSER (self));

  clear_errors (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * ti_person_chooser_exclude:
 * @person_id: someone not to offer (already chosen)
 */
void
ti_person_chooser_exclude (TiPersonChooser *self, gint64 person_id)
{
  g_return_if_fail (TI_IS_PERSON_CHOOSER (self));

  g_hash_table_add (self->excluded, g_memdup2 (&person_id, sizeof person_id));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);
}

/**
 * ti_person_chooser_new:
 * @parent: the window it belongs to
 * @database: the open programme
 * @title: what choosing is for ("Add Attendees")
 * @offer_new_person: whether to offer a form for someone not in the programme yet
 *
 * Returns: (transfer none): the chooser, not yet shown; it destroys itself when closed
 */
TiPersonChooser *
ti_person_chooser_new (GtkWindow *parent, TiDatabase *database, const char *title,
                       gboolean offer_new_person)
{
  TiPersonChooser *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (database), NULL);

  self = g_object_new (TI_TYPE_PERSON_CHOOSER, "transient-for", parent, "title", title, NULL);
  self->database = g_object_ref (database);
  adw_window_title_set_title (self->window_title, title);
  gtk_widget_set_visible (self->new_group, offer_new_person);
  if (offer_new_person)
    {
      self->organisations = ti_organisations_list_choices (database, &error);
      if (self->organisations == NULL)
        ti_person_chooser_show_error (self, error);
      gtk_drop_down_set_model (self->organisation_dropdown, self->organisations);
      gtk_drop_down_set_selected (self->organisation_dropdown, GTK_INVALID_LIST_POSITION);
    }

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  ti_people_list_async (ti_database_get_path (database), FALSE, self->cancellable,
                        people_loaded_cb, g_object_ref (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return self;
}

static void
ti_person_chooser_dispose (GObject *object)
{
  TiPersonChooser *self = TI_PERSON_CHOOSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_object (&self->organisations);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (ti_person_chooser_parent_class)->dispose (object);
}

static void
ti_person_chooser_class_init (TiPersonChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_person_chooser_dispose;

  /**
   * TiPersonChooser::chosen:
   * @person_id: the person chosen
   * @name: their name
   */
  signals[SIGNAL_CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64,
                                         G_TYPE_STRING);

  /**
   * TiPersonChooser::create:
   * @name: the new person's name, as typed
   * @organisation_id: their organisation, 0 when none was chosen
   */
  signals[SIGNAL_CREATE] = g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                         G_TYPE_INT64);

  g_type_ensure (TI_TYPE_PERSON);
  g_type_ensure (TI_TYPE_ORGANISATION);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-person-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, status_label);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, filter_model);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, error_page);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, new_group);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, name_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, name_error);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiPersonChooser, organisation_error);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "chooser.create", NULL, create_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ti_person_chooser_init (TiPersonChooser *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->filter = gtk_custom_filter_new (person_match, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_stack), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (update_stack), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}
