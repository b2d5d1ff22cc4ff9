/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-leak-patterns.c: a table of known Go leak patterns, matched on the
 * function names of a growing stack (and the goroutine state when a ?debug=2
 * dump gave it). The first rule that matches wins, so the specific patterns
 * come before the general ones. */
#include "smolder-leak-patterns.h"

#include <string.h>
#include <glib/gi18n.h>

enum {
  KIND_HEAP      = 1 << 0,
  KIND_GOROUTINE = 1 << 1,
};

typedef enum {
  PATTERN_RESPONSE_BODY,
  PATTERN_TICKER,
  PATTERN_BLOCKED,
  PATTERN_COLLECTION,
  PATTERN_FILE,
  PATTERN_NONE,
} PatternIndex;

/* The explanations and fixes are marked for the GUI, which translates them
 * (smolder-suspect-row.c); smolder-cli prints them as they are. */
static const SmolderLeakPattern patterns[] = {
  [PATTERN_RESPONSE_BODY] = { "unclosed-response-body",
    N_("net/http connections pile up (dialConn buffers, readLoop/writeLoop goroutines): a response body is never closed"),
    N_("defer resp.Body.Close() after every successful request, and drain the body (io.Copy(io.Discard, resp.Body)) to reuse the connection") },
  [PATTERN_TICKER] = { "unstopped-ticker",
    N_("tickers or timers are created and never stopped, with goroutines waiting on their channels"),
    N_("defer t.Stop() right after time.NewTicker/NewTimer, and end the goroutine that ranges over t.C (select on a done channel)") },
  [PATTERN_BLOCKED] = { "blocked-goroutine",
    N_("goroutines park on a channel, select, lock or context that nobody ever signals, so they never exit"),
    N_("give every blocked goroutine a way out: a buffered reply channel, a select on ctx.Done() with a cancel that is always called, or close the channel") },
  [PATTERN_COLLECTION] = { "unbounded-collection",
    N_("memory retained at one allocation site grows steadily: a map, slice or cache in a long-lived structure with no eviction"),
    N_("bound it: evict (LRU, TTL), delete entries when their owner ends, or keep the data out of the global structure") },
  [PATTERN_FILE] = { "unclosed-file",
    N_("os.File objects accumulate: files are opened and never closed"),
    N_("defer f.Close() right after a successful os.Open/os.OpenFile/os.Create, on every path") },
  [PATTERN_NONE] = { "-",
    N_("no known leak pattern fits this stack"),
    N_("compare the first and last snapshots of this stack to see what holds on to it") },
};

typedef struct {
  PatternIndex  pattern;
  guint         kinds;
  /* Any frame equal to one of these (a trailing '*' matches a prefix). */
  const char   *frames[8];
  /* Or a ?debug=2 state starting with one of these. */
  const char   *states[10];
  /* Or, when TRUE, any steady growth in these kinds. */
  gboolean      any;
} Rule;

static const Rule rules[] = {
  { PATTERN_RESPONSE_BODY, KIND_HEAP | KIND_GOROUTINE,
    { "net/http.(*Transport).dialConn", "net/http.(*Transport).dialConnFor",
      "net/http.(*persistConn).readLoop", "net/http.(*persistConn).writeLoop" } },
  { PATTERN_FILE, KIND_HEAP,
    { "os.OpenFile", "os.newFile", "os.openFileNolog", "os.Open", "os.Create" } },
  { PATTERN_TICKER, KIND_HEAP | KIND_GOROUTINE,
    { "time.NewTicker", "time.NewTimer", "time.Tick", "time.After" } },
  { PATTERN_BLOCKED, KIND_GOROUTINE,
    { "runtime.chanrecv*", "runtime.chansend*", "runtime.selectgo", "runtime.block",
      "sync.runtime_Semacquire*", "sync.runtime_notifyListWait", "sync.(*WaitGroup).Wait" },
    { "chan receive", "chan send", "select", "semacquire", "sync.Cond.Wait",
      "sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.RWMutex.RLock", "sync.WaitGroup.Wait" } },
  /* New goroutine stacks retained in the heap: goroutines that never exit. */
  { PATTERN_BLOCKED, KIND_HEAP, { "runtime.malg" } },
  { PATTERN_COLLECTION, KIND_HEAP, { NULL }, { NULL }, TRUE },
};

const SmolderLeakPattern *
smolder_leak_pattern_none (void)
{
  return &patterns[PATTERN_NONE];
}

const SmolderLeakPattern *
smolder_leak_pattern_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    if (g_strcmp0 (patterns[i].id, id) == 0)
      return &patterns[i];
  return NULL;
}

static gboolean
name_matches (const char *name,
              const char *rule)
{
  size_t len = strlen (rule);

  if (len > 0 && rule[len - 1] == '*')
    return strncmp (name, rule, len - 1) == 0;
  return strcmp (name, rule) == 0;
}

static guint
kind_bit (SmolderProfileKind kind)
{
  switch (kind)
    {
    case SMOLDER_PROFILE_KIND_HEAP:
    case SMOLDER_PROFILE_KIND_ALLOCS:
      return KIND_HEAP;
    case SMOLDER_PROFILE_KIND_GOROUTINE:
      return KIND_GOROUTINE;
    default:
      return 0;
    }
}

/* "main.start.func1.2" and "main.start.gowrap1" are closures of main.start. */
static gboolean
is_closure_of (const char *name,
               const char *outer)
{
  size_t len = strlen (outer);
  const char *rest;

  if (strncmp (name, outer, len) != 0)
    return FALSE;
  rest = name + len;
  if (*rest == '\0')
    return TRUE;
  return g_str_has_prefix (rest, ".func") || g_str_has_prefix (rest, ".gowrap") ||
         (rest[0] == '.' && g_ascii_isdigit (rest[1]));
}

static gboolean
runs_in_ticker_creator (const char * const *frames,
                        guint               n_frames,
                        const char * const *creators)
{
  for (guint i = 0; creators != NULL && creators[i] != NULL; i++)
    for (guint f = 0; f < n_frames; f++)
      if (!g_str_has_prefix (frames[f], "runtime.") && is_closure_of (frames[f], creators[i]))
        return TRUE;
  return FALSE;
}

const char *
smolder_leak_pattern_ticker_creator (const char * const *frames,
                                     guint               n_frames)
{
  const Rule *ticker = NULL;

  for (guint r = 0; r < G_N_ELEMENTS (rules) && ticker == NULL; r++)
    if (rules[r].pattern == PATTERN_TICKER)
      ticker = &rules[r];

  for (guint f = 0; f < n_frames; f++)
    for (guint k = 0; k < G_N_ELEMENTS (ticker->frames) && ticker->frames[k] != NULL; k++)
      if (name_matches (frames[f], ticker->frames[k]))
        {
          /* The first caller outside package time. */
          for (guint c = f + 1; c < n_frames; c++)
            if (!g_str_has_prefix (frames[c], "time."))
              return frames[c];
          return NULL;
        }
  return NULL;
}

const SmolderLeakPattern *
smolder_leak_pattern_match (SmolderProfileKind         kind,
                            const char * const        *frames,
                            guint                      n_frames,
                            const SmolderLeakContext  *context)
{
  guint bit = kind_bit (kind);
  const char *state = context != NULL ? context->state : NULL;

  g_return_val_if_fail (frames != NULL || n_frames == 0, smolder_leak_pattern_none ());

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      const Rule *rule = &rules[r];

      if ((rule->kinds & bit) == 0)
        continue;
      if (rule->any)
        return &patterns[rule->pattern];
      for (guint f = 0; f < n_frames; f++)
        for (guint k = 0; k < G_N_ELEMENTS (rule->frames) && rule->frames[k] != NULL; k++)
          if (name_matches (frames[f], rule->frames[k]))
            return &patterns[rule->pattern];
      for (guint k = 0; state != NULL && k < G_N_ELEMENTS (rule->states) && rule->states[k] != NULL; k++)
        if (g_str_has_prefix (state, rule->states[k]))
          return &patterns[rule->pattern];
      /* Goroutines ranging over the channel of a ticker that leaks, and
       * their closures in the heap. */
      if (rule->pattern == PATTERN_TICKER && context != NULL &&
          runs_in_ticker_creator (frames, n_frames, context->ticker_creators))
        return &patterns[rule->pattern];
    }
  return smolder_leak_pattern_none ();
}
