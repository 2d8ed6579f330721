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

/* What the psychologist checks a facilitated session against; editable in Preferences. Drawn
 * from the working definition of trauma-informed practice: the four Rs (realise, recognise,
 * respond, resist re-traumatisation), the charter's principles modelled in the delivery, an
 * offer fitted to its audience, wellbeing support, and disclosures handled safely. */
static const char *const fidelity_items[] = {
  "Realise: explained what trauma and adverse childhood experiences are, how common they are and how they affect people",
  "Recognise: covered the signs of trauma in the people participants work with, and in colleagues",
  "Respond: linked the learning to the participants' own service, with practical next steps",
  "Resist re-traumatisation: showed how everyday practice can re-traumatise people, and how to avoid it",
  "Modelled the charter principles in the delivery itself: safety, choice, collaboration, trust and empowerment in the room",
  "Adapted the content, examples and language to the audience and their setting",
  "Offered wellbeing support: opt-out and breaks made clear, a check-out at the end, and support signposted",
  "Handled disclosures safely: said at the start what happens if something personal is shared, and followed it",
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
