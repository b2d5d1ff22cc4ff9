/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-svg.h: a flame graph as an SVG document a browser and
 * tools can read: each frame a <g> holding a <title> (full name, total and
 * self with exact values and percentages: what a browser shows on hover),
 * its bar and its label as real <text>, so the file can be searched. */
#pragma once

#include "smolder-flame-export.h"

G_BEGIN_DECLS

/* The document for @tree drawn @width x @height with @options. */
char     *smolder_flame_svg_render (SmolderCallTree                 *tree,
                                    const SmolderFlameExportOptions *options,
                                    double                           width,
                                    double                           height);

/* The same written to @path; the error names the file. */
gboolean  smolder_flame_svg_write  (SmolderCallTree                 *tree,
                                    const SmolderFlameExportOptions *options,
                                    double                           width,
                                    double                           height,
                                    const char                      *path,
                                    GError                         **error);

G_END_DECLS
