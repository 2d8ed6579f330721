/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-database.h"

G_BEGIN_DECLS

/**
 * TiRecordKind:
 * @TI_RECORD_SESSION: a Tier 2 or 3 session (Training tiers)
 * @TI_RECORD_EVENT: a network event (Events)
 * @TI_RECORD_MILESTONE: a workstream milestone (Evaluation)
 * @TI_RECORD_PERSON: a champion or another person (Champions)
 * @TI_RECORD_ORGANISATION: an organisation (Network map)
 *
 * The records another page can open, with the key the "win.show-record" action names them by.
 */
typedef enum
{
  TI_RECORD_SESSION,
  TI_RECORD_EVENT,
  TI_RECORD_MILESTONE,
  TI_RECORD_PERSON,
  TI_RECORD_ORGANISATION,
  TI_N_RECORD_KINDS
} TiRecordKind;

const char *ti_record_kind_key (TiRecordKind kind);
gboolean ti_record_kind_from_key (const char *key, TiRecordKind *kind);

#define TI_TYPE_PAGE (ti_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (TiPage, ti_page, TI, PAGE, GtkWidget)

/**
 * TiPageClass:
 * @reload: show the programme's data again: the programme was opened or changed
 * @show_record: optional: show one record of a kind the destination holds; %FALSE when it
 *   could not (the person was told why)
 *
 * A destination of the window. It holds the open programme and reloads when it changes.
 */
struct _TiPageClass
{
  GtkWidgetClass parent_class;

  void (*reload) (TiPage *self);
  gboolean (*show_record) (TiPage *self, TiRecordKind kind, gint64 id);
};

TiDatabase *ti_page_get_database (TiPage *self);
void ti_page_set_database (TiPage *self, TiDatabase *database);
gboolean ti_page_show_record (TiPage *self, TiRecordKind kind, gint64 id);
gboolean ti_page_read_ahead (TiPage *self);
gboolean ti_page_measure_ahead (TiPage *self, int width);
void ti_page_set_views (TiPage *self, AdwViewStack *views);

G_END_DECLS
