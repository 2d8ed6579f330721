/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The evaluation on a small programme whose answers are worked out by hand below. The period
 * is the first quarter of 2024 (1 January to 31 March); today is 15 May 2024, so the day six
 * months before it is 15 November 2023, and "the next 7 days" are 15 to 22 May.
 *
 * Organisations (top-level unless a parent is given; headcount):
 *   1 Somerset Council        council, county-wide      100
 *   2 Children's Services     directorate of 1           40
 *   3 Wellsway School         education, Mendip          20
 *   4 Quantock Housing        housing, Sedgemoor          0 (not known)
 *   5 Moorland Trust          NHS trust, county-wide     50
 *   6 Levels Surgery          primary care, S Somerset   10
 *   7 Taunton Foodbank        VCSE, Sedgemoor             5
 *   8 Moorland Ward           directorate of 5            0
 *   Six top-level organisations; Tier 1 units 1 (with 2), 3, 5 (with 8), 6, 7: 185 staff.
 *
 * Champions (since; status):
 *   Ada (2)  2023-06-01 active          Ben (3)  2024-02-10 active
 *   Cat (3)  2023-01-10 paused on 2024-03-31 (the last day: not active on it)
 *   Dan (5)  2023-03-01 stepped down on 2024-04-10 (after the period: active on its end)
 *   Eve (4)  2024-04-01 active (joined after the period)
 *   Fay (6)  2023-05-01 paused, no date: never active
 *   Gus (1)  2023-09-01 active          Hal (5)  2023-02-01 active
 *   Ivy (1)  2023-04-01 active
 *   Active on 31 March: Ada, Ben, Dan, Gus, Hal, Ivy = 6 (31 Jan: Cat, not Ben = 6; 29 Feb:
 *   both = 7). Today: Ada, Ben, Eve, Gus, Hal, Ivy = 6.
 *   In the network on 31 March: 1 (Ada through its directorate, Gus, Ivy), 3 (Ben), 5 (Dan,
 *   Hal) = 3 of 6. Today without a champion: 6 (Fay paused) and 7.
 *
 * Charter on 31 March: 1 signed that day; 5 signed through its ward (1 Feb); 3 in
 *   consultation (signed 2 April, after); 6 in consultation (no date recorded); 4 not
 *   started (consultation from 20 April); 7 not started. Signatories 2.
 *
 * Tier 1 (in = in the period): Ada 2023-12-31 out, 2024-01-05 in; Ben 2024-01-20 and
 *   2024-01-25 in; Jo (1) 2024-03-31 in; Kit (5) 2024-04-01 out; Lou (6) 2024-02-14 in.
 *   5 completions by 4 people; reached 4 of 185 = 2.16%. By month: Jan 3, Feb 1, Mar 1.
 *   By sector: NHS trust 0/50, council 2/100, VCSE 0/5, primary care 1/10, education 1/20,
 *   housing no headcount.
 *
 * Sessions (C coordinator Cal, P psychologist Pat; champions facilitate as champions):
 *   S1  T2 2024-01-10 delivered C+Ben  approved
 *   S2  T2 2024-02-20 delivered Ben    awaiting          (85 days at today)
 *   S3  T3 2024-03-05 delivered P      not due
 *   S4  T2 2024-03-31 18:00 delivered Ben changes requested
 *   S5  T2 2023-12-20 delivered C      awaiting          (147 days)
 *   S6  T2 2024-04-05 delivered C      awaiting          (40 days)
 *   S7  T2 2024-02-01 cancelled
 *   S8  T2 2024-05-15 planned (today)  S9 2024-05-22 planned (7 days ahead)
 *   S10 T2 2024-05-23 planned (8 days)  S11 2024-05-14 planned (yesterday)
 *   S12 T3 2024-05-01 delivered P awaiting (14 days: not over 14)
 *   S13 T2 2024-04-30 delivered C awaiting (15 days)
 *   S14 T2 2023-11-15 delivered Gus    approved (Gus's last activity: exactly six months)
 *   In the period: Tier 2 S1, S2, S4; Tier 3 S3. Coordinator S1; psychologist S3;
 *   champion S1, S2, S4. Reviews: approved S1, changes S4, awaiting S2 (S3 not due).
 *
 * Registers (attended, completed, before → after):
 *   S1 Jo yes yes 2→4, Lou yes yes 3→3, Kit yes no 2→–, Ada absent
 *   S2 Ben yes yes –→5, Ada yes yes 4→5
 *   S3 Jo yes yes 1→4       S4 Lou yes yes no scores
 *   S5 Kit yes yes          S6 Jo yes yes 1→5        S14 Kit yes yes
 *   Attendees 7, completed 6; Tier 2 by month Jan 2, Feb 2, Mar 1; Tier 3 Mar 1.
 *   Paired: Tier 2 Jo 2→4, Lou 3→3, Ada 4→5 (3.00 → 4.00); Tier 3 Jo 1→4. All: 2.50 → 4.00,
 *   change +1.50.
 *
 * Events: E1 2024-01-25 (Ada invited, came; Gus invited; Kit came uninvited; one national
 *   speaker), E2 2024-03-31 15:00 (Ben invited, came; Ivy invited), E3 2023-11-14 (Hal came:
 *   his last activity), E4 2024-05-22 and E6 2024-05-15 (soon), E5 2024-05-23 (not).
 *   Held 2; invited 4; attended 3, three people.
 *
 * Quiet today: Ivy (no activity, joined long ago), Hal (last 14 Nov 2023). Not quiet: Ada
 *   (Feb), Ben and Eve (joined within six months), Gus (exactly six months).
 *
 * Engagement: 2024-02-10 focus group, 6 young people + 2 parents; 2024-04-10 (out).
 *
 * Milestones: M1 Principles 2024-01 done 01-20 (done); M2 Training 2024-02 done 03-05 (done
 *   late); M3 Service delivery 2024-03 not done (late); M4 Training 2024-06 (on track);
 *   M5 Organisational change 2024-05 (at risk); M6 Principles 2023-12 done 12-10.
 *   Due in the period M1, M2, M3: 1 of 3 on time.
 */
static const char evaluation_fixture_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount, parent_id) VALUES"
  "  (1, 'Somerset Council', 'council', 'county_wide', 100, NULL),"
  "  (2, 'Children''s Services', 'council', 'county_wide', 40, 1),"
  "  (3, 'Wellsway School', 'education', 'mendip', 20, NULL),"
  "  (4, 'Quantock Housing', 'housing', 'sedgemoor', 0, NULL),"
  "  (5, 'Moorland Trust', 'nhs_trust', 'county_wide', 50, NULL),"
  "  (6, 'Levels Surgery', 'primary_care', 'south_somerset', 10, NULL),"
  "  (7, 'Taunton Foodbank', 'vcse', 'sedgemoor', 5, NULL),"
  "  (8, 'Moorland Ward', 'nhs_trust', 'county_wide', 0, 5);"
  "INSERT INTO people (id, name, organisation_id, role) VALUES"
  "  (1, 'Ada', 2, 'staff'), (2, 'Ben', 3, 'staff'), (3, 'Cat', 3, 'staff'),"
  "  (4, 'Dan', 5, 'staff'), (5, 'Eve', 4, 'staff'), (6, 'Fay', 6, 'staff'),"
  "  (7, 'Gus', 1, 'staff'), (8, 'Hal', 5, 'staff'), (9, 'Ivy', 1, 'staff'),"
  "  (10, 'Jo', 1, 'staff'), (11, 'Kit', 5, 'staff'), (12, 'Lou', 6, 'staff'),"
  "  (20, 'Cal', 1, 'coordinator'), (21, 'Pat', 1, 'psychologist');"
  "INSERT INTO champions (person_id, since, status, status_changed_on) VALUES"
  "  (1, '2023-06-01', 'active', NULL), (2, '2024-02-10', 'active', NULL),"
  "  (3, '2023-01-10', 'paused', '2024-03-31'), (4, '2023-03-01', 'stepped_down', '2024-04-10'),"
  "  (5, '2024-04-01', 'active', NULL), (6, '2023-05-01', 'paused', NULL),"
  "  (7, '2023-09-01', 'active', NULL), (8, '2023-02-01', 'active', NULL),"
  "  (9, '2023-04-01', 'active', NULL);"
  "INSERT INTO charter_adoptions (organisation_id, stage, consultation_started_on, signed_on)"
  "  VALUES (1, 'signed', '2023-06-01', '2024-03-31'), (8, 'signed', '2023-10-01', '2024-02-01'),"
  "  (3, 'signed', '2024-01-15', '2024-04-02'), (6, 'consultation', NULL, NULL),"
  "  (4, 'consultation', '2024-04-20', NULL);"
  "INSERT INTO tier1_completions (person_id, completed_on, source) VALUES"
  "  (1, '2023-12-31', 'Learning Centre'), (1, '2024-01-05', 'ACEs online learning'),"
  "  (2, '2024-01-20', 'Learning Centre'), (2, '2024-01-25', 'ACEs online learning'),"
  "  (10, '2024-03-31', 'Learning Centre'), (11, '2024-04-01', 'Learning Centre'),"
  "  (12, '2024-02-14', 'Learning Centre');"
  "INSERT INTO sessions (id, tier, title, starts_at, status, review_status) VALUES"
  "  (1, 2, 'January cascade', '2024-01-10 10:00', 'delivered', 'approved'),"
  "  (2, 2, 'February cascade', '2024-02-20 10:00', 'delivered', 'awaiting'),"
  "  (3, 3, 'Enhanced practice', '2024-03-05 10:00', 'delivered', 'not_due'),"
  "  (4, 2, 'Last evening', '2024-03-31 18:00', 'delivered', 'changes_requested'),"
  "  (5, 2, 'Before Christmas', '2023-12-20 10:00', 'delivered', 'awaiting'),"
  "  (6, 2, 'April session', '2024-04-05 10:00', 'delivered', 'awaiting'),"
  "  (7, 2, 'Cancelled', '2024-02-01 10:00', 'cancelled', 'not_due'),"
  "  (8, 2, 'Today', '2024-05-15 09:00', 'planned', 'not_due'),"
  "  (9, 2, 'A week ahead', '2024-05-22 14:00', 'planned', 'not_due'),"
  "  (10, 2, 'Eight days ahead', '2024-05-23 09:00', 'planned', 'not_due'),"
  "  (11, 2, 'Yesterday', '2024-05-14 09:00', 'planned', 'not_due'),"
  "  (12, 3, 'Fourteen days', '2024-05-01 10:00', 'delivered', 'awaiting'),"
  "  (13, 2, 'Fifteen days', '2024-04-30 10:00', 'delivered', 'awaiting'),"
  "  (14, 2, 'Six months ago', '2023-11-15 09:00', 'delivered', 'approved');"
  "INSERT INTO session_facilitators (session_id, person_id, kind) VALUES"
  "  (1, 20, 'coordinator'), (1, 2, 'champion'), (2, 2, 'champion'), (3, 21, 'psychologist'),"
  "  (4, 2, 'champion'), (5, 20, 'coordinator'), (6, 20, 'coordinator'), (7, 20, 'coordinator'),"
  "  (8, 20, 'coordinator'), (9, 20, 'coordinator'), (10, 20, 'coordinator'),"
  "  (11, 20, 'coordinator'), (12, 21, 'psychologist'), (13, 20, 'coordinator'),"
  "  (14, 7, 'champion');"
  "INSERT INTO attendance (session_id, person_id, attended, completed, confidence_before,"
  "  confidence_after) VALUES"
  "  (1, 10, 1, 1, 2, 4), (1, 12, 1, 1, 3, 3), (1, 11, 1, 0, 2, NULL), (1, 1, 0, 0, NULL, NULL),"
  "  (2, 2, 1, 1, NULL, 5), (2, 1, 1, 1, 4, 5), (3, 10, 1, 1, 1, 4), (4, 12, 1, 1, NULL, NULL),"
  "  (5, 11, 1, 1, NULL, NULL), (6, 10, 1, 1, 1, 5), (14, 11, 1, 1, NULL, NULL);"
  "INSERT INTO events (id, title, kind, starts_at) VALUES"
  "  (1, 'Winter network event', 'network_event', '2024-01-25 10:00'),"
  "  (2, 'Spring webinar', 'webinar', '2024-03-31 15:00'),"
  "  (3, 'Autumn network event', 'network_event', '2023-11-14 10:00'),"
  "  (4, 'Summer workshop', 'workshop', '2024-05-22 10:00'),"
  "  (5, 'Summer conference', 'conference', '2024-05-23 10:00'),"
  "  (6, 'Lunchtime webinar', 'webinar', '2024-05-15 12:30');"
  "INSERT INTO event_attendance (event_id, person_id, invited, attended) VALUES"
  "  (1, 1, 1, 1), (1, 7, 1, 0), (1, 11, 0, 1), (2, 2, 1, 1), (2, 9, 1, 0), (3, 8, 1, 1);"
  "INSERT INTO event_speakers (event_id, name, reach) VALUES (1, 'Dr Rhea Moss', 'national');"
  "INSERT INTO engagement_activities (id, held_on, kind, title, young_people, parents_carers,"
  "  professionals) VALUES"
  "  (1, '2024-02-10', 'focus_group', 'Young people on the charter', 6, 2, 0),"
  "  (2, '2024-04-10', 'panel', 'Practitioners', 0, 0, 5);"
  "INSERT INTO milestones (id, workstream_id, title, due_month, done_on) VALUES"
  "  (1, 1, 'Charter launch', '2024-01', '2024-01-20'),"
  "  (2, 2, 'Coordinator recruited', '2024-02', '2024-03-05'),"
  "  (3, 3, 'Psychologist in post', '2024-03', NULL),"
  "  (4, 2, 'Full evaluation', '2024-06', NULL),"
  "  (5, 4, 'Summer network event', '2024-05', NULL),"
  "  (6, 1, 'Business case', '2023-12', '2023-12-10');";

#define FROM "2024-01-01"
#define TO "2024-03-31"
#define TODAY "2024-05-15"
