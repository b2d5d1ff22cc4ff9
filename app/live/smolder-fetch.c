/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-fetch.c: one GET to an endpoint: its headers, redirects kept to
 * the same origin and counted, a deadline for the whole request, the body
 * streamed chunk by chunk to a file (or memory) under a size cap. */
#include "smolder-fetch.h"
#include "smolder-live-error.h"
#include "smolder-pprof-index.h"

#include <string.h>

#define CHUNK_SIZE 65536
#define FLUSH_BYTES (1024 * 1024)
#define DESCRIBE_BYTES 512

/* One SoupSession for every poller of the process, on the main context. */
SoupSession *
smolder_fetch_get_soup_session (void)
{
  static SoupSession *shared;

  if (shared == NULL)
    {
      shared = soup_session_new_with_options ("user-agent", "Smolder/" "0.1 ",
                                              "max-conns-per-host", 4,
                                              NULL);
      g_object_add_weak_pointer (G_OBJECT (shared), (gpointer *) &shared);
      return shared;
    }
  return g_object_ref (shared);
}

/* ----- one request: headers, redirects, timeout, streaming to a file ----- */

typedef struct {
  SmolderFetch   pub;          /* first: what the caller reads */
  SmolderEndpoint *endpoint;
  SoupSession   *soup;
  guint          max_redirects;
  SoupMessage   *msg;
  GInputStream  *in;
  GOutputStream *out;
  GFile         *part;        /* NULL: the body goes to memory */
  GByteArray    *pending;     /* read, not yet written to @part */
  gsize          buf_len;     /* bytes in the buffer before the read under way */
  GBytes        *chunk;       /* being written (by a worker) */
  gboolean       eof;         /* the body is complete: close after writing */
  guint64        max;
  guint          redirects;
  gboolean       profile_mode; /* a non-2xx or HTML answer is an error */
  gboolean       describing;   /* reading a little of a bad answer to say what it is */
  GCancellable  *cancellable;  /* ours: the timeout cancels it */
  GCancellable  *outer;
  gulong         outer_id;
  guint          timeout_id;
  guint          timeout_ms;
  gboolean       timed_out;
  char          *fingerprint;  /* of a certificate that was refused */
} Fetch;

static void
fetch_free (Fetch *f)
{
  g_clear_handle_id (&f->timeout_id, g_source_remove);
  if (f->outer_id != 0)
    g_cancellable_disconnect (f->outer, f->outer_id);
  g_clear_object (&f->outer);
  g_clear_object (&f->endpoint);
  g_clear_object (&f->soup);
  g_clear_pointer (&f->pub.uri, g_uri_unref);
  g_clear_object (&f->msg);
  g_clear_object (&f->in);
  g_clear_object (&f->out);
  g_clear_object (&f->part);
  g_clear_pointer (&f->pub.body, g_byte_array_unref);
  g_clear_pointer (&f->chunk, g_bytes_unref);
  g_clear_pointer (&f->pending, g_byte_array_unref);
  g_clear_object (&f->cancellable);
  g_free (f->fingerprint);
  g_free (f->pub.reason);
  g_free (f->pub.content_type);
  g_free (f);
}

static gboolean
fetch_timed_out (gpointer user_data)
{
  Fetch *f = user_data;

  f->timeout_id = 0;
  f->timed_out = TRUE;
  g_cancellable_cancel (f->cancellable);
  return G_SOURCE_REMOVE;
}

static void
outer_cancelled (GCancellable *outer,
                 gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

static char *
host_port (Fetch *f)
{
  return g_strdup_printf ("%s:%d", smolder_endpoint_get_host (f->endpoint),
                          smolder_endpoint_get_port (f->endpoint));
}

/* Says what went wrong in the words of this program's errors. */
static void
fetch_fail (GTask  *task,
            GError *error)
{
  Fetch *f = g_task_get_task_data (task);
  g_autoptr(GError) owned = error;
  g_autofree char *where = host_port (f);

  g_clear_object (&f->out);
  if (f->part != NULL)
    g_file_delete (f->part, NULL, NULL);

  if (f->outer != NULL && g_cancellable_is_cancelled (f->outer))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else if (f->timed_out)
    g_task_return_new_error (task, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_TIMEOUT,
                             "no complete answer from %s within %.1f s (%" G_GUINT64_FORMAT " bytes received)",
                             where, f->timeout_ms / 1000.0, f->pub.size);
  else if (f->fingerprint != NULL || (owned && owned->domain == G_TLS_ERROR))
    g_task_return_new_error (task, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_TLS,
                             "the TLS certificate of %s is not trusted (%s)%s%s%s",
                             where, owned ? owned->message : "refused",
                             f->fingerprint ? "; its SHA-256 fingerprint is " : "",
                             f->fingerprint ? f->fingerprint : "",
                             f->fingerprint ? " (accept that certificate explicitly to connect)" : "");
  else if (owned != NULL && owned->domain == SMOLDER_LIVE_ERROR)
    g_task_return_error (task, g_steal_pointer (&owned));
  else if (f->pub.status == 0)
    g_task_return_new_error (task, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_UNREACHABLE,
                             "cannot connect to %s: %s", where, owned ? owned->message : "no answer");
  else
    g_task_return_new_error (task, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_TRUNCATED,
                             "the body from %s ended after %" G_GUINT64_FORMAT " bytes: %s",
                             where, f->pub.size, owned ? owned->message : "connection closed");
}

/* The answer was not the profile asked for: say what it was. */
static void
fetch_fail_described (GTask *task)
{
  Fetch *f = g_task_get_task_data (task);
  g_autofree char *what = smolder_describe_response (f->pub.status, f->pub.reason, f->pub.content_type,
                                                     (const char *) f->pub.body->data, f->pub.body->len);
  gboolean creds = smolder_endpoint_has_credentials (f->endpoint);
  GError *error;

  if (f->pub.status == 401)
    error = g_error_new (SMOLDER_LIVE_ERROR,
                         creds ? SMOLDER_LIVE_ERROR_AUTH_REFUSED : SMOLDER_LIVE_ERROR_AUTH_NEEDED,
                         creds ? "the credentials were refused (%s)" : "credentials needed (%s)", what);
  else if (f->pub.status == 403)
    error = g_error_new (SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_AUTH_REFUSED, "access refused (%s)", what);
  else if (f->pub.status >= 200 && f->pub.status < 300)
    error = g_error_new (SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_NOT_PPROF,
                         "expected a profile, got a web page (%s)", what);
  else
    error = g_error_new (SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_HTTP, "%s", what);
  fetch_fail (task, error);
}

static void fetch_read_next (GTask *task);
static void fetch_send (GTask *task);

/* The body goes to its file in pieces of up to FLUSH_BYTES, each written
 * (the file opened first, closed after the last) by one job on a worker: a
 * local file is not pollable, so every async write is a thread hand-off,
 * and one per network read cost more than the rest of a 0.2 s poll. */
static void
fetch_write_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Fetch *f = task_data;
  GError *error = NULL;

  if (f->out == NULL)
    f->out = G_OUTPUT_STREAM (g_file_replace (f->part, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                              cancellable, &error));
  if (f->out == NULL ||
      !g_output_stream_write_all (f->out, g_bytes_get_data (f->chunk, NULL), g_bytes_get_size (f->chunk),
                                  NULL, cancellable, &error) ||
      (f->eof && !g_output_stream_close (f->out, cancellable, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
fetch_written (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *f = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&f->chunk, g_bytes_unref);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* A timeout or a cancel says so itself. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fetch_fail (task, g_steal_pointer (&error));
      else
        fetch_fail (task,
                    g_error_new (SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_SESSION, "cannot write %s: %s",
                                 g_file_peek_path (f->part), error->message));
    }
  else if (f->eof)
    g_task_return_boolean (task, TRUE);
  else
    fetch_read_next (g_steal_pointer (&task));
}

static void
fetch_write (GTask *task)
{
  Fetch *f = g_task_get_task_data (task);
  g_autoptr(GTask) job = g_task_new (NULL, f->cancellable, fetch_written, task);

  f->chunk = g_byte_array_free_to_bytes (g_steal_pointer (&f->pending));
  f->pending = g_byte_array_new ();
  g_task_set_source_tag (job, fetch_write);
  g_task_set_task_data (job, f, NULL);
  g_task_run_in_thread (job, fetch_write_thread);
}

/* Where the next read goes: the body in memory, or the part not yet written. */
static GByteArray *
fetch_buffer (Fetch *f)
{
  return f->part != NULL && !f->describing ? f->pending : f->pub.body;
}

static void
fetch_read (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *f = g_task_get_task_data (task);
  GByteArray *buf = fetch_buffer (f);
  GError *error = NULL;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);
  g_byte_array_set_size (buf, f->buf_len + MAX (n, 0));
  if (n < 0)
    {
      if (f->describing && !f->timed_out)
        {
          g_error_free (error);
          fetch_fail_described (task);
        }
      else
        fetch_fail (task, error);
      return;
    }

  if (f->describing)
    {
      g_byte_array_set_size (buf, MIN (buf->len, DESCRIBE_BYTES));
      if (n == 0 || buf->len >= DESCRIBE_BYTES)
        fetch_fail_described (task);
      else
        fetch_read_next (g_steal_pointer (&task));
      return;
    }

  if (n == 0)
    {
      f->eof = TRUE;
      if (f->part != NULL)
        fetch_write (g_steal_pointer (&task));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  f->pub.size += n;
  if (f->pub.size > f->max)
    {
      g_autofree char *cap = g_format_size (f->max);

      fetch_fail (task, g_error_new (SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_TOO_LARGE,
                                     "the body is larger than the %s allowed; stopped reading", cap));
      return;
    }
  if (f->part != NULL && f->pending->len >= FLUSH_BYTES)
    fetch_write (g_steal_pointer (&task));
  else
    fetch_read_next (g_steal_pointer (&task));
}

/* Reads straight into the buffer's tail: no chunk allocated per read. */
static void
fetch_read_next (GTask *task)
{
  Fetch *f = g_task_get_task_data (task);
  GByteArray *buf = fetch_buffer (f);

  f->buf_len = buf->len;
  g_byte_array_set_size (buf, buf->len + CHUNK_SIZE);
  g_input_stream_read_async (f->in, buf->data + f->buf_len, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                             f->cancellable, fetch_read, task);
}

static gboolean
accept_certificate (SoupMessage          *msg,
                    GTlsCertificate      *certificate,
                    GTlsCertificateFlags  errors,
                    gpointer              user_data)
{
  Fetch *f = user_data;

  if (smolder_endpoint_accepts_certificate (f->endpoint, certificate))
    return TRUE;
  g_free (f->fingerprint);
  f->fingerprint = smolder_certificate_fingerprint (certificate);
  return FALSE;
}

static void
fetch_sent (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Fetch *f = g_task_get_task_data (task);
  GError *error = NULL;
  const char *ct;

  f->in = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (f->in == NULL)
    {
      fetch_fail (task, error);
      return;
    }
  f->pub.status = soup_message_get_status (f->msg);
  g_free (f->pub.reason);
  f->pub.reason = g_strdup (soup_message_get_reason_phrase (f->msg));
  ct = soup_message_headers_get_content_type (soup_message_get_response_headers (f->msg), NULL);
  g_free (f->pub.content_type);
  f->pub.content_type = g_strdup (ct);

  if (SOUP_STATUS_IS_REDIRECTION (f->pub.status))
    {
      const char *location = soup_message_headers_get_one (soup_message_get_response_headers (f->msg),
                                                           "Location");
      g_autoptr(GUri) next = location ? g_uri_parse_relative (f->pub.uri, location, G_URI_FLAGS_ENCODED, NULL) : NULL;

      if (next == NULL)
        {
          fetch_fail (task, g_error_new (SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_REDIRECT,
                                         "status %u without a usable Location", f->pub.status));
          return;
        }
      if (++f->redirects > f->max_redirects)
        {
          fetch_fail (task, g_error_new (SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_REDIRECT,
                                         "more than %u redirects (a redirect loop?)", f->max_redirects));
          return;
        }
      /* Credentials go to the endpoint's own origin only. */
      if (!smolder_endpoint_same_origin (f->endpoint, next))
        {
          g_autofree char *s = g_uri_to_string_partial (next, G_URI_HIDE_USERINFO);

          fetch_fail (task, g_error_new (SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_REDIRECT,
                                         "redirected to another server (%s): not followed", s));
          return;
        }
      g_clear_object (&f->in);
      g_clear_pointer (&f->pub.uri, g_uri_unref);
      f->pub.uri = g_steal_pointer (&next);
      fetch_send (g_steal_pointer (&task));
      return;
    }

  if (f->profile_mode &&
      (!SOUP_STATUS_IS_SUCCESSFUL (f->pub.status) || (ct != NULL && g_str_equal (ct, "text/html"))))
    {
      f->describing = TRUE;
      f->pub.body = g_byte_array_new ();
      fetch_read_next (g_steal_pointer (&task));
      return;
    }

  if (f->part != NULL)
    f->pending = g_byte_array_new ();
  else
    f->pub.body = g_byte_array_new ();
  fetch_read_next (g_steal_pointer (&task));
}

static void
fetch_send (GTask *task)
{
  Fetch *f = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_clear_object (&f->msg);
  f->msg = soup_message_new_from_uri (SOUP_METHOD_GET, f->pub.uri);
  /* Redirects are followed here, counted and kept to the same origin. */
  soup_message_add_flags (f->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (f->msg);
  for (guint i = 0; i < smolder_endpoint_get_n_headers (f->endpoint); i++)
    {
      const char *name, *value;

      smolder_endpoint_get_header (f->endpoint, i, &name, &value);
      soup_message_headers_replace (headers, name, value);
    }
  g_signal_connect (f->msg, "accept-certificate", G_CALLBACK (accept_certificate), f);
  soup_session_send_async (f->soup, f->msg, G_PRIORITY_DEFAULT, f->cancellable,
                           fetch_sent, task);
}

/* Fetches @query (relative to the endpoint) into @part, or into memory when
 * @part is NULL. */
void
smolder_fetch_async (SmolderEndpoint     *endpoint,
             const char          *query,
             GFile               *part,
             guint64              max,
             guint                timeout_ms,
             guint                max_redirects,
             gboolean             profile_mode,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Fetch *f = g_new0 (Fetch, 1);
  g_autofree char *uri = smolder_endpoint_resolve (endpoint, query);

  g_task_set_source_tag (task, smolder_fetch_async);
  g_task_set_task_data (task, f, (GDestroyNotify) fetch_free);
  f->endpoint = g_object_ref (endpoint);
  f->soup = smolder_fetch_get_soup_session ();
  f->max_redirects = max_redirects;
  f->pub.uri = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  f->part = part ? g_object_ref (part) : NULL;
  f->max = max;
  f->profile_mode = profile_mode;
  f->timeout_ms = timeout_ms;
  f->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      f->outer = g_object_ref (cancellable);
      f->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled),
                                           g_object_ref (f->cancellable), g_object_unref);
    }
  f->timeout_id = g_timeout_add (timeout_ms, fetch_timed_out, f);
  if (f->pub.uri == NULL)
    {
      fetch_fail (task, g_error_new (SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_URL,
                                     "cannot make a URL of “%s”", query));
      g_object_unref (task);
      return;
    }
  fetch_send (task);
}

const SmolderFetch *
smolder_fetch_finish (GAsyncResult  *result,
                      GError       **error)
{
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return &((Fetch *) g_task_get_task_data (G_TASK (result)))->pub;
}

