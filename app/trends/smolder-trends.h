/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-trends.h: what grows across snapshots of one kind, per stack and per
 * function, ranked as leak suspects. Profiles are added one at a time and
 * dropped by the caller: only the per-stack series are kept. */
#pragma once

#include "smolder-leak-patterns.h"
#include "smolder-trend-fit.h"
#include "smolder-profile.h"

G_BEGIN_DECLS

/* Goroutine states of a stack, from ?debug=2 dumps. */
typedef struct {
  const char *state;         /* most common state in the last dump holding the stack */
  guint       n_dumps;       /* dumps that hold the stack */
  gint64      count_last;    /* goroutines in the last of them */
  gint64      wait_first;    /* longest wait (minutes) in the first dump holding it, -1 unknown */
  gint64      wait_last;     /* and in the last */
} SmolderTrendStates;

typedef struct {
  guint                     series;   /* stack or function index */
  SmolderTrendFit           fit;
  gboolean                  steady;   /* ranks among the steady growers */
  const SmolderLeakPattern *pattern;
} SmolderSuspect;

#define SMOLDER_TYPE_TRENDS (smolder_trends_get_type ())
G_DECLARE_FINAL_TYPE (SmolderTrends, smolder_trends, SMOLDER, TRENDS, GObject)

/* @sample_index: a sample type name or index as pprof's -sample_index, or
 * NULL for inuse_space when the profile has it (heap, and allocs, which
 * holds the same data but defaults to the ever-growing alloc_space), with
 * inuse_objects kept beside it; else the profile's default. */
SmolderTrends *smolder_trends_new (const char *sample_index);

/* Adds one snapshot; @name orders snapshots without a time. The profile is
 * not kept. Fails on a profile of another kind or without the sample type. */
gboolean smolder_trends_add        (SmolderTrends   *self,
                                    SmolderProfile  *profile,
                                    const char      *name,
                                    GError         **error);
/* Adds a ?debug=2 goroutine dump for its states and wait minutes only. */
gboolean smolder_trends_add_states (SmolderTrends   *self,
                                    SmolderProfile  *dump,
                                    const char      *name,
                                    GError         **error);
/* Moves the dumps added to @from with smolder_trends_add_states() here. */
void     smolder_trends_take_states (SmolderTrends *self,
                                     SmolderTrends *from);
/* Orders the snapshots (by time_nanos when every one has it, else by name,
 * one minute apart), fits every series and ranks. Needs 3 snapshots.
 * @ticker_creators: functions known to create leaking tickers (from a heap
 * ranking) so goroutines ranging over their channels match too; may be NULL. */
gboolean smolder_trends_finish     (SmolderTrends        *self,
                                    const char * const   *ticker_creators,
                                    GError              **error);

SmolderProfileKind smolder_trends_get_kind        (SmolderTrends *self);
guint              smolder_trends_get_n_snapshots (SmolderTrends *self);
/* Whether the snapshots had times (else they are taken as a minute apart). */
gboolean           smolder_trends_has_times       (SmolderTrends *self);
/* Minutes since the first snapshot, and its name, in order. */
double             smolder_trends_get_minutes     (SmolderTrends *self, guint snapshot);
const char        *smolder_trends_get_name        (SmolderTrends *self, guint snapshot);
/* The ranked sample type (0) and the one kept beside it (1), if any. */
guint              smolder_trends_get_n_types     (SmolderTrends *self);
const char        *smolder_trends_get_type_name   (SmolderTrends *self, guint type);
const char        *smolder_trends_get_unit        (SmolderTrends *self, guint type);

/* Stacks: distinct function stacks, leaf first. */
guint               smolder_trends_get_n_stacks     (SmolderTrends *self);
guint               smolder_trends_get_stack_depth  (SmolderTrends *self, guint stack);
const char         *smolder_trends_get_stack_frame  (SmolderTrends *self, guint stack, guint depth);
/* "f;g;h", leaf first; free with g_free. */
char               *smolder_trends_dup_stack_string (SmolderTrends *self, guint stack);
/* Value of @type at @snapshot. */
gint64              smolder_trends_get_stack_value  (SmolderTrends *self, guint stack, guint type, guint snapshot);
/* NULL when no dump holds the stack. */
const SmolderTrendStates *smolder_trends_get_stack_states (SmolderTrends *self, guint stack);

/* Functions: flat (leaf) and cum (anywhere in the stack, once per sample). */
guint       smolder_trends_get_n_functions    (SmolderTrends *self);
const char *smolder_trends_get_function_name  (SmolderTrends *self, guint function);
gint64      smolder_trends_get_function_value (SmolderTrends *self, guint function, gboolean cum, guint type, guint snapshot);

/* Growing stacks, most suspicious first (steady growers by slope ×
 * steadiness, then the rest). */
guint                 smolder_trends_get_n_suspects (SmolderTrends *self);
const SmolderSuspect *smolder_trends_get_suspect    (SmolderTrends *self, guint rank);
/* Growing functions by cum, ranked the same way (the pattern of the name alone). */
guint                 smolder_trends_get_n_function_suspects (SmolderTrends *self);
const SmolderSuspect *smolder_trends_get_function_suspect    (SmolderTrends *self, guint rank);

G_END_DECLS
