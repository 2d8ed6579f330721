/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ti-milestone-status.h"

G_BEGIN_DECLS

/**
 * TiEvidenceKind:
 * @TI_EVIDENCE_NONE: no evidence yet
 * @TI_EVIDENCE_EVENT: a network event
 * @TI_EVIDENCE_SESSION: a Tier 2/3 session
 * @TI_EVIDENCE_CHARTER: an organisation's charter signature
 * @TI_EVIDENCE_TEXT: a sentence saying where the evidence is
 *
 * What shows a milestone was met. A milestone has at most one kind.
 */
typedef enum
{
  TI_EVIDENCE_NONE,
  TI_EVIDENCE_EVENT,
  TI_EVIDENCE_SESSION,
  TI_EVIDENCE_CHARTER,
  TI_EVIDENCE_TEXT,
} TiEvidenceKind;

const char *ti_evidence_kind_label (TiEvidenceKind kind);

/**
 * TiMilestoneFields:
 *
 * What a #TiMilestone holds, as read by ti_milestones_list(). Strings are copied by
 * ti_milestone_new(); %NULL means "none".
 */
typedef struct
{
  gint64 id;
  const char *workstream_key;
  const char *title;
  const char *due_month; /* 'YYYY-MM' */
  const char *done_on;   /* 'YYYY-MM-DD' or NULL */
  TiMilestoneStatus status;
  TiEvidenceKind evidence_kind;
  gint64 evidence_id;        /* the event, session or organisation; 0 otherwise */
  const char *evidence_text; /* the sentence, for TI_EVIDENCE_TEXT */
  const char *evidence;      /* the evidence in words, whatever its kind */
} TiMilestoneFields;

#define TI_TYPE_MILESTONE (ti_milestone_get_type ())
G_DECLARE_FINAL_TYPE (TiMilestone, ti_milestone, TI, MILESTONE, GObject)

TiMilestone *ti_milestone_new (const TiMilestoneFields *fields);

gint64 ti_milestone_get_id (TiMilestone *self);
const char *ti_milestone_get_workstream_key (TiMilestone *self);
const char *ti_milestone_get_title (TiMilestone *self);
const char *ti_milestone_get_due_month (TiMilestone *self);
const char *ti_milestone_get_done_on (TiMilestone *self);
TiMilestoneStatus ti_milestone_get_status (TiMilestone *self);
TiEvidenceKind ti_milestone_get_evidence_kind (TiMilestone *self);
gint64 ti_milestone_get_evidence_id (TiMilestone *self);
const char *ti_milestone_get_evidence_text (TiMilestone *self);
const char *ti_milestone_get_evidence (TiMilestone *self);

G_END_DECLS
