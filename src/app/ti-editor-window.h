/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TI_TYPE_EDITOR_WINDOW (ti_editor_window_get_type ())
G_DECLARE_DERIVABLE_TYPE (TiEditorWindow, ti_editor_window, TI, EDITOR_WINDOW, AdwWindow)

/**
 * TiEditorWindowClass:
 * @save: validate the fields and write them; %FALSE keeps the window open (the refused
 *   field is marked)
 *
 * A modal window that edits one thing, with Cancel and Save in its header bar. Ctrl+S
 * saves; Escape, Cancel and closing ask before throwing changes away.
 */
struct _TiEditorWindowClass
{
  AdwWindowClass parent_class;

  gboolean (*save) (TiEditorWindow *self);
};

/**
 * TiEditorField:
 * @row: the field's row: `NAME_row` in the template
 * @error_label: the message under it: `NAME_error`
 *
 * A field that can be refused, for ti_editor_window_show_error().
 */
typedef struct
{
  GtkWidget *row;
  GtkLabel *error_label;
} TiEditorField;

void ti_editor_window_class_install_actions (TiEditorWindowClass *klass, const char *group);
void ti_editor_window_class_bind_fields (GtkWidgetClass *widget_class, const char *const *names,
                                         guint n_fields, gsize fields_offset);

void ti_editor_window_set_changed (TiEditorWindow *self, gboolean changed);
void ti_editor_window_mark_changed (TiEditorWindow *self);
const char *ti_editor_window_get_discard_message (TiEditorWindow *self);
void ti_editor_window_set_discard_message (TiEditorWindow *self, const char *message);

void ti_editor_window_show_error (TiEditorWindow *self, GtkWidget *row, GtkLabel *message,
                                  const char *text, gboolean focus);
void ti_editor_window_clear_error (TiEditorWindow *self, GtkWidget *row, GtkLabel *message);

/* The field of @fields a problem from the core belongs to, or -1 for none. */
typedef int (*TiEditorFieldForFunc) (const GError *problem);
/* Marks @field with @message; @focus when it is the first field at fault. */
typedef void (*TiEditorShowFunc) (TiEditorWindow *self, int field, const char *message,
                                  gboolean focus);

gboolean ti_editor_window_show_problems (TiEditorWindow *self, GPtrArray *problems,
                                         const TiEditorField *fields, guint n_fields,
                                         TiEditorFieldForFunc field_for, TiEditorShowFunc show,
                                         const char *heading);

G_END_DECLS
