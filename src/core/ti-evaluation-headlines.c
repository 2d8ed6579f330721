/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-evaluation-private.h"
#include "ti-format.h"

/*
 * The evaluation's headline figures: each is a figures module's figure (or the sum of two),
 * worded here with a line of context; none is counted here.
 */

void
ti_headline_free (gpointer data)
{
  TiHeadline *headline = data;

  g_free (headline->label);
  g_free (headline->value);
  g_free (headline->detail);
  g_free (headline);
}

/* Adds a headline; takes @value and @detail. */
static void
add_headline (TiEvaluation *evaluation, const char *key, const char *label, char *value,
              double number, char *detail)
{
  TiHeadline *headline = g_new0 (TiHeadline, 1);

  headline->key = key;
  headline->label = g_strdup (_ (label));
  headline->value = value;
  headline->number = number;
  headline->detail = detail;
  headline->outcomes = ti_evaluation_outcomes_of (key);
  g_ptr_array_add (evaluation->headlines, headline);
}

static void
add_count (TiEvaluation *evaluation, const char *key, const char *label, guint count, char *detail)
{
  add_headline (evaluation, key, label, ti_format_count (count), count, detail);
}

/* @format ("of %s organisations", in the plural form for @count) with @count grouped in
 * thousands. */
static char *
counted (const char *format, guint count)
{
  g_autofree char *number = ti_format_count (count);

  return g_strdup_printf (format, number);
}

static void
add_network_headlines (TiEvaluation *evaluation, const TiNetworkFigures *network)
{
  g_autofree char *on = ti_format_date (network->on);

  add_count (evaluation, "active_champions", N_ ("Active champions"), network->active_champions,
             /* Translators: %s is a date, "30 Apr 2024" */
             g_strdup_printf (_ ("on %s"), on));
  add_count (evaluation, "organisations_in_network", N_ ("Organisations in the network"),
             network->organisations_in_network,
             counted (g_dngettext (GETTEXT_PACKAGE, "of %s organisation", "of %s organisations",
                                   network->organisations),
                      network->organisations));
  add_count (evaluation, "charter_signatories", N_ ("Charter signatories"),
             network->charter_signatories,
             counted (g_dngettext (GETTEXT_PACKAGE, "of %s organisation", "of %s organisations",
                                   network->organisations),
                      network->organisations));
}

static void
add_training_headlines (TiEvaluation *evaluation, const TiTrainingFigures *training)
{
  g_autofree char *tier2 = ti_format_count (training->sessions_tier2);
  g_autofree char *tier3 = ti_format_count (training->sessions_tier3);
  g_autofree char *before = ti_format_confidence (training->confidence_before);
  g_autofree char *after = ti_format_confidence (training->confidence_after);

  add_count (
    evaluation, "tier1_completions", N_ ("Tier 1 completions"), training->tier1_completions,
    counted (g_dngettext (GETTEXT_PACKAGE, "by %s person", "by %s people", training->tier1_people),
             training->tier1_people));
  add_headline (evaluation, "tier1_reach", N_ ("Tier 1 reach"),
                ti_series_format_value (TI_SERIES_FORMAT_PERCENT, training->tier1_reach),
                training->tier1_reach,
                training->tier1_headcount > 0
                  ? counted (g_dngettext (GETTEXT_PACKAGE, "of %s member of staff", "of %s staff",
                                          (guint)training->tier1_headcount),
                             (guint)training->tier1_headcount)
                  : NULL);
  add_count (evaluation, "sessions_delivered", N_ ("Sessions delivered"),
             training->sessions_tier2 + training->sessions_tier3,
             /* Translators: sessions delivered by tier, "Tier 2: 12 · Tier 3: 4" */
             g_strdup_printf (_ ("Tier 2: %s · Tier 3: %s"), tier2, tier3));
  add_count (evaluation, "session_attendees", N_ ("Session attendees"), training->attendees,
             counted (g_dngettext (GETTEXT_PACKAGE, "%s completed", "%s completed",
                                   training->session_completions),
                      training->session_completions));
  add_headline (evaluation, "confidence_change", N_ ("Confidence change"),
                ti_format_confidence_change (training->confidence_change),
                training->confidence_change,
                isnan (training->confidence_change)
                  ? NULL
                  /* Translators: mean confidence (1–5) before and after, "2.60 → 3.80" */
                  : g_strdup_printf (_ ("%s → %s"), before, after));
}

static void
add_other_headlines (TiEvaluation *evaluation, const TiEvaluationSources *sources)
{
  const TiEventFigures *events = &sources->events;
  const TiMilestoneFigures *milestones = &sources->milestones;
  guint speakers
    = events->speakers_local + events->speakers_national + events->speakers_international;

  add_count (
    evaluation, "events_held", N_ ("Events held"), events->events_held,
    counted (g_dngettext (GETTEXT_PACKAGE, "%s guest speaker", "%s guest speakers", speakers),
             speakers));
  add_count (evaluation, "event_attendances", N_ ("Event attendances"), events->attendances,
             counted (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s different people",
                                   events->people_attending),
                      events->people_attending));
  add_count (evaluation, "engagement_participants", N_ ("Engagement participants"),
             sources->engagement.participants,
             counted (g_dngettext (GETTEXT_PACKAGE, "at %s activity", "at %s activities",
                                   sources->engagement.activities),
                      sources->engagement.activities));
  if (milestones->milestones_due == 0)
    add_headline (evaluation, "milestones_on_time", N_ ("Milestones on time"), g_strdup ("—"), NAN,
                  NULL);
  else
    {
      g_autofree char *done = ti_format_count (milestones->milestones_done_on_time);
      g_autofree char *due = ti_format_count (milestones->milestones_due);

      add_headline (evaluation, "milestones_on_time", N_ ("Milestones on time"),
                    /* Translators: milestones done on time of those due, "3 of 5" */
                    g_strdup_printf (_ ("%s of %s"), done, due),
                    milestones->milestones_done_on_time,
                    counted (g_dngettext (GETTEXT_PACKAGE, "%s due in the period",
                                          "%s due in the period", milestones->milestones_due),
                             milestones->milestones_due));
    }
}

/* Adds the headlines, in the order the page shows them. */
void
ti_evaluation_add_headlines (TiEvaluation *evaluation, const TiEvaluationSources *sources)
{
  add_network_headlines (evaluation, &sources->network);
  add_training_headlines (evaluation, &sources->training);
  add_other_headlines (evaluation, sources);
}
