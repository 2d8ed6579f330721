/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-organisation-detail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-adoption-editor.h"
#include "ti-charter.h"
#include "ti-format.h"
#include "ti-feedback.h"
#include "ti-organisation-detail.h"
#include "ti-organisation-editor.h"
#include "ti-organisations.h"
#include "ti-people.h"
#include "ti-person.h"
#include "ti-vocabulary.h"

/**
 * TiOrganisationDetail:
 *
 * One organisation: what it is, its reach, its champions, its charter adoption and commitments,
 * with Edit, Merge Into… and Delete. After a change it emits ::changed with the organisation to
 * show next (0 when it is gone), so its list reloads.
 */
struct _TiOrganisationDetail
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GListModel *organisations;
  TiOrganisation *organisation;
  guint people; /* people belonging to it */
  GArray *merge_ids; /* the merge chooser's positions → ids */
  gint64 keep_id;
  char *keep_name;
  GPtrArray *commitment_rows;
  GPtrArray *champion_rows;

  GtkScrolledWindow *scroller;
  GtkLabel *name_label;
  GtkLabel *summary_label;
  GtkLabel *sector_value;
  GtkLabel *locality_value;
  GtkLabel *headcount_value;
  GtkLabel *parent_value;
  GtkLabel *people_value;
  GtkLabel *champions_value;
  GtkLabel *reach_value;
  GtkLabel *sessions_value;
  GtkLabel *stage_value;
  GtkLabel *signed_value;
  GtkLabel *signatory_value;
  GtkLabel *review_value;
  AdwPreferencesGroup *champions_group;
  AdwPreferencesGroup *commitments_group;
};

/* A trust may have 190 champions: the page stays quick and readable with the first ones and
 * a count of the rest. */
#define MAX_CHAMPION_ROWS 50

G_DEFINE_FINAL_TYPE (TiOrganisationDetail, ti_organisation_detail, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed (TiOrganisationDetail *self, gint64 show_id, const char *message)
{
  ti_feedback_toast (GTK_WIDGET (self), message);
  g_signal_emit (self, signals[CHANGED], 0, show_id);
}

static GtkWindow *
parent_window (TiOrganisationDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_count (GtkLabel *label, gint64 count)
{
  g_autofree char *text = ti_format_count (count);

  gtk_label_set_text (label, text);
}

static void
set_date (GtkLabel *label, const GDate *date)
{
  g_autofree char *iso = g_date_valid (date) ? ti_date_to_iso (date) : NULL;
  g_autofree char *text = iso != NULL ? ti_format_date (iso) : NULL;

  gtk_label_set_text (label, text != NULL ? text : "—");
}

/* Champions ------------------------------------------------------------------------------ */

static void
clear_champions (TiOrganisationDetail *self)
{
  for (guint i = 0; i < self->champion_rows->len; i++)
    adw_preferences_group_remove (self->champions_group,
                                  g_ptr_array_index (self->champion_rows, i));
  g_ptr_array_set_size (self->champion_rows, 0);
}

static GtkWidget *
add_champion_row (TiOrganisationDetail *self, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->champions_group, row);
  g_ptr_array_add (self->champion_rows, row);
  return row;
}

static void
add_dim_champion_row (TiOrganisationDetail *self, const char *title, const char *subtitle)
{
  gtk_widget_add_css_class (add_champion_row (self, title, subtitle), "dim-label");
}

/* "Tier 1 · since 14 Jun 2023", or whichever half is known. */
static char *
champion_subtitle (TiPerson *person)
{
  int tier = ti_person_get_highest_tier (person);
  const char *since_iso = ti_person_get_champion_since (person);
  g_autofree char *since = since_iso != NULL ? ti_format_date (since_iso) : NULL;

  if (tier > 0 && since != NULL)
    /* Translators: "Tier 2 · since 14 Jun 2023": the highest tier completed, and the date the
     * person became a champion. */
    return g_strdup_printf (_("Tier %d · since %s"), tier, since);
  if (tier > 0)
    return g_strdup_printf (_("Tier %d"), tier);
  if (since != NULL)
    return g_strdup_printf (_("Since %s"), since);
  return NULL;
}

static void
show_champions (TiOrganisationDetail *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) champions = NULL;
  guint n;

  clear_champions (self);
  champions = ti_people_list_champions_of (self->database,
                                           ti_organisation_get_id (self->organisation), &error);
  if (champions == NULL)
    {
      add_champion_row (self, _("The champions could not be read"), error->message);
      return;
    }
  n = g_list_model_get_n_items (champions);
  if (n == 0)
    {
      add_dim_champion_row (self, _("No champions yet"),
                            _("Make someone from this organisation a champion in their profile."));
      return;
    }
  for (guint i = 0; i < MIN (n, MAX_CHAMPION_ROWS); i++)
    {
      g_autoptr (TiPerson) person = g_list_model_get_item (champions, i);
      g_autofree char *subtitle = champion_subtitle (person);
      GtkWidget *row = add_champion_row (self, ti_person_get_name (person), subtitle);
      GtkWidget *status = gtk_label_new (ti_person_get_status (person));

      gtk_widget_add_css_class (status, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
    }
  if (n > MAX_CHAMPION_ROWS)
    {
      guint rest = n - MAX_CHAMPION_ROWS;
      g_autofree char *count = ti_format_count (rest);
      g_autofree char *title = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "And %s more", "And %s more", rest), count);

      add_dim_champion_row (self, title,
                            _("Search the Champions page for this organisation to see them all."));
    }
}

/* Adoption and commitments ------------------------------------------------------------- */

static void
clear_commitments (TiOrganisationDetail *self)
{
  for (guint i = 0; i < self->commitment_rows->len; i++)
    adw_preferences_group_remove (self->commitments_group,
                                  g_ptr_array_index (self->commitment_rows, i));
  g_ptr_array_set_size (self->commitment_rows, 0);
}

static void
add_commitment_row (TiOrganisationDetail *self, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->commitments_group, row);
  g_ptr_array_add (self->commitment_rows, row);
}

static void
show_charter (TiOrganisationDetail *self)
{
  gint64 id = ti_organisation_get_id (self->organisation);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) commitments = NULL;
  TiCharterAdoption adoption = { 0 };

  clear_commitments (self);
  if (!ti_charter_get_adoption (self->database, id, &adoption, &error))
    {
      gtk_label_set_text (self->stage_value, error->message);
      return;
    }
  gtk_label_set_text (self->stage_value,
                      ti_charter_stage_label (ti_charter_stage_key (adoption.stage)));
  set_date (self->signed_value, &adoption.signed_on);
  set_date (self->review_value, &adoption.review_on);
  if (adoption.signatory_name != NULL && adoption.signatory_role != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s, %s"), adoption.signatory_name,
                                               adoption.signatory_role);
      gtk_label_set_text (self->signatory_value, text);
    }
  else
    gtk_label_set_text (self->signatory_value,
                        adoption.signatory_name ? adoption.signatory_name : "—");
  ti_charter_adoption_clear (&adoption);

  commitments = ti_charter_list_commitments (self->database, id, &error);
  if (commitments == NULL)
    return add_commitment_row (self, _("The commitments could not be read"), error->message);
  if (commitments->len == 0)
    add_commitment_row (self, _("No commitments yet"),
                        _("Add them with Edit Adoption once the organisation commits to actions."));
  for (guint i = 0; i < commitments->len; i++)
    {
      TiCharterCommitment *commitment = g_ptr_array_index (commitments, i);
      g_autofree char *due = commitment->due_on ? ti_format_date (commitment->due_on) : NULL;
      g_autofree char *done = commitment->done_on ? ti_format_date (commitment->done_on) : NULL;
      g_autofree char *subtitle = NULL;

      if (done != NULL)
        subtitle = g_strdup_printf (_("Done %s"), done);
      else if (due != NULL)
        subtitle = g_strdup_printf (_("Due %s"), due);
      add_commitment_row (self, commitment->action, subtitle);
    }
}

/**
 * ti_organisation_detail_show:
 * @database: the open programme
 * @organisations: all organisations (offered when merging)
 * @organisation: the one to show
 *
 * Shows @organisation: another organisation from its top, the one shown again where it was
 * scrolled to.
 */
void
ti_organisation_detail_show (TiOrganisationDetail *self, TiDatabase *database,
                             GListModel *organisations, TiOrganisation *organisation)
{
  g_autofree char *summary = NULL;
  g_autofree char *parent = NULL;
  double reach;
  gboolean another;

  g_return_if_fail (TI_IS_ORGANISATION_DETAIL (self));
  g_return_if_fail (TI_IS_ORGANISATION (organisation));

  another = database != self->database || self->organisation == NULL
            || ti_organisation_get_id (self->organisation) != ti_organisation_get_id (organisation);

  g_set_object (&self->database, database);
  g_set_object (&self->organisations, organisations);
  g_set_object (&self->organisation, organisation);

  gtk_label_set_text (self->name_label, ti_organisation_get_name (organisation));
  summary = g_strdup_printf (_("%s · %s"),
                             ti_vocabulary_sector_label (ti_organisation_get_sector_key (organisation)),
                             ti_vocabulary_locality_label (ti_organisation_get_locality_key (organisation)));
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->sector_value,
                      ti_vocabulary_sector_label (ti_organisation_get_sector_key (organisation)));
  gtk_label_set_text (self->locality_value,
                      ti_vocabulary_locality_label (ti_organisation_get_locality_key (organisation)));
  if (ti_organisation_get_headcount (organisation) > 0)
    set_count (self->headcount_value, ti_organisation_get_headcount (organisation));
  else
    gtk_label_set_text (self->headcount_value, _("Not known"));
  g_object_get (organisation, "parent", &parent, NULL);
  gtk_label_set_text (self->parent_value, parent != NULL && *parent ? parent : _("None"));
  set_count (self->champions_value, ti_organisation_get_champions (organisation));
  set_count (self->sessions_value, ti_organisation_get_sessions_hosted (organisation));
  reach = ti_organisation_get_reach (organisation);
  if (reach >= 0)
    {
      g_autofree char *number = ti_format_decimal (reach * 100, 1, FALSE);
      g_autofree char *completions = ti_format_count (ti_organisation_get_tier1_completions (organisation));
      g_autofree char *text = g_strdup_printf (_("%s%% (%s people)"), number, completions);
      gtk_label_set_text (self->reach_value, text);
    }
  else
    gtk_label_set_text (self->reach_value, _("— (headcount not known)"));
  self->people = ti_organisation_get_people (organisation);
  set_count (self->people_value, self->people);
  show_champions (self);
  show_charter (self);
  if (another)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

gint64
ti_organisation_detail_get_id (TiOrganisationDetail *self)
{
  g_return_val_if_fail (TI_IS_ORGANISATION_DETAIL (self), 0);

  return self->organisation ? ti_organisation_get_id (self->organisation) : 0;
}

/* Edit ------------------------------------------------------------------------------------ */

static void
saved_cb (TiOrganisationDetail *self, gint64 id)
{
  changed (self, id, _("Organisation saved"));
}

static void
edit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiOrganisationDetail *self = TI_ORGANISATION_DETAIL (widget);
  TiOrganisationEditor *editor;

  if (self->organisation == NULL)
    return;
  editor = ti_organisation_editor_new (self->database, self->organisations, self->organisation);
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent_window (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
adoption_changed_cb (TiOrganisationDetail *self)
{
  changed (self, ti_organisation_detail_get_id (self), _("Charter adoption saved"));
}

static void
edit_adoption_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiOrganisationDetail *self = TI_ORGANISATION_DETAIL (widget);
  TiAdoptionEditor *editor;

  if (self->organisation == NULL)
    return;
  editor = ti_adoption_editor_new (self->database, ti_organisation_get_id (self->organisation),
                                   ti_organisation_get_name (self->organisation));
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent_window (self));
  g_signal_connect_object (editor, "changed", G_CALLBACK (adoption_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Merge ----------------------------------------------------------------------------------- */

static void
undo_merge_cb (AdwToast *toast, TiOrganisationDetail *self)
{
  TiOrganisationMergeSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  if (ti_organisations_unmerge (database, snapshot, &error))
    {
      /* The views reload; the detail keeps showing the organisation it showed. */
      g_signal_emit (self, signals[CHANGED], 0, ti_organisation_detail_get_id (self));
      return;
    }
  dialog = adw_message_dialog_new (parent_window (self), _("The Merge Could Not Be Undone"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_confirmed_cb (TiOrganisationDetail *self, const char *response)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiOrganisationMergeSnapshot) snapshot = NULL;
  g_autofree char *merged_name = NULL;
  g_autofree char *kept_name = NULL;
  AdwToast *merged_toast;

  if (g_strcmp0 (response, "merge") != 0 || self->organisation == NULL)
    return;
  if (!ti_organisations_merge (self->database, self->keep_id,
                               ti_organisation_get_id (self->organisation), &snapshot, &error))
    {
      ti_feedback_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* The toast's title is markup: a name with an ampersand must stay a name. */
  merged_name = g_markup_escape_text (ti_organisation_get_name (self->organisation), -1);
  kept_name = g_markup_escape_text (self->keep_name, -1);
  merged_toast = adw_toast_new_format (_("“%s” merged into “%s”"), merged_name, kept_name);
  adw_toast_set_button_label (merged_toast, _("_Undo"));
  adw_toast_set_priority (merged_toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (merged_toast), "snapshot", g_steal_pointer (&snapshot),
                          (GDestroyNotify) ti_organisation_merge_snapshot_free);
  g_object_set_data_full (G_OBJECT (merged_toast), "database", g_object_ref (self->database),
                          g_object_unref);
  g_signal_connect_object (merged_toast, "button-clicked", G_CALLBACK (undo_merge_cb), self, 0);
  ti_feedback_add_toast (GTK_WIDGET (self), merged_toast);
  g_signal_emit (self, signals[CHANGED], 0, self->keep_id);
}

static char *
merge_summary (TiOrganisationDetail *self)
{
  g_autofree char *people_count = ti_format_count (self->people);
  guint n_sessions = ti_organisation_get_sessions_hosted (self->organisation);
  g_autofree char *sessions_count = ti_format_count (n_sessions);
  g_autofree char *people = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", self->people), people_count);
  g_autofree char *sessions = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%s session", "%s sessions", n_sessions), sessions_count);
  const char *stage = ti_organisation_get_charter_stage_key (self->organisation);
  const char *name = ti_organisation_get_name (self->organisation);

  if (stage != NULL && g_strcmp0 (stage, ti_charter_stage_key (TI_CHARTER_STAGE_NOT_STARTED)) != 0)
    /* Translators: "3 people, 2 sessions and the charter adoption move to “Kept”; “Gone” is removed." */
    return g_strdup_printf (_("%s, %s and the charter adoption move to “%s”; “%s” is removed."),
                            people, sessions, self->keep_name, name);
  /* Translators: "3 people and 2 sessions move to “Kept”; “Gone” is removed." */
  return g_strdup_printf (_("%s and %s move to “%s”; “%s” is removed."), people, sessions,
                          self->keep_name, name);
}

static void
merge_chosen_cb (AdwMessageDialog *dialog, const char *response, TiOrganisationDetail *self)
{
  GtkOverlay *overlay = GTK_OVERLAY (adw_message_dialog_get_extra_child (dialog));
  GtkDropDown *chooser = GTK_DROP_DOWN (gtk_overlay_get_child (overlay));
  guint position = gtk_drop_down_get_selected (chooser);
  g_autofree char *body = NULL;
  GtkWidget *confirm;

  if (g_strcmp0 (response, "continue") != 0 || position >= self->merge_ids->len)
    return;
  self->keep_id = g_array_index (self->merge_ids, gint64, position);
  g_free (self->keep_name);
  self->keep_name = g_strdup (gtk_string_object_get_string (gtk_drop_down_get_selected_item (chooser)));

  body = merge_summary (self);
  confirm = adw_message_dialog_new (parent_window (self), _("Merge Organisations?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (confirm), "cancel", _("_Cancel"),
                                    "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (confirm), "merge",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  g_signal_connect_object (confirm, "response", G_CALLBACK (merge_confirmed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (confirm));
}

/* Nothing is chosen at first, so that two quick clicks cannot merge into the first name in
 * the list: Continue waits for a choice, and the placeholder says what to choose. */
static void
merge_choice_cb (GtkDropDown *chooser, GParamSpec *pspec, GtkWidget *placeholder)
{
  gboolean chosen = gtk_drop_down_get_selected (chooser) != GTK_INVALID_LIST_POSITION;
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (chooser), ADW_TYPE_MESSAGE_DIALOG);

  gtk_widget_set_visible (placeholder, !chosen);
  if (dialog != NULL)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue", chosen);
}

static void
merge_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiOrganisationDetail *self = TI_ORGANISATION_DETAIL (widget);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  GtkExpression *expression;
  GtkWidget *dialog, *chooser, *overlay, *placeholder;
  gint64 id;

  if (self->organisation == NULL || self->organisations == NULL)
    return;
  id = ti_organisation_get_id (self->organisation);
  g_array_set_size (self->merge_ids, 0);
  for (guint i = 0, n = g_list_model_get_n_items (self->organisations); i < n; i++)
    {
      g_autoptr (TiOrganisation) other = g_list_model_get_item (self->organisations, i);
      gint64 other_id = ti_organisation_get_id (other);

      if (other_id == id)
        continue;
      gtk_string_list_append (names, ti_organisation_get_name (other));
      g_array_append_val (self->merge_ids, other_id);
    }
  if (self->merge_ids->len == 0)
    {
      ti_feedback_toast (GTK_WIDGET (self), _("There is no other organisation to merge into."));
      return;
    }

  chooser = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (GTK_DROP_DOWN (chooser), expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (chooser), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (chooser), GTK_INVALID_LIST_POSITION);
  gtk_widget_set_hexpand (chooser, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chooser), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Organisation to keep"), -1);

  /* GtkDropDown has no placeholder of its own: a label over its empty button. */
  placeholder = gtk_label_new (_("Choose the organisation to keep"));
  gtk_label_set_ellipsize (GTK_LABEL (placeholder), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (placeholder), 0);
  gtk_widget_set_halign (placeholder, GTK_ALIGN_START);
  gtk_widget_set_valign (placeholder, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 32);
  gtk_widget_set_can_target (placeholder, FALSE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), chooser);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), placeholder);

  heading = g_strdup_printf (_("Merge “%s” Into…"), ti_organisation_get_name (self->organisation));
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("Choose the organisation that stays. Everything recorded for "
                                     "this one moves to it, and this one is removed. Use this when "
                                     "an import made a duplicate."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), overlay);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue", FALSE);
  g_signal_connect_object (chooser, "notify::selected", G_CALLBACK (merge_choice_cb), placeholder,
                           0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Delete ---------------------------------------------------------------------------------- */

static void
in_use_response_cb (TiOrganisationDetail *self, const char *response)
{
  if (g_strcmp0 (response, "merge") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "organisation.merge", NULL);
}

static void
explain_in_use (TiOrganisationDetail *self, const char *message)
{
  g_autofree char *heading = g_strdup_printf (_("“%s” Cannot Be Deleted"),
                                              ti_organisation_get_name (self->organisation));
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"), "merge",
                                    _("_Merge Into…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (in_use_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_confirmed_cb (TiOrganisationDetail *self, const char *response)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->organisation == NULL)
    return;
  if (!ti_organisations_delete (self->database, ti_organisation_get_id (self->organisation),
                                &error))
    {
      if (g_error_matches (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_IN_USE))
        explain_in_use (self, error->message);
      else
        ti_feedback_toast (GTK_WIDGET (self), error->message);
      return;
    }
  message = g_strdup_printf (_("“%s” deleted"), ti_organisation_get_name (self->organisation));
  changed (self, 0, message);
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiOrganisationDetail *self = TI_ORGANISATION_DETAIL (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->organisation == NULL)
    return;
  if (self->people > 0)
    {
      g_autofree char *count = ti_format_count (self->people);
      g_autofree char *message = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%s person belongs to this organisation. Move them to another organisation, "
                     "or merge this one into the organisation it duplicates.",
                     "%s people belong to this organisation. Move them to another organisation, "
                     "or merge this one into the organisation it duplicates.",
                     self->people),
        count);
      explain_in_use (self, message);
      return;
    }
  heading = g_strdup_printf (_("Delete “%s”?"), ti_organisation_get_name (self->organisation));
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("Its charter adoption and commitments are deleted with it. "
                                     "Sessions it hosted stay, without a host."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_confirmed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Life ------------------------------------------------------------------------------------ */

static void
ti_organisation_detail_dispose (GObject *object)
{
  TiOrganisationDetail *self = TI_ORGANISATION_DETAIL (object);
  GtkWidget *child;

  g_clear_object (&self->database);
  g_clear_object (&self->organisations);
  g_clear_object (&self->organisation);
  g_clear_pointer (&self->merge_ids, g_array_unref);
  g_clear_pointer (&self->keep_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_ORGANISATION_DETAIL);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->commitment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->champion_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ti_organisation_detail_parent_class)->dispose (object);
}

static void
ti_organisation_detail_class_init (TiOrganisationDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_organisation_detail_dispose;

  /**
   * TiOrganisationDetail::changed:
   * @show_id: the organisation to show after reloading, or 0 to go back to the list
   *
   * The organisation was edited, merged or deleted.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-organisation-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, sector_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, locality_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, headcount_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, parent_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, people_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, champions_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, reach_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, sessions_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, stage_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, signed_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, signatory_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, review_value);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, champions_group);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationDetail, commitments_group);

  gtk_widget_class_install_action (widget_class, "organisation.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "organisation.edit-adoption", NULL,
                                   edit_adoption_activated);
  gtk_widget_class_install_action (widget_class, "organisation.merge", NULL, merge_activated);
  gtk_widget_class_install_action (widget_class, "organisation.delete", NULL, delete_activated);
}

static void
ti_organisation_detail_init (TiOrganisationDetail *self)
{
  self->merge_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->commitment_rows = g_ptr_array_new ();
  self->champion_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
