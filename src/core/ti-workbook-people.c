/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-charter.h"
#include "ti-format.h"
#include "ti-network-figures-private.h"
#include "ti-vocabulary.h"
#include "ti-workbook-private.h"

/*
 * The Champions and Organisations sheets. Whether a champion is active is judged by the
 * network figures' own rule on the same day as the Summary's "Active champions", so the
 * sheet's "Yes" rows add up to that figure. Champions appear by pseudonymous ID unless
 * names are included.
 */

/* The day the network figures stand on, as the Summary's "Active champions" says it. */
static const char *
network_day (TiWorkbookExport *export)
{
  return export->sources.network.on;
}

static const char *
champion_status_label (const char *key)
{
  if (g_strcmp0 (key, "paused") == 0)
    return _("Paused");
  if (g_strcmp0 (key, "stepped_down") == 0)
    return _("Stepped down");
  return _("Active");
}

/* Everyone who became a champion by the day, with what they did in the period: delivered
 * sessions facilitated and attended, events attended. Each activity is counted per person
 * in one pass over the period (materialised), not once per champion. */
static const char champions_sql[]
  = "WITH facilitated AS MATERIALIZED ("
    "  SELECT f.person_id, count(*) AS n FROM sessions s"
    "  JOIN session_facilitators f ON f.session_id = s.id"
    "  WHERE s.status = 'delivered' AND s.starts_at BETWEEN ?1 AND ?3 GROUP BY f.person_id),"
    " attended AS MATERIALIZED ("
    "  SELECT a.person_id, count(*) AS n FROM sessions s JOIN attendance a ON a.session_id = s.id"
    "  WHERE s.status = 'delivered' AND s.starts_at BETWEEN ?1 AND ?3 AND a.attended = 1"
    "  GROUP BY a.person_id),"
    " came AS MATERIALIZED ("
    "  SELECT e.person_id, count(*) AS n FROM events v JOIN event_attendance e"
    "  ON e.event_id = v.id WHERE v.starts_at BETWEEN ?1 AND ?3 AND e.attended = 1"
    "  GROUP BY e.person_id)"
    " SELECT p.id, p.name, p.email, o.name, o.sector, coalesce (p.locality, o.locality),"
    "  c.since, c.status, coalesce (facilitated.n, 0), coalesce (attended.n, 0),"
    "  coalesce (came.n, 0), p.erased_on"
    " FROM champions c JOIN people p ON p.id = c.person_id"
    " LEFT JOIN organisations o ON o.id = p.organisation_id"
    " LEFT JOIN facilitated ON facilitated.person_id = p.id"
    " LEFT JOIN attended ON attended.person_id = p.id"
    " LEFT JOIN came ON came.person_id = p.id"
    " WHERE c.since <= ?4 ORDER BY o.name, p.id";

static gboolean
write_champions (TiWorkbookExport *export, const TiNetworkTally *tally, GError **error)
{
  /* Named, a champion is their name and email; otherwise their pseudonymous ID, never both:
   * a named file must not be the key to the pseudonymous ones. */
  static const char *named[] = { N_ ("Name"), N_ ("Email") };
  static const double named_widths[] = { 26, 30 };
  static const char *pseudonymous[] = { N_ ("Champion") };
  static const double pseudonymous_widths[] = { 16 };
  static const char *rest[] = {
    N_ ("Organisation"), N_ ("Sector"), N_ ("Locality"), N_ ("Champion since"),
    N_ ("Status today"), N_ ("Active on the day"), N_ ("Sessions facilitated"),
    N_ ("Sessions attended"), N_ ("Events attended"),
  };
  static const double rest_widths[] = { 40, 18, 22, 13, 12, 10, 12, 11, 10 };
  gboolean names = export->options->include_names;
  const guint first = names ? G_N_ELEMENTS (named) : G_N_ELEMENTS (pseudonymous);
  const guint n_columns = first + G_N_ELEMENTS (rest);
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (export->db, champions_sql, error);
  g_autofree const char **headings = g_new0 (const char *, n_columns);
  g_autofree double *widths = g_new0 (double, n_columns);
  g_autofree char *day = ti_format_date (network_day (export));
  g_autofree char *subtitle = NULL;
  TiSheet sheet;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, export->period.from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, export->period.to_time, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, network_day (export), -1, SQLITE_STATIC);
  for (guint c = 0; c < first; c++)
    {
      headings[c] = names ? named[c] : pseudonymous[c];
      widths[c] = names ? named_widths[c] : pseudonymous_widths[c];
    }
  for (guint c = 0; c < G_N_ELEMENTS (rest); c++)
    {
      headings[first + c] = rest[c];
      widths[first + c] = rest_widths[c];
    }

  subtitle = g_strdup_printf (_("Everyone who had become a champion by %s; what they did is "
                                "counted in the period."),
                              day);
  ti_sheet_start (&sheet, export, "Champions", _("Champions"), subtitle);
  ti_sheet_columns (&sheet, headings, widths, n_columns);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const TiNetworkChampion *champion = ti_network_tally_find_champion (tally, id);
      gboolean active = champion != NULL
                        && ti_network_champion_is_active (champion, network_day (export));
      gboolean erased = sqlite3_column_type (stmt, 11) != SQLITE_NULL;
      const char *sector = (const char *)sqlite3_column_text (stmt, 4);
      const char *locality = (const char *)sqlite3_column_text (stmt, 5);
      const char *since = (const char *)sqlite3_column_text (stmt, 6);

      if (erased)
        /* Erased: no name, and no ID that would tie their rows across exports. */
        ti_sheet_text_format (&sheet, 0, _("Erased"), export->formats.hidden);
      else if (names)
        {
          ti_sheet_text (&sheet, 0, (const char *)sqlite3_column_text (stmt, 1));
          ti_sheet_text (&sheet, 1, (const char *)sqlite3_column_text (stmt, 2));
        }
      else
        {
          g_autofree char *pseudonym = ti_workbook_pseudonym (export, id);

          ti_sheet_text (&sheet, 0, pseudonym);
        }
      ti_sheet_text (&sheet, first, (const char *)sqlite3_column_text (stmt, 3));
      if (sector != NULL)
        ti_sheet_text (&sheet, first + 1, ti_vocabulary_sector_label (sector));
      if (locality != NULL)
        ti_sheet_text (&sheet, first + 2, ti_vocabulary_locality_label (locality));
      /* Without names, the month only: an exact day helps pick a person out. */
      if (names)
        ti_sheet_date (&sheet, first + 3, since);
      else
        {
          g_autofree char *month = g_strndup (since, 7);

          ti_sheet_month (&sheet, first + 3, month);
        }
      ti_sheet_text (&sheet, first + 4,
                     champion_status_label ((const char *)sqlite3_column_text (stmt, 7)));
      ti_sheet_text (&sheet, first + 5, active ? _("Yes") : _("No"));
      ti_sheet_count (&sheet, first + 6, sqlite3_column_int64 (stmt, 8));
      ti_sheet_count (&sheet, first + 7, sqlite3_column_int64 (stmt, 9));
      ti_sheet_count (&sheet, first + 8, sqlite3_column_int64 (stmt, 10));
      sheet.row++;
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (export->db, rc, _("listing the champions"), error);
  ti_sheet_finish (&sheet);
  ti_sheet_note (export, "Champions",
                 _("One row per person who had become a champion by the day the network is "
                   "judged on (the period’s last day, or today if earlier). “Active on the "
                   "day” follows the Active champions figure, so its Yes rows add up to it. "
                   "Sessions are delivered sessions starting in the period; events are those "
                   "held in it. Without names, each champion is a pseudonymous ID that stays "
                   "the same in every export of this programme, and the month they became a "
                   "champion is shown rather than the day; with names, no ID is shown, so a "
                   "named file cannot unlock the pseudonymous ones. People whose details were "
                   "erased appear as Erased, with no ID."));
  return TRUE;
}

/* Each organisation with its charter adoption and commitments. */
static const char organisations_sql[]
  = "SELECT o.id, o.name, up.name, o.sector, o.locality, o.headcount,"
    "  coalesce (ca.stage, 'not_started'), ca.consultation_started_on, ca.signed_on,"
    "  ca.review_on, ca.signatory_role, ca.signatory_name,"
    "  (SELECT count(*) FROM charter_commitments m WHERE m.organisation_id = o.id),"
    "  (SELECT count(*) FROM charter_commitments m WHERE m.organisation_id = o.id"
    "     AND m.done_on IS NOT NULL)"
    " FROM organisations o LEFT JOIN organisations up ON up.id = o.parent_id"
    " LEFT JOIN charter_adoptions ca ON ca.organisation_id = o.id"
    " ORDER BY o.name";

static gboolean
write_organisations (TiWorkbookExport *export, const TiNetworkTally *tally, GError **error)
{
  static const char *headings[] = {
    N_ ("Organisation"), N_ ("Part of"), N_ ("Sector"), N_ ("Locality"), N_ ("Headcount"),
    N_ ("Active champions"), N_ ("In the network on the day"), N_ ("Charter on the day"),
    N_ ("Charter today"), N_ ("Consultation started"), N_ ("Signed on"), N_ ("Review on"),
    N_ ("Signed by (role)"), N_ ("Commitments"), N_ ("Commitments done"), N_ ("Signed by"),
  };
  static const double widths[] = { 40, 30, 18, 22, 11, 10, 11, 15, 15, 13, 13, 13, 26, 12, 12, 26 };
  gboolean names = export->options->include_names;
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (export->db, organisations_sql, error);
  g_autoptr (GHashTable) index_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree guint *counts = NULL;
  g_autofree gboolean *rooted = NULL;
  g_autofree TiCharterStage *stages = NULL;
  guint n_organisations = tally->organisations->len;
  TiSheet sheet;
  int rc;

  if (stmt == NULL)
    return FALSE;
  /* Active champions by their own organisation (a directorate's are its own). */
  counts = g_new0 (guint, MAX (n_organisations, 1));
  for (guint i = 0; i < tally->champions->len; i++)
    {
      const TiNetworkChampion *champion = &g_array_index (tally->champions, TiNetworkChampion, i);

      if (champion->organisation >= 0
          && ti_network_champion_is_active (champion, network_day (export)))
        counts[champion->organisation]++;
    }
  for (guint i = 0; i < n_organisations; i++)
    g_hash_table_insert (index_of, &TI_NETWORK_ORGANISATION (tally, i)->id,
                         GUINT_TO_POINTER (i + 1));
  /* What the Organisations in the network and Charter signatories figures count, for each
   * top-level organisation on the same day. */
  rooted = g_new0 (gboolean, MAX (n_organisations, 1));
  stages = g_new0 (TiCharterStage, MAX (n_organisations, 1));
  ti_network_tally_mark_rooted (tally, network_day (export), rooted);
  ti_network_tally_charter_stages (tally, network_day (export), stages);

  ti_sheet_start (&sheet, export, "Organisations", _("Organisations and the charter"),
                  _("Every organisation and directorate: its active champions, whether it was "
                    "in the network and where it stood with the charter on the day the network "
                    "is judged on, and its charter as recorded today."));
  ti_sheet_columns (&sheet, headings, widths, G_N_ELEMENTS (headings) - (names ? 0 : 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, &id));
      const char *stage = (const char *)sqlite3_column_text (stmt, 6);

      ti_sheet_text (&sheet, 0, (const char *)sqlite3_column_text (stmt, 1));
      ti_sheet_text (&sheet, 1, (const char *)sqlite3_column_text (stmt, 2));
      ti_sheet_text (&sheet, 2,
                     ti_vocabulary_sector_label ((const char *)sqlite3_column_text (stmt, 3)));
      ti_sheet_text (&sheet, 3,
                     ti_vocabulary_locality_label ((const char *)sqlite3_column_text (stmt, 4)));
      if (sqlite3_column_int64 (stmt, 5) > 0)
        ti_sheet_count (&sheet, 4, sqlite3_column_int64 (stmt, 5));
      if (index > 0)
        {
          ti_sheet_count (&sheet, 5, counts[index - 1]);
          /* Directorates count with their parent: only top-level rows say. */
          if (TI_NETWORK_IS_TOP_LEVEL (tally, index - 1))
            {
              ti_sheet_text (&sheet, 6, rooted[index - 1] ? _("Yes") : _("No"));
              ti_sheet_text (&sheet, 7,
                             ti_charter_stage_label (ti_charter_stage_key (stages[index - 1])));
            }
        }
      ti_sheet_text (&sheet, 8, ti_charter_stage_label (stage));
      ti_sheet_date (&sheet, 9, (const char *)sqlite3_column_text (stmt, 7));
      ti_sheet_date (&sheet, 10, (const char *)sqlite3_column_text (stmt, 8));
      ti_sheet_date (&sheet, 11, (const char *)sqlite3_column_text (stmt, 9));
      ti_sheet_text (&sheet, 12, (const char *)sqlite3_column_text (stmt, 10));
      ti_sheet_count (&sheet, 13, sqlite3_column_int64 (stmt, 12));
      ti_sheet_count (&sheet, 14, sqlite3_column_int64 (stmt, 13));
      if (names)
        ti_sheet_text (&sheet, 15, (const char *)sqlite3_column_text (stmt, 11));
      sheet.row++;
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (export->db, rc, _("listing the organisations"),
                                              error);
  ti_sheet_finish (&sheet);
  ti_sheet_note (export, "Organisations",
                 _("One row per organisation and directorate, in name order. Active champions "
                   "are each organisation’s own (a parent’s row does not include its "
                   "directorates’); the champions are listed one by one on the Champions "
                   "sheet, so these counts are not hidden. “In the network on the day” and "
                   "“Charter on the day” are what the Organisations in the network and Charter "
                   "signatories figures count, for top-level organisations (a directorate "
                   "counts with its parent): their Yes and Signed rows add up to those figures. "
                   "The other charter columns show the adoption as recorded today; the "
                   "signatory is named only when names are included."));
  return TRUE;
}

/**
 * ti_workbook_write_people:
 *
 * Writes the Champions and Organisations sheets.
 */
gboolean
ti_workbook_write_people (TiWorkbookExport *export, GError **error)
{
  const TiNetworkTally *tally = export->sources.network_tally;

  return write_champions (export, tally, error) && write_organisations (export, tally, error);
}
