/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-tree-search.h: the nodes of a call tree whose names match a regex.
 *
 * GLib only: made on a worker, read by the flame graph painter, its widget
 * and `smolder-cli export`. The functions keep the painter-era
 * smolder_flame_search_* names. Immutable once made; reference counted. */
#pragma once

#include "smolder-call-tree.h"

G_BEGIN_DECLS

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
/* The tree searched: a search applies to that tree only (node numbers
 * differ from tree to tree). */
SmolderCallTree    *smolder_flame_search_get_tree      (SmolderFlameSearch *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderFlameSearch, smolder_flame_search_unref)

G_END_DECLS
