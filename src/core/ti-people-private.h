/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-people.h"

G_BEGIN_DECLS

/* For other parts of core that add a person as part of a larger change. */
gboolean ti_people_save_in_transaction (TiDatabase *db, const TiPersonEdit *edit, gint64 *out_id,
                                        GError **error);

/*
 * A list people are put on one at a time: a session's register, an event's list. The
 * messages are marked with N_().
 */
typedef struct
{
  const char *table;        /* its rows, one a person */
  const char *owner_column; /* the session or event the row belongs to */
  const char *reading;      /* what was being done, should the list not read */
  GQuark (*error_domain) (void);
  int person_code; /* no such person, or their details were erased */
  const char *person_gone;
  int on_list_code; /* the person is on the list already */
  const char *on_list;
} TiPeopleList;

gboolean ti_people_list_can_add (TiDatabase *db, const TiPeopleList *list, gint64 owner_id,
                                 gint64 person_id, GError **error);

G_END_DECLS
