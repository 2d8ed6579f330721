/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-vocabulary.h"

G_BEGIN_DECLS

/* How a column shows its property. */
typedef enum
{
  TI_CELL_TEXT,    /* a string property, as it is */
  TI_CELL_DATE,    /* an ISO date string, as "14 Jun 2023"; "—" when unset */
  TI_CELL_TIER,    /* an int 0–3, as "Tier 2"; "—" for none */
  TI_CELL_COUNT,   /* an int, grouped: "1,250" */
  TI_CELL_PERCENT, /* a double 0–1, as "42.5%"; "—" when negative (no denominator) */
} TiCellKind;

typedef struct
{
  const char *title; /* translatable, marked with N_() */
  const char *property;
  TiCellKind kind;
  gboolean expand;
  int width_chars; /* the narrowest the column gets before it scrolls; 0 for its natural width */
  gboolean wide_only; /* hidden when the list is narrower than TI_TABLE_NARROW_WIDTH */
} TiTableColumn;

/* Narrower than this (a phone), a list shows only the columns that tell its rows apart. */
#define TI_TABLE_NARROW_WIDTH 600

void ti_table_add_columns (GtkColumnView *view, GType item_type, const TiTableColumn *columns,
                           guint n_columns);
void ti_table_fit_width (GtkColumnView *view, int width);

GtkWidget *ti_table_info_row_new (const char *title, const char *subtitle, const char *suffix);
void ti_table_set_choices (GtkDropDown *dropdown, const char *any, const TiTerm *terms,
                           guint n_terms);

G_END_DECLS
