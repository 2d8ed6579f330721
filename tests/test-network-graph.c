/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "test-util.h"
#include "ti-demo.h"
#include "ti-network-graph-private.h"
#include "ti-schema.h"

/*
 * The fixture, as of 2024-01-01 (AS_OF):
 *
 *   organisations  Alpha Trust (NHS trust; its directorate Alpha Trust Mental Health counts with
 *                  it), Beta Police (Police), Delta Academy (Education, no champion), Gamma
 *                  School (Education)
 *   champions      Ann (Alpha), Ben (the directorate, so Alpha), Cat and Dan (Beta), Eve
 *                  (Gamma); Fay (Gamma) stepped down on 2023-03-15; Gus (Gamma) joined on
 *                  2024-06-01; Zed (Delta) is no champion
 *   sessions       1, 2023-03-01, delivered: Ann and Cat facilitate          Ann–Cat
 *                  2, 2023-04-01, delivered: Ann, Cat, Fay, Zed attend      Ann–Cat
 *                  3, 2023-05-01, cancelled: Ann and Ben attend             nothing
 *                  4, 2024-02-01, delivered (after the day): Ann and Ben facilitate, Cat attends
 *                  5, 2023-06-01, delivered: Cat attends, Dan is absent     nothing
 *                  6, 2023-10-01, delivered: Dan and Eve facilitate          Dan–Eve
 *   events         1, 2023-06-15: Cat, Dan, Eve attend (Ann invited, absent)  Cat–Dan, Cat–Eve,
 *                                                                             Dan–Eve
 *                  2, 2024-03-01 (after the day): Ann and Dan attend
 *
 * Champions mode: nodes 0 Alpha, 1 Beta, 2 Delta, 3 Gamma, 4 Ann, 5 Ben, 6 Cat, 7 Dan, 8 Eve;
 * ties Ann–Cat 2, Cat–Dan 1, Cat–Eve 1, Dan–Eve 2 and five memberships. Unweighted, the graph
 * is the path Ben–Alpha–Ann–Cat, the triangle Cat–Dan–Eve with Beta on Cat and Dan, Gamma on
 * Eve, and Delta alone. Betweenness among n = 9 (at most 8 × 7 / 2 = 28 pairs):
 *   Cat: the 3 nodes left of it to the 4 right of it (12), and half of Beta–Eve and of
 *        Beta–Gamma (the other shortest path goes through Dan): 13 / 28
 *   Ann: Ben and Alpha to the 5 beyond: 10 / 28;  Eve: Gamma to the 6 others: 6 / 28
 *   Alpha: Ben to the 6 others: 6 / 28;  Dan: half of Beta–Eve and Beta–Gamma: 1 / 28
 * Bridges: only Cat's ties reach two sectors besides her own (NHS trust and Education).
 * Sector pairs: NHS trust–Police 1 (Ann–Cat), NHS trust–Education 0, Police–Education 2.
 * Sector matrix (NHS trust, Police, Education; ties with their weights): NHS trust–Police 1
 * (2), Police–Police 1 (Cat–Dan, 1), Police–Education 2 (Cat–Eve 1 + Dan–Eve 2 = 3), none
 * within NHS trust or Education, none between them.
 *
 * Organisations mode: Alpha–Beta 2 (Ann–Cat), Beta–Gamma 3 (Cat–Eve 1 + Dan–Eve 2; Cat–Dan
 * is within Beta); Beta's betweenness 1 of the 3 pairs among 4. Sector matrix: NHS
 * trust–Police 1 (2), Police–Education 1 (3), nothing else (no two organisations of one
 * sector are tied).
 */
#define AS_OF "2024-01-01"

static const char fixture_sql[]
  = "INSERT INTO organisations (id, name, sector, locality, parent_id) VALUES"
    "  (1, 'Alpha Trust', 'nhs_trust', 'county_wide', NULL),"
    "  (2, 'Alpha Trust Mental Health', 'nhs_trust', 'county_wide', 1),"
    "  (3, 'Beta Police', 'police', 'county_wide', NULL),"
    "  (4, 'Delta Academy', 'education', 'mendip', NULL),"
    "  (5, 'Gamma School', 'education', 'sedgemoor', NULL);"
    "INSERT INTO people (id, name, organisation_id) VALUES"
    "  (10, 'Ann', 1), (11, 'Ben', 2), (12, 'Cat', 3), (13, 'Dan', 3), (14, 'Eve', 5),"
    "  (15, 'Fay', 5), (16, 'Gus', 5), (20, 'Zed', 4);"
    "INSERT INTO champions (person_id, since, status, status_changed_on) VALUES"
    "  (10, '2023-01-01', 'active', NULL), (11, '2023-01-01', 'active', NULL),"
    "  (12, '2023-01-01', 'active', NULL), (13, '2023-01-01', 'active', NULL),"
    "  (14, '2023-01-01', 'active', NULL), (15, '2023-01-01', 'stepped_down', '2023-03-15'),"
    "  (16, '2024-06-01', 'active', NULL);"
    "INSERT INTO tier1_completions (person_id, completed_on) VALUES"
    "  (10, '2023-02-01'), (12, '2023-02-01');"
    "INSERT INTO sessions (id, tier, title, starts_at, status) VALUES"
    "  (1, 2, 'Co-facilitated', '2023-03-01 10:00', 'delivered'),"
    "  (2, 2, 'Attended together', '2023-04-01 10:00', 'delivered'),"
    "  (3, 2, 'Cancelled', '2023-05-01 10:00', 'cancelled'),"
    "  (4, 3, 'After the day', '2024-02-01 10:00', 'delivered'),"
    "  (5, 2, 'Absent', '2023-06-01 10:00', 'delivered'),"
    "  (6, 2, 'Co-facilitated again', '2023-10-01 10:00', 'delivered');"
    "INSERT INTO session_facilitators (session_id, person_id, kind) VALUES"
    "  (1, 10, 'champion'), (1, 12, 'champion'), (4, 10, 'champion'), (4, 11, 'champion'),"
    "  (6, 13, 'champion'), (6, 14, 'champion');"
    "INSERT INTO attendance (session_id, person_id, attended, completed) VALUES"
    "  (2, 10, 1, 1), (2, 12, 1, 0), (2, 15, 1, 1), (2, 20, 1, 1),"
    "  (3, 10, 1, 0), (3, 11, 1, 0), (4, 12, 1, 1), (5, 12, 1, 0), (5, 13, 0, 0);"
    "INSERT INTO events (id, title, starts_at) VALUES"
    "  (1, 'June network event', '2023-06-15 10:00'), (2, 'Spring event', '2024-03-01 10:00');"
    "INSERT INTO event_attendance (event_id, person_id, attended) VALUES"
    "  (1, 12, 1), (1, 13, 1), (1, 14, 1), (1, 10, 0), (2, 10, 1), (2, 13, 1);";

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "network.sqlite", data != NULL ? data : fixture_sql);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_programme_tear_down (f);
}

static TiNetworkGraph *
build (Fixture *f, TiNetworkMode mode, const char *as_of)
{
  g_autoptr (GError) error = NULL;
  TiNetworkGraph *graph = ti_network_graph_build (f->db, mode, as_of, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static const TiNetworkNode *
node (const TiNetworkGraph *graph, guint i)
{
  g_assert_cmpuint (i, <, graph->nodes->len);
  return &g_array_index (graph->nodes, TiNetworkNode, i);
}

static int
find_node (const TiNetworkGraph *graph, const char *label)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    if (g_strcmp0 (node (graph, i)->label, label) == 0)
      return i;
  return -1;
}

/* The tie between the nodes labelled @a and @b: its weight, 0 when there is none. */
static double
tie_weight (const TiNetworkGraph *graph, const char *a, const char *b, gboolean *membership)
{
  int i = find_node (graph, a), j = find_node (graph, b);

  g_assert_cmpint (i, >=, 0);
  g_assert_cmpint (j, >=, 0);
  for (guint k = 0; k < graph->ties->len; k++)
    {
      const TiNetworkTie *t = &g_array_index (graph->ties, TiNetworkTie, k);

      g_assert_cmpuint (t->source, <, t->target);
      if (t->source == (guint) MIN (i, j) && t->target == (guint) MAX (i, j))
        {
          if (membership != NULL)
            *membership = t->membership;
          return t->weight;
        }
    }
  return 0;
}

static void
assert_labels (const TiNetworkGraph *graph, GArray *indices, const char *expected)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; i < indices->len; i++)
    g_ptr_array_add (labels, node (graph, g_array_index (indices, guint, i))->label);
  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv (",", (char **) labels->pdata);
  g_assert_cmpstr (joined, ==, expected);
}

/* @graph's sector matrix is of @sectors (keys, comma-separated) and holds @ties and
 * @weights, row by row. */
static void
assert_sector_matrix (const TiNetworkGraph *graph, const char *sectors, const guint *ties,
                      const double *weights)
{
  const TiSectorMatrix *matrix = &graph->sector_matrix;
  g_auto (GStrv) keys = g_strsplit (sectors, ",", -1);
  guint n = g_strv_length (keys);

  g_assert_cmpuint (matrix->n_sectors, ==, n);
  for (guint a = 0; a < n; a++)
    {
      g_assert_cmpstr (matrix->sectors[a], ==, keys[a]);
      g_assert_cmpint (ti_sector_matrix_find (matrix, keys[a]), ==, a);
      for (guint b = 0; b < n; b++)
        {
          g_assert_cmpuint (ti_sector_matrix_get_ties (matrix, a, b), ==, ties[a * n + b]);
          g_assert_cmpfloat (ti_sector_matrix_get_weight (matrix, a, b), ==, weights[a * n + b]);
        }
    }
  g_assert_cmpint (ti_sector_matrix_find (matrix, "housing"), ==, -1);
}

static void
test_champions (Fixture *f, gconstpointer data)
{
  g_autoptr (TiNetworkGraph) graph = build (f, TI_NETWORK_CHAMPIONS, AS_OF);
  const char *labels[] = { "Alpha Trust", "Beta Police", "Delta Academy", "Gamma School",
                           "Ann", "Ben", "Cat", "Dan", "Eve" };
  const guint degrees[] = { 2, 2, 0, 1, 2, 1, 4, 3, 3 };
  const double strengths[] = { 2, 2, 0, 1, 3, 1, 5, 4, 4 };
  const double betweenness[] = { 6, 0, 0, 0, 10, 0, 13, 1, 6 };
  gboolean membership = FALSE;
  const TiNetworkNode *cat;

  g_assert_cmpstr (graph->as_of, ==, AS_OF);
  g_assert_cmpuint (graph->nodes->len, ==, G_N_ELEMENTS (labels));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_assert_cmpstr (node (graph, i)->label, ==, labels[i]);
      g_assert_cmpuint (node (graph, i)->degree, ==, degrees[i]);
      g_assert_cmpfloat_with_epsilon (node (graph, i)->strength, strengths[i], 1e-9);
      g_assert_cmpfloat_with_epsilon (node (graph, i)->betweenness, betweenness[i] / 28, 1e-9);
      g_assert_cmpuint (node (graph, i)->component, ==, i == 2 ? 1 : 0);
    }

  /* The directorate counts with Alpha; the stepped-down and the not-yet champions are out. */
  g_assert_cmpint (node (graph, 5)->organisation, ==, 0);
  g_assert_cmpuint (node (graph, 0)->champions, ==, 2);
  g_assert_cmpuint (node (graph, 3)->champions, ==, 1);
  g_assert_cmpint (find_node (graph, "Fay"), ==, -1);
  g_assert_cmpint (find_node (graph, "Gus"), ==, -1);
  g_assert_cmpint (find_node (graph, "Zed"), ==, -1);
  g_assert_cmpint (find_node (graph, "Alpha Trust Mental Health"), ==, -1);

  cat = node (graph, 6);
  g_assert_cmpint (cat->kind, ==, TI_NETWORK_NODE_CHAMPION);
  g_assert_cmpstr (cat->sector, ==, "police");
  g_assert_cmpstr (cat->sector_label, ==, "Police");
  g_assert_cmpstr (cat->locality, ==, "county_wide");
  g_assert_cmpint (cat->organisation, ==, 1);
  /* Cat's Tier 3 came after the day; Ann's Tier 2 session was before it. */
  g_assert_cmpint (cat->tier, ==, 1);
  g_assert_cmpint (node (graph, 4)->tier, ==, 2);
  g_assert_cmpint (node (graph, 5)->tier, ==, 0);

  g_assert_cmpuint (graph->ties->len, ==, 9);
  g_assert_cmpfloat (tie_weight (graph, "Ann", "Cat", &membership), ==, 2);
  g_assert_false (membership);
  g_assert_cmpfloat (tie_weight (graph, "Cat", "Dan", NULL), ==, 1);
  g_assert_cmpfloat (tie_weight (graph, "Cat", "Eve", NULL), ==, 1);
  g_assert_cmpfloat (tie_weight (graph, "Dan", "Eve", NULL), ==, 2);
  g_assert_cmpfloat (tie_weight (graph, "Ann", "Ben", NULL), ==, 0);
  g_assert_cmpfloat (tie_weight (graph, "Ann", "Dan", NULL), ==, 0);
  g_assert_cmpfloat (tie_weight (graph, "Ben", "Alpha Trust", &membership), ==, 1);
  g_assert_true (membership);

  /* One group: Delta alone is isolated, not a group of one. */
  g_assert_cmpuint (graph->n_components, ==, 1);
  g_assert_cmpuint (node (graph, find_node (graph, "Delta Academy"))->component, ==, 1);
  assert_labels (graph, graph->bridges, "Cat");
  assert_labels (graph, graph->isolated, "Delta Academy");

  g_assert_cmpuint (graph->sector_pairs->len, ==, 3);
  {
    const TiSectorPair *p = (const TiSectorPair *) graph->sector_pairs->data;

    g_assert_cmpstr (p[0].a, ==, "nhs_trust");
    g_assert_cmpstr (p[0].b, ==, "police");
    g_assert_cmpuint (p[0].ties, ==, 1);
    g_assert_cmpstr (p[1].a, ==, "nhs_trust");
    g_assert_cmpstr (p[1].b, ==, "education");
    g_assert_cmpuint (p[1].ties, ==, 0);
    g_assert_cmpstr (p[2].a, ==, "police");
    g_assert_cmpstr (p[2].b, ==, "education");
    g_assert_cmpuint (p[2].ties, ==, 2);
  }
  {
    const guint ties[] = { 0, 1, 0, /**/ 1, 1, 2, /**/ 0, 2, 0 };
    const double weights[] = { 0, 2, 0, /**/ 2, 1, 3, /**/ 0, 3, 0 };

    assert_sector_matrix (graph, "nhs_trust,police,education", ties, weights);
  }
  g_assert_cmpuint (graph->large_gatherings, ==, 0);
  g_assert_cmpstr (graph->description, ==,
                   "4 organisations, 5 champions and 4 ties. Biggest bridge: Cat (Police). "
                   "Isolated: Delta Academy. No ties between NHS trust and Education.");
}

static void
test_organisations (Fixture *f, gconstpointer data)
{
  g_autoptr (TiNetworkGraph) graph = build (f, TI_NETWORK_ORGANISATIONS, AS_OF);

  g_assert_cmpuint (graph->nodes->len, ==, 4);
  for (guint i = 0; i < graph->nodes->len; i++)
    g_assert_cmpint (node (graph, i)->kind, ==, TI_NETWORK_NODE_ORGANISATION);
  g_assert_cmpuint (graph->ties->len, ==, 2);
  g_assert_cmpfloat (tie_weight (graph, "Alpha Trust", "Beta Police", NULL), ==, 2);
  g_assert_cmpfloat (tie_weight (graph, "Beta Police", "Gamma School", NULL), ==, 3);
  g_assert_cmpfloat (tie_weight (graph, "Alpha Trust", "Gamma School", NULL), ==, 0);
  g_assert_cmpuint (node (graph, 1)->degree, ==, 2);
  g_assert_cmpfloat (node (graph, 1)->strength, ==, 5);
  g_assert_cmpfloat_with_epsilon (node (graph, 1)->betweenness, 1.0 / 3, 1e-9);
  g_assert_cmpfloat (node (graph, 0)->betweenness, ==, 0);
  g_assert_cmpuint (graph->n_components, ==, 1);
  assert_labels (graph, graph->bridges, "Beta Police");
  assert_labels (graph, graph->isolated, "Delta Academy");
  {
    const guint ties[] = { 0, 1, 0, /**/ 1, 0, 1, /**/ 0, 1, 0 };
    const double weights[] = { 0, 2, 0, /**/ 2, 0, 3, /**/ 0, 3, 0 };

    assert_sector_matrix (graph, "nhs_trust,police,education", ties, weights);
  }
  g_assert_cmpstr (graph->description, ==,
                   "4 organisations and 2 ties. Biggest bridge: Beta Police (Police). "
                   "Isolated: Delta Academy. No ties between NHS trust and Education.");
}

/* Today: Gus has joined, session 4 and event 2 have been held. */
static void
test_today (Fixture *f, gconstpointer data)
{
  g_autoptr (TiNetworkGraph) graph = build (f, TI_NETWORK_CHAMPIONS, NULL);
  int cat = find_node (graph, "Cat");

  g_assert_cmpuint (strlen (graph->as_of), ==, 10);
  g_assert_cmpint (find_node (graph, "Gus"), >=, 0);
  g_assert_cmpint (find_node (graph, "Fay"), ==, -1);
  g_assert_cmpint (node (graph, cat)->tier, ==, 3);
  g_assert_cmpfloat (tie_weight (graph, "Ann", "Ben", NULL), ==, 1);
  g_assert_cmpfloat (tie_weight (graph, "Ann", "Dan", NULL), ==, 1);
  g_assert_cmpuint (node (graph, find_node (graph, "Gamma School"))->champions, ==, 2);
}

/* Forty-one champions at one event, two of them at another: the large one ties nobody. */
static const char gathering_sql[]
  = "INSERT INTO organisations (id, name, sector, locality) VALUES"
    "  (1, 'North Council', 'council', 'mendip'), (2, 'South Police', 'police', 'mendip');"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 41)"
    "  INSERT INTO people (id, name, organisation_id) SELECT i, 'Person ' || i, 1 + i % 2 FROM n;"
    "INSERT INTO champions (person_id, since) SELECT id, '2023-01-01' FROM people;"
    "INSERT INTO events (id, title, starts_at) VALUES"
    "  (1, 'Launch', '2023-02-01 10:00'), (2, 'Workshop', '2023-03-01 10:00');"
    "INSERT INTO event_attendance (event_id, person_id, attended) SELECT 1, id, 1 FROM people;"
    "INSERT INTO event_attendance (event_id, person_id, attended) VALUES (2, 1, 1), (2, 2, 1);";

static void
test_large_gathering (Fixture *f, gconstpointer data)
{
  g_autoptr (TiNetworkGraph) graph = build (f, TI_NETWORK_CHAMPIONS, AS_OF);
  guint champion_ties = 0;

  g_assert_cmpuint (graph->nodes->len, ==, 2 + 41);
  for (guint i = 0; i < graph->ties->len; i++)
    champion_ties += !g_array_index (graph->ties, TiNetworkTie, i).membership;
  g_assert_cmpuint (champion_ties, ==, 1);
  g_assert_cmpfloat (tie_weight (graph, "Person 1", "Person 2", NULL), ==, 1);
  g_assert_cmpuint (graph->large_gatherings, ==, 1);
  g_assert_nonnull (strstr (graph->description, "1 gathering of more than 40 champions ties "
                                                "nobody."));
  g_assert_nonnull (strstr (graph->description, "2 organisations, 41 champions and 1 tie."));
}

static TiNetworkGraph *
build_laid_out (Fixture *f, TiNetworkMode mode, const char *as_of, TiDatabase *positions)
{
  g_autoptr (GError) error = NULL;
  TiNetworkGraph *graph = build (f, mode, as_of);

  g_assert_true (ti_network_graph_layout (graph, positions, &error));
  g_assert_no_error (error);
  return graph;
}

static void
assert_same_positions (const TiNetworkGraph *a, const TiNetworkGraph *b)
{
  g_assert_cmpuint (a->nodes->len, ==, b->nodes->len);
  for (guint i = 0; i < a->nodes->len; i++)
    {
      g_assert_cmpfloat (node (a, i)->x, ==, node (b, i)->x);
      g_assert_cmpfloat (node (a, i)->y, ==, node (b, i)->y);
    }
}

static double
distance (const TiNetworkNode *a, const TiNetworkNode *b)
{
  return hypot (a->x - b->x, a->y - b->y);
}

/* The same graph twice, and a fresh layout against one from saved positions. */
static void
test_layout_determinism (Fixture *f, gconstpointer data)
{
  g_autoptr (TiNetworkGraph) first = build_laid_out (f, TI_NETWORK_CHAMPIONS, AS_OF, NULL);
  g_autoptr (TiNetworkGraph) second = build_laid_out (f, TI_NETWORK_CHAMPIONS, AS_OF, f->db);
  gboolean spread = FALSE;

  assert_same_positions (first, second);
  for (guint i = 0; i < first->nodes->len; i++)
    {
      g_assert_true (isfinite (node (first, i)->x) && isfinite (node (first, i)->y));
      g_assert_false (node (first, i)->pinned);
      spread |= distance (node (first, 0), node (first, i)) > 0.1;
    }
  g_assert_true (spread);
  /* Tied nodes end nearer each other than the isolated organisation is to them. */
  g_assert_cmpfloat (distance (node (first, 6), node (first, 7)), <,
                     distance (node (first, 2), node (first, 7)));
}

/* Saved positions come back; a pinned node stays where it was put; a newcomer lands near its
 * organisation. */
static void
test_layout_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiNetworkGraph) saved = build_laid_out (f, TI_NETWORK_CHAMPIONS, AS_OF, f->db);
  g_autoptr (TiNetworkGraph) again = NULL;
  g_autoptr (TiNetworkGraph) pinned = NULL;
  g_autoptr (TiNetworkGraph) today = NULL;
  g_autoptr (TiNetworkGraph) organisations = NULL;
  TiNetworkNode *cat = &g_array_index (saved->nodes, TiNetworkNode, 6);
  const TiNetworkNode *gus, *gamma;

  g_assert_true (ti_network_graph_save_positions (f->db, saved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM network_positions"
                                      " WHERE mode = 'champions'"),
                   ==, 9);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM network_positions"
                                      " WHERE kind = 'champion' AND id = 12"),
                   ==, 1);

  /* Saved and laid out again: each node within a small step of where it was. */
  again = build_laid_out (f, TI_NETWORK_CHAMPIONS, AS_OF, f->db);
  for (guint i = 0; i < again->nodes->len; i++)
    g_assert_cmpfloat (distance (node (saved, i), node (again, i)), <, 0.5);

  /* Cat dragged far away and pinned there. */
  cat->x = 40.25;
  cat->y = -17.5;
  cat->pinned = TRUE;
  g_assert_true (ti_network_graph_save_positions (f->db, saved, &error));
  g_assert_no_error (error);
  pinned = build_laid_out (f, TI_NETWORK_CHAMPIONS, AS_OF, f->db);
  g_assert_true (node (pinned, 6)->pinned);
  g_assert_cmpfloat (node (pinned, 6)->x, ==, 40.25);
  g_assert_cmpfloat (node (pinned, 6)->y, ==, -17.5);
  g_assert_false (node (pinned, 7)->pinned);

  /* Today Gus has joined Gamma School: he starts beside it, and Cat stays put. */
  today = build_laid_out (f, TI_NETWORK_CHAMPIONS, NULL, f->db);
  gus = node (today, find_node (today, "Gus"));
  gamma = node (today, find_node (today, "Gamma School"));
  g_assert_cmpfloat (distance (gus, gamma), <, 3);
  g_assert_cmpfloat (node (today, find_node (today, "Cat"))->x, ==, 40.25);

  /* The organisations' map has positions of its own. */
  organisations = build_laid_out (f, TI_NETWORK_ORGANISATIONS, AS_OF, f->db);
  g_assert_false (node (organisations, 1)->pinned);
  g_assert_true (ti_network_graph_save_positions (f->db, organisations, &error));
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM network_positions"), ==, 9 + 4);
}

/* The saved positions of the champions' map, one "kind id x y pinned" a line, leaving out
 * @except_id's row (0: none). */
static char *
saved_rows (TiDatabase *db, gint64 except_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt
    = ti_database_prepare (db, "SELECT kind, id, x, y, pinned FROM network_positions"
                               " WHERE mode = 'champions' AND id IS NOT ?1 ORDER BY kind, id",
                           &error);
  GString *rows = g_string_new (NULL);

  g_assert_no_error (error);
  if (except_id != 0)
    sqlite3_bind_int64 (stmt, 1, except_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (rows, "%s %" G_GINT64_FORMAT " %.17g %.17g %d\n",
                            sqlite3_column_text (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1),
                            sqlite3_column_double (stmt, 2), sqlite3_column_double (stmt, 3),
                            sqlite3_column_int (stmt, 4));
  return g_string_free (rows, FALSE);
}

/* A node dragged saves its own row and no other; it comes back where it was put, pinned; and
 * a layout's save afterwards (from a graph laid out before the drag) neither moves nor unpins
 * it. */
static void
test_save_position (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiNetworkGraph) fresh = build_laid_out (f, TI_NETWORK_CHAMPIONS, AS_OF, f->db);
  g_autoptr (TiNetworkGraph) kept = NULL;
  g_autoptr (TiNetworkGraph) reopened = NULL;
  g_autofree char *others = NULL;
  g_autofree char *others_after = NULL;
  TiNetworkNode *cat;

  /* Nothing saved yet: every node was placed for the first time. */
  g_assert_cmpuint (fresh->new_positions, ==, 9);
  g_assert_true (ti_network_graph_save_positions (f->db, fresh, &error));
  g_assert_no_error (error);
  kept = build_laid_out (f, TI_NETWORK_CHAMPIONS, AS_OF, f->db);
  g_assert_cmpuint (kept->new_positions, ==, 0);

  /* A row the graph in hand disagrees with: saving Cat must not touch it. */
  g_assert_true (ti_database_exec (f->db, "UPDATE network_positions SET x = x + 1000"
                                          " WHERE kind = 'champion' AND id = 13",
                                   &error));
  others = saved_rows (f->db, 12);
  cat = &g_array_index (kept->nodes, TiNetworkNode, 6);
  g_assert_cmpint (cat->id, ==, 12);
  cat->x = 40.25;
  cat->y = -17.5;
  cat->pinned = TRUE;
  g_assert_true (ti_network_graph_save_position (f->db, kept, 6, &error));
  g_assert_no_error (error);
  others_after = saved_rows (f->db, 12);
  g_assert_cmpstr (others_after, ==, others);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM network_positions WHERE id = 12"
                                      " AND kind = 'champion' AND x = 40.25 AND y = -17.5"
                                      " AND pinned"),
                   ==, 1);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM network_positions"), ==, 9);

  reopened = build_laid_out (f, TI_NETWORK_CHAMPIONS, AS_OF, f->db);
  g_assert_true (node (reopened, 6)->pinned);
  g_assert_cmpfloat (node (reopened, 6)->x, ==, 40.25);
  g_assert_cmpfloat (node (reopened, 6)->y, ==, -17.5);

  /* The layout from before the drag, saved late: Cat stays where the person put her, the
   * others are the layout's again. */
  g_assert_true (ti_network_graph_save_positions (f->db, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM network_positions WHERE id = 12"
                                      " AND kind = 'champion' AND x = 40.25 AND y = -17.5"
                                      " AND pinned"),
                   ==, 1);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM network_positions WHERE id = 13"
                                      " AND kind = 'champion' AND x < 1000"),
                   ==, 1);
}

static void
store_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  int *out = data;

  *out = ti_network_graph_save_positions_finish (result, &error);
  g_assert_no_error (error);
}

/* In a worker, from a copy: the graph may go at once; its positions are saved all the same. */
static void
test_save_positions_async (Fixture *f, gconstpointer data)
{
  TiNetworkGraph *graph = build_laid_out (f, TI_NETWORK_CHAMPIONS, AS_OF, f->db);
  g_autoptr (TiNetworkGraph) again = NULL;
  g_autoptr (TiNetworkGraph) laid_out = NULL;
  int saved = -1;

  ti_network_graph_save_positions_async (f->path, graph, NULL, store_saved, &saved);
  ti_network_graph_free (graph);
  while (saved < 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (saved);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM network_positions"), ==, 9);

  /* What was saved is that layout: the same graph laid out afresh is where the rows say. */
  laid_out = build_laid_out (f, TI_NETWORK_CHAMPIONS, AS_OF, NULL);
  again = build_laid_out (f, TI_NETWORK_CHAMPIONS, AS_OF, f->db);
  g_assert_cmpuint (again->new_positions, ==, 0);
  for (guint i = 0; i < laid_out->nodes->len; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM network_positions WHERE id = %" G_GINT64_FORMAT
        " AND kind = '%s' AND x = %.17g AND y = %.17g AND NOT pinned",
        node (laid_out, i)->id,
        node (laid_out, i)->kind == TI_NETWORK_NODE_CHAMPION ? "champion" : "organisation",
        node (laid_out, i)->x, node (laid_out, i)->y);

      g_assert_cmpint (test_count (f->db, sql), ==, 1);
    }
}

static void
store_result (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;
  TiNetworkGraph **out = data;

  *out = ti_network_graph_build_finish (result, &error);
  g_assert_no_error (error);
}

/* In a worker: today's graph, laid out from the same saved positions. */
static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiNetworkGraph) here = build_laid_out (f, TI_NETWORK_CHAMPIONS, NULL, f->db);
  g_autoptr (TiNetworkGraph) there = NULL;
  g_autoptr (TiNetworkGraph) moved = NULL;

  g_array_index (here->nodes, TiNetworkNode, 4).pinned = TRUE;
  g_assert_true (ti_network_graph_save_positions (f->db, here, &error));
  moved = build_laid_out (f, TI_NETWORK_CHAMPIONS, NULL, f->db);

  ti_network_graph_build_async (f->path, TI_NETWORK_CHAMPIONS, NULL, NULL, store_result, &there);
  while (there == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (there->description, ==, here->description);
  g_assert_cmpuint (there->ties->len, ==, here->ties->len);
  g_assert_true (node (there, 4)->pinned);
  assert_same_positions (there, moved);
}

/* A past day's network in a worker: each node where today's map has it (nothing saved yet:
 * today's layout is worked out for it), nothing for saving, and said to be past; stopped when
 * cancelled. */
static void
test_as_of_from_today (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiNetworkGraph) today = build_laid_out (f, TI_NETWORK_CHAMPIONS, NULL, f->db);
  g_autoptr (TiNetworkGraph) past = NULL;
  g_autoptr (TiNetworkGraph) again = build (f, TI_NETWORK_CHAMPIONS, AS_OF);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();

  ti_network_graph_build_async (f->path, TI_NETWORK_CHAMPIONS, AS_OF, NULL, store_result, &past);
  while (past == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (past->past);
  g_assert_false (today->past);
  g_assert_cmpuint (past->new_positions, ==, 0);
  /* Gus joined after the day: one node fewer, every other where it is today. */
  g_assert_cmpuint (past->nodes->len, ==, today->nodes->len - 1);
  for (guint i = 0; i < past->nodes->len; i++)
    {
      const TiNetworkNode *then = node (past, i);
      const TiNetworkNode *now = node (today, find_node (today, then->label));

      g_assert_cmpint (then->kind, ==, now->kind);
      g_assert_cmpfloat (then->x, ==, now->x);
      g_assert_cmpfloat (then->y, ==, now->y);
    }
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM network_positions"), ==, 0);

  g_cancellable_cancel (cancellable);
  g_assert_false (ti_network_graph_layout_from_today (again, f->db, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* igraph_betweenness() on the whole graph, the plain computation (not normalised). */
static double *
igraph_answers (const TiNetworkGraph *graph)
{
  double *answers = g_new0 (double, MAX (graph->nodes->len, 1));
  igraph_t g;
  igraph_vector_t b;

  ti_network_graph_igraph_lock ();
  g_assert_true (ti_network_graph_to_igraph (graph, &g, NULL));
  igraph_vector_init (&b, 0);
  g_assert_cmpint (igraph_betweenness (&g, &b, igraph_vss_all (), IGRAPH_UNDIRECTED, NULL), ==,
                   IGRAPH_SUCCESS);
  for (guint i = 0; i < graph->nodes->len; i++)
    answers[i] = VECTOR (b)[i];
  igraph_vector_destroy (&b);
  igraph_destroy (&g);
  ti_network_graph_igraph_unlock ();
  return answers;
}

/* Betweenness with the leaves folded away, by hand and against igraph: a star (0 with the
 * leaves 1, 2, 3), a pair of leaves alone (4–5), a node alone (6), a path (7–8–9–10), a
 * triangle with a leaf (14 on 11), a diamond 16–17–19, 16–18–19 with a leaf at each end
 * (15 on 16, 20 on 19), and a branch off the path with a leaf of its own (8–21, 22 on
 * 21). */
static void
test_betweenness_folded (void)
{
  static const guint ties[][2]
    = { { 0, 1 },   { 0, 2 },   { 0, 3 },   { 4, 5 },   { 7, 8 },   { 8, 9 },   { 9, 10 },
        { 11, 12 }, { 12, 13 }, { 11, 13 }, { 11, 14 }, { 15, 16 }, { 16, 17 }, { 16, 18 },
        { 17, 19 }, { 18, 19 }, { 19, 20 }, { 8, 21 },  { 21, 22 } };
  /* 8: 7 to the 4 beyond it, and 21, 22 to 9, 10; 9 and 21: 10 and 22 to the 4 others */
  static const double expected[]
    = { 3, 0, 0, 0, 0, 0, 0, 0, 8, 4, 0, 2, 0, 0, 0, 0, 4.5, 2, 2, 4.5, 0, 4, 0 };
  g_autoptr (TiNetworkGraph) graph = ti_network_graph_new (TI_NETWORK_CHAMPIONS);
  g_autofree double *answers = NULL;
  g_autofree double *folded = NULL;

  g_array_set_size (graph->nodes, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (ties); i++)
    {
      TiNetworkTie tie = { ties[i][0], ties[i][1], 1, FALSE };

      g_array_append_val (graph->ties, tie);
    }
  answers = igraph_answers (graph);
  folded = g_new (double, graph->nodes->len);
  ti_network_graph_betweenness (graph, folded);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpfloat_with_epsilon (answers[i], expected[i], 1e-12);
      g_assert_cmpfloat_with_epsilon (folded[i], expected[i], 1e-12);
    }
}

/* The demo programme (county scale), written in @dir. */
static TiDatabase *
open_demo (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "demo.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  TiDatabase *db;

  g_assert_true (ti_demo_create (path, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  db = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return db;
}

/* The demo programme's network in both modes: every node's betweenness is igraph's on the
 * whole graph (to the rounding of the sums), and the bridges are in igraph's order. */
static void
test_betweenness_demo (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = open_demo (dir);
  guint groups[2] = { 0, 0 }, isolated[2] = { 0, 0 };

  for (TiNetworkMode mode = TI_NETWORK_ORGANISATIONS; mode <= TI_NETWORK_CHAMPIONS; mode++)
    {
      g_autoptr (TiNetworkGraph) graph = ti_network_graph_build (db, mode, NULL, &error);
      g_autofree double *answers = NULL;
      double n, most;
      guint leaves = 0, anchors = 0;

      g_assert_no_error (error);
      n = graph->nodes->len;
      most = (n - 1) * (n - 2) / 2;
      answers = igraph_answers (graph);
      for (guint i = 0; i < graph->nodes->len; i++)
        {
          const TiNetworkNode *v = node (graph, i);

          g_assert_cmpfloat_with_epsilon (v->betweenness * most, answers[i],
                                          1e-9 * MAX (1, answers[i]));
          leaves += v->degree == 1;
          anchors += v->degree > 1 && answers[i] > 0;
        }
      /* The folding is exercised: leaves, and nodes between others. */
      if (mode == TI_NETWORK_CHAMPIONS)
        g_assert_cmpuint (leaves, >, graph->nodes->len / 4);
      g_assert_cmpuint (anchors, >, 10);
      g_assert_cmpuint (graph->bridges->len, >, 1);
      for (guint i = 1; i < graph->bridges->len; i++)
        g_assert_cmpfloat (answers[g_array_index (graph->bridges, guint, i - 1)], >=,
                           answers[g_array_index (graph->bridges, guint, i)] * (1 - 1e-9));
      groups[mode == TI_NETWORK_CHAMPIONS] = graph->n_components;
      isolated[mode == TI_NETWORK_CHAMPIONS] = graph->isolated->len;
    }
  /* The board reads the same groups and the same isolated organisations in either mode: an
   * organisation alone with its own champions is isolated, not a group. */
  g_assert_cmpuint (groups[0], >=, 1);
  g_assert_cmpuint (groups[1], ==, groups[0]);
  g_assert_cmpuint (isolated[1], ==, isolated[0]);

  g_clear_object (&db);
  test_remove_tree (dir);
}

/* Grows @box (min x, min y, max x, max y) by @v's position. */
static void
grow (double box[4], const TiNetworkNode *v)
{
  box[0] = MIN (box[0], v->x);
  box[1] = MIN (box[1], v->y);
  box[2] = MAX (box[2], v->x);
  box[3] = MAX (box[3], v->y);
}

static gboolean
holds (GArray *indices, guint i)
{
  for (guint k = 0; k < indices->len; k++)
    if (g_array_index (indices, guint, k) == i)
      return TRUE;
  return FALSE;
}

static double
box_area (const double box[4])
{
  return MAX (box[2] - box[0], 0) * MAX (box[3] - box[1], 0);
}

/* An organisations' graph made by hand: a core of 60 tied in a ring with chords, @n_groups
 * groups of three (a path) beside it, and 400 organisations tied to nobody; measured. */
static TiNetworkGraph *
made_graph (guint n_groups)
{
  TiNetworkGraph *graph = ti_network_graph_new (TI_NETWORK_ORGANISATIONS);
  guint n = 60;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 60 + 3 * n_groups + 400; i++)
    {
      TiNetworkNode v = { .kind = TI_NETWORK_NODE_ORGANISATION,
                          .id = i + 1,
                          .label = g_strdup_printf ("Organisation %u", i + 1),
                          .sector = "police",
                          .organisation = -1,
                          .champions = 1 };

      g_array_append_val (graph->nodes, v);
    }
  for (guint i = 0; i < 60; i++)
    {
      TiNetworkTie ring = { MIN (i, (i + 1) % 60), MAX (i, (i + 1) % 60), 1, FALSE };
      TiNetworkTie chord = { MIN (i, (i + 7) % 60), MAX (i, (i + 7) % 60), 2, FALSE };

      g_array_append_val (graph->ties, ring);
      g_array_append_val (graph->ties, chord);
    }
  for (guint g = 0; g < n_groups; g++, n += 3)
    {
      TiNetworkTie a = { n, n + 1, 3, FALSE }, b = { n + 1, n + 2, 1, FALSE };

      g_array_append_val (graph->ties, a);
      g_array_append_val (graph->ties, b);
    }
  for (guint i = n; i < graph->nodes->len; i++)
    g_array_append_val (graph->isolated, i);
  g_assert_true (ti_network_graph_measure (graph, &error));
  g_assert_no_error (error);
  return graph;
}

/* Laid out afresh, a group of three lies within a few units round its own point, however big
 * the graph; the 400 lone organisations are a band under the rest. */
static void
test_layout_groups (void)
{
  g_autoptr (TiNetworkGraph) graph = made_graph (12);
  g_autoptr (GError) error = NULL;
  double network[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double band[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double core[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  g_assert_true (ti_network_graph_layout (graph, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      grow (node (graph, i)->apart ? band : network, node (graph, i));
      if (i < 60)
        grow (core, node (graph, i));
      g_assert_true (node (graph, i)->apart == (i >= 60 + 3 * 12));
    }
  for (guint g = 0; g < 12; g++)
    {
      double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

      for (guint k = 0; k < 3; k++)
        grow (box, node (graph, 60 + 3 * g + k));
      g_assert_cmpfloat (MAX (box[2] - box[0], box[3] - box[1]), <, 3);
    }
  g_assert_cmpfloat (band[1], >, network[3]);
  g_assert_cmpfloat (box_area (band), <, 0.3 * box_area (network));
  /* The core is most of the network. */
  g_assert_cmpfloat (box_area (core), >, 0.4 * box_area (network));
}

/* The demo programme laid out afresh, both ways: the organisations with no tie to another
 * (and their champions) are a band under the network, small beside it; the network takes most
 * of the picture. (The layout before spread them as a grid over two thirds of it.) */
static void
test_layout_band (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = open_demo (dir);

  for (TiNetworkMode mode = TI_NETWORK_ORGANISATIONS; mode <= TI_NETWORK_CHAMPIONS; mode++)
    {
      g_autoptr (TiNetworkGraph) graph = ti_network_graph_build (db, mode, NULL, &error);
      double network[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      double band[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      double whole[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      guint n_apart = 0;

      g_assert_no_error (error);
      g_assert_true (ti_network_graph_layout (graph, NULL, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < graph->nodes->len; i++)
        {
          const TiNetworkNode *v = node (graph, i);

          grow (v->apart ? band : network, v);
          grow (whole, v);
          n_apart += v->apart;
          /* Apart: no tie to another organisation. */
          if (v->kind == TI_NETWORK_NODE_ORGANISATION)
            g_assert_true (v->apart == holds (graph->isolated, i));
        }
      g_assert_cmpuint (n_apart, >, 10);
      g_assert_cmpfloat (band[1], >, network[3]);
      g_assert_cmpfloat (box_area (band), <, 0.3 * box_area (network));
      g_assert_cmpfloat (box_area (network), >, 0.6 * box_area (whole));
    }

  g_clear_object (&db);
  test_remove_tree (dir);
}

/* A version-2 programme gains the positions' table, after a backup. */
static void
test_migration (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "v2.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, TI_DATABASE_OPEN_CREATE, &error);
  g_autoptr (TiNetworkGraph) graph = NULL;
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (ti_schema_get_current_version (), ==, 3);
  g_assert_true (ti_database_exec (db, "DROP TABLE network_positions; PRAGMA user_version = 2;"
                                       "INSERT INTO organisations (name, sector, locality)"
                                       " VALUES ('Old Council', 'council', 'mendip')",
                                   &error));
  g_clear_object (&db);

  db = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ti_database_get_schema_version (db), ==, 3);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM network_positions"), ==, 0);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE action = 'migrate'"
                                   " AND entity_id = 3"),
                   ==, 1);
  graph = ti_network_graph_build (db, TI_NETWORK_ORGANISATIONS, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ti_network_graph_layout (graph, db, &error));
  g_assert_true (ti_network_graph_save_positions (db, graph, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM network_positions"), ==, 1);

  /* The backup is the version-2 file, with its organisation. */
  g_assert_nonnull (ti_database_get_backup_path (db));
  g_assert_cmpint (sqlite3_open_v2 (ti_database_get_backup_path (db), &raw, SQLITE_OPEN_READONLY,
                                    NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT (SELECT user_version FROM pragma_user_version),"
                                            " (SELECT count(*) FROM organisations),"
                                            " (SELECT count(*) FROM sqlite_schema"
                                            "  WHERE name = 'network_positions')",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);

  g_clear_object (&db);
  test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, sql, func)                                                                       \
  g_test_add ("/network-graph/" name, Fixture, sql, fixture_set_up, func, fixture_tear_down)
  ADD ("champions", NULL, test_champions);
  ADD ("organisations", NULL, test_organisations);
  ADD ("today", NULL, test_today);
  ADD ("large-gathering", gathering_sql, test_large_gathering);
  ADD ("layout-determinism", NULL, test_layout_determinism);
  ADD ("layout-kept", NULL, test_layout_kept);
  ADD ("async", NULL, test_async);
  ADD ("as-of-from-today", NULL, test_as_of_from_today);
  ADD ("save-position", NULL, test_save_position);
  ADD ("save-positions-async", NULL, test_save_positions_async);
#undef ADD
  g_test_add_func ("/network-graph/migration", test_migration);
  g_test_add_func ("/network-graph/betweenness-folded", test_betweenness_folded);
  g_test_add_func ("/network-graph/betweenness-demo", test_betweenness_demo);
  g_test_add_func ("/network-graph/layout-band", test_layout_band);
  g_test_add_func ("/network-graph/layout-groups", test_layout_groups);

  return g_test_run ();
}
