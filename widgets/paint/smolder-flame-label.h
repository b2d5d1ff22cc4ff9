/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-flame-label.h: which part of a Go name a bar too narrow for it
 * shows: the end of a name says more than its package path
 * ("…(*digest).Write", not "crypto/sha256.(*di…"). No pango: the caller
 * measures, so the choice is tested with made-up widths. */
#pragma once

#include <glib.h>

#include "smolder-call-tree.h"

G_BEGIN_DECLS

/* The width of @text in the caller's units; G_MAXINT when it cannot be
 * drawn. */
typedef int (*SmolderLabelMeasure) (const char *text,
                                     gpointer    user_data);

/* The text to draw for @name in @avail units, the first that fits of: the
 * name; the name without its package's directories ("sha256.(*digest).Write");
 * "…" and what follows the package ("…(*digest).Write"); "…" and the method
 * of a (*T) or (T) receiver ("…Write"). When none fits: the name without its
 * package's directories, for the caller to cut at its end, and *@fits FALSE. */
char *smolder_flame_label_fit (const char          *name,
                               int                  avail,
                               SmolderLabelMeasure  measure,
                               gpointer             user_data,
                               gboolean            *fits);

/* Whether @node stands for frames a Go text profile (?debug=1) left
 * unnamed: Go prints no "#" line for the runtime frames at the start of a
 * stack (runtime.goexit, …), so they have an address and nothing else and
 * pprof calls them "<unknown>". */
gboolean    smolder_flame_node_is_unprinted (SmolderCallTree *tree,
                                             guint32          node);

/* What a bar says of @node: @unprinted_label for such frames when it is not
 * NULL, else the tree's name (pprof's). */
const char *smolder_flame_node_label        (SmolderCallTree *tree,
                                             guint32          node,
                                             const char      *unprinted_label);

G_END_DECLS
