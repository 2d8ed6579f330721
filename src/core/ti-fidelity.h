/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_FIDELITY_ERROR (ti_fidelity_error_quark ())

/**
 * TiFidelityError:
 * @TI_FIDELITY_ERROR_TEXT: an item's text is missing, too long or already in the checklist
 * @TI_FIDELITY_ERROR_POSITION: a position outside the checklist
 * @TI_FIDELITY_ERROR_NOT_FOUND: no such item, or it is not in the checklist any more
 */
typedef enum
{
  TI_FIDELITY_ERROR_TEXT,
  TI_FIDELITY_ERROR_POSITION,
  TI_FIDELITY_ERROR_NOT_FOUND,
} TiFidelityError;

GQuark ti_fidelity_error_quark (void);

/* The longest item text, in characters: the detail belongs in a review's comments. */
#define TI_FIDELITY_ITEM_MAX_CHARS 300

/**
 * TiFidelityItem:
 * @id: its id
 * @position: 1…n in the checklist; a retired item keeps the position it last had
 * @text: what the psychologist checks
 * @retired: no longer asked, kept because past reviews answered it
 * @uses: review answers that name it
 *
 * One item of the fidelity checklist.
 */
typedef struct
{
  gint64 id;
  guint position;
  char *text;
  gboolean retired;
  guint uses;
} TiFidelityItem;

void ti_fidelity_item_free (TiFidelityItem *item);

GPtrArray *ti_fidelity_list_items (TiDatabase *db, gboolean with_retired, GError **error);
gboolean ti_fidelity_add_item (TiDatabase *db, const char *text, gint64 *out_id, GError **error);
gboolean ti_fidelity_rename_item (TiDatabase *db, gint64 id, const char *text, gint64 *out_id,
                                  GError **error);
gboolean ti_fidelity_move_item (TiDatabase *db, gint64 id, guint position, GError **error);
gboolean ti_fidelity_remove_item (TiDatabase *db, gint64 id, gboolean *out_retired,
                                  GError **error);
gboolean ti_fidelity_restore_item (TiDatabase *db, gint64 id, guint position, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiFidelityItem, ti_fidelity_item_free)

G_END_DECLS
