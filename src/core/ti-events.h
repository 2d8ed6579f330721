/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-event-guest.h"
#include "ti-event.h"

G_BEGIN_DECLS

#define TI_EVENTS_ERROR (ti_events_error_quark ())

/**
 * TiEventsError:
 * @TI_EVENTS_ERROR_TITLE: the title is missing
 * @TI_EVENTS_ERROR_KIND: not launch, network event, conference, workshop or webinar
 * @TI_EVENTS_ERROR_DATE: the date is missing, malformed or impossible
 * @TI_EVENTS_ERROR_TIME: the time is missing or not HH:MM
 * @TI_EVENTS_ERROR_PLACE: neither a venue nor an online link
 * @TI_EVENTS_ERROR_LINK: the online link is not a web address
 * @TI_EVENTS_ERROR_NOT_FOUND: no event has this id
 * @TI_EVENTS_ERROR_RESTORE: a deleted event or speaker could not be put back
 * @TI_EVENTS_ERROR_SPEAKER_NAME: a speaker without a name
 * @TI_EVENTS_ERROR_SPEAKER_REACH: not local, national or international
 * @TI_EVENTS_ERROR_SPEAKER_NOT_FOUND: no speaker has this id
 * @TI_EVENTS_ERROR_PERSON: no such person, or their details were erased
 * @TI_EVENTS_ERROR_ON_LIST: the person is already on the event's list
 * @TI_EVENTS_ERROR_NOT_ON_LIST: the person is not on the event's list
 * @TI_EVENTS_ERROR_ORGANISATION: no such organisation
 * @TI_EVENTS_ERROR_SCORE: feedback is not 1 to 5
 *
 * Validation codes name the field at fault, so an editor can show the message beside it.
 */
typedef enum
{
  TI_EVENTS_ERROR_TITLE,
  TI_EVENTS_ERROR_KIND,
  TI_EVENTS_ERROR_DATE,
  TI_EVENTS_ERROR_TIME,
  TI_EVENTS_ERROR_PLACE,
  TI_EVENTS_ERROR_LINK,
  TI_EVENTS_ERROR_NOT_FOUND,
  TI_EVENTS_ERROR_RESTORE,
  TI_EVENTS_ERROR_SPEAKER_NAME,
  TI_EVENTS_ERROR_SPEAKER_REACH,
  TI_EVENTS_ERROR_SPEAKER_NOT_FOUND,
  TI_EVENTS_ERROR_PERSON,
  TI_EVENTS_ERROR_ON_LIST,
  TI_EVENTS_ERROR_NOT_ON_LIST,
  TI_EVENTS_ERROR_ORGANISATION,
  TI_EVENTS_ERROR_SCORE,
} TiEventsError;

GQuark ti_events_error_quark (void);

/* Reading ------------------------------------------------------------------------------ */

GListModel *ti_events_list (TiDatabase *db, GError **error);
void ti_events_list_async (const char *db_path, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data);
GListModel *ti_events_list_finish (GAsyncResult *result, GError **error);
TiEvent *ti_events_get (TiDatabase *db, gint64 event_id, GError **error);

/* Editing ------------------------------------------------------------------------------ */

/**
 * TiEventEdit:
 * @id: 0 for a new event
 * @title: required; trimmed
 * @kind: launch, network_event, conference, workshop or webinar
 * @date: as typed: `YYYY-MM-DD` or `DD/MM/YYYY`
 * @time: as typed: `HH:MM` (24-hour; `9:30` is read as 09:30)
 * @venue: (nullable): where it is held
 * @online_link: (nullable): an http or https address; a venue or a link is required
 * @description: (nullable): what it was about
 * @best_practice: (nullable): the best practice shared, as themes
 *
 * The editor's values. Strings are borrowed.
 */
typedef struct
{
  gint64 id;
  const char *title;
  const char *kind;
  const char *date;
  const char *time;
  const char *venue;
  const char *online_link;
  const char *description;
  const char *best_practice;
} TiEventEdit;

GPtrArray *ti_events_validate_all (TiDatabase *db, const TiEventEdit *edit, GError **error);
gboolean ti_events_save (TiDatabase *db, const TiEventEdit *edit, gint64 *out_id, GError **error);

/* Delete and undo ---------------------------------------------------------------------- */

typedef struct _TiEventSnapshot TiEventSnapshot;

void ti_event_snapshot_free (TiEventSnapshot *snapshot);
gint64 ti_event_snapshot_get_id (const TiEventSnapshot *snapshot);

gboolean ti_events_delete (TiDatabase *db, gint64 event_id, TiEventSnapshot **out_snapshot,
                           GError **error);
gboolean ti_events_restore (TiDatabase *db, const TiEventSnapshot *snapshot, GError **error);

/* Speakers ----------------------------------------------------------------------------- */

/**
 * TiEventSpeaker:
 * @id: the speaker's id (0 for one not yet saved)
 * @event_id: the event
 * @name: required
 * @affiliation: (nullable): where they are from
 * @reach: local, national or international
 * @topic: (nullable): what they spoke about
 *
 * A guest speaker at an event: an editable value, not a person in the programme.
 */
typedef struct
{
  gint64 id;
  gint64 event_id;
  char *name;
  char *affiliation;
  char *reach;
  char *topic;
} TiEventSpeaker;

TiEventSpeaker *ti_event_speaker_copy (const TiEventSpeaker *speaker);
void ti_event_speaker_free (TiEventSpeaker *speaker);

GPtrArray *ti_events_list_speakers (TiDatabase *db, gint64 event_id, GError **error);
GPtrArray *ti_events_validate_speaker (const TiEventSpeaker *speaker);
gboolean ti_events_save_speaker (TiDatabase *db, const TiEventSpeaker *speaker, gint64 *out_id,
                                 GError **error);
gboolean ti_events_remove_speaker (TiDatabase *db, gint64 speaker_id,
                                   TiEventSpeaker **out_removed, GError **error);
gboolean ti_events_restore_speaker (TiDatabase *db, const TiEventSpeaker *speaker,
                                    GError **error);

/* Invitations and attendance ----------------------------------------------------------- */

GListModel *ti_events_list_guests (TiDatabase *db, gint64 event_id, GError **error);
void ti_events_list_guests_async (const char *db_path, gint64 event_id, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data);
GListModel *ti_events_list_guests_finish (GAsyncResult *result, GError **error);
TiEventGuest *ti_events_invite (TiDatabase *db, gint64 event_id, gint64 person_id, GError **error);
gboolean ti_events_invite_champions (TiDatabase *db, gint64 event_id, guint *out_added,
                                     GError **error);
gboolean ti_events_invite_organisation (TiDatabase *db, gint64 event_id, gint64 organisation_id,
                                        guint *out_added, GError **error);

/**
 * TiEventInviteGroup:
 * @TI_EVENT_INVITE_ACTIVE_CHAMPIONS: every active champion
 * @TI_EVENT_INVITE_ORGANISATION: everyone at an organisation and its directorates
 *
 * Who a bulk invitation is for.
 */
typedef enum
{
  TI_EVENT_INVITE_ACTIVE_CHAMPIONS,
  TI_EVENT_INVITE_ORGANISATION,
} TiEventInviteGroup;

/**
 * TiEventInvitations:
 * @event_id: the event
 * @person_ids: (element-type gint64): the people one bulk invitation put on the list
 *
 * What one bulk invitation added, so that it can be undone exactly.
 */
typedef struct
{
  gint64 event_id;
  GArray *person_ids;
} TiEventInvitations;

void ti_event_invitations_free (TiEventInvitations *batch);

gboolean ti_events_count_invitable (TiDatabase *db, gint64 event_id, TiEventInviteGroup group,
                                    gint64 organisation_id, guint *out_count, GError **error);
TiEventInvitations *ti_events_invite_group (TiDatabase *db, gint64 event_id,
                                            TiEventInviteGroup group, gint64 organisation_id,
                                            GError **error);
void ti_events_invite_group_async (const char *db_path, gint64 event_id, TiEventInviteGroup group,
                                   gint64 organisation_id, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
TiEventInvitations *ti_events_invite_group_finish (GAsyncResult *result, GError **error);
gboolean ti_events_uninvite (TiDatabase *db, const TiEventInvitations *batch, guint *out_removed,
                             GError **error);
void ti_events_uninvite_async (const char *db_path, const TiEventInvitations *batch,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data);
gboolean ti_events_uninvite_finish (GAsyncResult *result, guint *out_removed, GError **error);
gboolean ti_events_update_guest (TiDatabase *db, TiEventGuest *guest, const TiGuestMarks *marks,
                                 GError **error);
gboolean ti_events_remove_guest (TiDatabase *db, TiEventGuest *guest, GError **error);
gboolean ti_events_restore_guest (TiDatabase *db, TiEventGuest *guest, GError **error);

/* One event in figures ----------------------------------------------------------------- */

/**
 * TiEventTally:
 * @label: what is counted: an organisation's name, a sector, a feedback theme
 * @count: how many people
 */
typedef struct
{
  char *label;
  guint count;
} TiEventTally;

/**
 * TiEventSummary:
 * @invited: people invited
 * @attended: people who came (invited or not)
 * @invited_attended: of those invited, how many came
 * @first_timers: people who came and had come to no earlier event
 * @organisations: (element-type TiEventTally): the organisations of the people who came,
 *   most people first
 * @sectors: (element-type TiEventTally): their sectors, most people first
 * @feedback_count: people who came and rated the event (1–5)
 * @feedback_mean: their mean rating; NAN when none
 * @themes: (element-type TiEventTally): the feedback themes of people who came, most often
 *   first
 *
 * One event in figures: what its page shows the board. Feedback counts only from people who
 * came. Clear with ti_event_summary_clear().
 */
typedef struct
{
  guint invited;
  guint attended;
  guint invited_attended;
  guint first_timers;
  GPtrArray *organisations;
  GPtrArray *sectors;
  guint feedback_count;
  double feedback_mean;
  GPtrArray *themes;
} TiEventSummary;

gboolean ti_events_get_summary (TiDatabase *db, gint64 event_id, TiEventSummary *out_summary,
                                GError **error);
void ti_event_summary_clear (TiEventSummary *summary);
gboolean ti_events_count_reach (TiDatabase *db, gint64 event_id, guint *out_organisations,
                                guint *out_sectors, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiEventSnapshot, ti_event_snapshot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiEventSpeaker, ti_event_speaker_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiEventInvitations, ti_event_invitations_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TiEventSummary, ti_event_summary_clear)

G_END_DECLS
