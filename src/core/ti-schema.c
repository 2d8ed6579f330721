/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-schema"

#include "config.h"

#include "ti-schema.h"

/*
 * The programme schema, one migration per version. A migration is never edited once it
 * has shipped: files in the wild were made by it. Change the schema by adding one.
 *
 * Conventions: dates are ISO text (YYYY-MM-DD), date-times 'YYYY-MM-DD HH:MM', months
 * 'YYYY-MM'; vocabulary values are stable lower-case keys (labels live in ti-vocabulary.c).
 */

#define SECTORS "'nhs_trust','icb','council','police','vcse','primary_care','education','housing','university','other'"
#define LOCALITIES "'mendip','sedgemoor','somerset_west_taunton','south_somerset','county_wide','outside_somerset'"
#define IS_DATE(col) "(" col " IS NULL OR date(" col ") IS " col ")"
#define IS_DATETIME(col) "(strftime('%Y-%m-%d %H:%M', " col ") IS " col ")"
#define IS_SCORE(col) "(" col " IS NULL OR " col " BETWEEN 1 AND 5)"
#define IS_BOOL(col) "(" col " IN (0, 1))"
#define NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"

static const char migration_1[] =
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE organisations ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),"
  "  sector TEXT NOT NULL CHECK (sector IN (" SECTORS ")),"
  "  locality TEXT NOT NULL CHECK (locality IN (" LOCALITIES ")),"
  "  headcount INTEGER NOT NULL DEFAULT 0 CHECK (headcount >= 0),"
  "  parent_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  CHECK (parent_id IS NULL OR parent_id <> id)"
  ");"
  "CREATE INDEX organisations_parent ON organisations (parent_id);"
  "CREATE INDEX organisations_sector ON organisations (sector, locality);"

  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  email TEXT COLLATE NOCASE UNIQUE CHECK (email IS NULL OR email LIKE '_%@_%'),"
  "  organisation_id INTEGER REFERENCES organisations (id) ON DELETE RESTRICT,"
  "  job_title TEXT,"
  "  locality TEXT CHECK (locality IS NULL OR locality IN (" LOCALITIES ")),"
  "  role TEXT NOT NULL DEFAULT 'staff' CHECK (role IN ('staff', 'coordinator', 'psychologist')),"
  "  notes TEXT,"
  "  created_at TEXT NOT NULL DEFAULT " NOW ","
  "  updated_at TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX people_organisation ON people (organisation_id);"
  "CREATE INDEX people_name ON people (name COLLATE NOCASE);"

  "CREATE TABLE champions ("
  "  person_id INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,"
  "  since TEXT NOT NULL CHECK (" IS_DATE ("since") "),"
  "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'stepped_down')),"
  "  status_changed_on TEXT CHECK (" IS_DATE ("status_changed_on") ")"
  ");"
  "CREATE INDEX champions_since ON champions (since);"

  "CREATE TABLE tier1_completions ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  completed_on TEXT NOT NULL CHECK (" IS_DATE ("completed_on") "),"
  "  source TEXT NOT NULL DEFAULT '',"
  "  UNIQUE (person_id, source, completed_on)"
  ");"
  "CREATE INDEX tier1_completed_on ON tier1_completions (completed_on);"

  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  tier INTEGER NOT NULL CHECK (tier IN (2, 3)),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  starts_at TEXT NOT NULL CHECK " IS_DATETIME ("starts_at") ","
  "  duration_minutes INTEGER NOT NULL DEFAULT 120 CHECK (duration_minutes BETWEEN 1 AND 1440),"
  "  mode TEXT NOT NULL DEFAULT 'in_person' CHECK (mode IN ('in_person', 'online')),"
  "  venue TEXT,"
  "  host_organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,"
  "  capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),"
  "  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'delivered', 'cancelled')),"
  "  review_status TEXT NOT NULL DEFAULT 'not_due'"
  "    CHECK (review_status IN ('not_due', 'awaiting', 'changes_requested', 'approved')),"
  "  created_at TEXT NOT NULL DEFAULT " NOW
  ");"
  "CREATE INDEX sessions_starts_at ON sessions (starts_at);"
  "CREATE INDEX sessions_host ON sessions (host_organisation_id);"
  "CREATE INDEX sessions_review ON sessions (review_status, starts_at);"

  "CREATE TABLE session_facilitators ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,"
  "  kind TEXT NOT NULL CHECK (kind IN ('coordinator', 'psychologist', 'champion')),"
  "  PRIMARY KEY (session_id, person_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX session_facilitators_person ON session_facilitators (person_id);"

  "CREATE TABLE attendance ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  attended INTEGER NOT NULL DEFAULT 0 CHECK " IS_BOOL ("attended") ","
  "  completed INTEGER NOT NULL DEFAULT 0 CHECK (" IS_BOOL ("completed") " AND completed <= attended),"
  "  confidence_before INTEGER CHECK " IS_SCORE ("confidence_before") ","
  "  confidence_after INTEGER CHECK " IS_SCORE ("confidence_after") ","
  "  feedback INTEGER CHECK " IS_SCORE ("feedback") ","
  "  PRIMARY KEY (session_id, person_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX attendance_person ON attendance (person_id);"

  "CREATE TABLE fidelity_items ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL CHECK (length(trim(text)) > 0),"
  "  retired INTEGER NOT NULL DEFAULT 0 CHECK " IS_BOOL ("retired")
  ");"

  /* Reviews keep their history: a new review is a new row, the session shows the latest. */
  "CREATE TABLE reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  reviewer_id INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  reviewed_on TEXT NOT NULL CHECK (" IS_DATE ("reviewed_on") "),"
  "  outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'changes_requested')),"
  "  notes TEXT"
  ");"
  "CREATE INDEX reviews_session ON reviews (session_id, reviewed_on);"

  "CREATE TABLE review_answers ("
  "  review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,"
  "  item_id INTEGER NOT NULL REFERENCES fidelity_items (id) ON DELETE RESTRICT,"
  "  met INTEGER NOT NULL CHECK " IS_BOOL ("met") ","
  "  comment TEXT,"
  "  PRIMARY KEY (review_id, item_id)"
  ") WITHOUT ROWID;"

  "CREATE TABLE charter_principles ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),"
  "  description TEXT"
  ");"

  "CREATE TABLE charter_adoptions ("
  "  organisation_id INTEGER PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,"
  "  stage TEXT NOT NULL DEFAULT 'not_started'"
  "    CHECK (stage IN ('not_started', 'consultation', 'signed', 'review_due')),"
  "  consultation_started_on TEXT CHECK (" IS_DATE ("consultation_started_on") "),"
  "  signed_on TEXT CHECK (" IS_DATE ("signed_on") "),"
  "  signatory_name TEXT,"
  "  signatory_role TEXT,"
  "  review_on TEXT CHECK (" IS_DATE ("review_on") "),"
  "  CHECK (stage NOT IN ('signed', 'review_due') OR signed_on IS NOT NULL)"
  ");"
  "CREATE INDEX charter_adoptions_stage ON charter_adoptions (stage);"

  "CREATE TABLE charter_commitments ("
  "  id INTEGER PRIMARY KEY,"
  "  organisation_id INTEGER NOT NULL REFERENCES charter_adoptions (organisation_id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL CHECK (length(trim(action)) > 0),"
  "  due_on TEXT CHECK (" IS_DATE ("due_on") "),"
  "  done_on TEXT CHECK (" IS_DATE ("done_on") ")"
  ");"
  "CREATE INDEX charter_commitments_organisation ON charter_commitments (organisation_id);"

  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  kind TEXT NOT NULL DEFAULT 'network_event'"
  "    CHECK (kind IN ('launch', 'network_event', 'conference', 'workshop', 'webinar')),"
  "  starts_at TEXT NOT NULL CHECK " IS_DATETIME ("starts_at") ","
  "  venue TEXT,"
  "  online_link TEXT,"
  "  description TEXT,"
  "  best_practice TEXT"
  ");"
  "CREATE INDEX events_starts_at ON events (starts_at);"

  "CREATE TABLE event_speakers ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  affiliation TEXT,"
  "  reach TEXT NOT NULL DEFAULT 'local' CHECK (reach IN ('local', 'national', 'international')),"
  "  topic TEXT"
  ");"
  "CREATE INDEX event_speakers_event ON event_speakers (event_id);"

  "CREATE TABLE event_attendance ("
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  invited INTEGER NOT NULL DEFAULT 1 CHECK " IS_BOOL ("invited") ","
  "  attended INTEGER NOT NULL DEFAULT 0 CHECK " IS_BOOL ("attended") ","
  "  feedback INTEGER CHECK " IS_SCORE ("feedback") ","
  "  feedback_theme TEXT,"
  "  PRIMARY KEY (event_id, person_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX event_attendance_person ON event_attendance (person_id);"

  /* Engagement with lived experience: aggregate counts only, by design no names. */
  "CREATE TABLE engagement_activities ("
  "  id INTEGER PRIMARY KEY,"
  "  held_on TEXT NOT NULL CHECK (" IS_DATE ("held_on") "),"
  "  kind TEXT NOT NULL CHECK (kind IN ('focus_group', 'survey', 'panel', 'one_to_one',"
  "                                     'co_production_workshop', 'consultation')),"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  summary TEXT,"
  "  young_people INTEGER NOT NULL DEFAULT 0 CHECK (young_people >= 0),"
  "  adults_lived_experience INTEGER NOT NULL DEFAULT 0 CHECK (adults_lived_experience >= 0),"
  "  parents_carers INTEGER NOT NULL DEFAULT 0 CHECK (parents_carers >= 0),"
  "  professionals INTEGER NOT NULL DEFAULT 0 CHECK (professionals >= 0),"
  "  community_members INTEGER NOT NULL DEFAULT 0 CHECK (community_members >= 0)"
  ");"
  "CREATE INDEX engagement_activities_held_on ON engagement_activities (held_on);"

  "CREATE TABLE engagement_influences ("
  "  activity_id INTEGER NOT NULL REFERENCES engagement_activities (id) ON DELETE CASCADE,"
  "  area TEXT NOT NULL CHECK (area IN ('principles', 'charter', 'training', 'service_delivery', 'evaluation')),"
  "  PRIMARY KEY (activity_id, area)"
  ") WITHOUT ROWID;"

  "CREATE TABLE engagement_actions ("
  "  id INTEGER PRIMARY KEY,"
  "  activity_id INTEGER NOT NULL REFERENCES engagement_activities (id) ON DELETE CASCADE,"
  "  you_said TEXT NOT NULL CHECK (length(trim(you_said)) > 0),"
  "  we_did TEXT,"
  "  owner TEXT,"
  "  due_on TEXT CHECK (" IS_DATE ("due_on") "),"
  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done'))"
  ");"
  "CREATE INDEX engagement_actions_activity ON engagement_actions (activity_id);"

  "CREATE TABLE workstreams ("
  "  id INTEGER PRIMARY KEY,"
  "  position INTEGER NOT NULL,"
  "  key TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL"
  ");"
  "INSERT INTO workstreams (position, key, name) VALUES"
  "  (1, 'principles', 'Principles'),"
  "  (2, 'training', 'Training'),"
  "  (3, 'service_delivery', 'Service delivery'),"
  "  (4, 'organisational_change', 'Organisational change');"

  "CREATE TABLE milestones ("
  "  id INTEGER PRIMARY KEY,"
  "  workstream_id INTEGER NOT NULL REFERENCES workstreams (id) ON DELETE RESTRICT,"
  "  title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  due_month TEXT NOT NULL CHECK (date(due_month || '-01') IS due_month || '-01'),"
  "  done_on TEXT CHECK (" IS_DATE ("done_on") "),"
  "  evidence_event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,"
  "  evidence_session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
  "  evidence_organisation_id INTEGER REFERENCES charter_adoptions (organisation_id) ON DELETE SET NULL,"
  "  evidence_text TEXT"
  ");"
  "CREATE INDEX milestones_due ON milestones (due_month);"
  "CREATE INDEX milestones_workstream ON milestones (workstream_id);";

/* Version 2: the consent record on each person, and the audit log of every change. */
static const char migration_2[] =
  "ALTER TABLE people ADD COLUMN contact_consent INTEGER NOT NULL DEFAULT 0"
  "  CHECK " IS_BOOL ("contact_consent") ";"
  "ALTER TABLE people ADD COLUMN contact_consent_on TEXT CHECK (" IS_DATE ("contact_consent_on") ");"
  "ALTER TABLE people ADD COLUMN contact_consent_how TEXT;"
  "ALTER TABLE people ADD COLUMN directory_consent INTEGER NOT NULL DEFAULT 0"
  "  CHECK " IS_BOOL ("directory_consent") ";"
  "ALTER TABLE people ADD COLUMN directory_consent_on TEXT CHECK (" IS_DATE ("directory_consent_on") ");"
  "ALTER TABLE people ADD COLUMN directory_consent_how TEXT;"
  /* Erasure keeps the row (aggregate figures stay true) but not who it was. */
  "ALTER TABLE people ADD COLUMN erased_on TEXT CHECK (" IS_DATE ("erased_on") ");"

  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL DEFAULT " NOW ","
  "  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'merge', 'import',"
  "                                         'erase', 'migrate', 'restore')),"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER,"
  "  detail TEXT"
  ");"
  "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);";

/* Version 3: where the network map's nodes stand, kept so the map does not jump between
 * openings; one row per map (mode) and node. The id is an organisation's or a person's, by
 * kind, so there is no foreign key: a row left by a deleted node is only a few bytes. */
static const char migration_3[] =
  "CREATE TABLE network_positions ("
  "  mode TEXT NOT NULL CHECK (mode IN ('organisations', 'champions')),"
  "  kind TEXT NOT NULL CHECK (kind IN ('organisation', 'champion')),"
  "  id INTEGER NOT NULL,"
  "  x REAL NOT NULL,"
  "  y REAL NOT NULL,"
  "  pinned INTEGER NOT NULL DEFAULT 0 CHECK " IS_BOOL ("pinned") ","
  "  PRIMARY KEY (mode, kind, id)"
  ") WITHOUT ROWID;";

static const TiMigration migrations[] = {
  { 1, "Programme schema", migration_1 },
  { 2, "Consent record and audit log", migration_2 },
  { 3, "Network map positions", migration_3 },
};

/**
 * ti_schema_get_migrations:
 * @n_migrations: (out): the number of migrations
 *
 * Returns: (transfer none) (array length=n_migrations): the migrations, in order.
 */
const TiMigration *
ti_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

int
ti_schema_get_current_version (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}
