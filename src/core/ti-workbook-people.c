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
    "  coalesce (came.n, 0)"
    " FROM champions c JOIN people p ON p.id = c.person_id"
    " LEFT JOIN organisations o ON o.id = p.organisation_id"
    " LEFT JOIN facilitated ON facilitated.person_id = p.id"
    " LEFT JOIN attended ON attended.person_id = p.id"
    " LEFT JOIN came ON came.person_id = p.id"
    " WHERE c.since <= ?4 ORDER BY o.name, p.id";

static gboolean
write_champions (TiWorkbookExport *export, const TiNetworkTally *tally, GError **error)
{
  static const char *headings[] = {
    N_ ("Champion"), N_ ("Name"), N_ ("Email"), N_ ("Organisation"), N_ ("Sector"),
    N_ ("Locality"), N_ ("Champion since"), N_ ("Status today"), N_ ("Active on the day"),
    N_ ("Sessions facilitated"), N_ ("Sessions attended"), N_ ("Events attended"),
  };
  static const double widths[] = { 16, 26, 30, 40, 18, 22, 12, 12, 10, 12, 11, 10 };
  gboolean names = export->options->include_names;
  /* Without names, the Name and Email columns are not there at all. */
  const guint skip = names ? 0 : 2;
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (export->db, champions_sql, error);
  g_autofree const char **shown = g_new0 (const char *, G_N_ELEMENTS (headings));
  g_autofree double *shown_widths = g_new0 (double, G_N_ELEMENTS (headings));
  g_autofree char *day = ti_format_date (network_day (export));
  g_autofree char *subtitle = NULL;
  guint n_shown = 0;
  TiSheet sheet;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, export->period.from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, export->period.to_time, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, network_day (export), -1, SQLITE_STATIC);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    if (names || (c != 1 && c != 2))
      {
        shown[n_shown] = headings[c];
        shown_widths[n_shown++] = widths[c];
      }

  subtitle = g_strdup_printf (_("Everyone who had become a champion by %s; what they did is "
                                "counted in the period."),
                              day);
  ti_sheet_start (&sheet, export, "Champions", _("Champions"), subtitle);
  ti_sheet_columns (&sheet, shown, shown_widths, n_shown);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const TiNetworkChampion *champion = ti_network_tally_find_champion (tally, id);
      gboolean active = champion != NULL
                        && ti_network_champion_is_active (champion, network_day (export));
      g_autofree char *pseudonym = ti_workbook_pseudonym (export, id);
      const char *sector = (const char *)sqlite3_column_text (stmt, 4);
      const char *locality = (const char *)sqlite3_column_text (stmt, 5);

      ti_sheet_text (&sheet, 0, pseudonym);
      if (names)
        {
          ti_sheet_text (&sheet, 1, (const char *)sqlite3_column_text (stmt, 1));
          ti_sheet_text (&sheet, 2, (const char *)sqlite3_column_text (stmt, 2));
        }
      ti_sheet_text (&sheet, 3 - skip, (const char *)sqlite3_column_text (stmt, 3));
      if (sector != NULL)
        ti_sheet_text (&sheet, 4 - skip, ti_vocabulary_sector_label (sector));
      if (locality != NULL)
        ti_sheet_text (&sheet, 5 - skip, ti_vocabulary_locality_label (locality));
      ti_sheet_date (&sheet, 6 - skip, (const char *)sqlite3_column_text (stmt, 6));
      ti_sheet_text (&sheet, 7 - skip,
                     champion_status_label ((const char *)sqlite3_column_text (stmt, 7)));
      ti_sheet_text (&sheet, 8 - skip, active ? _("Yes") : _("No"));
      ti_sheet_count (&sheet, 9 - skip, sqlite3_column_int64 (stmt, 8));
      ti_sheet_count (&sheet, 10 - skip, sqlite3_column_int64 (stmt, 9));
      ti_sheet_count (&sheet, 11 - skip, sqlite3_column_int64 (stmt, 10));
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
                   "the same in every export of this programme."));
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
    N_ ("Active champions"), N_ ("Charter"), N_ ("Consultation started"), N_ ("Signed on"),
    N_ ("Review on"), N_ ("Signed by (role)"), N_ ("Commitments"), N_ ("Commitments done"),
    N_ ("Signed by"),
  };
  static const double widths[] = { 40, 30, 18, 22, 11, 10, 15, 13, 12, 12, 26, 12, 12, 26 };
  gboolean names = export->options->include_names;
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (export->db, organisations_sql, error);
  g_autoptr (GHashTable) champions = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree guint *counts = NULL;
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
    g_hash_table_insert (champions, &TI_NETWORK_ORGANISATION (tally, i)->id, &counts[i]);

  ti_sheet_start (&sheet, export, "Organisations", _("Organisations and the charter"),
                  _("Every organisation and directorate, its active champions on the day the "
                    "network is judged on, and where it stands with the charter today."));
  ti_sheet_columns (&sheet, headings, widths, G_N_ELEMENTS (headings) - (names ? 0 : 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const guint *count = g_hash_table_lookup (champions, &id);
      const char *stage = (const char *)sqlite3_column_text (stmt, 6);

      ti_sheet_text (&sheet, 0, (const char *)sqlite3_column_text (stmt, 1));
      ti_sheet_text (&sheet, 1, (const char *)sqlite3_column_text (stmt, 2));
      ti_sheet_text (&sheet, 2,
                     ti_vocabulary_sector_label ((const char *)sqlite3_column_text (stmt, 3)));
      ti_sheet_text (&sheet, 3,
                     ti_vocabulary_locality_label ((const char *)sqlite3_column_text (stmt, 4)));
      if (sqlite3_column_int64 (stmt, 5) > 0)
        ti_sheet_count (&sheet, 4, sqlite3_column_int64 (stmt, 5));
      ti_sheet_count (&sheet, 5, count != NULL ? *count : 0);
      ti_sheet_text (&sheet, 6, ti_charter_stage_label (stage));
      ti_sheet_date (&sheet, 7, (const char *)sqlite3_column_text (stmt, 7));
      ti_sheet_date (&sheet, 8, (const char *)sqlite3_column_text (stmt, 8));
      ti_sheet_date (&sheet, 9, (const char *)sqlite3_column_text (stmt, 9));
      ti_sheet_text (&sheet, 10, (const char *)sqlite3_column_text (stmt, 10));
      ti_sheet_count (&sheet, 11, sqlite3_column_int64 (stmt, 12));
      ti_sheet_count (&sheet, 12, sqlite3_column_int64 (stmt, 13));
      if (names)
        ti_sheet_text (&sheet, 13, (const char *)sqlite3_column_text (stmt, 11));
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
                   "sheet, so these counts are not hidden. The charter columns show the "
                   "adoption as recorded today; the signatory is named only when names are "
                   "included."));
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
