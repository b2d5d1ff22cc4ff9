/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-poller.c: fetching profiles on a timer into a session. Each body
 * is streamed chunk by chunk into "<name>.part" as it arrives; a worker then
 * renames it and decodes it into the snapshot's summary. */
#include "smolder-poller.h"
#include "smolder-live-error.h"
#include "smolder-fetch.h"
#include "smolder-pprof-index.h"

#include <libsoup/soup.h>
#include <string.h>

#define INDEX_MAX_BYTES (1024 * 1024)
#define MAX_BACKOFF_MS 60000

struct _SmolderPoller
{
  GObject            parent_instance;

  SmolderEndpoint   *endpoint;
  SmolderSession    *session;
  SoupSession       *soup;         /* held: its connections outlive each poll */

  guint              interval_ms;
  guint              timeout_ms;
  guint64            max_body;
  guint              max_redirects;
  SmolderLimits      limits;
  GStrv              profiles;

  SmolderPollerState state;
  char              *error;
  guint              n_failures;   /* consecutive failed polls: the back-off */
  guint              timer_id;
  gint64             next_poll;
  GCancellable      *cancellable;  /* every request and worker; replaced on start */

  /* The poll under way: profiles in order, the files of each in order. */
  gboolean           polling;
  guint              seq;          /* the next free number (polls and captures) */
  guint              poll_seq;     /* the poll under way */
  guint              job;
  guint              file;
  gboolean           failed;
  gint64             started_us;
  SmolderLiveSnapshot *snapshot;
  guint              n_workers;
};

G_DEFINE_FINAL_TYPE (SmolderPoller, smolder_poller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

enum {
  SNAPSHOT_ADDED,
  POLL_FAILED,
  POLL_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const heap_queries[] = { "heap", "heap?debug=1", NULL };
static const char * const goroutine_queries[] = { "goroutine", NULL };
static const char * const goroutine2_queries[] = { "goroutine?debug=2", NULL };
static const char * const allocs_queries[] = { "allocs", NULL };
static const char * const mutex_queries[] = { "mutex", NULL };
static const char * const block_queries[] = { "block", NULL };
static const char * const threadcreate_queries[] = { "threadcreate", NULL };

static const struct {
  const char *name;
  const char *index_name;
  const char * const *queries;
} profile_table[] = {
  { "heap", "heap", heap_queries },
  { "goroutine", "goroutine", goroutine_queries },
  { "goroutine-debug2", "goroutine", goroutine2_queries },
  { "allocs", "allocs", allocs_queries },
  { "mutex", "mutex", mutex_queries },
  { "block", "block", block_queries },
  { "threadcreate", "threadcreate", threadcreate_queries },
};

const char * const *
smolder_poller_profile_queries (const char *profile)
{
  for (guint i = 0; i < G_N_ELEMENTS (profile_table); i++)
    if (g_str_equal (profile_table[i].name, profile))
      return profile_table[i].queries;
  return NULL;
}

const char *
smolder_poller_profile_index_name (const char *profile)
{
  for (guint i = 0; i < G_N_ELEMENTS (profile_table); i++)
    if (g_str_equal (profile_table[i].name, profile))
      return profile_table[i].index_name;
  return NULL;
}

static void
set_state (SmolderPoller      *self,
           SmolderPollerState  state,
           const char         *error)
{
  gboolean changed = self->state != state || g_strcmp0 (self->error, error) != 0;

  self->state = state;
  g_free (self->error);
  self->error = g_strdup (error);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
smolder_poller_dispose (GObject *object)
{
  SmolderPoller *self = SMOLDER_POLLER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  G_OBJECT_CLASS (smolder_poller_parent_class)->dispose (object);
}

static void
smolder_poller_finalize (GObject *object)
{
  SmolderPoller *self = SMOLDER_POLLER (object);

  g_clear_object (&self->endpoint);
  g_clear_object (&self->session);
  g_clear_object (&self->soup);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->snapshot, smolder_live_snapshot_free);
  g_strfreev (self->profiles);
  g_free (self->error);
  G_OBJECT_CLASS (smolder_poller_parent_class)->finalize (object);
}

static void
smolder_poller_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SmolderPoller *self = SMOLDER_POLLER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_poller_class_init (SmolderPollerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = smolder_poller_dispose;
  object_class->finalize = smolder_poller_finalize;
  object_class->get_property = smolder_poller_get_property;

  /* A SmolderPollerState; the error text changes notify it too. */
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, SMOLDER_POLLER_STATE_STOPPED, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (const SmolderLiveSnapshot *snapshot): in the session now. */
  signals[SNAPSHOT_ADDED] =
    g_signal_new ("snapshot-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /* (const char *profile, GError *error): one profile of one poll failed. */
  signals[POLL_FAILED] =
    g_signal_new ("poll-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
  /* (guint seq, gboolean ok): every request of a poll is done. */
  signals[POLL_FINISHED] =
    g_signal_new ("poll-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);
}

static void
smolder_poller_init (SmolderPoller *self)
{
  static const char * const defaults[] = { "heap", "goroutine", NULL };

  self->interval_ms = SMOLDER_POLLER_DEFAULT_INTERVAL_MS;
  self->timeout_ms = 30000;
  self->max_body = 64 * 1024 * 1024;
  self->max_redirects = 5;
  self->limits = *smolder_limits_get_default ();
  self->limits.max_input_bytes = self->max_body;
  self->limits.max_decompressed_bytes = 8 * self->max_body;
  self->profiles = g_strdupv ((char **) defaults);
  self->cancellable = g_cancellable_new ();
  /* Without a holder the shared session would die after each poll, and
   * with it the kept-alive connection: a new one (and a new session) every
   * 0.2 s. */
  self->soup = smolder_fetch_get_soup_session ();
}

SmolderPoller *
smolder_poller_new (SmolderEndpoint *endpoint,
                    SmolderSession  *session)
{
  SmolderPoller *self;

  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (endpoint), NULL);
  g_return_val_if_fail (session == NULL || SMOLDER_IS_SESSION (session), NULL);

  self = g_object_new (SMOLDER_TYPE_POLLER, NULL);
  self->endpoint = g_object_ref (endpoint);
  self->session = session ? g_object_ref (session) : NULL;
  self->seq = session ? smolder_session_next_seq (session) : 1;
  return self;
}

SmolderEndpoint *
smolder_poller_get_endpoint (SmolderPoller *self)
{
  g_return_val_if_fail (SMOLDER_IS_POLLER (self), NULL);
  return self->endpoint;
}

SmolderSession *
smolder_poller_get_session (SmolderPoller *self)
{
  g_return_val_if_fail (SMOLDER_IS_POLLER (self), NULL);
  return self->session;
}

void
smolder_poller_set_interval_ms (SmolderPoller *self,
                                guint          interval_ms)
{
  g_return_if_fail (SMOLDER_IS_POLLER (self));
  self->interval_ms = MAX (interval_ms, SMOLDER_POLLER_MIN_INTERVAL_MS);
}

guint
smolder_poller_get_interval_ms (SmolderPoller *self)
{
  g_return_val_if_fail (SMOLDER_IS_POLLER (self), 0);
  return self->interval_ms;
}

void
smolder_poller_set_timeout_ms (SmolderPoller *self,
                               guint          timeout_ms)
{
  g_return_if_fail (SMOLDER_IS_POLLER (self));
  self->timeout_ms = MAX (timeout_ms, 100);
}

void
smolder_poller_set_max_body (SmolderPoller *self,
                             guint64        max_bytes)
{
  g_return_if_fail (SMOLDER_IS_POLLER (self));
  self->max_body = MAX (max_bytes, 1024);
  self->limits.max_input_bytes = self->max_body;
  self->limits.max_decompressed_bytes = 8 * self->max_body;
}

void
smolder_poller_set_max_redirects (SmolderPoller *self,
                                  guint          n)
{
  g_return_if_fail (SMOLDER_IS_POLLER (self));
  self->max_redirects = n;
}

gboolean
smolder_poller_set_profiles (SmolderPoller       *self,
                             const char * const  *profiles,
                             GError             **error)
{
  g_return_val_if_fail (SMOLDER_IS_POLLER (self), FALSE);

  for (guint i = 0; profiles[i] != NULL; i++)
    if (smolder_poller_profile_queries (profiles[i]) == NULL)
      {
        if (g_str_equal (profiles[i], "trace"))
          g_set_error_literal (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_URL,
                               SMOLDER_POLLER_TRACE_REFUSED);
        else
          g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_URL,
                       "“%s” is not a profile that can be polled (heap, goroutine, allocs, mutex, "
                       "block, threadcreate, goroutine-debug2; CPU is a capture, the trace is not a profile)",
                       profiles[i]);
        return FALSE;
      }
  g_strfreev (self->profiles);
  self->profiles = g_strdupv ((char **) profiles);
  return TRUE;
}

/* ----- discovery ----- */

static void
discover_fetched (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SmolderPoller *self = g_task_get_source_object (task);
  GError *error = NULL;
  const SmolderFetch *f = smolder_fetch_finish (result, &error);
  GPtrArray *entries;

  if (f == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  entries = smolder_pprof_index_check (f->status, f->reason, f->content_type,
                                       (const char *) f->body->data, f->body->len,
                                       smolder_endpoint_has_credentials (self->endpoint), &error);
  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

void
smolder_poller_discover_async (SmolderPoller       *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, smolder_poller_discover_async);
  smolder_fetch_async (self->endpoint, "", NULL, INDEX_MAX_BYTES, self->timeout_ms,
                       self->max_redirects, FALSE, cancellable,
               discover_fetched, task);
}

GPtrArray *
smolder_poller_discover_finish (SmolderPoller  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ----- decoding on a worker ----- */

typedef struct {
  SmolderLiveSnapshot *snapshot;
  GFile               *dir;
  SmolderLimits        limits;
} Decode;

static void
decode_free (Decode *d)
{
  smolder_live_snapshot_free (d->snapshot);
  g_clear_object (&d->dir);
  g_free (d);
}

static void
delete_files (GFile               *dir,
              SmolderLiveSnapshot *snapshot,
              const char          *suffix)
{
  for (guint i = 0; i < snapshot->files->len; i++)
    {
      g_autofree char *name = g_strconcat (((SmolderLiveFile *) snapshot->files->pdata[i])->name, suffix, NULL);
      g_autoptr(GFile) file = g_file_get_child (dir, name);

      g_file_delete (file, NULL, NULL);
    }
}

static void
decode_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Decode *d = task_data;
  GError *error = NULL;

  /* The bodies are complete: they take their final names first, so a
   * crash from here on leaves files a reopen picks up. */
  for (guint i = 0; i < d->snapshot->files->len; i++)
    {
      const char *name = ((SmolderLiveFile *) d->snapshot->files->pdata[i])->name;
      g_autofree char *part_name = g_strconcat (name, ".part", NULL);
      g_autoptr(GFile) part = g_file_get_child (d->dir, part_name);
      g_autoptr(GFile) file = g_file_get_child (d->dir, name);

      if (!g_file_move (part, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  if (!smolder_live_snapshot_summarise (d->snapshot, d->dir, &d->limits, NULL, &error))
    {
      delete_files (d->dir, d->snapshot, "");
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&d->snapshot), (GDestroyNotify) smolder_live_snapshot_free);
}

static void
decode_async (SmolderPoller       *self,
              SmolderLiveSnapshot *snapshot,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  Decode *d = g_new0 (Decode, 1);

  d->snapshot = snapshot;
  d->dir = g_object_ref (smolder_session_get_dir (self->session));
  d->limits = self->limits;
  g_task_set_source_tag (task, decode_async);
  g_task_set_task_data (task, d, (GDestroyNotify) decode_free);
  self->n_workers++;
  g_task_run_in_thread (task, decode_thread);
}

static void
decoded (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SmolderPoller *self = SMOLDER_POLLER (source);
  g_autoptr(GError) error = NULL;
  SmolderLiveSnapshot *snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  Decode *d = g_task_get_task_data (G_TASK (result));

  self->n_workers--;
  if (snapshot == NULL)
    {
      /* A body that is no profile: this poll failed although the request did not. */
      if (self->state != SMOLDER_POLLER_STATE_STOPPED && self->state != SMOLDER_POLLER_STATE_PAUSED)
        set_state (self, SMOLDER_POLLER_STATE_ERROR, error->message);
      g_signal_emit (self, signals[POLL_FAILED], 0, d->snapshot->profile, error);
      return;
    }
  /* Even after stop: the bodies are on disk and belong in the index. */
  smolder_session_add_snapshot (self->session, snapshot);
  g_signal_emit (self, signals[SNAPSHOT_ADDED], 0, snapshot);
}

/* ----- the poll loop ----- */

static void poll_next (SmolderPoller *self);
static void schedule (SmolderPoller *self, guint delay_ms);

static gboolean
is_fatal_for_poll (const GError *error)
{
  /* The server is not answering as it should: the rest of this poll would fail too. */
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_UNREACHABLE) ||
         g_error_matches (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_TIMEOUT) ||
         g_error_matches (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_TLS) ||
         g_error_matches (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_AUTH_NEEDED) ||
         g_error_matches (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_AUTH_REFUSED);
}

static void
poll_finish (SmolderPoller *self)
{
  guint seq = self->poll_seq;
  gboolean ok = !self->failed;
  guint delay;

  self->polling = FALSE;
  if (self->state == SMOLDER_POLLER_STATE_STOPPED)
    return;

  if (ok)
    {
      gint64 elapsed_ms = (g_get_monotonic_time () - self->started_us) / 1000;

      self->n_failures = 0;
      if (self->state != SMOLDER_POLLER_STATE_PAUSED)
        set_state (self, SMOLDER_POLLER_STATE_LIVE, NULL);
      delay = elapsed_ms >= self->interval_ms ? 0 : self->interval_ms - elapsed_ms;
    }
  else
    {
      /* Back-off: the interval (at least 1 s), doubled per failure, at most a minute. */
      guint base = MAX (self->interval_ms, 1000);

      self->n_failures++;
      delay = MIN ((guint64) base << MIN (self->n_failures - 1, 6), MAX_BACKOFF_MS);
    }
  if (self->state != SMOLDER_POLLER_STATE_PAUSED)
    schedule (self, delay);
  g_signal_emit (self, signals[POLL_FINISHED], 0, seq, ok);
}

static void
poll_fetched (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SmolderPoller) self = user_data;
  g_autoptr(GError) error = NULL;
  const SmolderFetch *f = smolder_fetch_finish (result, &error);
  const char *query = smolder_poller_profile_queries (self->snapshot->profile)[self->file];

  if (f != NULL)
    {
      g_autofree char *name = smolder_session_file_name (self->snapshot->profile, self->poll_seq,
                                                         strstr (query, "debug=") != NULL);

      smolder_live_snapshot_add_file (self->snapshot, name, query, f->status, f->size);
      self->file++;
      poll_next (self);
      return;
    }

  self->failed = TRUE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autoptr(GError) named = g_error_new (error->domain, error->code, "%s: %s", query, error->message);

      set_state (self, SMOLDER_POLLER_STATE_ERROR, named->message);
      g_signal_emit (self, signals[POLL_FAILED], 0, self->snapshot->profile, named);
    }
  /* What this profile already fetched is kept (heap without its text, say). */
  if (self->snapshot->files->len > 0)
    decode_async (self, g_steal_pointer (&self->snapshot), decoded, NULL);
  g_clear_pointer (&self->snapshot, smolder_live_snapshot_free);
  self->job++;
  self->file = 0;
  if (is_fatal_for_poll (error))
    poll_finish (self);
  else
    poll_next (self);
}

static void
poll_next (SmolderPoller *self)
{
  const char * const *queries;
  const char *profile;
  g_autofree char *name = NULL;
  g_autofree char *part_name = NULL;
  g_autoptr(GFile) part = NULL;

  if (self->state == SMOLDER_POLLER_STATE_STOPPED || self->profiles[self->job] == NULL)
    {
      poll_finish (self);
      return;
    }
  profile = self->profiles[self->job];
  queries = smolder_poller_profile_queries (profile);
  if (self->snapshot == NULL)
    self->snapshot = smolder_live_snapshot_new (profile, self->poll_seq, g_get_real_time () / 1000);
  if (queries[self->file] == NULL)
    {
      decode_async (self, g_steal_pointer (&self->snapshot), decoded, NULL);
      self->job++;
      self->file = 0;
      poll_next (self);
      return;
    }
  name = smolder_session_file_name (profile, self->poll_seq, strstr (queries[self->file], "debug=") != NULL);
  part_name = g_strconcat (name, ".part", NULL);
  part = g_file_get_child (smolder_session_get_dir (self->session), part_name);
  smolder_fetch_async (self->endpoint, queries[self->file], part, self->max_body, self->timeout_ms,
                       self->max_redirects, TRUE, self->cancellable, poll_fetched, g_object_ref (self));
}

static gboolean
poll_start (gpointer user_data)
{
  SmolderPoller *self = user_data;

  self->timer_id = 0;
  self->next_poll = 0;
  if (self->polling)
    return G_SOURCE_REMOVE;
  self->polling = TRUE;
  self->poll_seq = self->seq++;
  self->failed = FALSE;
  self->job = 0;
  self->file = 0;
  self->started_us = g_get_monotonic_time ();
  poll_next (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (SmolderPoller *self,
          guint          delay_ms)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->next_poll = g_get_real_time () + (gint64) delay_ms * 1000;
  self->timer_id = g_timeout_add (delay_ms, poll_start, self);
}

void
smolder_poller_start (SmolderPoller *self)
{
  g_return_if_fail (SMOLDER_IS_POLLER (self));
  g_return_if_fail (self->session != NULL);

  if (self->state != SMOLDER_POLLER_STATE_IDLE && self->state != SMOLDER_POLLER_STATE_STOPPED)
    return;
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  self->n_failures = 0;
  set_state (self, SMOLDER_POLLER_STATE_CONNECTING, NULL);
  schedule (self, 0);
}

void
smolder_poller_pause (SmolderPoller *self)
{
  g_return_if_fail (SMOLDER_IS_POLLER (self));

  if (self->state == SMOLDER_POLLER_STATE_STOPPED || self->state == SMOLDER_POLLER_STATE_IDLE)
    return;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->next_poll = 0;
  set_state (self, SMOLDER_POLLER_STATE_PAUSED, NULL);
}

void
smolder_poller_resume (SmolderPoller *self)
{
  g_return_if_fail (SMOLDER_IS_POLLER (self));

  if (self->state != SMOLDER_POLLER_STATE_PAUSED)
    return;
  set_state (self, SMOLDER_POLLER_STATE_CONNECTING, NULL);
  if (!self->polling)
    schedule (self, 0);
}

void
smolder_poller_stop (SmolderPoller *self)
{
  g_return_if_fail (SMOLDER_IS_POLLER (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->next_poll = 0;
  set_state (self, SMOLDER_POLLER_STATE_STOPPED, NULL);
  g_cancellable_cancel (self->cancellable);
}

gboolean
smolder_poller_is_busy (SmolderPoller *self)
{
  g_return_val_if_fail (SMOLDER_IS_POLLER (self), FALSE);
  return self->polling || self->n_workers > 0;
}

SmolderPollerState
smolder_poller_get_state (SmolderPoller *self)
{
  g_return_val_if_fail (SMOLDER_IS_POLLER (self), SMOLDER_POLLER_STATE_IDLE);
  return self->state;
}

const char *
smolder_poller_get_error (SmolderPoller *self)
{
  g_return_val_if_fail (SMOLDER_IS_POLLER (self), NULL);
  return self->error;
}

gint64
smolder_poller_get_next_poll (SmolderPoller *self)
{
  g_return_val_if_fail (SMOLDER_IS_POLLER (self), 0);
  return self->next_poll;
}

/* ----- CPU capture ----- */

static void
cpu_decoded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SmolderPoller *self = SMOLDER_POLLER (source);
  GError *error = NULL;
  SmolderLiveSnapshot *snapshot = g_task_propagate_pointer (G_TASK (result), &error);

  self->n_workers--;
  if (snapshot == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  smolder_session_add_snapshot (self->session, snapshot);
  g_signal_emit (self, signals[SNAPSHOT_ADDED], 0, snapshot);
  g_task_return_pointer (task, snapshot, NULL);
}

static void
cpu_fetched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SmolderPoller *self = g_task_get_source_object (task);
  SmolderLiveSnapshot **holder = g_task_get_task_data (task);
  SmolderLiveSnapshot *snapshot = *holder;
  GError *error = NULL;
  const SmolderFetch *f = smolder_fetch_finish (result, &error);
  g_autofree char *name = NULL;
  g_autofree char *query = NULL;

  if (f == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  name = smolder_session_file_name ("cpu", snapshot->seq, FALSE);
  query = g_strconcat ("profile?", g_uri_get_query (f->uri) ? g_uri_get_query (f->uri) : "", NULL);
  smolder_live_snapshot_add_file (snapshot, name, query, f->status, f->size);
  /* The decode task owns the snapshot now. */
  *holder = NULL;
  decode_async (self, snapshot, cpu_decoded, g_object_ref (task));
}

static void
free_holder (SmolderLiveSnapshot **holder)
{
  smolder_live_snapshot_free (*holder);
  g_free (holder);
}

void
smolder_poller_capture_cpu_async (SmolderPoller       *self,
                                  guint                seconds,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  g_autofree char *query = NULL;
  g_autofree char *name = NULL;
  g_autofree char *part_name = NULL;
  g_autoptr(GFile) part = NULL;
  SmolderLiveSnapshot *snapshot, **holder;

  g_return_if_fail (SMOLDER_IS_POLLER (self));
  g_return_if_fail (self->session != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, smolder_poller_capture_cpu_async);
  seconds = CLAMP (seconds, 1, 3600);
  /* Its own number, so it never collides with a poll's files. */
  snapshot = smolder_live_snapshot_new ("cpu", self->seq++, g_get_real_time () / 1000);
  holder = g_new0 (SmolderLiveSnapshot *, 1);
  *holder = snapshot;
  g_task_set_task_data (task, holder, (GDestroyNotify) free_holder);
  query = g_strdup_printf ("profile?seconds=%u", seconds);
  name = smolder_session_file_name ("cpu", snapshot->seq, FALSE);
  part_name = g_strconcat (name, ".part", NULL);
  part = g_file_get_child (smolder_session_get_dir (self->session), part_name);
  smolder_fetch_async (self->endpoint, query, part, self->max_body, self->timeout_ms + seconds * 1000,
                       self->max_redirects, TRUE,
               cancellable, cpu_fetched, task);
}

const SmolderLiveSnapshot *
smolder_poller_capture_cpu_finish (SmolderPoller  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
