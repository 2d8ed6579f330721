/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-series.h"
#include "ti-training-figures.h"

G_BEGIN_DECLS

/**
 * TiOutcome:
 * @TI_OUTCOME_1: County Business Plan outcome one: a county infrastructure that drives
 *   recovery and sustainable public services (workforce, staff satisfaction and turnover)
 * @TI_OUTCOME_3: outcome three: fairer life chances and opportunity for all (empowerment and
 *   co-production with people with lived experience)
 * @TI_OUTCOME_4: outcome four: improved health and wellbeing
 * @TI_OUTCOME_5: outcome five: meeting the challenges through innovation and improvement
 *
 * The outcomes of the County Business Plan that the programme supports (report §1.2); each
 * figure and chart of the evaluation is tagged with those it evidences, as a mask.
 */
typedef enum
{
  TI_OUTCOME_1 = 1 << 0,
  TI_OUTCOME_3 = 1 << 1,
  TI_OUTCOME_4 = 1 << 2,
  TI_OUTCOME_5 = 1 << 3,
} TiOutcome;

#define TI_N_OUTCOMES 4

TiOutcome ti_outcome_nth (guint index);
guint ti_outcome_number (TiOutcome outcome);
const char *ti_outcome_short_label (TiOutcome outcome);
const char *ti_outcome_label (TiOutcome outcome);
char *ti_outcomes_join (guint mask, gboolean short_labels, const char *separator);

/**
 * TiPeriodPreset:
 * @TI_PERIOD_EVALUATION: the evaluation period from the programme's settings
 * @TI_PERIOD_WHOLE_PROGRAMME: everything recorded: both ends open
 * @TI_PERIOD_LAST_QUARTER: the last whole calendar quarter before today
 * @TI_PERIOD_FINANCIAL_YEAR_2023_24: 1 April 2023 to 31 March 2024
 * @TI_PERIOD_CUSTOM: dates chosen by the person
 *
 * The periods the Evaluation destination and the workbook offer.
 */
typedef enum
{
  TI_PERIOD_EVALUATION,
  TI_PERIOD_WHOLE_PROGRAMME,
  TI_PERIOD_LAST_QUARTER,
  TI_PERIOD_FINANCIAL_YEAR_2023_24,
  TI_PERIOD_CUSTOM,
} TiPeriodPreset;

gboolean ti_period_preset_range (TiPeriodPreset preset, const GDate *today,
                                 const GDate *evaluation_start, const GDate *evaluation_end,
                                 char **from, char **to);

/**
 * TiHeadline:
 * @key: stable, for code and the workbook ("active_champions"); its definition is found by
 *   ti_evaluation_definition()
 * @label: what the figure is called, translated ("Active champions")
 * @value: the figure as shown ("512", "42.3%", "+1.18", "—" when there is nothing to measure)
 * @number: the figure itself, NAN when there is nothing to measure
 * @detail: (nullable): one short line of context ("of 1,204 staff", "98 of 120 attended")
 * @outcomes: the #TiOutcome mask it evidences
 *
 * One headline figure of the evaluation.
 */
typedef struct
{
  const char *key;
  char *label;
  char *value;
  double number;
  char *detail;
  guint outcomes;
} TiHeadline;

/**
 * TiChartFigure:
 * @key: stable, the same as the #TiSeries' key ("reach_by_sector")
 * @title: what the chart shows, translated ("Tier 1 reach by sector")
 * @series: the numbers, computed in core
 * @outcomes: the #TiOutcome mask it evidences
 *
 * One chart of the evaluation: its numbers, and which outcomes they evidence.
 */
typedef struct
{
  const char *key;
  char *title;
  TiSeries *series;
  guint outcomes;
} TiChartFigure;

/**
 * TiAttentionKind:
 * @TI_ATTENTION_REVIEW_OVERDUE: delivered sessions awaiting review for over 14 days;
 *   records are sessions
 * @TI_ATTENTION_SESSION_SOON: sessions planned in the next 7 days; records are sessions
 * @TI_ATTENTION_EVENT_SOON: events in the next 7 days; records are events
 * @TI_ATTENTION_MILESTONE: milestones at risk or late; records are milestones
 * @TI_ATTENTION_QUIET_CHAMPION: active champions with no activity (facilitating, attending a
 *   session or an event) in the last 6 months; records are people
 * @TI_ATTENTION_ORGANISATION_WITHOUT_CHAMPION: organisations (with their directorates) with no
 *   active champion; records are organisations
 */
typedef enum
{
  TI_ATTENTION_REVIEW_OVERDUE,
  TI_ATTENTION_SESSION_SOON,
  TI_ATTENTION_EVENT_SOON,
  TI_ATTENTION_MILESTONE,
  TI_ATTENTION_QUIET_CHAMPION,
  TI_ATTENTION_ORGANISATION_WITHOUT_CHAMPION,
  TI_N_ATTENTION_KINDS
} TiAttentionKind;

#define TI_ATTENTION_REVIEW_DAYS 14
#define TI_ATTENTION_SOON_DAYS 7
#define TI_ATTENTION_QUIET_MONTHS 6

/**
 * TiAttentionRecord:
 * @id: the record's id (session, event, milestone, person or organisation by the item's kind)
 * @title: what a person reads first (a session's title, a champion's name)
 * @subtitle: (nullable): what tells it apart ("Tier 2 · 12 Mar 2024 · 31 days waiting")
 */
typedef struct
{
  gint64 id;
  char *title;
  char *subtitle;
} TiAttentionRecord;

/**
 * TiAttention:
 * @kind: what needs attention
 * @title: the item in words, with its count ("3 sessions awaiting review for over 14 days")
 * @records: (element-type TiAttentionRecord): every record behind it, most urgent first
 *
 * One item of "Needs attention". Items with no records are not listed.
 */
typedef struct
{
  TiAttentionKind kind;
  char *title;
  GPtrArray *records;
} TiAttention;

/**
 * TiEvaluation:
 * @from: (nullable): the period's first day, 'YYYY-MM-DD'; NULL when open
 * @to: (nullable): its last day; NULL when open
 * @today: the day "needs attention", statuses and "active" are judged on
 * @headlines: (element-type TiHeadline): in the order the page shows them
 * @charts: (element-type TiChartFigure): in the order the page shows them
 * @attention: (element-type TiAttention): most urgent kinds first
 *
 * Everything the Evaluation destination shows, computed in one pass in a worker thread from
 * the figures modules, so the page and the workbook never disagree.
 */
typedef struct
{
  char *from;
  char *to;
  char today[11];
  GPtrArray *headlines;
  GPtrArray *charts;
  GPtrArray *attention;
} TiEvaluation;

const TiFigureDefinition *ti_evaluation_definitions (guint *n_definitions);
const TiFigureDefinition *ti_evaluation_definition (const char *key);

TiEvaluation *ti_evaluation_compute (TiDatabase *db, const char *from, const char *to,
                                     const char *today, GError **error);
void ti_evaluation_compute_async (const char *db_path, const char *from, const char *to,
                                  const char *today, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data);
TiEvaluation *ti_evaluation_compute_finish (GAsyncResult *result, GError **error);
void ti_evaluation_free (TiEvaluation *evaluation);

const TiHeadline *ti_evaluation_find_headline (const TiEvaluation *evaluation, const char *key);
const TiChartFigure *ti_evaluation_find_chart (const TiEvaluation *evaluation, const char *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiEvaluation, ti_evaluation_free)

G_END_DECLS
