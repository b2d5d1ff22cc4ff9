/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-trend-dumps.h: goroutine states and wait minutes of ?debug=2 dumps,
 * per stack, for the leak suspects (private to smolder-trends.c). */
#pragma once

#include "smolder-trends.h"

G_BEGIN_DECLS

typedef struct _SmolderTrendDump SmolderTrendDump;

SmolderTrendDump *smolder_trend_dump_new  (const char       *name);
void              smolder_trend_dump_free (gpointer          dump);
/* One goroutine of the dump: its user stack key, state and wait (-1: none). */
void              smolder_trend_dump_add  (SmolderTrendDump *dump,
                                           const char       *user_key,
                                           const char       *state,
                                           gint64            wait_minutes);

/* "f;g;h" of a stack (leaf first) without the runtime frames at its leaf: a
 * dump hides those (runtime.gopark, …) that the goroutine profile shows, so
 * this is the key both share. */
char     *smolder_trend_user_stack_key (const char * const *names,
                                        guint               n);
/* Orders SmolderTrendDump * by name (natural order of file names). */
void      smolder_trend_dumps_sort     (GPtrArray          *dumps);
/* The states of @user_key across sorted @dumps; FALSE when none holds it.
 * out->state stays owned by the dumps. */
gboolean  smolder_trend_dumps_lookup   (GPtrArray          *dumps,
                                        const char         *user_key,
                                        SmolderTrendStates *out);

G_END_DECLS
