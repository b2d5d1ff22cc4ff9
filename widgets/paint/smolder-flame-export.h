/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-export.h: a flame graph to an SVG, PNG or PDF file. */
#pragma once

#include "smolder-flame-paint.h"

G_BEGIN_DECLS

typedef enum {
  SMOLDER_FLAME_EXPORT_SVG,
  SMOLDER_FLAME_EXPORT_PNG,
  SMOLDER_FLAME_EXPORT_PDF,
} SmolderFlameExportFormat;

typedef struct {
  double                  width;        /* <= 0: 1200 */
  double                  height;       /* <= 0: the whole graph plus the title */
  double                  row_height;   /* <= 0: the default */
  SmolderFlameOrientation orientation;
  gboolean                dark;
  gboolean                draw_labels;
  const char             *font;         /* NULL: "Sans 9" */
  const char             *title;        /* a line above the graph; NULL: none */
  SmolderFlameSearch     *search;       /* NULL: none */
  guint                   zoom_root;    /* 0: the whole tree */
  const char             *unprinted_label; /* see SmolderFlamePaintOptions */
} SmolderFlameExportOptions;

void     smolder_flame_export_options_init (SmolderFlameExportOptions *options);

/* "heap.pb.gz · inuse_space · 8.04 MiB total · focus=^main\. · search: Ticker":
 * what was exported, for the title line (@source, @query and @search may be
 * NULL). */
char    *smolder_flame_export_make_title (const char         *source,
                                          SmolderCallTree    *tree,
                                          const SmolderQuery *query,
                                          const char         *search);

/* By the file name's extension (case-insensitive); FALSE when unknown. */
gboolean smolder_flame_export_format_from_path (const char               *path,
                                                SmolderFlameExportFormat *out_format);

/* Renders @tree with @options into @path in @format. An SVG is written by
 * smolder-flame-svg.c: each frame a <g> with a <title> and its label as
 * <text>. */
gboolean smolder_flame_export_to_file (SmolderCallTree                 *tree,
                                       const SmolderFlameExportOptions *options,
                                       SmolderFlameExportFormat         format,
                                       const char                      *path,
                                       GError                         **error);

/* Any drawing of @width x @height into @path in @format (what the above
 * uses; the differential flame graph too). */
typedef void (*SmolderFlameExportDrawFunc) (cairo_t *cr,
                                            double   width,
                                            double   height,
                                            gpointer user_data);
gboolean smolder_flame_export_render_to_file (SmolderFlameExportFormat   format,
                                              const char                *path,
                                              double                     width,
                                              double                     height,
                                              SmolderFlameExportDrawFunc draw,
                                              gpointer                   user_data,
                                              GError                   **error);

/* The same drawing on any cairo_t (the caller picks size and surface). */
void     smolder_flame_export_draw (cairo_t                         *cr,
                                    SmolderCallTree                 *tree,
                                    const SmolderFlameExportOptions *options,
                                    double                           width,
                                    double                           height);

/* The height of the title line (0 without a title). */
double   smolder_flame_export_get_title_height (const SmolderFlameExportOptions *options);

/* The size smolder_flame_export_to_file() uses for @tree and @options. */
void     smolder_flame_export_get_size (SmolderCallTree                 *tree,
                                        const SmolderFlameExportOptions *options,
                                        double                          *width,
                                        double                          *height);

G_END_DECLS
