/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-review-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-review-dialog.h"
#include "ti-review-item.h"
#include "ti-review-view.h"
#include "ti-reviews.h"
#include "ti-table.h"

/**
 * TiReviewView:
 *
 * The psychologist's queue: delivered Tier 2 and 3 sessions awaiting review, oldest first,
 * with their age; or those with changes requested, or approved; all of them or one
 * facilitator's. Activating a session (Enter or a double-click) opens its review. The
 * queue is read in a worker thread.
 */
/* How much of the list fits the width the view is given. Narrower, it keeps what tells
 * sessions apart at a glance; the dialog says the rest. */
typedef enum
{
  LAYOUT_WIDE,   /* every column */
  LAYOUT_MEDIUM, /* the age says when, and the host gives way to the title */
  LAYOUT_NARROW, /* a phone: age, tier and title, with no scrolling sideways */
} Layout;

struct _TiReviewView
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GCancellable *cancellable;
  TiReviewStatus status;
  gint64 facilitator_id;
  char *facilitator_name;
  GArray *facilitator_ids; /* the filter's positions → ids; position 0 is everyone */
  gboolean filling;        /* the filter's choices are being replaced */
  guint awaiting;
  Layout layout;

  GtkDropDown *status_filter;
  GtkDropDown *facilitator_filter;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkColumnView *column_view;
  GtkSingleSelection *selection;
  GtkSortListModel *sort_model;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
};

G_DEFINE_FINAL_TYPE (TiReviewView, ti_review_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_AWAITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The filter says which status is shown, so the list does not repeat it; the Review column
 * says what it cannot: a first review or a re-review, or when the last review was. The
 * title has the most room. */
static const TiTableColumn columns[] = {
  { N_("Session date"), "date", TI_CELL_DATE, FALSE },
  { N_("Age"), "age", TI_CELL_TEXT, FALSE, 10 },
  { N_("Tier"), "tier", TI_CELL_TIER, FALSE },
  { N_("Title"), "title", TI_CELL_TEXT, TRUE, 16 },
  { N_("Host"), "host", TI_CELL_TEXT, FALSE, 12 },
  { N_("Facilitators"), "facilitators", TI_CELL_TEXT, FALSE, 16 },
  { N_("Review"), "last-review", TI_CELL_TEXT, FALSE, 12 },
};

#define MEDIUM_WIDTH 1000
#define NARROW_WIDTH 640

/* The widest layout each column of columns[] is shown in. */
static const Layout shown_up_to[] = {
  LAYOUT_WIDE, LAYOUT_NARROW, LAYOUT_NARROW, LAYOUT_NARROW, LAYOUT_WIDE, LAYOUT_MEDIUM,
  LAYOUT_MEDIUM,
};
G_STATIC_ASSERT (G_N_ELEMENTS (shown_up_to) == G_N_ELEMENTS (columns));

/* What the count says, and the empty list, for each status. */
static char *
count_text (TiReviewView *self, guint n, const char *oldest_age)
{
  g_autofree char *number = ti_format_count (n);
  g_autofree char *count = NULL;

  switch (self->status)
    {
    case TI_REVIEW_CHANGES_REQUESTED:
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s session with changes requested",
                                            "%s sessions with changes requested", n),
                               number);
      break;
    case TI_REVIEW_APPROVED:
      count = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%s approved session", "%s approved sessions", n), number);
      break;
    case TI_REVIEW_AWAITING:
    case TI_REVIEW_NOT_DUE:
    default:
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s session awaiting review",
                                            "%s sessions awaiting review", n),
                               number);
      if (oldest_age != NULL)
        {
          /* Translators: "3 sessions awaiting review; the oldest waiting 72 days" */
          g_autofree char *with_age = g_strdup_printf (_("%s; the oldest waiting %s"), count,
                                                       oldest_age);
          g_free (count);
          count = g_steal_pointer (&with_age);
        }
      break;
    }
  if (self->facilitator_id != 0 && self->facilitator_name != NULL)
    /* Translators: a count of sessions, and who facilitated them */
    return g_strdup_printf (_("%s, facilitated by %s"), count, self->facilitator_name);
  return g_steal_pointer (&count);
}

static void
show_empty (TiReviewView *self)
{
  const char *title;
  const char *description;

  switch (self->status)
    {
    case TI_REVIEW_CHANGES_REQUESTED:
      title = _("No Sessions With Changes Requested");
      description = _("Sessions the psychologist asks to change wait here until they are "
                      "reviewed again.");
      break;
    case TI_REVIEW_APPROVED:
      title = _("No Approved Sessions Yet");
      description = _("Sessions appear here once the psychologist approves them.");
      break;
    case TI_REVIEW_AWAITING:
    case TI_REVIEW_NOT_DUE:
    default:
      title = _("No Sessions Awaiting Review");
      description = _("Delivered Tier 2 and 3 sessions wait here for the psychologist’s review, "
                      "oldest first. Sessions led by a psychologist are not reviewed.");
      break;
    }
  if (self->facilitator_id != 0)
    description = _("Choose “All facilitators” to see everyone’s sessions.");
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Replaces the filter's choices with @people, keeping the chosen facilitator. */
static void
fill_facilitators (TiReviewView *self, GPtrArray *people)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;
  gint64 everyone = 0;

  self->filling = TRUE;
  g_array_set_size (self->facilitator_ids, 0);
  gtk_string_list_append (names, _("All facilitators"));
  g_array_append_val (self->facilitator_ids, everyone);
  for (guint i = 0; i < people->len; i++)
    {
      TiReviewPerson *person = g_ptr_array_index (people, i);

      if (person->id == self->facilitator_id)
        selected = self->facilitator_ids->len;
      gtk_string_list_append (names, person->name);
      g_array_append_val (self->facilitator_ids, person->id);
    }
  gtk_drop_down_set_model (self->facilitator_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->facilitator_filter, selected);
  self->filling = FALSE;
}

static void
set_awaiting (TiReviewView *self, guint awaiting)
{
  if (self->awaiting == awaiting)
    return;
  self->awaiting = awaiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AWAITING]);
}

static void
queue_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiReviewView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiReviewQueue) queue = ti_reviews_get_queue_finish (result, &error);
  g_autoptr (TiReviewItem) oldest = NULL;
  g_autofree char *text = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);

  if (queue == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_label_set_text (self->count_label, "");
      return;
    }

  fill_facilitators (self, queue->facilitators);
  set_awaiting (self, queue->awaiting);
  gtk_sort_list_model_set_model (self->sort_model, queue->items);
  n = g_list_model_get_n_items (queue->items);
  oldest = n > 0 ? g_list_model_get_item (queue->items, 0) : NULL;
  text = count_text (self, n, oldest ? ti_review_item_get_age (oldest) : NULL);
  gtk_label_set_text (self->count_label, text);
  if (n == 0)
    show_empty (self);
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
load (TiReviewView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database == NULL)
    {
      gtk_sort_list_model_set_model (self->sort_model, NULL);
      return;
    }

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  ti_reviews_get_queue_async (ti_database_get_path (self->database), self->status,
                              self->facilitator_id, NULL, self->cancellable, queue_loaded_cb,
                              g_object_ref (self));
}

/* The statuses the filter offers, in its order. */
static const TiReviewStatus statuses[] = {
  TI_REVIEW_AWAITING,
  TI_REVIEW_CHANGES_REQUESTED,
  TI_REVIEW_APPROVED,
};

static void
status_selected_cb (TiReviewView *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_filter);

  if (selected >= G_N_ELEMENTS (statuses) || statuses[selected] == self->status)
    return;
  self->status = statuses[selected];
  load (self);
}

static void
facilitator_selected_cb (TiReviewView *self)
{
  guint selected = gtk_drop_down_get_selected (self->facilitator_filter);
  GListModel *names = gtk_drop_down_get_model (self->facilitator_filter);

  if (self->filling || selected >= self->facilitator_ids->len)
    return;
  self->facilitator_id = g_array_index (self->facilitator_ids, gint64, selected);
  g_free (self->facilitator_name);
  self->facilitator_name
    = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (names), selected));
  load (self);
}

static void
review_saved_cb (TiReviewView *self, const char *message)
{
  ti_feedback_toast (GTK_WIDGET (self), message);
  load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
row_activated_cb (TiReviewView *self, guint position)
{
  g_autoptr (TiReviewItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TiReviewDialog *dialog;

  if (item == NULL || self->database == NULL)
    return;
  dialog = ti_review_dialog_new (self->database, ti_review_item_get_session_id (item));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (review_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_layout (TiReviewView *self, Layout layout)
{
  GListModel *view_columns = gtk_column_view_get_columns (self->column_view);

  if (self->layout == layout)
    return;
  self->layout = layout;
  for (guint i = 0; i < g_list_model_get_n_items (view_columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (view_columns, i);
      gtk_column_view_column_set_visible (column, layout <= shown_up_to[i]);
    }
}

static GtkSizeRequestMode
ti_review_view_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (gtk_widget_get_first_child (widget));
}

static void
ti_review_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size, minimum,
                      natural, minimum_baseline, natural_baseline);
}

/* The columns follow the width the view is given, as a leaflet folds. */
static void
ti_review_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  set_layout (TI_REVIEW_VIEW (widget), width < NARROW_WIDTH   ? LAYOUT_NARROW
                                       : width < MEDIUM_WIDTH ? LAYOUT_MEDIUM
                                                              : LAYOUT_WIDE);
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

/**
 * ti_review_view_set_database:
 * @database: (nullable): the open programme
 *
 * Shows the queue of @database; the same programme again reloads it, keeping the filters.
 */
void
ti_review_view_set_database (TiReviewView *self, TiDatabase *database)
{
  g_return_if_fail (TI_IS_REVIEW_VIEW (self));

  if (database != self->database)
    {
      self->facilitator_id = 0;
      g_clear_pointer (&self->facilitator_name, g_free);
    }
  g_set_object (&self->database, database);
  load (self);
}

/**
 * ti_review_view_get_awaiting:
 *
 * Returns: delivered sessions awaiting review, whoever facilitated them
 */
guint
ti_review_view_get_awaiting (TiReviewView *self)
{
  g_return_val_if_fail (TI_IS_REVIEW_VIEW (self), 0);
  return self->awaiting;
}

static void
ti_review_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_AWAITING:
      g_value_set_uint (value, ti_review_view_get_awaiting (TI_REVIEW_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_review_view_dispose (GObject *object)
{
  TiReviewView *self = TI_REVIEW_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_REVIEW_VIEW);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_review_view_parent_class)->dispose (object);
}

static void
ti_review_view_finalize (GObject *object)
{
  TiReviewView *self = TI_REVIEW_VIEW (object);

  g_free (self->facilitator_name);
  g_array_unref (self->facilitator_ids);

  G_OBJECT_CLASS (ti_review_view_parent_class)->finalize (object);
}

static void
ti_review_view_class_init (TiReviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_review_view_dispose;
  object_class->finalize = ti_review_view_finalize;
  object_class->get_property = ti_review_view_get_property;
  widget_class->get_request_mode = ti_review_view_get_request_mode;
  widget_class->measure = ti_review_view_measure;
  widget_class->size_allocate = ti_review_view_size_allocate;

  /**
   * TiReviewView:awaiting:
   *
   * Delivered sessions awaiting review, whoever facilitated them: what needs the
   * psychologist's attention, for a badge.
   */
  properties[PROP_AWAITING]
    = g_param_spec_uint ("awaiting", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TiReviewView::changed:
   *
   * A review was recorded here: the session's review status changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-review-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiReviewView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, TiReviewView, facilitator_filter);
  gtk_widget_class_bind_template_child (widget_class, TiReviewView, count_label);
  gtk_widget_class_bind_template_child (widget_class, TiReviewView, stack);
  gtk_widget_class_bind_template_child (widget_class, TiReviewView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiReviewView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TiReviewView, selection);
  gtk_widget_class_bind_template_child (widget_class, TiReviewView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, TiReviewView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TiReviewView, error_page);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, facilitator_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
ti_review_view_init (TiReviewView *self)
{
  GListModel *view_columns;
  g_autoptr (GtkColumnViewColumn) age = NULL;
  g_autoptr (GtkSorter) by_days = NULL;
  g_autoptr (GPtrArray) nobody = g_ptr_array_new ();

  g_autoptr (GtkStringList) status_names = gtk_string_list_new (NULL);

  self->status = TI_REVIEW_AWAITING;
  self->facilitator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The state machine's own words for each status. */
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (status_names, ti_review_status_label (statuses[i]));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (status_names));
  ti_table_add_columns (self->column_view, TI_TYPE_REVIEW_ITEM, columns, G_N_ELEMENTS (columns));

  /* The age reads "23 days" but sorts by the number of days. */
  view_columns = gtk_column_view_get_columns (self->column_view);
  age = g_list_model_get_item (view_columns, 1);
  by_days = GTK_SORTER (
    gtk_numeric_sorter_new (gtk_property_expression_new (TI_TYPE_REVIEW_ITEM, NULL, "age-days")));
  gtk_column_view_column_set_sorter (age, by_days);

  fill_facilitators (self, nobody);
}
