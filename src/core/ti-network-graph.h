/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-training-figures.h"

G_BEGIN_DECLS

/**
 * TI_NETWORK_GATHERING_MAX:
 *
 * The most champions a gathering (a session's facilitators, a session's attendees, an event's
 * attendees) may have and still tie each pair of them: a launch of two hundred says little
 * about who works with whom, and would tie twenty thousand pairs. Larger gatherings are
 * counted (#TiNetworkGraph.large_gatherings) but make no ties.
 */
#define TI_NETWORK_GATHERING_MAX 40

#define TI_NETWORK_GRAPH_ERROR (ti_network_graph_error_quark ())

/**
 * TiNetworkGraphError:
 * @TI_NETWORK_GRAPH_ERROR_MEASURE: the graph could not be measured or laid out (igraph
 *   failed, usually for want of memory)
 */
typedef enum
{
  TI_NETWORK_GRAPH_ERROR_MEASURE,
} TiNetworkGraphError;

GQuark ti_network_graph_error_quark (void);

/**
 * TiNetworkMode:
 * @TI_NETWORK_ORGANISATIONS: organisations only, tied by shared participation between their
 *   people (sessions facilitated or attended together, events attended together)
 * @TI_NETWORK_CHAMPIONS: the full network: organisations, their champions (tied to their
 *   organisation) and champion ↔ champion ties
 */
typedef enum
{
  TI_NETWORK_ORGANISATIONS,
  TI_NETWORK_CHAMPIONS,
} TiNetworkMode;

/**
 * TiNetworkNodeKind:
 * @TI_NETWORK_NODE_ORGANISATION: a top-level organisation (its directorates counted with it)
 * @TI_NETWORK_NODE_CHAMPION: a champion
 */
typedef enum
{
  TI_NETWORK_NODE_ORGANISATION,
  TI_NETWORK_NODE_CHAMPION,
} TiNetworkNodeKind;

/**
 * TiNetworkNode:
 * @kind: what it is
 * @id: the organisation's or the person's id
 * @label: the organisation's name or the champion's name
 * @sector: the sector key (a champion: their organisation's)
 * @sector_label: the sector in words
 * @locality: the locality key
 * @organisation: for a champion, the index of their organisation's node; -1 otherwise
 * @champions: for an organisation, how many champions it has (as of the graph's day)
 * @tier: for a champion, the highest tier completed (0–3); 0 for an organisation
 * @degree: how many ties it has (champion ↔ organisation ties included in champions mode)
 * @strength: the sum of its ties' weights
 * @betweenness: its betweenness centrality (unweighted shortest paths), normalised 0–1
 * @component: the index of its connected component, from 0 (largest first)
 * @x: its position, laid out (see ti_network_graph_layout())
 * @y: its position
 * @pinned: whether a person fixed its position by dragging it
 * @apart: whether its connected component holds one organisation at most: an organisation
 *   with no tie to another (#TiNetworkGraph.isolated) or one of its champions. The layout
 *   puts these in a band of small dots under the network, so that the network fills the map.
 * @sectors_reached: the sectors its ties reach (a champion's tie to their own organisation
 *   aside), its own among them when a tie does: bit i for the i-th of ti_vocabulary_sectors()
 */
typedef struct
{
  TiNetworkNodeKind kind;
  gint64 id;
  char *label;
  const char *sector;
  const char *sector_label;
  const char *locality;
  int organisation;
  guint champions;
  int tier;
  guint degree;
  double strength;
  double betweenness;
  guint component;
  double x;
  double y;
  gboolean pinned;
  gboolean apart;
  guint32 sectors_reached;
} TiNetworkNode;

/**
 * TiNetworkTie:
 * @source: a node's index
 * @target: another node's index (@source < @target)
 * @weight: how strong: delivered sessions facilitated together, delivered sessions attended
 *   together and events attended together, held on or before the graph's day (gatherings of
 *   more than %TI_NETWORK_GATHERING_MAX of the graph's champions left out); in organisations
 *   mode the sum over every pair of their champions; 1 for a champion's tie to their
 *   organisation
 * @membership: whether it is a champion's tie to their own organisation
 */
typedef struct
{
  guint source;
  guint target;
  double weight;
  gboolean membership;
} TiNetworkTie;

/**
 * TiSectorPair:
 * @a: a sector key
 * @b: another sector key
 * @ties: how many ties join a node of sector @a to one of sector @b (membership ties left out)
 */
typedef struct
{
  const char *a;
  const char *b;
  guint ties;
} TiSectorPair;

/**
 * TiSectorMatrix:
 * @n_sectors: how many sectors have a node in the graph
 * @sectors: (array length=n_sectors): their keys, in the vocabulary's order
 *   (ti_vocabulary_sectors())
 * @ties: (array): @n_sectors × @n_sectors counts, row by row, the same both ways round: how
 *   many ties join a node of the row's sector to one of the column's; on the diagonal, how
 *   many join two nodes of the same sector. A champion's tie to their own organisation is
 *   left out. Read with ti_sector_matrix_get_ties().
 * @weights: (array): the same, the ties' weights summed (#TiNetworkTie.weight: how many
 *   sessions and events the tied champions shared). Read with ti_sector_matrix_get_weight().
 *
 * The ties within and between the sectors of a #TiNetworkGraph, for the network map's side
 * panel and the evaluation workbook. A cell of no ties between two sectors is a gap (see
 * #TiNetworkGraph.sector_pairs for the same pairs as a list).
 */
typedef struct
{
  guint n_sectors;
  const char **sectors;
  guint *ties;
  double *weights;
} TiSectorMatrix;

guint ti_sector_matrix_get_ties (const TiSectorMatrix *matrix, guint a, guint b);
double ti_sector_matrix_get_weight (const TiSectorMatrix *matrix, guint a, guint b);
int ti_sector_matrix_find (const TiSectorMatrix *matrix, const char *sector);

/**
 * TiNetworkGraph:
 * @mode: which network it is
 * @as_of: the day it stands on, 'YYYY-MM-DD': champions who had joined (and not stepped down)
 *   by then, ties from sessions and events held by then
 * @nodes: (element-type TiNetworkNode): organisations first, then champions
 * @ties: (element-type TiNetworkTie)
 * @n_components: how many connected groups of two organisations or more (an organisation
 *   tied to no other, with or without its own champions, is not a group of one: see
 *   @isolated), the same in both modes; every node's #TiNetworkNode.component numbers the
 *   components from 0, largest first, the lone nodes after them
 * @bridges: (element-type guint): node indices of the champions (or, in organisations mode,
 *   organisations) whose ties (membership ties left out) reach at least two sectors other
 *   than their own, highest betweenness first: at most ten, each with betweenness above 0
 * @isolated: (element-type guint): organisations with no champion, or none of whose
 *   champions has a tie with a champion of another organisation (the same in both modes), in
 *   node order
 * @sector_pairs: (element-type TiSectorPair): every pair of two different sectors with a
 *   node, with their ties, in the vocabulary's order; pairs with none are the gaps ("no ties
 *   between Police and Education"). The same counts as @sector_matrix's above its diagonal.
 * @sector_matrix: the ties within and between the sectors with a node, as a matrix
 * @description: the graph in words, for assistive technologies: how many organisations,
 *   champions and ties, the biggest bridges, the isolated organisations
 * @large_gatherings: how many gatherings had more than %TI_NETWORK_GATHERING_MAX champions
 *   and so made no ties
 * @new_positions: how many nodes the layout placed for the first time (none was saved for
 *   them): when any, the layout is worth saving (ti_network_graph_save_positions_async()),
 *   so that the map does not jump when it is next opened with a champion more
 * @past: whether @as_of is before today: the network as it stood on a past day (say so
 *   wherever it is shown)
 *
 * The champions' network as it stood on one day, measured with igraph. Built in a worker
 * thread by ti_network_graph_build_async().
 */
typedef struct
{
  TiNetworkMode mode;
  char as_of[11];
  GArray *nodes;
  GArray *ties;
  guint n_components;
  GArray *bridges;
  GArray *isolated;
  GArray *sector_pairs;
  TiSectorMatrix sector_matrix;
  char *description;
  guint large_gatherings;
  guint new_positions;
  gboolean past;
} TiNetworkGraph;

const TiFigureDefinition *ti_network_graph_figure_definitions (guint *n_definitions);

TiNetworkGraph *ti_network_graph_build (TiDatabase *db, TiNetworkMode mode, const char *as_of,
                                        GError **error);
gboolean ti_network_graph_layout (TiNetworkGraph *graph, TiDatabase *db, GError **error);
void ti_network_graph_build_async (const char *db_path, TiNetworkMode mode, const char *as_of,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data);
TiNetworkGraph *ti_network_graph_build_finish (GAsyncResult *result, GError **error);
gboolean ti_network_graph_save_positions (TiDatabase *db, const TiNetworkGraph *graph,
                                          GError **error);
gboolean ti_network_graph_save_position (TiDatabase *db, const TiNetworkGraph *graph, guint node,
                                         GError **error);
void ti_network_graph_save_positions_async (const char *db_path, const TiNetworkGraph *graph,
                                            GCancellable *cancellable, GAsyncReadyCallback callback,
                                            gpointer user_data);
gboolean ti_network_graph_save_positions_finish (GAsyncResult *result, GError **error);
void ti_network_graph_free (TiNetworkGraph *graph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiNetworkGraph, ti_network_graph_free)

G_END_DECLS
