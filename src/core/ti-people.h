/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-person.h"
#include "ti-tiers.h"

G_BEGIN_DECLS

#define TI_PEOPLE_ERROR (ti_people_error_quark ())

/**
 * TiPeopleError:
 * @TI_PEOPLE_ERROR_NAME: the name is missing
 * @TI_PEOPLE_ERROR_EMAIL: the email is malformed or used by another person
 * @TI_PEOPLE_ERROR_ORGANISATION: no organisation chosen, or it does not exist
 * @TI_PEOPLE_ERROR_LOCALITY: the locality is not one of the vocabulary's keys
 * @TI_PEOPLE_ERROR_ROLE: the role is not staff, coordinator or psychologist
 * @TI_PEOPLE_ERROR_CHAMPION_SINCE: missing for a champion, or in the future
 * @TI_PEOPLE_ERROR_STATUS: the champion status is not active, paused or stepped_down
 * @TI_PEOPLE_ERROR_CONTACT_CONSENT_DATE: missing when consent is given, or in the future
 * @TI_PEOPLE_ERROR_DIRECTORY_CONSENT_DATE: the same, for directory listing
 * @TI_PEOPLE_ERROR_NOT_FOUND: no person has this id
 * @TI_PEOPLE_ERROR_ERASED: the person was erased and cannot be edited
 * @TI_PEOPLE_ERROR_FACILITATOR: the person facilitated sessions, so cannot be deleted
 * @TI_PEOPLE_ERROR_RESTORE: a deleted person could not be put back
 * @TI_PEOPLE_ERROR_EXPORT: the subject-access file could not be written
 *
 * Validation codes name the field at fault, so an editor can show the message beside it.
 */
typedef enum
{
  TI_PEOPLE_ERROR_NAME,
  TI_PEOPLE_ERROR_EMAIL,
  TI_PEOPLE_ERROR_ORGANISATION,
  TI_PEOPLE_ERROR_LOCALITY,
  TI_PEOPLE_ERROR_ROLE,
  TI_PEOPLE_ERROR_CHAMPION_SINCE,
  TI_PEOPLE_ERROR_STATUS,
  TI_PEOPLE_ERROR_CONTACT_CONSENT_DATE,
  TI_PEOPLE_ERROR_DIRECTORY_CONSENT_DATE,
  TI_PEOPLE_ERROR_NOT_FOUND,
  TI_PEOPLE_ERROR_ERASED,
  TI_PEOPLE_ERROR_FACILITATOR,
  TI_PEOPLE_ERROR_RESTORE,
  TI_PEOPLE_ERROR_EXPORT,
} TiPeopleError;

GQuark ti_people_error_quark (void);

/* Lists ------------------------------------------------------------------------------ */

GListModel *ti_people_list (TiDatabase *db, gboolean champions_only, GError **error);
GListModel *ti_people_list_champions_of (TiDatabase *db, gint64 organisation_id, GError **error);
void ti_people_list_async (const char *db_path, gboolean champions_only,
                           GCancellable *cancellable, GAsyncReadyCallback callback,
                           gpointer user_data);
GListModel *ti_people_list_finish (GAsyncResult *result, GError **error);

/* Profile ---------------------------------------------------------------------------- */

/**
 * TiProfileEntry:
 * @date: ISO date
 * @title: the session's or event's title
 * @tier: 2 or 3 for sessions, 0 for events
 * @completed: for a session attended: whether the register marks it completed
 * @kind: (nullable): for a session facilitated: coordinator, psychologist or champion
 *
 * One line of a profile's history.
 */
typedef struct
{
  char *date;
  char *title;
  int tier;
  gboolean completed;
  char *kind;
} TiProfileEntry;

/**
 * TiPersonProfile:
 *
 * Everything a profile page shows about one person. Contact details are filled in only
 * when the person gave contact consent; otherwise @email is %NULL and @contact_hidden is
 * %TRUE. Keys (`*_key`) are stored values, labels are translated words. Free with
 * ti_person_profile_free().
 */
typedef struct
{
  gint64 id;
  char *name;
  gint64 organisation_id;  /* 0 when none */
  char *organisation;      /* (nullable) */
  char *job_title;         /* (nullable) */
  char *role_key;          /* staff, coordinator, psychologist */
  char *locality_key;      /* (nullable): the person's own locality */
  char *email;             /* (nullable): only with contact consent */
  gboolean contact_hidden; /* an email is held but consent does not allow showing it */
  gboolean is_champion;
  char *champion_since;    /* (nullable) ISO date */
  char *status_key;        /* (nullable) */
  const char *status;      /* label, "" when not a champion */
  TiTierProgress tiers;
  GPtrArray *sessions_attended;    /* of TiProfileEntry, newest first */
  GPtrArray *sessions_facilitated; /* of TiProfileEntry, newest first */
  GPtrArray *events_attended;      /* of TiProfileEntry, newest first */
  char *charter_stage_key;         /* (nullable): the organisation's adoption stage */
  const char *charter_stage;       /* label, "" when no organisation */
  char *charter_signed_on;         /* (nullable) ISO date */
  char *notes;                     /* (nullable) professional notes */
  gboolean contact_consent;
  char *contact_consent_on;        /* (nullable) */
  char *contact_consent_how;       /* (nullable) */
  gboolean directory_consent;
  char *directory_consent_on;      /* (nullable) */
  char *directory_consent_how;     /* (nullable) */
  char *erased_on;                 /* (nullable): set when the person was erased */
} TiPersonProfile;

#define TI_TYPE_PERSON_PROFILE (ti_person_profile_get_type ())
GType ti_person_profile_get_type (void);
void ti_person_profile_free (TiPersonProfile *profile);

TiPersonProfile *ti_people_get_profile (TiDatabase *db, gint64 person_id, GError **error);

/* Editing ---------------------------------------------------------------------------- */

/**
 * TiPersonEdit:
 * @id: 0 for a new person
 * @name: required; trimmed
 * @email: (nullable): optional, well formed, unique case-insensitively
 * @organisation_id: required: an organisation that exists
 * @job_title: (nullable)
 * @locality: (nullable): a locality key from ti-vocabulary
 * @notes: (nullable): professional notes only
 * @role: (nullable): staff (the default), coordinator or psychologist
 * @is_champion: whether they are in the champions network
 * @champion_since: required for a champion, not in the future
 * @status: (nullable): active (the default), paused or stepped_down
 * @contact_consent: whether they agreed to be contacted
 * @contact_consent_on: required when @contact_consent, not in the future
 * @contact_consent_how: (nullable): how it was given ("sign-up form")
 * @directory_consent: whether they agreed to be listed in the network directory
 * @directory_consent_on: as @contact_consent_on
 * @directory_consent_how: (nullable)
 *
 * The editor's values. Strings are borrowed; an empty string means "none". A GDate
 * that is not valid (a zero-filled one) means "no date".
 */
typedef struct
{
  gint64 id;
  const char *name;
  const char *email;
  gint64 organisation_id;
  const char *job_title;
  const char *locality;
  const char *notes;
  const char *role;
  gboolean is_champion;
  GDate champion_since;
  const char *status;
  gboolean contact_consent;
  GDate contact_consent_on;
  const char *contact_consent_how;
  gboolean directory_consent;
  GDate directory_consent_on;
  const char *directory_consent_how;
} TiPersonEdit;

GPtrArray *ti_people_validate_all (TiDatabase *db, const TiPersonEdit *edit, GError **error);
gboolean ti_people_validate (TiDatabase *db, const TiPersonEdit *edit, GError **error);
gboolean ti_people_save (TiDatabase *db, const TiPersonEdit *edit, gint64 *out_id,
                         GError **error);

/* Delete, undo, erasure and subject access --------------------------------------------- */

typedef struct _TiPersonSnapshot TiPersonSnapshot;

void ti_person_snapshot_free (TiPersonSnapshot *snapshot);
gint64 ti_person_snapshot_get_id (const TiPersonSnapshot *snapshot);

gboolean ti_people_delete (TiDatabase *db, gint64 person_id, TiPersonSnapshot **out_snapshot,
                           GError **error);
gboolean ti_people_restore (TiDatabase *db, const TiPersonSnapshot *snapshot, GError **error);
gboolean ti_people_erase (TiDatabase *db, gint64 person_id, GError **error);
gboolean ti_people_export_subject_access (TiDatabase *db, gint64 person_id, const char *path,
                                          GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiPersonProfile, ti_person_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiPersonSnapshot, ti_person_snapshot_free)

G_END_DECLS
