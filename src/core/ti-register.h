/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-attendee.h"
#include "ti-database.h"

G_BEGIN_DECLS

#define TI_REGISTER_ERROR (ti_register_error_quark ())

/**
 * TiRegisterError:
 * @TI_REGISTER_ERROR_SESSION: no session has this id
 * @TI_REGISTER_ERROR_PERSON: no such person, or their details were erased
 * @TI_REGISTER_ERROR_ON_REGISTER: the person is already on the register
 * @TI_REGISTER_ERROR_NOT_ON_REGISTER: the person is not on the register
 * @TI_REGISTER_ERROR_SCORE: a confidence or feedback score is not 1 to 5
 *
 * Why a change to a register was refused.
 */
typedef enum
{
  TI_REGISTER_ERROR_SESSION,
  TI_REGISTER_ERROR_PERSON,
  TI_REGISTER_ERROR_ON_REGISTER,
  TI_REGISTER_ERROR_NOT_ON_REGISTER,
  TI_REGISTER_ERROR_SCORE,
} TiRegisterError;

GQuark ti_register_error_quark (void);

/**
 * TiRegisterSummary:
 * @registered: people on the session's register
 * @attended: of those, how many attended
 * @completed: of those, how many completed
 * @paired: attendees with a confidence score both before and after
 * @mean_before: mean confidence before (1–5) over the paired attendees; NAN when none
 * @mean_after: mean confidence after (1–5) over the paired attendees; NAN when none
 * @mean_change: mean of (after − before) over the paired attendees, which is @mean_after −
 *   @mean_before; NAN when none
 * @improved: paired attendees whose confidence after is higher than before
 * @feedback_count: attendees who gave feedback (1–5)
 * @feedback_mean: their mean feedback; NAN when none
 *
 * One session's register in figures: what the session page shows and the review dialog
 * summarises. The confidence figures are over the paired attendees only, as the training
 * figures define them, so a session and the programme never disagree on what they mean.
 */
typedef struct
{
  guint registered;
  guint attended;
  guint completed;
  guint paired;
  double mean_before;
  double mean_after;
  double mean_change;
  guint improved;
  guint feedback_count;
  double feedback_mean;
} TiRegisterSummary;

gboolean ti_register_get_summary (TiDatabase *db, gint64 session_id, TiRegisterSummary *out_summary,
                                  GError **error);

GListModel *ti_register_list (TiDatabase *db, gint64 session_id, GError **error);
GPtrArray *ti_register_get_warnings (TiDatabase *db, gint64 session_id, GError **error);

TiAttendee *ti_register_add (TiDatabase *db, gint64 session_id, gint64 person_id,
                             GError **error);
TiAttendee *ti_register_add_new_person (TiDatabase *db, gint64 session_id, const char *name,
                                        gint64 organisation_id, GError **error);
gboolean ti_register_update (TiDatabase *db, TiAttendee *attendee, const TiAttendeeMarks *marks,
                             GError **error);
gboolean ti_register_remove (TiDatabase *db, TiAttendee *attendee, GError **error);
gboolean ti_register_restore (TiDatabase *db, TiAttendee *attendee, GError **error);

G_END_DECLS
