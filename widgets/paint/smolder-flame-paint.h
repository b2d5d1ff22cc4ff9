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

G_BEGIN_DECLS

/* --- search --- */

typedef struct _SmolderFlameSearch SmolderFlameSearch;

#define SMOLDER_TYPE_FLAME_SEARCH (smolder_flame_search_get_type ())
GType smolder_flame_search_get_type (void) G_GNUC_CONST;

/* Nodes of @tree whose printable name matches @regex (searched, as Go's
 * regexp.MatchString). The whole tree is searched, not only what shows. */
SmolderFlameSearch *smolder_flame_search_new   (SmolderCallTree    *tree,
                                                GRegex             *regex);
SmolderFlameSearch *smolder_flame_search_ref   (SmolderFlameSearch *self);
void                smolder_flame_search_unref (SmolderFlameSearch *self);

gboolean            smolder_flame_search_matches       (SmolderFlameSearch *self,
                                                        guint32             node);
/* Matching nodes ("frames" in the UI). */
guint               smolder_flame_search_get_n_matches (SmolderFlameSearch *self);
/* Value under matching nodes, each sample counted once even when a match
 * calls another match; and that as a fraction of the root's total. */
gint64              smolder_flame_search_get_matched_total (SmolderFlameSearch *self);
double              smolder_flame_search_get_fraction  (SmolderFlameSearch *self);
/* "12 frames, 34.5% of total" */
char               *smolder_flame_search_describe      (SmolderFlameSearch *self);
/* The first matching node after @node in preorder (wrapping), or
 * SMOLDER_NO_ID when nothing matches. */
guint32             smolder_flame_search_next          (SmolderFlameSearch *self,
                                                        guint32             node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderFlameSearch, smolder_flame_search_unref)

/* --- painting --- */

/* Names shaped once and reused by later paints (the widget keeps one);
 * main thread only, or one per thread. */
typedef struct _SmolderFlameLabelCache SmolderFlameLabelCache;

SmolderFlameLabelCache *smolder_flame_label_cache_new  (void);
void                    smolder_flame_label_cache_free (SmolderFlameLabelCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderFlameLabelCache, smolder_flame_label_cache_free)

typedef struct {
  gboolean            dark;         /* the dark-style palette */
  gboolean            draw_labels;  /* FALSE for golden images (fonts vary) */
  const char         *font;         /* a Pango font description; NULL: "Sans 9" */
  SmolderFlameSearch *search;       /* NULL: nothing highlighted or dimmed */
  guint32             hover;        /* a node or SMOLDER_NO_ID */
  guint32             focus;        /* a node or SMOLDER_NO_ID */
  gboolean            background;   /* fill the viewport with the background first */
  SmolderFlameLabelCache *label_cache; /* NULL: shape every label this time */
} SmolderFlamePaintOptions;

void smolder_flame_paint_options_init (SmolderFlamePaintOptions *options);

/* Paints @layout in its viewport coordinates, within the cairo clip. */
void smolder_flame_paint (cairo_t                        *cr,
                          SmolderFlameLayout             *layout,
                          const SmolderFlamePaintOptions *options);

G_END_DECLS
