/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-poller.h: polls one endpoint's profiles into a session, on the
 * main context with libsoup's async API; decoding happens on workers. */
#pragma once

#include <gio/gio.h>

#include "smolder-endpoint.h"
#include "smolder-session.h"

G_BEGIN_DECLS

typedef enum {
  SMOLDER_POLLER_STATE_IDLE,        /* not started */
  SMOLDER_POLLER_STATE_CONNECTING,  /* first poll under way */
  SMOLDER_POLLER_STATE_LIVE,
  SMOLDER_POLLER_STATE_PAUSED,
  SMOLDER_POLLER_STATE_ERROR,       /* the last poll failed; retrying with back-off */
  SMOLDER_POLLER_STATE_STOPPED,
} SmolderPollerState;

#define SMOLDER_POLLER_MIN_INTERVAL_MS 200
#define SMOLDER_POLLER_DEFAULT_INTERVAL_MS 5000

#define SMOLDER_TYPE_POLLER (smolder_poller_get_type ())
G_DECLARE_FINAL_TYPE (SmolderPoller, smolder_poller, SMOLDER, POLLER, GObject)

/* @session may be NULL for discovery only. */
SmolderPoller     *smolder_poller_new (SmolderEndpoint *endpoint,
                                       SmolderSession  *session);

SmolderEndpoint   *smolder_poller_get_endpoint (SmolderPoller *self);
SmolderSession    *smolder_poller_get_session  (SmolderPoller *self);

/* Clamped to SMOLDER_POLLER_MIN_INTERVAL_MS. */
void               smolder_poller_set_interval_ms  (SmolderPoller *self, guint interval_ms);
guint              smolder_poller_get_interval_ms  (SmolderPoller *self);
/* Whole request, connect to last byte (CPU captures add their seconds). */
void               smolder_poller_set_timeout_ms   (SmolderPoller *self, guint timeout_ms);
/* Bytes of one body as received (decompressed: the decoder caps that). */
void               smolder_poller_set_max_body     (SmolderPoller *self, guint64 max_bytes);
void               smolder_poller_set_max_redirects (SmolderPoller *self, guint n);

/* Names: heap (also fetches heap?debug=1 for MemStats), goroutine, allocs,
 * mutex, block, threadcreate, goroutine-debug2. FALSE for unknown names. */
gboolean           smolder_poller_set_profiles (SmolderPoller       *self,
                                                const char * const  *profiles,
                                                GError             **error);
/* What each profile name fetches ("heap" → "heap" and "heap?debug=1"). */
const char * const *smolder_poller_profile_queries (const char *profile);
/* The name in the index page a profile name needs ("goroutine-debug2" → goroutine). */
const char        *smolder_poller_profile_index_name (const char *profile);

/* Fetches the index page: a GPtrArray of SmolderPprofIndexEntry, or an error
 * that says what came back (see smolder_pprof_index_check()). */
void               smolder_poller_discover_async  (SmolderPoller       *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray         *smolder_poller_discover_finish (SmolderPoller       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

void               smolder_poller_start  (SmolderPoller *self);
void               smolder_poller_pause  (SmolderPoller *self);
void               smolder_poller_resume (SmolderPoller *self);
/* Cancels requests in flight; bodies already fetched still join the session. */
void               smolder_poller_stop   (SmolderPoller *self);
/* TRUE while a request or a decode is under way (after stop: until the
 * fetched bodies are in the session). */
gboolean           smolder_poller_is_busy (SmolderPoller *self);

SmolderPollerState smolder_poller_get_state      (SmolderPoller *self);
/* The last error while in the error state, else NULL. */
const char        *smolder_poller_get_error      (SmolderPoller *self);
/* When the next poll starts (g_get_real_time µs), 0 if none is scheduled. */
gint64             smolder_poller_get_next_poll  (SmolderPoller *self);

/* Why /debug/pprof/trace is never fetched. */
#define SMOLDER_POLLER_TRACE_REFUSED \
  "/debug/pprof/trace is Go's execution trace, not a pprof profile: Smolder cannot read it " \
  "(open it with `go tool trace`); for where CPU time goes, capture a CPU profile"

/* CPU profile of @seconds; joins the session as "cpu". */
void               smolder_poller_capture_cpu_async  (SmolderPoller       *self,
                                                      guint                seconds,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
const SmolderLiveSnapshot *smolder_poller_capture_cpu_finish (SmolderPoller  *self,
                                                              GAsyncResult   *result,
                                                              GError        **error);

G_END_DECLS
