/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * A hand-made programme of network events whose figures are worked out by hand: the core's
 * tests (test-events.c) and the window's (test-events-view.c) check the same answers.
 *
 * Organisations: 1 Somerset NHS Foundation Trust (NHS trust), 2 Somerset Council (council)
 * with its directorate 3 Children's Services (council), 4 Wellsway Primary School
 * (education), 5 Avon and Somerset Police (police).
 * People: 1 Alex Rowe (2), 2 Sam Carter (4, active champion), 3 Jo Marsh (1, active
 * champion), 4 Kit Elms (3, paused champion), 5 Lee Hart (5, active champion), 6 Ana Cole
 * (3), 7 Rae Dunn (2), 8 erased (2, active champion), 9 Tom Vale (no organisation).
 *
 * Event 5, workshop, 1 Nov 2022 (before the period): Jo attended. Speaker: one local.
 * Event 1, launch, 26 Jan 2023, County Hall; speakers one national, one international.
 *   Alex invited, attended, 5 "Networking";  Sam invited, attended, 4 "networking ";
 *   Jo invited, attended, 3 "Speakers";  Kit invited, not there;
 *   Ana not invited, attended, no feedback;  Rae invited, not there, 2 (not counted).
 *   invited 5, attended 4, invited and attended 3; first-timers Alex, Sam, Ana = 3 (Jo
 *   came to event 5); organisations 4 (Council, Children's Services, the school, the trust);
 *   sectors 3 (Council 2, Education 1, NHS trust 1); feedback 3, mean 4; themes
 *   Networking 2, Speakers 1.
 * Event 2, network event, 22 Jun 2023; one local speaker. Sam, Lee, Kit invited and
 *   attended (Sam 5, Lee 4); Tom invited, not there. invited 4, attended 3, first-timers 2
 *   (Lee, Kit).
 * Event 3, webinar, 16 Nov 2023, online only: Ana attended, 2. No one invited.
 * Event 4, conference, 20 Jun 2030 (not yet held): Alex invited; one international
 *   speaker. A milestone names it as evidence.
 *
 * Period 1 Jan 2023 – 30 Apr 2024: events held 3 (1, 2, 3); invitations 5 + 4 + 0 = 9;
 * attendances 4 + 3 + 1 = 8, per event 8 / 3; people attending 6 (Alex, Sam, Jo, Ana, Lee,
 * Kit); organisations reached 5; sectors reached 4 (council, education, NHS trust,
 * police); speakers local 1, national 1, international 1; feedback 6, mean
 * (5 + 4 + 3 + 5 + 4 + 2) / 6 = 23 / 6.
 */
static const char events_fixture_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount, parent_id) VALUES"
  "  (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000, NULL),"
  "  (2, 'Somerset Council', 'council', 'county_wide', 5000, NULL),"
  "  (3, 'Children''s Services', 'council', 'county_wide', 900, 2),"
  "  (4, 'Wellsway Primary School', 'education', 'mendip', 40, NULL),"
  "  (5, 'Avon and Somerset Police', 'police', 'county_wide', 3000, NULL);"
  "INSERT INTO people (id, name, organisation_id, role, erased_on) VALUES"
  "  (1, 'Alex Rowe', 2, 'coordinator', NULL), (2, 'Sam Carter', 4, 'staff', NULL),"
  "  (3, 'Jo Marsh', 1, 'staff', NULL), (4, 'Kit Elms', 3, 'staff', NULL),"
  "  (5, 'Lee Hart', 5, 'staff', NULL), (6, 'Ana Cole', 3, 'staff', NULL),"
  "  (7, 'Rae Dunn', 2, 'staff', NULL), (8, 'Erased person #8', 2, 'staff', '2024-02-01'),"
  "  (9, 'Tom Vale', NULL, 'staff', NULL);"
  "INSERT INTO champions (person_id, since, status) VALUES (2, '2023-01-26', 'active'),"
  "  (3, '2022-11-01', 'active'), (4, '2023-02-01', 'paused'), (5, '2023-06-22', 'active'),"
  "  (8, '2023-01-26', 'active');"
  "INSERT INTO events (id, title, kind, starts_at, venue, online_link, description,"
  "  best_practice) VALUES"
  "  (1, 'Network and Charter Launch', 'launch', '2023-01-26 10:00', 'County Hall, Taunton',"
  "   NULL, 'The launch of the network and the charter.',"
  "   'Young people presented the principles they helped to shape.'),"
  "  (2, 'June Network Event', 'network_event', '2023-06-22 09:30', 'Bridgwater Arts Centre',"
  "   NULL, NULL, NULL),"
  "  (3, 'Webinar: trauma-informed supervision', 'webinar', '2023-11-16 13:00', NULL,"
  "   'https://meet.example.org/supervision', NULL, NULL),"
  "  (4, 'County Conference 2030', 'conference', '2030-06-20 09:00', 'Taunton', NULL, NULL,"
  "   NULL),"
  "  (5, 'Early champions workshop', 'workshop', '2022-11-01 10:00', 'Wells', NULL, NULL, NULL);"
  "INSERT INTO event_speakers (id, event_id, name, affiliation, reach, topic) VALUES"
  "  (1, 1, 'Dr Ada Kerr', 'University of Bath', 'national', 'ACEs and the brain'),"
  "  (2, 1, 'Prof Lena Berg', 'University of Oslo', 'international', 'Trauma-informed systems'),"
  "  (3, 2, 'Maya Stone', 'Somerset Council', 'local', 'Cascading Tier 2'),"
  "  (4, 4, 'Future Speaker', NULL, 'international', NULL),"
  "  (5, 5, 'Early Speaker', NULL, 'local', NULL);"
  "INSERT INTO event_attendance (event_id, person_id, invited, attended, feedback,"
  "  feedback_theme) VALUES"
  "  (5, 3, 1, 1, NULL, NULL),"
  "  (1, 1, 1, 1, 5, 'Networking'), (1, 2, 1, 1, 4, 'networking '), (1, 3, 1, 1, 3, 'Speakers'),"
  "  (1, 4, 1, 0, NULL, NULL), (1, 6, 0, 1, NULL, NULL), (1, 7, 1, 0, 2, NULL),"
  "  (2, 2, 1, 1, 5, NULL), (2, 5, 1, 1, 4, NULL), (2, 4, 1, 1, NULL, NULL),"
  "  (2, 9, 1, 0, NULL, NULL),"
  "  (3, 6, 0, 1, 2, NULL),"
  "  (4, 1, 1, 0, NULL, NULL);"
  "INSERT INTO milestones (id, workstream_id, title, due_month, evidence_event_id) VALUES"
  "  (1, 1, 'County conference', '2030-06', 4);";
