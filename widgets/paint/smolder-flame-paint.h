/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-paint.h: draw a flame layout on any cairo_t.
 *
 * Bars in package colours (smolder-palette.h), labels ellipsized with pango
 * when at least a few characters fit, always set as plain text (a Go name
 * such as "main.(*T).<b>" is never markup), search matches highlighted and
 * the rest dimmed, and outlines for the hovered and the focused frame. No
 * GTK: used by the widget and headless by `smolder-cli export`. */
#pragma once

#include <cairo.h>

#include "smolder-flame-layout.h"
#include "smolder-palette.h"
#include "smolder-tree-search.h"

G_BEGIN_DECLS

/* Names shaped once and reused by later paints (the widget keeps one);
 * main thread only, or one per thread. */
typedef struct _SmolderFlameLabelCache SmolderFlameLabelCache;

SmolderFlameLabelCache *smolder_flame_label_cache_new  (void);
void                    smolder_flame_label_cache_free (SmolderFlameLabelCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderFlameLabelCache, smolder_flame_label_cache_free)

typedef struct {
  gboolean            dark;         /* the dark-style palette */
  SmolderPaletteScheme palette;     /* colours by package (default) or classic */
  gboolean            draw_labels;  /* FALSE for golden images (fonts vary) */
  const char         *font;         /* a Pango font description; NULL: "Sans 9" */
  SmolderFlameSearch *search;       /* NULL: nothing highlighted or dimmed */
  guint32             hover;        /* a node or SMOLDER_NO_ID */
  guint32             focus;        /* a node or SMOLDER_NO_ID */
  gboolean            background;   /* fill the viewport with the background first */
  SmolderFlameLabelCache *label_cache; /* NULL: shape every label this time */
  const char         *unprinted_label; /* the label of frames a Go text profile
                                        * did not print; NULL: "<unknown>" */
} SmolderFlamePaintOptions;

void smolder_flame_paint_options_init (SmolderFlamePaintOptions *options);

/* The bar of @r in row top @y as drawn: snapped to whole pixels, a pixel
 * of gap on the right. */
void smolder_flame_paint_bar_box (const SmolderFlameRect *r,
                                  double                  y,
                                  double                  row_height,
                                  double                 *bx,
                                  double                 *by,
                                  double                 *bw,
                                  double                 *bh);

/* The fill and ink of @node as painted with @options: its package colour,
 * dimmed when a search does not match it or it is a zoom ancestor. */
void smolder_flame_paint_node_colors (SmolderFlameLayout             *layout,
                                      guint32                         node,
                                      const SmolderFlamePaintOptions *options,
                                      SmolderRgb                     *fill,
                                      SmolderRgb                     *ink);

/* Paints @layout in its viewport coordinates, within the cairo clip. */
void smolder_flame_paint (cairo_t                        *cr,
                          SmolderFlameLayout             *layout,
                          const SmolderFlamePaintOptions *options);

G_END_DECLS
