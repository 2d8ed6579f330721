/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * A hand-made programme for the psychologist's review: the core's tests (test-reviews.c, seen
 * from 1 July 2023) and the window's (test-review-view.c) check the same answers. A new
 * programme has the eight default checklist items (ids 1–8); one psychologist, Dr Rowan Hale.
 *
 *   session  held        status     review              facilitators
 *   1        2 May       delivered  awaiting            Morgan Reed (coordinator), Sam Carter
 *   2        10 Jun      delivered  awaiting            Kit Elms
 *   3        20 Apr      delivered  awaiting            Sam Carter
 *   4        1 Mar       delivered  approved (2 reviews: changes, then approved)   Sam Carter
 *   5        15 Mar      delivered  changes requested   Kit Elms
 *   6        1 Aug       planned    not due             Sam Carter
 *   7        20 May      cancelled  not due             Sam Carter
 *   8        25 May      delivered  not due (psychologist-led)   Dr Rowan Hale
 *
 * Session 1's register: two attended, one completed, no scores. Session 3's: both attended
 * and completed; confidence 2 → 4 and 3 → 4 (means 2.5 and 4.0, change +1.5, both
 * improved); feedback 5 and 4 (mean 4.5). Reviews 1 and 3 found item 7 (wellbeing support)
 * not met, "No check-out."; review 2 met everything.
 */
static const char reviews_fixture_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  "  (1, 'Somerset Council', 'council', 'county_wide', 5000),"
  "  (2, 'Wellsway Primary School', 'education', 'mendip', 40);"
  "INSERT INTO people (id, name, organisation_id, role) VALUES"
  "  (1, 'Dr Rowan Hale', 1, 'psychologist'), (2, 'Morgan Reed', 1, 'coordinator'),"
  "  (3, 'Sam Carter', 2, 'staff'), (4, 'Kit Elms', 1, 'staff'), (5, 'Jo Marsh', 2, 'staff');"
  "INSERT INTO sessions (id, tier, title, starts_at, host_organisation_id, status,"
  "  review_status) VALUES"
  "  (1, 2, 'Trauma-skilled practice', '2023-05-02 10:00', 2, 'delivered', 'awaiting'),"
  "  (2, 3, 'Trauma-enhanced supervision', '2023-06-10 09:30', 1, 'delivered', 'awaiting'),"
  "  (3, 2, 'Trauma-skilled schools', '2023-04-20 14:00', 1, 'delivered', 'awaiting'),"
  "  (4, 2, 'Trauma-skilled housing', '2023-03-01 10:00', NULL, 'delivered', 'approved'),"
  "  (5, 2, 'Trauma-skilled police', '2023-03-15 10:00', 1, 'delivered', 'changes_requested'),"
  "  (6, 2, 'Trauma-skilled primary care', '2023-08-01 10:00', 1, 'planned', 'not_due'),"
  "  (7, 2, 'Trauma-skilled VCSE', '2023-05-20 10:00', 1, 'cancelled', 'not_due'),"
  "  (8, 3, 'Trauma-enhanced practice', '2023-05-25 10:00', 1, 'delivered', 'not_due');"
  "INSERT INTO session_facilitators (session_id, person_id, kind) VALUES"
  "  (1, 3, 'champion'), (1, 2, 'coordinator'), (2, 4, 'champion'), (3, 3, 'champion'),"
  "  (4, 3, 'champion'), (5, 4, 'champion'), (6, 3, 'champion'), (7, 3, 'champion'),"
  "  (8, 1, 'psychologist');"
  "INSERT INTO attendance (session_id, person_id, attended, completed, confidence_before,"
  "  confidence_after, feedback) VALUES (1, 4, 1, 1, NULL, NULL, NULL),"
  "  (1, 5, 1, 0, NULL, NULL, NULL), (3, 4, 1, 1, 2, 4, 5), (3, 2, 1, 1, 3, 4, 4);"
  "INSERT INTO reviews (id, session_id, reviewer_id, reviewed_on, outcome, notes) VALUES"
  "  (1, 4, 1, '2023-03-05', 'changes_requested', 'Add a check-out.'),"
  "  (2, 4, 1, '2023-03-10', 'approved', 'Changes made; approved.'),"
  "  (3, 5, 1, '2023-03-20', 'changes_requested', 'Link the learning to policing.');"
  "INSERT INTO review_answers (review_id, item_id, met, comment)"
  "  SELECT r.id, i.id, NOT (r.id IN (1, 3) AND i.id = 7), CASE WHEN r.id IN (1, 3) AND i.id = 7"
  "    THEN 'No check-out.' END FROM reviews r, fidelity_items i;";
