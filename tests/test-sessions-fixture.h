/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * A hand-made programme of sessions whose registers are worked out by hand: the core's
 * tests (test-sessions.c) and the window's (test-sessions-view.c) check the same answers.
 *
 * Hosts: sessions 1 at Wellsway Primary School, 2 at Somerset NHS Foundation Trust, 3 and 4
 * at Quantock Housing. Facilitators: 1 Alex Rowe (coordinator) and Sam Carter (champion),
 * 2 Priya Lund (psychologist), 3 Sam Carter, 4 Alex Rowe.
 *
 * Session 1 (Tier 2, delivered, capacity 20): five on the register.
 *   Jo    attended, completed, before 2, after 4, feedback 5   paired, +2, improved
 *   Kit   attended,            before 3, after 3, feedback 4   paired,  0
 *   Lee   attended, completed, before 1                        before only
 *   Ana   did not attend,      before 4                        not counted
 *   Rae   attended, completed,           after 5, feedback 3   after only
 *   registered 5, attended 4, completed 3, paired 2 (Jo and Kit); the confidence figures are
 *   over the paired only, as the training figures define them: mean before (2 + 3) / 2 = 2.5
 *   (not (2 + 3 + 1) / 3 = 2); mean after (4 + 3) / 2 = 3.5 (not (4 + 3 + 5) / 3 = 4);
 *   mean change (2 + 0) / 2 = 1 = 3.5 − 2.5; improved 1; feedback 3, mean (5 + 4 + 3) / 3 = 4.
 *
 * Session 2 (Tier 3, delivered, capacity 2, led by the psychologist): Jo, Kit and Lee.
 *   Jo  attended, completed, 3 → 4;  Kit attended, completed, 2 → 4, feedback 4;  Lee attended.
 *   registered 3, attended 3, completed 2, paired 2; before 2.5, after 4, change 1.5;
 *   improved 2; feedback 1, mean 4.
 *   Warnings: over capacity (3 of 2); Kit (Wellsway Primary School) has no Tier 2 (attended
 *   session 1, not completed).
 *
 * Session 3 (Tier 2, planned, 2030): no register, no warning (made Tier 3 in a test, it
 *   warns that no psychologist facilitates it).
 * Session 4 (Tier 2, delivered, approved, with its review and a milestone it evidences):
 *   no register, which is a warning.
 * Person 9 was erased.
 */
static const char sessions_fixture_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  "  (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
  "  (2, 'Wellsway Primary School', 'education', 'mendip', 40),"
  "  (3, 'Quantock Housing', 'housing', 'sedgemoor', 120);"
  "INSERT INTO people (id, name, organisation_id, role) VALUES"
  "  (1, 'Alex Rowe', 1, 'coordinator'), (2, 'Priya Lund', 1, 'psychologist'),"
  "  (3, 'Sam Carter', 2, 'staff'), (4, 'Jo Marsh', 3, 'staff'), (5, 'Kit Elms', 2, 'staff'),"
  "  (6, 'Lee Hart', 3, 'staff'), (7, 'Ana Cole', 1, 'staff'), (8, 'Rae Dunn', 2, 'staff');"
  "INSERT INTO champions (person_id, since, status) VALUES (3, '2023-02-01', 'active');"
  "INSERT INTO sessions (id, tier, title, starts_at, duration_minutes, mode, venue,"
  "  host_organisation_id, capacity, status, review_status) VALUES"
  "  (1, 2, 'Trauma-skilled schools', '2023-09-12 09:30', 180, 'in_person', 'School hall', 2,"
  "   20, 'delivered', 'awaiting'),"
  "  (2, 3, 'Trauma-enhanced practice', '2024-03-05 13:00', 240, 'online', NULL, 1, 2,"
  "   'delivered', 'not_due'),"
  "  (3, 2, 'Housing teams', '2030-12-01 10:00', 120, 'in_person', 'Bridgwater', 3, NULL,"
  "   'planned', 'not_due'),"
  "  (4, 2, 'Quiet delivery', '2024-01-10 10:00', 90, 'in_person', NULL, 3, NULL,"
  "   'delivered', 'approved');"
  "INSERT INTO session_facilitators (session_id, person_id, kind) VALUES"
  "  (1, 1, 'coordinator'), (1, 3, 'champion'), (2, 2, 'psychologist'), (3, 3, 'champion'),"
  "  (4, 1, 'coordinator');"
  "INSERT INTO attendance (session_id, person_id, attended, completed, confidence_before,"
  "  confidence_after, feedback) VALUES"
  "  (1, 4, 1, 1, 2, 4, 5), (1, 5, 1, 0, 3, 3, 4), (1, 6, 1, 1, 1, NULL, NULL),"
  "  (1, 7, 0, 0, 4, NULL, NULL), (1, 8, 1, 1, NULL, 5, 3),"
  "  (2, 4, 1, 1, 3, 4, NULL), (2, 5, 1, 1, 2, 4, 4), (2, 6, 1, 0, NULL, NULL, NULL);"
  "INSERT INTO people (id, name, organisation_id, erased_on) VALUES"
  "  (9, 'Erased person #9', 1, '2024-02-01');"
  "INSERT INTO reviews (id, session_id, reviewer_id, reviewed_on, outcome, notes) VALUES"
  "  (1, 4, 2, '2024-01-20', 'approved', 'Well adapted to the audience');"
  "INSERT INTO review_answers (review_id, item_id, met) VALUES (1, 1, 1);"
  "INSERT INTO milestones (id, workstream_id, title, due_month, evidence_session_id) VALUES"
  "  (1, 2, 'First Tier 2 cascade', '2024-01', 4);";
