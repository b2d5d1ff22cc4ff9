/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-diff.h: a differential flame graph of two call trees.
 *
 * The graph is laid out on one tree (the new profile's, or the base's on
 * request, so what shrank to nothing still shows) and each of its nodes is
 * matched to the node of the other tree with the same path of frame names.
 * Bars are coloured by change: growth and shrinkage in two hues that
 * colour-blind readers tell apart (Okabe-Ito vermillion and blue), stronger
 * for larger changes, neutral grey below a threshold. Absolute mode scales
 * changes by the largest change in the graph, relative mode by the node's
 * base value. No GTK: for the widget and for `smolder-cli export --base`. */
#pragma once

#include <cairo.h>

#include "smolder-flame-export.h"
#include "smolder-flame-layout.h"
#include "smolder-palette.h"
#include "smolder-tree-search.h"

G_BEGIN_DECLS

typedef struct _SmolderFlameDiff SmolderFlameDiff;

#define SMOLDER_TYPE_FLAME_DIFF (smolder_flame_diff_get_type ())
GType smolder_flame_diff_get_type (void) G_GNUC_CONST;

/* Widths from @new_tree, or from @base_tree when @on_base. The two trees
 * may come from different profiles (names are compared, not frame ids);
 * they should be of the same sample type. */
SmolderFlameDiff *smolder_flame_diff_new   (SmolderCallTree  *base_tree,
                                            SmolderCallTree  *new_tree,
                                            gboolean          on_base);
SmolderFlameDiff *smolder_flame_diff_ref   (SmolderFlameDiff *self);
void              smolder_flame_diff_unref (SmolderFlameDiff *self);

/* The tree the graph is laid out on. */
SmolderCallTree  *smolder_flame_diff_get_tree   (SmolderFlameDiff *self);
gboolean          smolder_flame_diff_get_on_base (SmolderFlameDiff *self);
/* Totals of a node of the laid-out tree in the base and the new tree
 * (0 where the path does not exist there). */
gint64            smolder_flame_diff_get_base   (SmolderFlameDiff *self,
                                                 guint             node);
gint64            smolder_flame_diff_get_new    (SmolderFlameDiff *self,
                                                 guint             node);
/* The largest |new - base| of any node: the end of the legend's scale. */
gint64            smolder_flame_diff_get_max_change (SmolderFlameDiff *self);

typedef enum {
  SMOLDER_DIFF_COLOR_ABSOLUTE,  /* change over the largest change */
  SMOLDER_DIFF_COLOR_RELATIVE,  /* change over the node's base value */
} SmolderDiffColorMode;

typedef struct {
  SmolderDiffColorMode mode;
  /* Changes below it stay neutral. Absolute: a fraction of the larger of
   * the two roots' totals (default 0.005); relative: of the node's base
   * value (default 0.05). */
  double               threshold;
  gboolean             dark;
  /* A search of the laid-out tree: frames it does not match are dimmed,
   * as the flame graph dims them; NULL: nothing dimmed. */
  SmolderFlameSearch  *search;
} SmolderDiffColorOptions;

/* Absolute mode with its default threshold, light style. */
void   smolder_diff_color_options_init (SmolderDiffColorOptions *options);
/* The signed strength of @node's change, -1 (gone, or the largest
 * shrinkage) .. 1; exactly 0 when it stays neutral. */
double smolder_flame_diff_get_intensity (SmolderFlameDiff              *self,
                                         guint                          node,
                                         const SmolderDiffColorOptions *options);
/* The colour of a signed intensity (see above). */
void   smolder_diff_palette_color (double             intensity,
                                   gboolean           dark,
                                   SmolderFrameColor *out);

/* Paints @layout (made from smolder_flame_diff_get_tree()) in its viewport
 * coordinates with change colours; labels in @font (NULL: "Sans 9") when
 * @draw_labels. */
void   smolder_flame_diff_paint (cairo_t                       *cr,
                                 SmolderFlameLayout            *layout,
                                 SmolderFlameDiff              *diff,
                                 const SmolderDiffColorOptions *options,
                                 gboolean                       draw_labels,
                                 const char                    *font);

/* The legend: a bar from the largest shrinkage through neutral to the
 * largest growth in the box (@x, @y, @width, @height), the neutral band as
 * wide as the threshold; with @draw_labels, the ends and 0 printed in
 * @unit (a sample type's unit, e.g. "bytes") below the bar. */
void   smolder_flame_diff_paint_legend (cairo_t                       *cr,
                                        SmolderFlameDiff              *diff,
                                        const SmolderDiffColorOptions *options,
                                        const char                    *unit,
                                        double                         x,
                                        double                         y,
                                        double                         width,
                                        double                         height,
                                        gboolean                       draw_labels,
                                        const char                    *font);

/* The differential flame graph with its title and legend into @path.
 * Uses @options' width (<= 0: 1200), height (<= 0: every row), row height,
 * orientation, dark, draw_labels, font and title; @colors' mode and
 * threshold (its dark is @options'). @unit labels the legend. */
gboolean smolder_flame_diff_export_to_file (SmolderFlameDiff                *diff,
                                           const SmolderDiffColorOptions   *colors,
                                           const SmolderFlameExportOptions *options,
                                           const char                      *unit,
                                           SmolderFlameExportFormat         format,
                                           const char                      *path,
                                           GError                         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderFlameDiff, smolder_flame_diff_unref)

G_END_DECLS
