/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ti-format.h"
#include "ti-vocabulary.h"

static void
test_count (void)
{
  struct { gint64 n; const char *text; } cases[] = {
    { 0, "0" }, { 999, "999" }, { 1000, "1,000" }, { 25310, "25,310" },
    { 1234567, "1,234,567" }, { -4200, "−4,200" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ti_format_count (cases[i].n);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_dates (void)
{
  g_autofree char *day = ti_format_date ("2023-06-14");
  g_autofree char *with_time = ti_format_date ("2023-11-02 09:30");
  g_autofree char *month = ti_format_month ("2024-05");
  g_autofree char *change = ti_format_decimal (0.8349, 2, TRUE);
  g_autofree char *drop = ti_format_decimal (-0.5, 1, TRUE);
  g_autofree char *iso = NULL;
  GDate date;

  g_assert_cmpstr (day, ==, "14 Jun 2023");
  g_assert_cmpstr (with_time, ==, "2 Nov 2023");
  g_assert_cmpstr (month, ==, "May 2024");
  {
    g_autofree char *period = ti_format_period ("2023-01-01", "2024-04-30");
    g_autofree char *from = ti_format_period ("2023-01-01", NULL);
    g_autofree char *to = ti_format_period (NULL, "2024-04-30");
    g_autofree char *open = ti_format_period (NULL, NULL);

    g_assert_cmpstr (period, ==, "1 Jan 2023 – 30 Apr 2024");
    g_assert_cmpstr (from, ==, "From 1 Jan 2023");
    g_assert_cmpstr (to, ==, "Up to 30 Apr 2024");
    g_assert_cmpstr (open, ==, "Everything recorded");
  }
  g_assert_cmpstr (change, ==, "+0.83");
  g_assert_cmpstr (drop, ==, "-0.5");

  g_assert_true (ti_date_parse ("2024-02-29", &date));
  iso = ti_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2024-02-29");
  g_assert_true (ti_date_parse (" 30/04/2024 ", &date));
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_APRIL);
  g_assert_cmpint (g_date_get_day (&date), ==, 30);

  /* Impossible dates and other shapes are refused, not guessed. */
  g_assert_false (ti_date_parse ("2023-02-29", &date));
  g_assert_false (ti_date_parse ("31/04/2024", &date));
  g_assert_false (ti_date_parse ("2024-4-1x", &date));
  g_assert_false (ti_date_parse ("04/30/2024", &date));
  g_assert_false (ti_date_parse ("", &date));
  g_assert_false (ti_date_parse (NULL, &date));
}

/* A date written the wrong way is told apart from one written right that does not exist. */
static void
test_date_check (void)
{
  struct
  {
    const char *text;
    TiDateProblem problem;
  } cases[] = {
    { "2024-02-29", TI_DATE_OK },
    { " 1/3/2024 ", TI_DATE_OK },
    { "31/12/1900", TI_DATE_OK },
    { "31/02/2023", TI_DATE_IMPOSSIBLE },
    { "2023-02-29", TI_DATE_IMPOSSIBLE },
    { "31/04/2024", TI_DATE_IMPOSSIBLE },
    { "2024-13-01", TI_DATE_IMPOSSIBLE },
    { "04/30/2024", TI_DATE_IMPOSSIBLE },
    { "00/01/2024", TI_DATE_IMPOSSIBLE },
    { "1899-12-31", TI_DATE_IMPOSSIBLE },
    { "2024-4-1x", TI_DATE_MALFORMED },
    { "2024-4-01", TI_DATE_MALFORMED },
    { "2024/02/01", TI_DATE_MALFORMED },
    { "01/02/24", TI_DATE_MALFORMED },
    { "01-02-2024", TI_DATE_MALFORMED },
    { "2024--1-01", TI_DATE_MALFORMED },
    { "+1/02/2024", TI_DATE_MALFORMED },
    { "1 /02/2024", TI_DATE_MALFORMED },
    { "2024-02-01 09:30", TI_DATE_MALFORMED },
    { "yesterday", TI_DATE_MALFORMED },
    { "", TI_DATE_MALFORMED },
    { NULL, TI_DATE_MALFORMED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_test_message ("%s", cases[i].text ? cases[i].text : "(null)");
      g_assert_cmpint (ti_date_check (cases[i].text, &date), ==, cases[i].problem);
      /* Only a real date is given back, and ti_date_parse agrees. */
      g_assert_cmpint (g_date_valid (&date), ==, cases[i].problem == TI_DATE_OK);
      g_assert_cmpint (ti_date_parse (cases[i].text, &date), ==, cases[i].problem == TI_DATE_OK);
    }
}

static void
test_email (void)
{
  g_assert_true (ti_text_is_email ("jo.marsh@housing.example"));
  g_assert_true (ti_text_is_email ("o'neil+ti@nhs.example.uk"));
  g_assert_false (ti_text_is_email ("jo.marsh"));
  g_assert_false (ti_text_is_email ("@housing.example"));
  g_assert_false (ti_text_is_email ("jo@housing"));
  g_assert_false (ti_text_is_email ("jo@.example"));
  g_assert_false (ti_text_is_email ("jo@housing."));
  g_assert_false (ti_text_is_email ("jo marsh@housing.example"));
  g_assert_false (ti_text_is_email ("jo@a@housing.example"));
  g_assert_false (ti_text_is_email (""));
  g_assert_false (ti_text_is_email (NULL));
}

static void
test_vocabulary (void)
{
  g_assert_cmpstr (ti_vocabulary_sector_key ("  nhs TRUST "), ==, "nhs_trust");
  g_assert_cmpstr (ti_vocabulary_sector_key ("VCSE"), ==, "vcse");
  g_assert_cmpstr (ti_vocabulary_sector_key ("Bakery"), ==, NULL);
  g_assert_cmpstr (ti_vocabulary_locality_key ("somerset west and taunton"), ==,
                   "somerset_west_taunton");
  g_assert_cmpstr (ti_vocabulary_locality_label ("county_wide"), ==, "County-wide");
  g_assert_cmpstr (ti_vocabulary_sector_label ("icb"), ==, "Integrated care board");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/count", test_count);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/date-check", test_date_check);
  g_test_add_func ("/format/email", test_email);
  g_test_add_func ("/format/vocabulary", test_vocabulary);

  return g_test_run ();
}
