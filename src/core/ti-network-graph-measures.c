/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-network-graph"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ti-format.h"
#include "ti-network-graph-private.h"
#include "ti-vocabulary.h"

/*
 * The network's measures: with igraph, degree, strength and the connected components
 * (largest first); betweenness (unweighted, normalised by the most a node could have among
 * n: (n − 1)(n − 2) / 2 pairs) with the leaves folded away (ti-network-graph-betweenness.c);
 * the bridges, the ties within and between sectors, and the whole in words.
 */

#define MAX_BRIDGES 10
#define MAX_NAMED 3

G_LOCK_DEFINE_STATIC (igraph);

/* Holds igraph for the caller, its error handler set to return errors: its own would abort
 * the process. */
void
ti_network_graph_igraph_lock (void)
{
  G_LOCK (igraph);
  igraph_set_error_handler (igraph_error_handler_ignore);
  igraph_set_warning_handler (igraph_warning_handler_ignore);
}

void
ti_network_graph_igraph_unlock (void)
{
  G_UNLOCK (igraph);
}

/* Turns an igraph failure into an error. */
gboolean
ti_network_graph_set_igraph_error (igraph_error_t code, const char *doing, GError **error)
{
  if (code == IGRAPH_SUCCESS)
    return TRUE;
  g_set_error (error, TI_NETWORK_GRAPH_ERROR, TI_NETWORK_GRAPH_ERROR_MEASURE,
               _ ("The network could not be %s: %s"), doing, igraph_strerror (code));
  return FALSE;
}

/* @graph as an undirected igraph graph, its ties as edges in the same order. */
gboolean
ti_network_graph_to_igraph (const TiNetworkGraph *graph, igraph_t *out, GError **error)
{
  igraph_vector_int_t edges;
  igraph_error_t rc;

  if (igraph_vector_int_init (&edges, 2 * (igraph_integer_t) graph->ties->len) != IGRAPH_SUCCESS)
    return ti_network_graph_set_igraph_error (IGRAPH_ENOMEM, _ ("measured"), error);
  for (guint i = 0; i < graph->ties->len; i++)
    {
      const TiNetworkTie *t = &g_array_index (graph->ties, TiNetworkTie, i);

      VECTOR (edges)[2 * i] = t->source;
      VECTOR (edges)[2 * i + 1] = t->target;
    }
  rc = igraph_create (out, &edges, graph->nodes->len, IGRAPH_UNDIRECTED);
  igraph_vector_int_destroy (&edges);
  return ti_network_graph_set_igraph_error (rc, _ ("measured"), error);
}

#define NODE(graph, i) (&g_array_index ((graph)->nodes, TiNetworkNode, (i)))

static int
sector_index (const char *sector)
{
  guint n;
  const TiTerm *terms = ti_vocabulary_sectors (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (terms[i].key, sector) == 0)
      return i;
  return -1;
}

/* Components renumbered by size, largest first (the lower node first among equals). */
static void
number_components (TiNetworkGraph *graph, const igraph_vector_int_t *membership,
                   const igraph_vector_int_t *sizes)
{
  guint n = igraph_vector_int_size (sizes);
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree guint *rank = g_new (guint, MAX (n, 1));
  g_autofree guint *organisations = g_new0 (guint, MAX (n, 1));
  guint placed = 0;

  /* igraph numbers components by their lowest node, so a stable sort by size is enough. */
  for (guint size = graph->nodes->len; size > 0 && placed < n; size--)
    for (guint c = 0; c < n; c++)
      if ((guint) VECTOR (*sizes)[c] == size)
        order[placed++] = c;
  for (guint r = 0; r < n; r++)
    rank[order[r]] = r;
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      NODE (graph, i)->component = rank[VECTOR (*membership)[i]];
      organisations[VECTOR (*membership)[i]]
        += NODE (graph, i)->kind == TI_NETWORK_NODE_ORGANISATION;
    }
  for (guint i = 0; i < graph->nodes->len; i++)
    NODE (graph, i)->apart = organisations[VECTOR (*membership)[i]] <= 1;
  /* A group ties two organisations or more: a lone organisation, with or without its own
   * champions, is isolated, not a group of one; so both modes count the same groups. */
  graph->n_components = 0;
  for (guint c = 0; c < n; c++)
    graph->n_components += organisations[c] >= 2;
}

static int
compare_betweenness (const void *a, const void *b, void *data)
{
  const TiNetworkGraph *graph = data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  double x = NODE (graph, i)->betweenness, y = NODE (graph, j)->betweenness;

  if (x != y)
    return x < y ? 1 : -1;
  return (i > j) - (i < j);
}

/* The nodes whose ties reach two sectors or more besides their own, by betweenness. */
static void
find_bridges (TiNetworkGraph *graph, const int *sectors)
{
  TiNetworkNodeKind kind
    = graph->mode == TI_NETWORK_CHAMPIONS ? TI_NETWORK_NODE_CHAMPION : TI_NETWORK_NODE_ORGANISATION;
  g_autofree guint32 *reached = g_new0 (guint32, MAX (graph->nodes->len, 1));
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < graph->ties->len; i++)
    {
      const TiNetworkTie *t = &g_array_index (graph->ties, TiNetworkTie, i);

      if (t->membership || sectors[t->source] < 0 || sectors[t->target] < 0)
        continue;
      reached[t->source] |= 1u << sectors[t->target];
      reached[t->target] |= 1u << sectors[t->source];
    }
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      guint32 others = reached[i] & ~(sectors[i] >= 0 ? 1u << sectors[i] : 0);
      guint n_others = 0;

      NODE (graph, i)->sectors_reached = reached[i];
      for (; others != 0; others &= others - 1)
        n_others++;
      if (NODE (graph, i)->kind == kind && NODE (graph, i)->betweenness > 0 && n_others >= 2)
        g_array_append_val (candidates, i);
    }
  g_qsort_with_data (candidates->data, candidates->len, sizeof (guint), compare_betweenness,
                     graph);
  g_array_append_vals (graph->bridges, candidates->data, MIN (candidates->len, MAX_BRIDGES));
}

void
ti_sector_matrix_clear (TiSectorMatrix *matrix)
{
  g_clear_pointer (&matrix->sectors, g_free);
  g_clear_pointer (&matrix->ties, g_free);
  g_clear_pointer (&matrix->weights, g_free);
  matrix->n_sectors = 0;
}

/**
 * ti_sector_matrix_get_ties:
 * @matrix: a graph's sector matrix
 * @a: a sector's index in @matrix
 * @b: another's, or the same
 *
 * Returns: how many ties join a node of sector @a to one of sector @b; with @a = @b, how
 *   many join two nodes of that sector
 */
guint
ti_sector_matrix_get_ties (const TiSectorMatrix *matrix, guint a, guint b)
{
  g_return_val_if_fail (a < matrix->n_sectors && b < matrix->n_sectors, 0);
  return matrix->ties[a * matrix->n_sectors + b];
}

/**
 * ti_sector_matrix_get_weight:
 * @matrix: a graph's sector matrix
 * @a: a sector's index in @matrix
 * @b: another's, or the same
 *
 * Returns: the weights of the ties counted by ti_sector_matrix_get_ties(), summed
 */
double
ti_sector_matrix_get_weight (const TiSectorMatrix *matrix, guint a, guint b)
{
  g_return_val_if_fail (a < matrix->n_sectors && b < matrix->n_sectors, 0);
  return matrix->weights[a * matrix->n_sectors + b];
}

/**
 * ti_sector_matrix_find:
 * @matrix: a graph's sector matrix
 * @sector: a sector key
 *
 * Returns: the sector's index in @matrix, or -1 when no node of the graph is of that sector
 */
int
ti_sector_matrix_find (const TiSectorMatrix *matrix, const char *sector)
{
  for (guint i = 0; i < matrix->n_sectors; i++)
    if (g_strcmp0 (matrix->sectors[i], sector) == 0)
      return i;
  return -1;
}

/* The ties within and between the sectors with a node; from them, every pair of two of
 * those sectors with the ties between them. */
static void
count_sector_ties (TiNetworkGraph *graph, const int *sectors)
{
  TiSectorMatrix *matrix = &graph->sector_matrix;
  guint n_terms, n;
  const TiTerm *terms = ti_vocabulary_sectors (&n_terms);
  g_autofree int *row = g_new (int, n_terms); /* by vocabulary index: the matrix's, or -1 */

  for (guint t = 0; t < n_terms; t++)
    row[t] = -1;
  for (guint i = 0; i < graph->nodes->len; i++)
    if (sectors[i] >= 0)
      row[sectors[i]] = 0;
  ti_sector_matrix_clear (matrix);
  matrix->sectors = g_new (const char *, n_terms);
  for (guint t = 0; t < n_terms; t++)
    if (row[t] == 0)
      {
        row[t] = matrix->n_sectors;
        matrix->sectors[matrix->n_sectors++] = terms[t].key;
      }
  n = matrix->n_sectors;
  matrix->ties = g_new0 (guint, MAX (n * n, 1));
  matrix->weights = g_new0 (double, MAX (n * n, 1));

  for (guint i = 0; i < graph->ties->len; i++)
    {
      const TiNetworkTie *t = &g_array_index (graph->ties, TiNetworkTie, i);
      int a = sectors[t->source] >= 0 ? row[sectors[t->source]] : -1;
      int b = sectors[t->target] >= 0 ? row[sectors[t->target]] : -1;

      if (t->membership || a < 0 || b < 0)
        continue;
      matrix->ties[a * n + b]++;
      matrix->weights[a * n + b] += t->weight;
      if (a != b)
        {
          matrix->ties[b * n + a]++;
          matrix->weights[b * n + a] += t->weight;
        }
    }

  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        TiSectorPair pair = { matrix->sectors[a], matrix->sectors[b], matrix->ties[a * n + b] };

        g_array_append_val (graph->sector_pairs, pair);
      }
}

/* "A; B; C and 4 more" from at most MAX_NAMED names of @n: semicolons, for names with commas
 * ("All Saints Academy, Street"). */
static char *
name_some (GPtrArray *names, guint n)
{
  g_autofree char *listed = NULL;

  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: between the names of a list: "A; B; C" */
  listed = g_strjoinv (_ ("; "), (char **) names->pdata);
  if (n <= names->len - 1)
    return g_steal_pointer (&listed);
  /* TRANSLATORS: the end of a list of names cut short: "A; B; C and 4 more" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                       n - (names->len - 1)),
                          listed, n - (names->len - 1));
}

static char *
counted (const char *singular, const char *plural, guint n)
{
  g_autofree char *number = ti_format_count (n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, singular, plural, n), number);
}

static void
describe_counts (const TiNetworkGraph *graph, GString *out)
{
  guint organisations = 0, champions = 0, ties = 0;
  g_autofree char *o = NULL;
  g_autofree char *t = NULL;

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      if (NODE (graph, i)->kind == TI_NETWORK_NODE_ORGANISATION)
        organisations++;
      else
        champions++;
    }
  for (guint i = 0; i < graph->ties->len; i++)
    ties += !g_array_index (graph->ties, TiNetworkTie, i).membership;
  o = counted (N_ ("%s organisation"), N_ ("%s organisations"), organisations);
  t = counted (N_ ("%s tie"), N_ ("%s ties"), ties);
  if (graph->mode == TI_NETWORK_CHAMPIONS)
    {
      g_autofree char *c = counted (N_ ("%s champion"), N_ ("%s champions"), champions);

      /* TRANSLATORS: "48 organisations, 359 champions and 1,204 ties." */
      g_string_append_printf (out, _ ("%s, %s and %s."), o, c, t);
    }
  else
    /* TRANSLATORS: "48 organisations and 120 ties." */
    g_string_append_printf (out, _ ("%s and %s."), o, t);
}

static void
describe (TiNetworkGraph *graph)
{
  GString *out = g_string_new (NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint gaps = 0;

  describe_counts (graph, out);

  for (guint i = 0; i < MIN (graph->bridges->len, MAX_NAMED); i++)
    {
      const TiNetworkNode *n = NODE (graph, g_array_index (graph->bridges, guint, i));

      g_ptr_array_add (names, g_strdup_printf ("%s (%s)", n->label, n->sector_label));
    }
  if (names->len > 0)
    {
      g_autofree char *listed = name_some (names, names->len);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "Biggest bridge: %s.",
                                                "Biggest bridges: %s.", names->len - 1),
                              listed);
    }

  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < MIN (graph->isolated->len, MAX_NAMED); i++)
    g_ptr_array_add (names,
                     g_strdup (NODE (graph, g_array_index (graph->isolated, guint, i))->label));
  if (names->len > 0)
    {
      g_autofree char *listed = name_some (names, graph->isolated->len);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, _ ("Isolated: %s."), listed);
    }

  g_ptr_array_set_size (names, 0);
  for (guint i = 0; i < graph->sector_pairs->len; i++)
    {
      const TiSectorPair *p = &g_array_index (graph->sector_pairs, TiSectorPair, i);

      if (p->ties > 0)
        continue;
      if (gaps++ < MAX_NAMED)
        /* TRANSLATORS: two sectors with no ties between them: "Police and Education" */
        g_ptr_array_add (names, g_strdup_printf (_ ("%s and %s"), ti_vocabulary_sector_label (p->a),
                                                 ti_vocabulary_sector_label (p->b)));
    }
  if (gaps > 0)
    {
      g_autofree char *listed = name_some (names, gaps);

      g_string_append_c (out, ' ');
      g_string_append_printf (out, _ ("No ties between %s."), listed);
    }

  if (graph->large_gatherings > 0)
    {
      g_string_append_c (out, ' ');
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u gathering of more than %u champions ties nobody.",
                                           "%u gatherings of more than %u champions tie nobody.",
                                           graph->large_gatherings),
                              graph->large_gatherings, TI_NETWORK_GATHERING_MAX);
    }
  g_free (graph->description);
  graph->description = g_string_free (out, FALSE);
}

static gboolean
measure_nodes (TiNetworkGraph *graph, const igraph_t *g, GError **error)
{
  igraph_vector_int_t degree, membership, sizes;
  igraph_vector_t weights, strength;
  igraph_integer_t n_components = 0;
  igraph_error_t rc;

  igraph_vector_int_init (&degree, 0);
  igraph_vector_int_init (&membership, 0);
  igraph_vector_int_init (&sizes, 0);
  igraph_vector_init (&strength, 0);
  igraph_vector_init (&weights, graph->ties->len);
  for (guint i = 0; i < graph->ties->len; i++)
    VECTOR (weights)[i] = g_array_index (graph->ties, TiNetworkTie, i).weight;

  rc = igraph_degree (g, &degree, igraph_vss_all (), IGRAPH_ALL, IGRAPH_LOOPS);
  if (rc == IGRAPH_SUCCESS)
    rc = igraph_strength (g, &strength, igraph_vss_all (), IGRAPH_ALL, IGRAPH_LOOPS, &weights);
  if (rc == IGRAPH_SUCCESS)
    rc = igraph_connected_components (g, &membership, &sizes, &n_components, IGRAPH_WEAK);
  if (rc == IGRAPH_SUCCESS)
    {
      for (guint i = 0; i < graph->nodes->len; i++)
        {
          TiNetworkNode *node = NODE (graph, i);

          node->degree = VECTOR (degree)[i];
          node->strength = VECTOR (strength)[i];
        }
      number_components (graph, &membership, &sizes);
    }

  igraph_vector_int_destroy (&degree);
  igraph_vector_int_destroy (&membership);
  igraph_vector_int_destroy (&sizes);
  igraph_vector_destroy (&strength);
  igraph_vector_destroy (&weights);
  return ti_network_graph_set_igraph_error (rc, _ ("measured"), error);
}

/* Each node's betweenness, normalised; igraph is not needed (see
 * ti-network-graph-betweenness.c). */
static void
measure_betweenness (TiNetworkGraph *graph)
{
  double n = graph->nodes->len;
  double most = (n - 1) * (n - 2) / 2;
  g_autofree double *betweenness = g_new (double, MAX (graph->nodes->len, 1));

  ti_network_graph_betweenness (graph, betweenness);
  for (guint i = 0; i < graph->nodes->len; i++)
    NODE (graph, i)->betweenness = most > 0 ? betweenness[i] / most : 0;
}

/* Fills in the nodes' measures, the bridges, the sector matrix and pairs and the
 * description; the isolated organisations are found while building. */
gboolean
ti_network_graph_measure (TiNetworkGraph *graph, GError **error)
{
  g_autofree int *sectors = g_new (int, MAX (graph->nodes->len, 1));
  igraph_t g;
  gboolean ok;

  ti_network_graph_igraph_lock ();
  ok = ti_network_graph_to_igraph (graph, &g, error);
  if (ok)
    {
      ok = measure_nodes (graph, &g, error);
      igraph_destroy (&g);
    }
  ti_network_graph_igraph_unlock ();
  if (!ok)
    return FALSE;
  measure_betweenness (graph);

  for (guint i = 0; i < graph->nodes->len; i++)
    sectors[i] = sector_index (NODE (graph, i)->sector);
  g_array_set_size (graph->bridges, 0);
  g_array_set_size (graph->sector_pairs, 0);
  find_bridges (graph, sectors);
  count_sector_ties (graph, sectors);
  describe (graph);
  return TRUE;
}
