/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-call-tree.h: an immutable call tree in flat arrays.
 *
 * Nodes are numbered in depth-first preorder from the root (node 0), so a
 * node's subtree is the range [node, subtree_end); children are ordered by
 * frame name (stable across snapshots, as a flame graph wants). The root
 * has no frame (SMOLDER_NO_ID) except in callers/callees trees, where it is
 * the chosen frame. Immutable; safe to share between threads. */
#pragma once

#include "smolder-frames.h"
#include "smolder-query.h"

G_BEGIN_DECLS

typedef enum {
  SMOLDER_CALL_TREE_TOP_DOWN,  /* root -> leaves (or leaves first if the query is inverted) */
  SMOLDER_CALL_TREE_CALLEES,   /* the frame, then what it calls (from its outermost occurrence) */
  SMOLDER_CALL_TREE_CALLERS,   /* the frame, then who calls it (from its innermost occurrence) */
} SmolderCallTreeKind;

#define SMOLDER_TYPE_CALL_TREE (smolder_call_tree_get_type ())
G_DECLARE_FINAL_TYPE (SmolderCallTree, smolder_call_tree, SMOLDER, CALL_TREE, GObject)

/* The call tree of @query (inverted when the query says so). Safe in a worker. */
SmolderCallTree *smolder_call_tree_new         (SmolderProfile  *profile,
                                                SmolderQuery    *query,
                                                GCancellable    *cancellable,
                                                GError         **error);
/* What @frame calls, merged over every sample it appears in. */
SmolderCallTree *smolder_call_tree_new_callees (SmolderFrames   *frames,
                                                SmolderQuery    *query,
                                                guint            frame,
                                                GCancellable    *cancellable,
                                                GError         **error);
/* Who calls @frame, merged over every sample it appears in. */
SmolderCallTree *smolder_call_tree_new_callers (SmolderFrames   *frames,
                                                SmolderQuery    *query,
                                                guint            frame,
                                                GCancellable    *cancellable,
                                                GError         **error);
/* The general form; @frames may be NULL (built for the query's granularity). */
SmolderCallTree *smolder_call_tree_new_full    (SmolderProfile      *profile,
                                                SmolderFrames       *frames,
                                                SmolderQuery        *query,
                                                SmolderCallTreeKind  kind,
                                                guint                frame,
                                                GCancellable        *cancellable,
                                                GError             **error);

SmolderFrames      *smolder_call_tree_get_frames       (SmolderCallTree *self);
SmolderCallTreeKind smolder_call_tree_get_kind         (SmolderCallTree *self);
gboolean            smolder_call_tree_get_inverted     (SmolderCallTree *self);
guint               smolder_call_tree_get_sample_index (SmolderCallTree *self);
guint               smolder_call_tree_get_n_nodes      (SmolderCallTree *self);
guint               smolder_call_tree_get_max_depth    (SmolderCallTree *self);

/* SMOLDER_NO_ID where there is none. */
guint32             smolder_call_tree_get_parent       (SmolderCallTree *self, guint node);
guint32             smolder_call_tree_get_first_child  (SmolderCallTree *self, guint node);
guint32             smolder_call_tree_get_next_sibling (SmolderCallTree *self, guint node);
guint32             smolder_call_tree_get_frame        (SmolderCallTree *self, guint node);
guint               smolder_call_tree_get_depth        (SmolderCallTree *self, guint node);
guint               smolder_call_tree_get_subtree_end  (SmolderCallTree *self, guint node);
/* Value of the samples whose path ends at @node. */
gint64              smolder_call_tree_get_self         (SmolderCallTree *self, guint node);
/* Value of the samples whose path passes through @node. */
gint64              smolder_call_tree_get_total        (SmolderCallTree *self, guint node);
/* The frame's printable name, or "root" for the root of a top-down tree. */
const char         *smolder_call_tree_get_name         (SmolderCallTree *self, guint node);

/* The raw arrays, n_nodes long, for painters that walk every node. */
const guint32      *smolder_call_tree_get_parents      (SmolderCallTree *self);
const guint32      *smolder_call_tree_get_frames_array (SmolderCallTree *self);
const gint64       *smolder_call_tree_get_totals       (SmolderCallTree *self);
const gint64       *smolder_call_tree_get_selves       (SmolderCallTree *self);

/* --- nodes known by their path of frame names ---
 *
 * Node indices change with every tree; a path of printable names from the
 * root's child down to a node does not, so it finds "the same" node in a
 * tree of another sample type, another filter, another snapshot or another
 * granularity. The root itself is not part of a path (its path is empty). */

/* The names from depth 1 down to @node (depth(@node) of them), or an empty
 * vector for the root. Free with g_strfreev(). */
char              **smolder_call_tree_get_path         (SmolderCallTree *self,
                                                        guint            node);
/* The node at the end of @path (@n_path names, NULL-terminated or not), or
 * its deepest ancestor that exists in this tree: *@matched_depth (may be
 * NULL) says how many names matched (0: only the root). A name matches a
 * child of the same printable name; when no child has it, a child of the
 * same function does (so "main.f" finds "main.f main.go:12" at Lines
 * granularity and back). Among several candidates, the one that continues
 * the path deepest wins, then the heaviest. Allocates nothing. */
guint32             smolder_call_tree_find_path        (SmolderCallTree    *self,
                                                        const char * const *path,
                                                        guint               n_path,
                                                        guint              *matched_depth);

G_END_DECLS
