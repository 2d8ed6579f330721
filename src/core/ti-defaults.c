/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-defaults"

#include "config.h"

#include "ti-defaults.h"
#include "ti-programme-settings.h"

/* The six principles of trauma-informed practice (OHID, 2022). */
static const struct
{
  const char *name;
  const char *description;
} principles[] = {
  { "Safety", "The physical, psychological and emotional safety of people who use and deliver services is prioritised." },
  { "Trustworthiness", "Transparency exists in an organisation's policies and procedures, to build trust among staff, service users and the wider community." },
  { "Choice", "People are supported in shared decision-making, choice and goal setting to decide the plan of action they need to heal and move forward." },
  { "Collaboration", "The value of staff and service user experience is recognised in overcoming challenges and improving the system as a whole." },
  { "Empowerment", "Efforts are made to share power and give service users and staff a strong voice in decision-making, at individual and organisational level." },
  { "Cultural consideration", "Move past cultural stereotypes and biases based on, for example, gender, sexual orientation, age, religion, disability, geography, race or ethnicity." },
};

/* What the psychologist checks a facilitated session against; editable in Preferences. */
static const char *const fidelity_items[] = {
  "Explained what trauma and adverse childhood experiences are, and how common they are",
  "Set up the session safely: ground rules, opt-out, and where to find support",
  "Covered the principles of the county charter with examples from the participants' work",
  "Used strengths-based, non-blaming language throughout",
  "Linked the learning to the participants' own service and next steps",
  "Offered a check-out and signposted staff wellbeing support",
};

/**
 * ti_defaults_seed:
 *
 * Fills a new programme with its defaults: the programme settings, the charter principles
 * and the fidelity checklist. Call inside a transaction.
 */
gboolean
ti_defaults_seed (TiDatabase *db, GError **error)
{
  g_autoptr (sqlite3_stmt) principle = NULL;
  g_autoptr (sqlite3_stmt) item = NULL;
  g_autoptr (TiProgrammeSettings) settings = ti_programme_settings_new_default ();

  if (!ti_programme_settings_save (settings, db, error))
    return FALSE;

  principle = ti_database_prepare (
    db, "INSERT INTO charter_principles (position, name, description) VALUES (?, ?, ?)", error);
  if (principle == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (principles); i++)
    {
      sqlite3_bind_int (principle, 1, i + 1);
      sqlite3_bind_text (principle, 2, principles[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (principle, 3, principles[i].description, -1, SQLITE_STATIC);
      if (!ti_database_step_done (db, principle, error))
        return FALSE;
    }

  item = ti_database_prepare (db, "INSERT INTO fidelity_items (position, text) VALUES (?, ?)",
                              error);
  if (item == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fidelity_items); i++)
    {
      sqlite3_bind_int (item, 1, i + 1);
      sqlite3_bind_text (item, 2, fidelity_items[i], -1, SQLITE_STATIC);
      if (!ti_database_step_done (db, item, error))
        return FALSE;
    }
  return TRUE;
}
