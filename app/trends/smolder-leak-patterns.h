/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-leak-patterns.h: the known Go leak patterns a growing stack can
 * match, with their fixed ids, a one-line explanation and the usual fix. */
#pragma once

#include "smolder-profile.h"

G_BEGIN_DECLS

typedef struct {
  const char *id;           /* fixed: "unclosed-response-body", …, "-" */
  const char *explanation;  /* one line: what grows and why */
  const char *fix;          /* one line: the usual fix */
} SmolderLeakPattern;

/* What a stack is known to do beyond its frames (all optional). */
typedef struct {
  const char          *state;           /* goroutine state from a ?debug=2 dump, or NULL */
  const char * const  *ticker_creators; /* functions seen creating tickers that leak, or NULL */
} SmolderLeakContext;

/* The pattern "-": no known pattern fits. */
const SmolderLeakPattern *smolder_leak_pattern_none   (void);
/* By id; NULL when unknown. */
const SmolderLeakPattern *smolder_leak_pattern_lookup (const char *id);

/* The pattern that a steadily growing stack of a @kind profile matches
 * (function names, leaf first), or the "-" pattern. @context may be NULL. */
const SmolderLeakPattern *smolder_leak_pattern_match (SmolderProfileKind         kind,
                                                      const char * const        *frames,
                                                      guint                      n_frames,
                                                      const SmolderLeakContext  *context);

/* The function under which a stack matching "unstopped-ticker" created its
 * ticker (the caller of time.NewTicker/NewTimer/Tick), or NULL. */
const char *smolder_leak_pattern_ticker_creator (const char * const *frames,
                                                 guint               n_frames);

G_END_DECLS
