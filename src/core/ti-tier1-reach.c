/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-tier1-reach"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-format.h"
#include "ti-training-figures-private.h"
#include "ti-vocabulary.h"

/*
 * Tier 1 reach, counted once for a period and broken down four ways. The rules (their
 * one-line forms are in ti-training-figures.c):
 *
 * - A person is reached by a date when they have a Tier 1 completion on or before it: the
 *   Tier 1 date of ti-tiers.c (their earliest completion) is on or before it. Erased people
 *   keep their completions, so they still count.
 * - A parent organisation's headcount includes its directorates (a council and its
 *   services), so an organisation's row counts the people of its directorates too.
 * - Aggregates (the programme, a sector, a locality) must not count a directorate's staff
 *   twice: each person counts towards the highest organisation above them (or their own)
 *   whose headcount is known, its "unit". Each unit counts at most its whole headcount, as
 *   an organisation's reach is capped at 100% (a headcount can be out of date). People
 *   with no unit (no headcount known anywhere above them) count as reached, but not in reach.
 * - Sectors and localities are those of the top-level organisation, so a directorate is
 *   counted with its parent. Overall reach and the sectors are about Somerset's workforce:
 *   organisations outside Somerset (guest speakers' employers, national bodies) appear
 *   by organisation and under their locality only.
 *
 * The counting is done here in C, over one scan of the people's organisations and one of
 * the completions in person order (both on indexes, neither sorted): at scale 10 that is
 * several times quicker than SQLite's GROUP BY over a quarter of a million rows.
 */

#define OUTSIDE_SOMERSET "outside_somerset"

typedef struct
{
  guint completions; /* records dated in the period */
  guint people;      /* different people with one dated in the period */
  guint reached;     /* people with one on or before the period's end */
  char latest[11];   /* the latest dated in the period, or "" */
} Count;

/* What the tally counts of an organisation of the tree. */
typedef struct
{
  int unit;     /* index of the highest organisation above it (or itself) with a headcount, or -1 */
  Count direct; /* its own people only */
} Organisation;

struct _TiTier1Tally
{
  TiPeriod period;
  TiOrganisationTree *tree;
  Organisation *organisations; /* one for each of the tree's, by the same index */
  Count everyone;              /* every person, with an organisation or without */
  GArray *months;        /* of MonthCount, one a month from month_base on */
  int month_base;
};

typedef struct
{
  Count count;  /* completions in the period */
  guint firsts; /* people whose first completion is in this month, and by the period's end */
} MonthCount;

void
ti_tier1_tally_free (TiTier1Tally *tally)
{
  if (tally == NULL)
    return;
  g_clear_pointer (&tally->tree, ti_organisation_tree_unref);
  g_free (tally->organisations);
  g_clear_pointer (&tally->months, g_array_unref);
  g_free (tally);
}

int
ti_month_number (const char *date)
{
  int year = (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + date[3] - '0';
  int month = (date[5] - '0') * 10 + date[6] - '0';

  return year * 12 + month - 1;
}

static void
count_latest (Count *count, const char *date)
{
  if (date[0] != '\0' && strcmp (date, count->latest) > 0)
    memcpy (count->latest, date, sizeof count->latest);
}

static void
count_add (Count *sum, const Count *count)
{
  sum->completions += count->completions;
  sum->people += count->people;
  sum->reached += count->reached;
  count_latest (sum, count->latest);
}

/* Each organisation's unit: the highest organisation above it, or itself, whose headcount is
 * known. */
static void
find_units (TiTier1Tally *tally)
{
  TiOrganisationTree *tree = tally->tree;
  guint n = tree->nodes->len;

  for (guint i = 0; i < n; i++)
    {
      int at = (int) i;

      tally->organisations[i].unit = -1;
      for (guint steps = 0; at >= 0 && steps <= n; steps++)
        {
          const TiOrganisationNode *above = TI_ORGANISATION_NODE (tree, at);

          if (above->headcount > 0)
            tally->organisations[i].unit = at;
          at = above->parent;
        }
    }
}

/* What one person's completions add up to. */
typedef struct
{
  gint64 person_id;
  guint in_period;
  char first[11];
  char latest[11];
  GArray *months; /* month numbers of their completions in the period */
} Person;

static int
compare_int (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The month's counts, the table growing either way to hold it. */
static MonthCount *
month_count (TiTier1Tally *tally, int month)
{
  GArray *months = tally->months;

  if (months->len == 0)
    tally->month_base = month;
  if (month < tally->month_base)
    {
      guint shift = tally->month_base - month;
      guint len = months->len;

      g_array_set_size (months, len + shift);
      memmove (&g_array_index (months, MonthCount, shift), months->data, len * sizeof (MonthCount));
      memset (months->data, 0, shift * sizeof (MonthCount));
      tally->month_base = month;
    }
  if ((guint) (month - tally->month_base) >= months->len)
    g_array_set_size (months, month - tally->month_base + 1);
  return &g_array_index (months, MonthCount, month - tally->month_base);
}

static void
add_person (TiTier1Tally *tally, const Person *person, int organisation)
{
  Count count = { person->in_period, person->in_period > 0,
                  strcmp (person->first, tally->period.to) <= 0, "" };

  memcpy (count.latest, person->latest, sizeof count.latest);
  count_add (&tally->everyone, &count);
  if (organisation >= 0)
    count_add (&tally->organisations[organisation].direct, &count);

  /* Someone completing twice in a month is one person that month. */
  if (person->months->len > 1)
    g_array_sort (person->months, compare_int);
  for (guint i = 0; i < person->months->len; i++)
    {
      int month = g_array_index (person->months, int, i);

      if (i == 0 || month != g_array_index (person->months, int, i - 1))
        month_count (tally, month)->count.people++;
    }
  if (count.reached)
    month_count (tally, ti_month_number (person->first))->firsts++;
}

/* Who belongs where: people's organisations (as indexes into the tally's), read from the
 * narrow (organisation_id, id) index rather than the wide people table. Ids are dense in
 * practice (SQLite gives the next one up), so an array indexed by id; a hash table if not. */
typedef struct
{
  GArray *by_id;      /* int: organisation index + 1, 0 for none */
  GHashTable *by_key; /* gint64 id → organisation index + 1, when ids are sparse */
} Membership;

static void
membership_clear (Membership *membership)
{
  g_clear_pointer (&membership->by_id, g_array_unref);
  g_clear_pointer (&membership->by_key, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Membership, membership_clear)

static int
membership_lookup (const Membership *membership, gint64 person_id)
{
  if (membership->by_id != NULL)
    return person_id >= 0 && person_id < membership->by_id->len
             ? g_array_index (membership->by_id, int, person_id) - 1
             : -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (membership->by_key, &person_id)) - 1;
}

static gboolean
load_membership (TiTier1Tally *tally, TiDatabase *db, Membership *membership, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 min_id, max_id, n_people;
  gint64 last_organisation_id = 0;
  gboolean any = FALSE;
  int value = 0;
  int rc;

  /* Apart, so that SQLite finds the ends on the rowid and counts an index's entries page by
   * page without decoding each row (together, it would read every row). */
  stmt = ti_database_prepare (db,
                              "SELECT (SELECT coalesce(min(id), 0) FROM people),"
                              " (SELECT coalesce(max(id), 0) FROM people),"
                              " (SELECT count(*) FROM people)",
                              error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the people"), error);
  min_id = sqlite3_column_int64 (stmt, 0);
  max_id = sqlite3_column_int64 (stmt, 1);
  n_people = sqlite3_column_int64 (stmt, 2);
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* A whole file's ids are positive; a damaged or hand-edited one's may not be. */
  if (min_id >= 0 && max_id < 16 * (n_people + 1024))
    {
      membership->by_id = g_array_sized_new (FALSE, TRUE, sizeof (int), (guint) max_id + 1);
      g_array_set_size (membership->by_id, (guint) max_id + 1);
    }
  else
    membership->by_key = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  stmt = ti_database_prepare (
    db, "SELECT organisation_id, id FROM people WHERE organisation_id IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  /* The index gives the people organisation by organisation: one look-up for each. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 organisation_id = sqlite3_column_int64 (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);

      if (!any || organisation_id != last_organisation_id)
        {
          value = ti_organisation_tree_find (tally->tree, organisation_id) + 1;
          last_organisation_id = organisation_id;
          any = TRUE;
        }
      if (membership->by_id != NULL && id >= 0 && id <= max_id)
        g_array_index (membership->by_id, int, id) = value;
      else if (membership->by_key != NULL)
        g_hash_table_insert (membership->by_key, g_memdup2 (&id, sizeof id),
                             GINT_TO_POINTER (value));
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the people"), error);
  return TRUE;
}

static gboolean
count_completions (TiTier1Tally *tally, TiDatabase *db, GError **error)
{
  g_auto (Membership) membership = { NULL, NULL };
  g_autoptr (sqlite3_stmt) completions = NULL;
  g_autoptr (GArray) months = g_array_new (FALSE, FALSE, sizeof (int));
  Person person = { 0, .months = months };
  int organisation = -1;
  int rc;

  if (!load_membership (tally, db, &membership, error))
    return FALSE;
  /* On the UNIQUE (person_id, source, completed_on) index: in person order, no sorting. */
  completions = ti_database_prepare (
    db, "SELECT person_id, completed_on FROM tier1_completions ORDER BY person_id", error);
  if (completions == NULL)
    return FALSE;

  while ((rc = sqlite3_step (completions)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (completions, 0);
      const char *date = (const char *) sqlite3_column_text (completions, 1);

      if (date == NULL || strlen (date) != 10)
        continue;
      if (id != person.person_id)
        {
          if (person.person_id != 0)
            add_person (tally, &person, organisation);
          person.person_id = id;
          person.in_period = 0;
          memcpy (person.first, date, sizeof person.first);
          person.latest[0] = '\0';
          g_array_set_size (months, 0);
          organisation = membership_lookup (&membership, id);
        }
      /* Every date here is ten characters, as are the period's ends (ti_period_init()). */
      if (memcmp (date, person.first, 10) < 0)
        memcpy (person.first, date, sizeof person.first);
      if (memcmp (date, tally->period.from, 10) >= 0 && memcmp (date, tally->period.to, 10) <= 0)
        {
          int month = ti_month_number (date);
          Count *count = &month_count (tally, month)->count;

          person.in_period++;
          if (strcmp (date, person.latest) > 0)
            memcpy (person.latest, date, sizeof person.latest);
          count->completions++;
          count_latest (count, date);
          g_array_append_val (months, month);
        }
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the Tier 1 completions"), error);
  if (person.person_id != 0)
    add_person (tally, &person, organisation);
  return TRUE;
}

/**
 * ti_tier1_tally_new:
 * @period: the period, as ti_period_init() made it
 *
 * Counts Tier 1 for @period: call it inside a read transaction when it must agree with
 * other reads.
 *
 * Returns: (transfer full) (nullable): the tally, or %NULL with @error set
 */
TiTier1Tally *
ti_tier1_tally_new (TiDatabase *db, const TiPeriod *period, GError **error)
{
  g_autoptr (TiTier1Tally) tally = g_new0 (TiTier1Tally, 1);

  tally->period = *period;
  tally->months = g_array_new (FALSE, TRUE, sizeof (MonthCount));
  tally->tree = ti_organisation_tree_new (db, error);
  if (tally->tree == NULL)
    return NULL;
  tally->organisations = g_new0 (Organisation, tally->tree->nodes->len);
  find_units (tally);
  if (!count_completions (tally, db, error))
    return NULL;
  return g_steal_pointer (&tally);
}

/*
 * The organisations the tally was counted for, to share with the network tally.
 *
 * Returns: (transfer none): the tree
 */
TiOrganisationTree *
ti_tier1_tally_get_organisations (TiTier1Tally *tally)
{
  return tally->tree;
}

/* A sector or locality: the organisations under top-level organisations with that key. */
typedef struct
{
  Count count;
  gint64 headcount;
  guint64 reached_capped;
  gboolean any;
} Group;

/* Groups the organisations by their top-level organisation's sector (or locality), counting
 * each unit's headcount once and its reach at most in full. @somerset_only leaves out
 * organisations outside Somerset. @keys/@groups: one Group per key, in the keys' order. */
static void
tally_groups (TiTier1Tally *tally, gboolean by_locality, gboolean somerset_only,
              const TiTerm *keys, guint n_keys, Group *groups)
{
  TiOrganisationTree *tree = tally->tree;
  guint n = tree->nodes->len;
  g_autofree guint *unit_reached = g_new0 (guint, n);

  for (guint i = 0; i < n; i++)
    {
      const Organisation *o = &tally->organisations[i];

      if (o->unit >= 0)
        unit_reached[o->unit] += o->direct.reached;
    }

  for (guint i = 0; i < n; i++)
    {
      const Organisation *o = &tally->organisations[i];
      const TiOrganisationNode *node = TI_ORGANISATION_NODE (tree, i);
      const TiOrganisationNode *root = TI_ORGANISATION_NODE (tree, node->root);
      const char *key = by_locality ? root->locality : root->sector;
      Group *group = NULL;

      if (somerset_only && g_strcmp0 (root->locality, OUTSIDE_SOMERSET) == 0)
        continue;
      for (guint k = 0; k < n_keys && group == NULL; k++)
        if (g_strcmp0 (keys[k].key, key) == 0)
          group = &groups[k];
      if (group == NULL)
        continue;
      group->any = TRUE;
      count_add (&group->count, &o->direct);
      if (o->unit == (int) i)
        {
          group->headcount += node->headcount;
          group->reached_capped += MIN ((gint64) unit_reached[i], node->headcount);
        }
    }
}

/**
 * ti_tier1_tally_totals:
 * @completions: (out) (optional): completion records in the period, everyone's
 * @people: (out) (optional): different people completing in the period, everyone
 * @reached: (out) (optional): the reach numerator: Somerset's units, each capped
 * @headcount: (out) (optional): the reach denominator: the units' headcounts
 *
 * The programme's Tier 1 figures: reach is @reached ÷ @headcount. The last two are the sums
 * of the sector rows', by construction.
 */
void
ti_tier1_tally_totals (TiTier1Tally *tally, guint *completions, guint *people, guint *reached,
                       gint64 *headcount)
{
  guint n_sectors;
  const TiTerm *sectors = ti_vocabulary_sectors (&n_sectors);
  g_autofree Group *groups = g_new0 (Group, n_sectors);
  guint64 sum_reached = 0;
  gint64 sum_headcount = 0;

  tally_groups (tally, FALSE, TRUE, sectors, n_sectors, groups);
  for (guint k = 0; k < n_sectors; k++)
    {
      sum_reached += groups[k].reached_capped;
      sum_headcount += groups[k].headcount;
    }
  if (completions != NULL)
    *completions = tally->everyone.completions;
  if (people != NULL)
    *people = tally->everyone.people;
  if (reached != NULL)
    *reached = (guint) sum_reached;
  if (headcount != NULL)
    *headcount = sum_headcount;
}

static double
share (guint64 part, gint64 whole)
{
  return whole > 0 ? MIN (1.0, (double) part / (double) whole) : -1.0;
}

static TiReachRow *
row_new (const char *key, const char *label, const Count *count, gint64 headcount,
         double reach)
{
  TiReachRowFields fields = {
    .key = key,
    .label = label,
    .completions = count->completions,
    .people = count->people,
    .reached = count->reached,
    .headcount = headcount,
    .reach = reach,
    .latest = count->latest[0] != '\0' ? count->latest : NULL,
  };

  return ti_reach_row_new (&fields);
}

static void
organisation_rows (TiTier1Tally *tally, GPtrArray *rows)
{
  TiOrganisationTree *tree = tally->tree;
  guint n = tree->nodes->len;
  g_autofree Count *subtree = g_new0 (Count, n);

  /* Each organisation's people count in it and in every organisation above it. */
  for (guint i = 0; i < n; i++)
    {
      int at = (int) i;

      for (guint steps = 0; at >= 0 && steps <= n; steps++)
        {
          count_add (&subtree[at], &tally->organisations[i].direct);
          at = TI_ORGANISATION_NODE (tree, at)->parent;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      const TiOrganisationNode *o = TI_ORGANISATION_NODE (tree, i);
      char key[32];

      g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, o->id);
      g_ptr_array_add (rows, row_new (key, o->name, &subtree[i], o->headcount,
                                      share (subtree[i].reached, o->headcount)));
    }
}

static void
group_rows (TiTier1Tally *tally, gboolean by_locality, GPtrArray *rows)
{
  guint n_keys;
  const TiTerm *keys = by_locality ? ti_vocabulary_localities (&n_keys)
                                   : ti_vocabulary_sectors (&n_keys);
  g_autofree Group *groups = g_new0 (Group, n_keys);

  tally_groups (tally, by_locality, !by_locality, keys, n_keys, groups);
  for (guint k = 0; k < n_keys; k++)
    if (groups[k].any)
      g_ptr_array_add (rows, row_new (keys[k].key, _(keys[k].label), &groups[k].count,
                                      groups[k].headcount,
                                      share (groups[k].reached_capped, groups[k].headcount)));
}

static void
month_rows (TiTier1Tally *tally, GPtrArray *rows)
{
  MonthCount *months = (MonthCount *) (gpointer) tally->months->data;
  guint first = 0, last = tally->months->len;
  guint reached = 0;

  /* From the first month with a completion in the period to the last. */
  while (first < last && months[first].count.completions == 0)
    first++;
  while (last > first && months[last - 1].count.completions == 0)
    last--;
  /* Reached by a month's end: everyone whose first completion came by then, before the
   * period too. */
  for (guint i = 0; i < first; i++)
    reached += months[i].firsts;

  for (guint i = first; i < last; i++)
    {
      int month = tally->month_base + (int) i;
      Count shown = months[i].count;
      char iso[8];
      g_autofree char *label = NULL;

      g_snprintf (iso, sizeof iso, "%04d-%02d", month / 12, month % 12 + 1);
      label = ti_format_month (iso);
      reached += months[i].firsts;
      shown.reached = reached;
      g_ptr_array_add (rows, row_new (iso, label, &shown, 0, -1.0));
    }
}

/**
 * ti_tier1_tally_rows:
 *
 * Returns: (transfer full): a #GListModel of #TiReachRow, in the grouping's own order
 *   (organisations by name, sectors and localities in the vocabulary's order, months in time)
 */
GListModel *
ti_tier1_tally_rows (TiTier1Tally *tally, TiReachGrouping grouping)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store = g_list_store_new (TI_TYPE_REACH_ROW);

  switch (grouping)
    {
    case TI_REACH_BY_ORGANISATION:
      organisation_rows (tally, rows);
      break;
    case TI_REACH_BY_SECTOR:
      group_rows (tally, FALSE, rows);
      break;
    case TI_REACH_BY_LOCALITY:
      group_rows (tally, TRUE, rows);
      break;
    case TI_REACH_BY_MONTH:
      month_rows (tally, rows);
      break;
    default:
      g_return_val_if_reached (G_LIST_MODEL (store));
    }
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (store);
}

/**
 * ti_tier1_reach_list:
 * @grouping: by organisation, sector, locality or month
 * @from: (nullable): the period's first day, 'YYYY-MM-DD'; %NULL for no start
 * @to: (nullable): the period's last day, 'YYYY-MM-DD'; %NULL for no end
 *
 * Tier 1 reach broken down, each row's figures as defined by
 * ti_training_figure_definitions() ("tier1-by-organisation" and the others).
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiReachRow, or %NULL with @error
 */
GListModel *
ti_tier1_reach_list (TiDatabase *db, TiReachGrouping grouping, const char *from, const char *to,
                     GError **error)
{
  g_autoptr (TiTier1Tally) tally = NULL;
  gboolean own_transaction;
  TiPeriod period;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  if (!ti_period_init (&period, from, to, error))
    return NULL;
  /* One snapshot for the organisations and the completions. */
  if (!ti_database_snapshot_begin (db, &own_transaction, error))
    return NULL;
  tally = ti_tier1_tally_new (db, &period, error);
  ti_database_snapshot_end (db, own_transaction);
  return tally ? ti_tier1_tally_rows (tally, grouping) : NULL;
}

static gpointer
read_list (TiDatabase *db, gpointer data, GError **error)
{
  TiPeriodJob *job = data;

  return ti_tier1_reach_list (db, job->grouping, job->from, job->to, error);
}

/**
 * ti_tier1_reach_list_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 * @from: (nullable): as for ti_tier1_reach_list(); copied
 * @to: (nullable): likewise
 *
 * Computes ti_tier1_reach_list() in a worker thread.
 */
void
ti_tier1_reach_list_async (const char *db_path, TiReachGrouping grouping, const char *from,
                           const char *to, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  ti_database_read_async (db_path, read_list, ti_period_job_new (from, to, grouping),
                          ti_period_job_free, g_object_unref, cancellable, callback, user_data);
}

/**
 * ti_tier1_reach_list_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiReachRow, or %NULL with @error
 */
GListModel *
ti_tier1_reach_list_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}

/**
 * ti_tier1_has_completions:
 *
 * Quick enough for the main thread at any scale.
 *
 * Returns: whether the programme records any Tier 1 completion (%FALSE also on error)
 */
gboolean
ti_tier1_has_completions (TiDatabase *db, GError **error)
{
  return ti_database_count (db, "SELECT EXISTS (SELECT 1 FROM tier1_completions)", error) > 0;
}
