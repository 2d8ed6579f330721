/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-engagement-activity.h"
#include "ti-event-figures-private.h"
#include "ti-event.h"
#include "ti-format.h"
#include "ti-milestone-status.h"
#include "ti-workbook-private.h"

/*
 * The Events (with their speakers), Engagement ("you said, we did") and Milestones sheets.
 * The events are those the event figures count as held in the period, with the same
 * invitations and attendances.
 */

/* An event's kind, its attendees' mean feedback, and its speakers by reach. */
static const char event_sql[]
  = "SELECT v.kind,"
    "  (SELECT avg (a.feedback) FROM event_attendance a WHERE a.event_id = v.id"
    "     AND a.attended = 1 AND a.feedback IS NOT NULL),"
    "  (SELECT count(*) FROM event_speakers s WHERE s.event_id = v.id AND s.reach = 'local'),"
    "  (SELECT count(*) FROM event_speakers s WHERE s.event_id = v.id AND s.reach = 'national'),"
    "  (SELECT count(*) FROM event_speakers s WHERE s.event_id = v.id"
    "     AND s.reach = 'international')"
    " FROM events v WHERE v.id = ?1";

static const char speakers_sql[]
  = "SELECT name, affiliation, reach, topic FROM event_speakers WHERE event_id = ?1 ORDER BY id";

/* "Name, Affiliation (National): Topic; …", the name only when names are included. */
static char *
describe_speakers (TiWorkbookExport *export, sqlite3_stmt *speakers)
{
  g_autoptr (GString) text = g_string_new (NULL);

  while (sqlite3_step (speakers) == SQLITE_ROW)
    {
      const char *affiliation = ti_column_text (speakers, 1);
      const char *topic = ti_column_text (speakers, 3);

      if (text->len > 0)
        g_string_append (text, "; ");
      if (export->options->include_names)
        g_string_append_printf (text, "%s, ", ti_column_text (speakers, 0));
      g_string_append_printf (text, "%s (%s)",
                              affiliation != NULL && *affiliation != '\0' ? affiliation
                                                                          : _("no affiliation"),
                              ti_event_reach_label (ti_column_text (speakers, 2)));
      if (topic != NULL && *topic != '\0')
        g_string_append_printf (text, ": %s", topic);
    }
  return g_strdup (text->str);
}

static gboolean
write_events (TiWorkbookExport *export, GError **error)
{
  static const char *headings[] = {
    N_ ("Date"), N_ ("Event"), N_ ("Kind"), N_ ("Invited"), N_ ("Attended"),
    N_ ("Mean feedback (1–5)"), N_ ("Local speakers"), N_ ("National speakers"),
    N_ ("International speakers"), N_ ("Speakers"),
  };
  static const double widths[] = { 13, 40, 16, 9, 9, 11, 10, 10, 12, 70 };
  g_autoptr (GArray) events = ti_event_figures_by_event (export->db, &export->period, error);
  g_autoptr (sqlite3_stmt) event = NULL;
  g_autoptr (sqlite3_stmt) speakers = NULL;
  TiSheet sheet;

  if (events == NULL
      || (event = ti_database_prepare (export->db, event_sql, error)) == NULL
      || (speakers = ti_database_prepare (export->db, speakers_sql, error)) == NULL)
    return FALSE;
  ti_sheet_start (&sheet, export, "Events", _("Network events and their speakers"),
                  _("The events held in the period (up to now), as the event figures count "
                    "them."));
  ti_sheet_columns (&sheet, headings, widths, G_N_ELEMENTS (headings));
  for (guint i = 0; i < events->len; i++)
    {
      const TiEventCount *count = &g_array_index (events, TiEventCount, i);
      g_autofree char *described = NULL;

      sqlite3_reset (event);
      sqlite3_bind_int64 (event, 1, count->id);
      if (sqlite3_step (event) != SQLITE_ROW)
        continue;
      sqlite3_reset (speakers);
      sqlite3_bind_int64 (speakers, 1, count->id);
      described = describe_speakers (export, speakers);

      ti_sheet_date (&sheet, 0, count->starts_at);
      ti_sheet_text (&sheet, 1, count->title);
      ti_sheet_text (&sheet, 2, ti_event_kind_label (ti_column_text (event, 0)));
      ti_sheet_count (&sheet, 3, count->invitations);
      ti_sheet_count (&sheet, 4, count->attendances);
      if (sqlite3_column_type (event, 1) != SQLITE_NULL)
        ti_sheet_number (&sheet, 5, sqlite3_column_double (event, 1), export->formats.score);
      ti_sheet_count (&sheet, 6, sqlite3_column_int64 (event, 2));
      ti_sheet_count (&sheet, 7, sqlite3_column_int64 (event, 3));
      ti_sheet_count (&sheet, 8, sqlite3_column_int64 (event, 4));
      ti_sheet_text_format (&sheet, 9, described, export->formats.wrap);
      sheet.row++;
    }
  ti_sheet_finish (&sheet);
  ti_sheet_note (export, "Events",
                 _("One row per event held in the period: invited and attended as the event "
                   "figures count them, the attendees’ mean feedback, and the guest speakers "
                   "by affiliation, reach and topic (named only when names are included)."));
  return TRUE;
}

/* Each engagement activity of the period with its "you said, we did" actions; an activity
 * without actions has one row. */
static const char engagement_sql[]
  = "SELECT g.held_on, g.title, g.kind,"
    "  g.young_people + g.adults_lived_experience + g.parents_carers + g.professionals"
    "    + g.community_members,"
    "  (SELECT group_concat (area, ',') FROM engagement_influences i WHERE i.activity_id = g.id),"
    "  a.you_said, a.we_did, a.status, a.due_on, a.owner, g.id"
    " FROM engagement_activities g LEFT JOIN engagement_actions a ON a.activity_id = g.id"
    " WHERE g.held_on BETWEEN ?1 AND ?2 ORDER BY g.held_on, g.id, a.id";

static gboolean
write_engagement (TiWorkbookExport *export, GError **error)
{
  static const char *headings[] = {
    N_ ("Date"), N_ ("Activity"), N_ ("Kind"), N_ ("Participants"), N_ ("Influenced"),
    N_ ("You said"), N_ ("We did"), N_ ("Status"), N_ ("Due"), N_ ("Owner"),
  };
  static const double widths[] = { 13, 36, 18, 11, 28, 50, 50, 12, 13, 20 };
  gboolean names = export->options->include_names;
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (export->db, engagement_sql, error);
  gint64 previous = -1;
  TiSheet sheet;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, export->period.from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, export->period.to, -1, SQLITE_STATIC);
  ti_sheet_start (&sheet, export, "Engagement", _("Engagement with lived experience"),
                  _("Each activity held in the period and what was done about what people "
                    "said: “you said, we did”."));
  ti_sheet_columns (&sheet, headings, widths, G_N_ELEMENTS (headings) - (names ? 0 : 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *influenced = ti_workbook_labels (ti_column_text (stmt, 4), ti_engagement_area_label);
      gint64 activity = sqlite3_column_int64 (stmt, 10);

      ti_sheet_date (&sheet, 0, ti_column_text (stmt, 0));
      ti_sheet_text (&sheet, 1, ti_column_text (stmt, 1));
      ti_sheet_text (&sheet, 2, ti_engagement_kind_label (ti_column_text (stmt, 2)));
      /* Once per activity, so that the column adds up to the participants figure. */
      if (activity != previous)
        ti_sheet_count (&sheet, 3, sqlite3_column_int64 (stmt, 3));
      previous = activity;
      ti_sheet_text (&sheet, 4, influenced);
      if (ti_column_text (stmt, 5) != NULL)
        {
          TiEngagementActionStatus status = 0;

          ti_engagement_action_status_from_key (ti_column_text (stmt, 7), &status);
          ti_sheet_text_format (&sheet, 5, ti_column_text (stmt, 5), export->formats.wrap);
          ti_sheet_text_format (&sheet, 6, ti_column_text (stmt, 6), export->formats.wrap);
          ti_sheet_text (&sheet, 7, ti_engagement_action_status_label (status));
          ti_sheet_date (&sheet, 8, ti_column_text (stmt, 8));
          if (names)
            ti_sheet_text (&sheet, 9, ti_column_text (stmt, 9));
        }
      sheet.row++;
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (export->db, rc, _("listing the engagement"),
                                              error);
  ti_sheet_finish (&sheet);
  ti_sheet_note (export, "Engagement",
                 _("One row per “you said” of each engagement activity held in the period "
                   "(one row for an activity with none). Participants are the activity’s "
                   "counts of each group added up, on its first row only, so that the column "
                   "adds up to the Engagement participants figure; no participant is recorded "
                   "by name. An "
                   "action’s owner is shown only when names are included."));
  return TRUE;
}

/* Every milestone, by due month and workstream, with its status today and its evidence. */
static const char milestones_sql[]
  = "SELECT w.name, m.title, m.due_month, m.done_on,"
    "  coalesce (m.evidence_text, ''), v.title, s.title, o.name"
    " FROM milestones m JOIN workstreams w ON w.id = m.workstream_id"
    " LEFT JOIN events v ON v.id = m.evidence_event_id"
    " LEFT JOIN sessions s ON s.id = m.evidence_session_id"
    " LEFT JOIN organisations o ON o.id = m.evidence_organisation_id"
    " ORDER BY m.due_month, w.position, m.id";

static char *
evidence_text (sqlite3_stmt *stmt)
{
  g_autoptr (GString) text = g_string_new (ti_column_text (stmt, 4));
  const char *linked[] = { ti_column_text (stmt, 5), ti_column_text (stmt, 6), ti_column_text (stmt, 7) };

  for (guint i = 0; i < G_N_ELEMENTS (linked); i++)
    if (linked[i] != NULL)
      {
        if (text->len > 0)
          g_string_append (text, "; ");
        g_string_append (text, linked[i]);
      }
  return g_strdup (text->str);
}

/* Whether a milestone due in @due_month ('YYYY-MM') is due in the period, as the milestone
 * figures count it: its month's last day falls in the period. */
static gboolean
due_in_period (TiWorkbookExport *export, const char *due_month)
{
  GDate due;
  char day[11];

  if (!ti_milestone_due_date (due_month, &due))
    return FALSE;
  g_date_strftime (day, sizeof day, "%Y-%m-%d", &due);
  return strcmp (day, export->period.from) >= 0 && strcmp (day, export->period.to) <= 0;
}

static gboolean
write_milestones (TiWorkbookExport *export, GError **error)
{
  static const char *headings[] = { N_ ("Workstream"), N_ ("Milestone"), N_ ("Due"),
                                    N_ ("Done on"), N_ ("Status"), N_ ("Due in the period"),
                                    N_ ("Evidence") };
  static const double widths[] = { 22, 50, 11, 13, 14, 12, 60 };
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (export->db, milestones_sql, error);
  g_autofree char *day = ti_format_date (export->today);
  g_autofree char *subtitle = g_strdup_printf (_("Every milestone of the four workstreams, "
                                                 "its status on %s."),
                                               day);
  GDate today;
  TiSheet sheet;
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_date_clear (&today, 1);
  ti_date_parse (export->today, &today);
  ti_sheet_start (&sheet, export, "Milestones", _("Milestones"), subtitle);
  ti_sheet_columns (&sheet, headings, widths, G_N_ELEMENTS (headings));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *evidence = evidence_text (stmt);
      TiMilestoneStatus status
        = ti_milestone_status_as_of (ti_column_text (stmt, 2), ti_column_text (stmt, 3), &today);

      ti_sheet_text (&sheet, 0, _ (ti_column_text (stmt, 0)));
      ti_sheet_text_format (&sheet, 1, ti_column_text (stmt, 1), export->formats.wrap);
      ti_sheet_month (&sheet, 2, ti_column_text (stmt, 2));
      ti_sheet_date (&sheet, 3, ti_column_text (stmt, 3));
      ti_sheet_text (&sheet, 4, ti_milestone_status_label (status));
      ti_sheet_text (&sheet, 5, due_in_period (export, ti_column_text (stmt, 2)) ? _("Yes") : _("No"));
      ti_sheet_text_format (&sheet, 6, evidence, export->formats.wrap);
      sheet.row++;
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (export->db, rc, _("listing the milestones"),
                                              error);
  ti_sheet_finish (&sheet);
  ti_sheet_note (export, "Milestones",
                 _("Every milestone of the programme’s timeline, whatever the period: due "
                   "month, when it was done, its status on the day the workbook was produced "
                   "(done, done late, on track, at risk within 30 days, late), and whether it "
                   "is due in the period (those the Milestones on time figure counts)."));
  return TRUE;
}

/**
 * ti_workbook_write_activity:
 *
 * Writes the Events, Engagement and Milestones sheets.
 */
gboolean
ti_workbook_write_activity (TiWorkbookExport *export, GError **error)
{
  return write_events (export, error) && write_engagement (export, error)
         && write_milestones (export, error);
}
