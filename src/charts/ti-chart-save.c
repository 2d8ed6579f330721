/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ti-chart-private.h"

/*
 * Saving a chart as a file: the same drawing as on screen, with its title (and caption) in
 * light colours on white whatever the screen's style, as board papers print it, written beside
 * the target and renamed into place only once whole, so a file appears complete or not at all.
 */

static const char *const extensions[] = { "png", "svg", "pdf" };

/**
 * ti_chart_file_format_from_name:
 * @name: a format's name or a file name extension, without the dot ("svg"; case aside)
 * @format: (out) (optional): the format it names
 *
 * Reads the parameter of a "save as" action.
 *
 * Returns: whether @name is a format charts are saved in
 */
gboolean
ti_chart_file_format_from_name (const char *name, TiChartFileFormat *format)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (extensions); i++)
    if (g_ascii_strcasecmp (name, extensions[i]) == 0)
      {
        if (format != NULL)
          *format = (TiChartFileFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* The format a file name's extension names, if it names one. */
static gboolean
format_of_path (const char *path, TiChartFileFormat *format)
{
  g_autofree char *base = path ? g_path_get_basename (path) : NULL;
  const char *dot = base ? strrchr (base, '.') : NULL;

  return dot != NULL && ti_chart_file_format_from_name (dot + 1, format);
}

/**
 * ti_chart_file_format_from_path:
 * @path: a file name
 *
 * Returns: the format its extension names (".svg", ".pdf", case aside); PNG otherwise
 */
TiChartFileFormat
ti_chart_file_format_from_path (const char *path)
{
  TiChartFileFormat format = TI_CHART_FILE_PNG;

  format_of_path (path, &format);
  return format;
}

/**
 * ti_chart_file_path_for_format:
 * @path: the file name a person chose
 * @chosen: the format they asked for ("Save as SVG…")
 * @format: (out caller-allocates): the format to write
 *
 * A name typed without an extension, or with one that names no format of ours, gets the
 * chosen format's ("Reach" → "Reach.svg"). A name typed with another format's extension
 * ("Reach.png" after "Save as SVG…") is taken at its word: saved in the format its name
 * says, so a file's name never lies about what it holds.
 *
 * Returns: (transfer full): the file to write
 */
char *
ti_chart_file_path_for_format (const char *path, TiChartFileFormat chosen,
                               TiChartFileFormat *format)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  if (format_of_path (path, format))
    return g_strdup (path);
  *format = chosen;
  return g_strconcat (path, ".", ti_chart_file_format_extension (chosen), NULL);
}

/**
 * ti_chart_file_format_filter_name:
 * @format: a file format
 *
 * Returns: what a file chooser's filter calls files of @format ("SVG Drawings")
 */
const char *
ti_chart_file_format_filter_name (TiChartFileFormat format)
{
  switch (format)
    {
    case TI_CHART_FILE_SVG:
      /* Translators: a file chooser's filter, for saving a chart */
      return _("SVG Drawings");
    case TI_CHART_FILE_PDF:
      /* Translators: a file chooser's filter, for saving a chart */
      return _("PDF Documents");
    case TI_CHART_FILE_PNG:
    default:
      /* Translators: a file chooser's filter, for saving a chart */
      return _("PNG Images");
    }
}

/**
 * ti_chart_file_format_extension:
 * @format: a file format
 *
 * Returns: its file name extension, without the dot ("png")
 */
const char *
ti_chart_file_format_extension (TiChartFileFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (extensions), extensions[0]);
  return extensions[format];
}

typedef struct
{
  int fd;
  int errsv; /* the first write error's errno, or 0 */
} Sink;

static cairo_status_t
write_to_sink (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          sink->errsv = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_error (GError **error, const char *path, GIOErrorEnum code, const char *why)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: the chart could not be saved; the first %s is the file, the second why */
  g_set_error (error, G_IO_ERROR, code, _("The chart could not be saved as “%s”: %s"), name, why);
}

/* A chart's page: while drawing a file its colours are the light style's, on white. */
static void
draw_chart_page (cairo_t *cr, int width, int height, gpointer data)
{
  TiChart *self = data;
  GdkRGBA background;

  ti_chart_set_drawing_file (self, TRUE);
  ti_chart_get_colour (self, TI_CHART_COLOUR_BACKGROUND, &background);
  background.alpha = 1;
  ti_chart_fill_rectangle (cr, 0, 0, width, height, &background);
  ti_chart_draw (self, cr, width, height);
  ti_chart_set_drawing_file (self, FALSE);
}

static void
draw_page (cairo_surface_t *surface, int width, int height, int scale,
           TiChartDrawPageFunc draw, gpointer data)
{
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  draw (cr, width, height, data);
  cairo_destroy (cr);
}

/* Draws the page into @sink; returns cairo's status. */
static cairo_status_t
write_page (TiChartFileFormat format, int width, int height, int scale,
            TiChartDrawPageFunc draw, gpointer data, Sink *sink)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  switch (format)
    {
    case TI_CHART_FILE_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_sink, sink, width, height);
      scale = 1;
      break;
    case TI_CHART_FILE_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_sink, sink, width, height);
      scale = 1;
      break;
    case TI_CHART_FILE_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
      break;
    }
  draw_page (surface, width, height, scale, draw, data);
  if (format == TI_CHART_FILE_PNG && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_sink, sink);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  return status;
}

/**
 * ti_chart_save:
 * @self: a chart
 * @path: the file to write; replaced if it exists
 * @format: what to write
 * @width: the picture's width, in pixels (points for SVG and PDF)
 * @height: its height
 * @error: where to say why it failed
 *
 * Saves the chart as it is drawn on screen, with its title always (and its caption), in the
 * light style's colours on white whatever the screen's style, so it prints and reads wherever
 * the file goes. The file is written beside @path and renamed into place only when complete:
 * on failure nothing is left behind.
 *
 * Returns: whether the file was written
 */
gboolean
ti_chart_save (TiChart *self, const char *path, TiChartFileFormat format, int width, int height,
               GError **error)
{
  return ti_chart_save_scaled (self, path, format, width, height, 1, error);
}

/**
 * ti_chart_save_scaled:
 * @self: a chart
 * @path: the file to write; replaced if it exists
 * @format: what to write
 * @width: the picture's width, in the screen's pixels (points for SVG and PDF)
 * @height: its height
 * @scale: pixels of a PNG to each of the screen's (2 keeps text crisp when printed); SVG and
 *   PDF are drawn at their size, being scalable
 * @error: where to say why it failed
 *
 * As ti_chart_save(), a PNG having @scale times as many pixels each way.
 *
 * Returns: whether the file was written
 */
gboolean
ti_chart_save_scaled (TiChart *self, const char *path, TiChartFileFormat format, int width,
                      int height, int scale, GError **error)
{
  g_return_val_if_fail (TI_IS_CHART (self), FALSE);

  return ti_chart_save_page (path, format, width, height, scale, draw_chart_page, self, error);
}

/**
 * ti_chart_save_page:
 * @path: the file to write; replaced if it exists
 * @format: what to write
 * @width: the picture's width, in the screen's pixels (points for SVG and PDF)
 * @height: its height
 * @scale: pixels of a PNG to each of the screen's; SVG and PDF are drawn at their size
 * @draw: (scope call): draws the page, background included, in @width by @height
 * @data: for @draw
 * @error: where to say why it failed
 *
 * What ti_chart_save_scaled() does for charts, for any drawing of the chart kit (the network
 * map): written beside @path and renamed into place only when complete, so on failure
 * nothing is left behind.
 *
 * Returns: whether the file was written
 */
gboolean
ti_chart_save_page (const char *path, TiChartFileFormat format, int width, int height,
                    int scale, TiChartDrawPageFunc draw, gpointer data, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *unique = NULL;
  g_autofree char *temporary = NULL;
  cairo_status_t status;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (width <= 0 || height <= 0 || scale <= 0)
    {
      set_error (error, path, G_IO_ERROR_INVALID_ARGUMENT, _("the picture has no size"));
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  /* g_mkstemp_full() replaces the six X at the end with a unique name. */
  unique = g_strnfill (6, 'X');
  temporary = g_strdup_printf ("%s%c.%s.%s", dir, G_DIR_SEPARATOR, base, unique);
  sink.fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0644);
  if (sink.fd < 0)
    {
      int errsv = errno;

      set_error (error, path, g_io_error_from_errno (errsv), g_strerror (errsv));
      return FALSE;
    }

  status = write_page (format, width, height, scale, draw, data, &sink);
  if (status == CAIRO_STATUS_SUCCESS && sink.errsv == 0 && fsync (sink.fd) != 0)
    sink.errsv = errno;
  if (close (sink.fd) != 0 && sink.errsv == 0 && status == CAIRO_STATUS_SUCCESS)
    sink.errsv = errno;

  if (sink.errsv == 0 && status == CAIRO_STATUS_SUCCESS && g_rename (temporary, path) != 0)
    sink.errsv = errno;
  if (sink.errsv != 0 || status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temporary);
      if (sink.errsv != 0)
        set_error (error, path, g_io_error_from_errno (sink.errsv), g_strerror (sink.errsv));
      else
        set_error (error, path, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * ti_chart_file_chooser_new:
 * @parent: (nullable): the window it belongs to
 * @title: the dialog's title ("Save Chart")
 * @name: what is saved, for the suggested file name ("Reach by sector" → "Reach by sector.svg")
 * @format: the format chosen in a menu: the filter and the suggested name follow it
 *
 * The file chooser every "Save as PNG / SVG / PDF…" opens. Answer it with
 * ti_chart_file_chooser_get_target().
 *
 * Returns: (transfer full): a modal chooser, not yet shown
 */
GtkFileChooserNative *
ti_chart_file_chooser_new (GtkWindow *parent, const char *title, const char *name,
                           TiChartFileFormat format)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strconcat ("*.", ti_chart_file_format_extension (format), NULL);
  g_autofree char *file_name = g_strdup (name);
  g_autofree char *suggested = NULL;

  g_strdelimit (file_name, "/\\:", '-');
  suggested = g_strconcat (g_strstrip (file_name), ".", ti_chart_file_format_extension (format),
                           NULL);
  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_filter_set_name (filter, ti_chart_file_format_filter_name (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "ti-chart-format", GINT_TO_POINTER (format));
  return chooser;
}

/**
 * ti_chart_file_chooser_get_target:
 * @chooser: a chooser from ti_chart_file_chooser_new()
 * @response: its response
 * @format: (out): the format to write
 *
 * Where to save, as the chooser was answered: in the format chosen, a name typed without its
 * extension getting it ("Reach" → "Reach.svg"); a name typed with another format's extension
 * (".png", ".svg" or ".pdf") is saved in that format, so the file is what its name says.
 *
 * Returns: (transfer full) (nullable): the path, or %NULL when nothing was chosen
 */
char *
ti_chart_file_chooser_get_target (GtkNativeDialog *chooser, int response,
                                  TiChartFileFormat *format)
{
  TiChartFileFormat chosen
    = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "ti-chart-format"));
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path == NULL)
    return NULL;
  return ti_chart_file_path_for_format (path, chosen, format);
}
