/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-functions.h: a snapshot's top functions, the data of the live
 * page's second chart: the functions with the largest flat value (heap:
 * inuse_space; goroutine: goroutines), as pprof -top computes flat at its
 * default granularity. Names are interned (g_intern_string): the set of a
 * program's functions is bounded, so a long watch costs only the pairs. */
#pragma once

#include <json-glib/json-glib.h>

#include "smolder-profile.h"

G_BEGIN_DECLS

/* How many functions a snapshot keeps. */
#define SMOLDER_LIVE_MAX_FUNCTIONS 50

typedef struct {
  const char *name;   /* interned */
  gint64      value;  /* flat */
} SmolderLiveFunction;

/* The sample type a profile's functions are ranked by: inuse_space when it
 * has one, a goroutine profile's count; FALSE for other profiles (CPU). */
gboolean smolder_live_functions_sample_index (SmolderProfile *profile,
                                              guint          *index);

/* The top functions of @profile by |flat|, largest first, at most
 * SMOLDER_LIVE_MAX_FUNCTIONS; NULL when the profile has no such sample type.
 * @all: whether every function with a non-zero flat is listed (so one
 * missing has 0). Aggregates: call it on a worker. */
GArray  *smolder_live_functions_compute   (SmolderProfile *profile,
                                           gboolean       *all);

/* The flat value of @name (interned or not) in @functions: FALSE when it is
 * not listed and the list is cut short (the value is unknown, below the
 * last one listed). */
gboolean smolder_live_functions_lookup    (const GArray   *functions,
                                           gboolean        all,
                                           const char     *name,
                                           gint64         *value);

/* {"all": true, "top": [["main.leak", 1234], ...]} */
JsonNode *smolder_live_functions_to_json  (const GArray   *functions,
                                           gboolean        all);
/* NULL (without touching @all) when @node is not what to_json writes. */
GArray   *smolder_live_functions_from_json (JsonNode      *node,
                                            gboolean      *all);

G_END_DECLS
