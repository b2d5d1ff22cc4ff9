/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-call-tree.c: a prefix tree of filtered stacks, in flat arrays. */

#include "smolder-call-tree.h"
#include "smolder-filter.h"
#include "smolder-profile-private.h"

#include <stdlib.h>
#include <string.h>

struct _SmolderCallTree
{
  GObject parent_instance;

  /* owned */
  SmolderFrames *frames;
  guint32       *parent;
  guint32       *first_child;
  guint32       *next_sibling;
  guint32       *frame;
  guint32       *depth;
  guint32       *subtree_end;
  gint64        *self_value;
  gint64        *total;

  /* state */
  SmolderCallTreeKind kind;
  gboolean            inverted;
  guint               sample_index;
  guint               n_nodes;
  guint               max_depth;
};

G_DEFINE_FINAL_TYPE (SmolderCallTree, smolder_call_tree, G_TYPE_OBJECT)

static void
smolder_call_tree_finalize (GObject *object)
{
  SmolderCallTree *self = (SmolderCallTree *) object;

  g_clear_object (&self->frames);
  g_free (self->parent);
  g_free (self->first_child);
  g_free (self->next_sibling);
  g_free (self->frame);
  g_free (self->depth);
  g_free (self->subtree_end);
  g_free (self->self_value);
  g_free (self->total);

  G_OBJECT_CLASS (smolder_call_tree_parent_class)->finalize (object);
}

static void
smolder_call_tree_class_init (SmolderCallTreeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_call_tree_finalize;
}

static void
smolder_call_tree_init (SmolderCallTree *self)
{
}

/* --- building: nodes in insertion order, a (parent, frame) hash --- */

typedef struct {
  guint32 parent;
  guint32 frame;
  guint32 node;   /* node id + 1, 0 empty */
} Slot;

typedef struct {
  GArray  *parent;   /* guint32 */
  GArray  *frame;    /* guint32 */
  GArray  *self;     /* gint64 */
  GArray  *total;    /* gint64 */
  Slot    *table;    /* keys kept in the slot: one cache miss per probe */
  gsize    table_size;
} Builder;

static inline gsize
edge_hash (guint32 parent,
           guint32 frame)
{
  guint64 h = (guint64) parent << 32 | frame;

  /* murmur3's finalizer */
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return (gsize) h;
}

static guint32
builder_add_node (Builder *b,
                  guint32  parent,
                  guint32  frame)
{
  guint32 id = b->parent->len;
  gint64 zero = 0;

  g_array_append_val (b->parent, parent);
  g_array_append_val (b->frame, frame);
  g_array_append_val (b->self, zero);
  g_array_append_val (b->total, zero);
  return id;
}

static void
builder_grow (Builder *b)
{
  gsize size = b->table_size ? b->table_size * 2 : 4096;
  Slot *table = g_new0 (Slot, size);

  for (gsize i = 0; i < b->table_size; i++)
    {
      const Slot *slot = &b->table[i];
      gsize pos;

      if (slot->node == 0)
        continue;
      pos = edge_hash (slot->parent, slot->frame) & (size - 1);
      while (table[pos].node != 0)
        pos = (pos + 1) & (size - 1);
      table[pos] = *slot;
    }
  g_free (b->table);
  b->table = table;
  b->table_size = size;
}

static guint32
builder_child (Builder *b,
               guint32  parent,
               guint32  frame)
{
  gsize pos;
  Slot *slot;
  guint32 id;

  if ((b->parent->len + 1) * 2 > b->table_size)
    builder_grow (b);

  pos = edge_hash (parent, frame) & (b->table_size - 1);
  while ((slot = &b->table[pos])->node != 0)
    {
      if (slot->parent == parent && slot->frame == frame)
        return slot->node - 1;
      pos = (pos + 1) & (b->table_size - 1);
    }

  id = builder_add_node (b, parent, frame);
  slot->parent = parent;
  slot->frame = frame;
  slot->node = id + 1;
  return id;
}

typedef struct {
  const guint32 *parent;
  const guint32 *frame;
  const guint32 *rank;
} SortContext;

static int
compare_children (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const SortContext *ctx = user_data;
  guint32 na = *(const guint32 *) a;
  guint32 nb = *(const guint32 *) b;

  if (ctx->parent[na] != ctx->parent[nb])
    return ctx->parent[na] < ctx->parent[nb] ? -1 : 1;
  if (ctx->rank[ctx->frame[na]] != ctx->rank[ctx->frame[nb]])
    return ctx->rank[ctx->frame[na]] < ctx->rank[ctx->frame[nb]] ? -1 : 1;
  return 0;
}

static int
compare_frame_names (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  SmolderFrames *frames = user_data;
  guint32 fa = *(const guint32 *) a;
  guint32 fb = *(const guint32 *) b;
  int cmp = strcmp (smolder_frames_get_name (frames, fa), smolder_frames_get_name (frames, fb));

  if (cmp != 0)
    return cmp;
  return smolder_frames_compare_info (frames, fa, fb);
}

/* Renumbers the built nodes in preorder with children sorted by name. */
static void
finish (SmolderCallTree *self,
        Builder         *b)
{
  guint n = b->parent->len;
  guint n_frames = smolder_frames_get_n_frames (self->frames);
  const guint32 *old_parent = (const guint32 *) b->parent->data;
  const guint32 *old_frame = (const guint32 *) b->frame->data;
  g_autofree guint32 *frame_order = g_new (guint32, MAX (n_frames, 1));
  g_autofree guint32 *rank = g_new (guint32, MAX (n_frames, 1) + 1);
  g_autofree guint32 *order = g_new (guint32, n);
  g_autofree guint32 *child_start = g_new0 (guint32, n + 1);
  g_autofree guint32 *new_id = g_new (guint32, n);
  g_autofree guint32 *size = g_new (guint32, n);
  g_autofree guint32 *stack = g_new (guint32, n);
  SortContext ctx;
  guint sp = 0, next = 0;

  for (guint f = 0; f < n_frames; f++)
    frame_order[f] = f;
  g_qsort_with_data (frame_order, n_frames, sizeof (guint32), compare_frame_names, self->frames);
  for (guint i = 0; i < n_frames; i++)
    rank[frame_order[i]] = i;
  rank[n_frames] = 0;

  /* The root's frame may be SMOLDER_NO_ID: give it a rank slot. */
  {
    g_autofree guint32 *frames_fixed = g_new (guint32, n);

    for (guint i = 0; i < n; i++)
      frames_fixed[i] = old_frame[i] == SMOLDER_NO_ID ? n_frames : old_frame[i];

    /* Children of each node, contiguous and sorted. */
    for (guint i = 1; i < n; i++)
      order[i - 1] = i;
    ctx.parent = old_parent;
    ctx.frame = frames_fixed;
    ctx.rank = rank;
    g_qsort_with_data (order, n - 1, sizeof (guint32), compare_children, &ctx);
  }
  for (guint i = 1; i < n; i++)
    child_start[old_parent[i] + 1]++;
  for (guint i = 0; i < n; i++)
    child_start[i + 1] += child_start[i];

  self->n_nodes = n;
  self->parent = g_new (guint32, n);
  self->first_child = g_new (guint32, n);
  self->next_sibling = g_new (guint32, n);
  self->frame = g_new (guint32, n);
  self->depth = g_new (guint32, n);
  self->subtree_end = g_new (guint32, n);
  self->self_value = g_new (gint64, n);
  self->total = g_new (gint64, n);

  /* Preorder: pop a node, number it, push its children last-first. */
  stack[sp++] = 0;
  while (sp > 0)
    {
      guint32 old = stack[--sp];
      guint32 id = next++;

      new_id[old] = id;
      self->frame[id] = old_frame[old];
      self->self_value[id] = g_array_index (b->self, gint64, old);
      self->total[id] = g_array_index (b->total, gint64, old);
      self->parent[id] = old == 0 ? SMOLDER_NO_ID : new_id[old_parent[old]];
      self->depth[id] = old == 0 ? 0 : self->depth[self->parent[id]] + 1;
      self->max_depth = MAX (self->max_depth, self->depth[id]);
      for (guint c = child_start[old + 1]; c > child_start[old]; c--)
        stack[sp++] = order[c - 1];
    }

  for (guint i = 0; i < n; i++)
    {
      size[i] = 1;
      self->first_child[i] = SMOLDER_NO_ID;
      self->next_sibling[i] = SMOLDER_NO_ID;
    }
  for (guint i = n; i > 1; i--)
    size[self->parent[i - 1]] += size[i - 1];
  for (guint i = 0; i < n; i++)
    self->subtree_end[i] = i + size[i];

  /* In preorder a first child follows its parent; a next sibling follows
   * the previous sibling's subtree. */
  for (guint i = 1; i < n; i++)
    {
      guint32 p = self->parent[i];

      if (i == p + 1)
        self->first_child[p] = i;
      if (self->subtree_end[i] < self->subtree_end[p])
        self->next_sibling[i] = self->subtree_end[i];
    }
}

SmolderCallTree *
smolder_call_tree_new_full (SmolderProfile      *profile,
                            SmolderFrames       *frames,
                            SmolderQuery        *query,
                            SmolderCallTreeKind  kind,
                            guint                frame,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(SmolderCallTree) self = NULL;
  g_autoptr(SmolderFilterView) view = NULL;
  g_autoptr(GArray) stack = NULL;
  g_autoptr(GArray) path = NULL;
  g_autoptr(GArray) prev_walk = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) prev_nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  Builder b = { 0, };
  guint n_samples;

  g_return_val_if_fail (profile != NULL || frames != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (frames != NULL)
    {
      profile = smolder_frames_get_profile (frames);
      if (smolder_frames_get_granularity (frames) != smolder_query_get_granularity (query))
        {
          g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                       "frame table is for granularity %s, the query asks for %s",
                       smolder_granularity_to_string (smolder_frames_get_granularity (frames)),
                       smolder_granularity_to_string (smolder_query_get_granularity (query)));
          return NULL;
        }
    }

  self = g_object_new (SMOLDER_TYPE_CALL_TREE, NULL);
  self->kind = kind;
  self->inverted = kind == SMOLDER_CALL_TREE_TOP_DOWN && smolder_query_get_inverted (query);
  self->frames = frames ? g_object_ref (frames)
                        : smolder_frames_new (profile, smolder_query_get_granularity (query));

  if (!smolder_query_resolve_sample_index (query, profile, &self->sample_index, error))
    return NULL;

  if (kind != SMOLDER_CALL_TREE_TOP_DOWN && frame >= smolder_frames_get_n_frames (self->frames))
    {
      g_set_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_INVALID_QUERY,
                   "frame %u does not exist (the profile has %u at granularity %s)",
                   frame, smolder_frames_get_n_frames (self->frames),
                   smolder_granularity_to_string (smolder_query_get_granularity (query)));
      return NULL;
    }

  view = smolder_filter_view_new (profile, query);
  stack = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 256);
  path = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 256);

  b.parent = g_array_new (FALSE, FALSE, sizeof (guint32));
  b.frame = g_array_new (FALSE, FALSE, sizeof (guint32));
  b.self = g_array_new (FALSE, FALSE, sizeof (gint64));
  b.total = g_array_new (FALSE, FALSE, sizeof (gint64));
  builder_add_node (&b, SMOLDER_NO_ID, kind == SMOLDER_CALL_TREE_TOP_DOWN ? SMOLDER_NO_ID : frame);

  n_samples = smolder_profile_get_n_samples (profile);
  for (guint s = 0; s < n_samples; s++)
    {
      gint64 w = smolder_profile_get_sample_values (profile, s)[self->sample_index];
      const guint32 *ids;
      const guint32 *walk;
      guint n_walk;
      guint32 cur = 0;
      gint64 *totals;

      if ((s & 0xffff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      if (w == 0 || !smolder_filter_view_get_stack (view, self->frames, s, stack) || stack->len == 0)
        continue;
      ids = (const guint32 *) stack->data;

      switch (kind)
        {
        case SMOLDER_CALL_TREE_CALLEES:
          {
            guint j;

            for (j = 0; j < stack->len && ids[j] != frame; j++)
              ;
            if (j == stack->len)
              continue;
            walk = ids + j + 1;
            n_walk = stack->len - j - 1;
          }
          break;

        case SMOLDER_CALL_TREE_CALLERS:
          {
            guint j;

            for (j = stack->len; j > 0 && ids[j - 1] != frame; j--)
              ;
            if (j == 0)
              continue;
            g_array_set_size (path, 0);
            for (guint k = j - 1; k > 0; k--)
              g_array_append_val (path, ids[k - 1]);
            walk = (const guint32 *) path->data;
            n_walk = path->len;
          }
          break;

        case SMOLDER_CALL_TREE_TOP_DOWN:
        default:
          if (self->inverted)
            {
              g_array_set_size (path, stack->len);
              for (guint k = 0; k < stack->len; k++)
                g_array_index (path, guint32, k) = ids[stack->len - 1 - k];
              walk = (const guint32 *) path->data;
            }
          else
            walk = ids;
          n_walk = stack->len;
          break;
        }

      /* Consecutive samples often share a prefix: reuse its nodes. */
      g_array_set_size (prev_nodes, MAX (prev_nodes->len, n_walk));
      totals = (gint64 *) b.total->data;
      totals[0] = smolder_value_add (totals[0], w);
      {
        guint32 *nodes = (guint32 *) prev_nodes->data;
        const guint32 *prev = (const guint32 *) prev_walk->data;
        guint k = 0;

        for (; k < n_walk && k < prev_walk->len && prev[k] == walk[k]; k++)
          {
            cur = nodes[k];
            totals[cur] = smolder_value_add (totals[cur], w);
          }
        for (; k < n_walk; k++)
          {
            cur = builder_child (&b, cur, walk[k]);
            nodes[k] = cur;
            g_array_index (b.total, gint64, cur) = smolder_value_add (g_array_index (b.total, gint64, cur), w);
          }
      }
      g_array_index (b.self, gint64, cur) = smolder_value_add (g_array_index (b.self, gint64, cur), w);
      g_array_set_size (prev_walk, 0);
      g_array_append_vals (prev_walk, walk, n_walk);
    }

  if (!(error && *error))
    finish (self, &b);

  g_array_unref (b.parent);
  g_array_unref (b.frame);
  g_array_unref (b.self);
  g_array_unref (b.total);
  g_free (b.table);

  if (error && *error)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

SmolderCallTree *
smolder_call_tree_new (SmolderProfile  *profile,
                       SmolderQuery    *query,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_return_val_if_fail (SMOLDER_IS_PROFILE (profile), NULL);
  return smolder_call_tree_new_full (profile, NULL, query, SMOLDER_CALL_TREE_TOP_DOWN, 0,
                                     cancellable, error);
}

SmolderCallTree *
smolder_call_tree_new_callees (SmolderFrames  *frames,
                               SmolderQuery   *query,
                               guint           frame,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (frames), NULL);
  return smolder_call_tree_new_full (NULL, frames, query, SMOLDER_CALL_TREE_CALLEES, frame,
                                     cancellable, error);
}

SmolderCallTree *
smolder_call_tree_new_callers (SmolderFrames  *frames,
                               SmolderQuery   *query,
                               guint           frame,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_return_val_if_fail (SMOLDER_IS_FRAMES (frames), NULL);
  return smolder_call_tree_new_full (NULL, frames, query, SMOLDER_CALL_TREE_CALLERS, frame,
                                     cancellable, error);
}

SmolderFrames *
smolder_call_tree_get_frames (SmolderCallTree *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), NULL);
  return self->frames;
}

SmolderCallTreeKind
smolder_call_tree_get_kind (SmolderCallTree *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), SMOLDER_CALL_TREE_TOP_DOWN);
  return self->kind;
}

gboolean
smolder_call_tree_get_inverted (SmolderCallTree *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), FALSE);
  return self->inverted;
}

guint
smolder_call_tree_get_sample_index (SmolderCallTree *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), 0);
  return self->sample_index;
}

guint
smolder_call_tree_get_n_nodes (SmolderCallTree *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), 0);
  return self->n_nodes;
}

guint
smolder_call_tree_get_max_depth (SmolderCallTree *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), 0);
  return self->max_depth;
}

#define NODE_GETTER(type, name, field, fallback)                       \
  type                                                                 \
  smolder_call_tree_get_##name (SmolderCallTree *self,                 \
                                guint            node)                 \
  {                                                                    \
    g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), fallback);      \
    g_return_val_if_fail (node < self->n_nodes, fallback);             \
    return self->field[node];                                          \
  }

NODE_GETTER (guint32, parent, parent, SMOLDER_NO_ID)
NODE_GETTER (guint32, first_child, first_child, SMOLDER_NO_ID)
NODE_GETTER (guint32, next_sibling, next_sibling, SMOLDER_NO_ID)
NODE_GETTER (guint32, frame, frame, SMOLDER_NO_ID)
NODE_GETTER (guint, depth, depth, 0)
NODE_GETTER (guint, subtree_end, subtree_end, 0)
NODE_GETTER (gint64, self, self_value, 0)
NODE_GETTER (gint64, total, total, 0)

#undef NODE_GETTER

const char *
smolder_call_tree_get_name (SmolderCallTree *self,
                            guint            node)
{
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), NULL);
  g_return_val_if_fail (node < self->n_nodes, NULL);

  if (self->frame[node] == SMOLDER_NO_ID)
    return "root";
  return smolder_frames_get_name (self->frames, self->frame[node]);
}

const guint32 *
smolder_call_tree_get_parents (SmolderCallTree *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), NULL);
  return self->parent;
}

const guint32 *
smolder_call_tree_get_frames_array (SmolderCallTree *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), NULL);
  return self->frame;
}

const gint64 *
smolder_call_tree_get_totals (SmolderCallTree *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), NULL);
  return self->total;
}

const gint64 *
smolder_call_tree_get_selves (SmolderCallTree *self)
{
  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), NULL);
  return self->self_value;
}

/* --- paths --- */

char **
smolder_call_tree_get_path (SmolderCallTree *self,
                            guint            node)
{
  char **path;
  guint depth;

  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), NULL);
  g_return_val_if_fail (node < self->n_nodes, NULL);

  depth = self->depth[node];
  path = g_new0 (char *, depth + 1);
  for (guint32 n = node; depth > 0; n = self->parent[n])
    path[--depth] = g_strdup (smolder_call_tree_get_name (self, n));
  return path;
}

/* Whether @name stands for @node's function: the function's name alone
 * (Functions granularity) or followed by a space and more (Lines, Files). */
static gboolean
same_function (SmolderCallTree *self,
               guint32          node,
               const char      *name)
{
  const char *fn = smolder_frames_get_function (self->frames, self->frame[node]);
  gsize len = strlen (fn);

  return len > 0 && strncmp (name, fn, len) == 0 && (name[len] == '\0' || name[len] == ' ');
}

typedef struct {
  const char * const *path;
  guint               n_path;
  guint               budget;  /* nodes left to try: a bound on look-ahead */
  guint32             node;    /* the best so far */
  guint               depth;
} PathSearch;

/* @node matched the path's first @depth names: keep it if it is the best
 * so far, then try its children for the next name. */
static void
match_path (SmolderCallTree *self,
            PathSearch      *ps,
            guint32          node,
            guint            depth)
{
  const char *want;
  gboolean exact = FALSE;

  if (depth > ps->depth || (depth == ps->depth && self->total[node] > self->total[ps->node]))
    {
      ps->node = node;
      ps->depth = depth;
    }
  if (depth == ps->n_path || ps->path[depth] == NULL)
    return;
  want = ps->path[depth];

  /* Children are sorted by name: stop past it. */
  for (guint32 c = self->first_child[node]; c != SMOLDER_NO_ID && ps->budget > 0; c = self->next_sibling[c])
    {
      int cmp = strcmp (smolder_frames_get_name (self->frames, self->frame[c]), want);

      if (cmp > 0)
        break;
      if (cmp == 0)
        {
          exact = TRUE;
          ps->budget--;
          match_path (self, ps, c, depth + 1);
        }
    }
  if (exact)
    return;

  for (guint32 c = self->first_child[node]; c != SMOLDER_NO_ID && ps->budget > 0; c = self->next_sibling[c])
    if (same_function (self, c, want))
      {
        ps->budget--;
        match_path (self, ps, c, depth + 1);
      }
}

guint32
smolder_call_tree_find_path (SmolderCallTree    *self,
                             const char * const *path,
                             guint               n_path,
                             guint              *matched_depth)
{
  PathSearch ps = { path, n_path, 4096, 0, 0 };

  g_return_val_if_fail (SMOLDER_IS_CALL_TREE (self), 0);
  g_return_val_if_fail (path != NULL || n_path == 0, 0);

  if (self->n_nodes > 0)
    match_path (self, &ps, 0, 0);
  if (matched_depth != NULL)
    *matched_depth = ps.depth;
  return ps.node;
}
