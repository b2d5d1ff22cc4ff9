/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-prom-client.c: one API request: the fetch on the main context,
 * then the JSON parsed on a worker so a large answer never stalls the UI. */
#include "smolder-prom-client.h"

#include "smolder-fetch.h"
#include "smolder-live-error.h"
#include "smolder-pprof-index.h"

/* A fleet's matrix can be large; beyond this it is refused, not read. */
#define MAX_ANSWER      ((guint64) 64 << 20)
#define MAX_REDIRECTS   5

static guint timeout_ms = 60000;

void
smolder_prom_set_timeout_ms (guint ms)
{
  timeout_ms = ms;
}

typedef struct {
  SmolderEndpoint  *server;
  SmolderPromAnswer answer;
  char             *what;    /* "api/v1/query_range on http://…/" for errors */
  GBytes           *body;
  guint             status;
} Request;

static void
request_free (Request *r)
{
  g_clear_object (&r->server);
  g_free (r->what);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r);
}

SmolderEndpoint *
smolder_prom_server_new_parse (const char *text,
                               GError    **error)
{
  return smolder_endpoint_new_parse_with_default (text, "/", error);
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Request *r = task_data;
  gsize len = 0;
  const char *data = g_bytes_get_data (r->body, &len);
  GError *error = NULL;
  GPtrArray *out;

  out = r->answer == SMOLDER_PROM_ANSWER_TARGETS
        ? smolder_prom_parse_targets (data, len, &error)
        : smolder_prom_parse_result (data, len, &error);
  if (out == NULL)
    {
      /* Say which request and which HTTP status the error came with. */
      g_prefix_error (&error, "%s (HTTP %u): ", r->what, r->status);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, out, (GDestroyNotify) g_ptr_array_unref);
}

static void
fetched (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *r = g_task_get_task_data (task);
  GError *error = NULL;
  const SmolderFetch *f = smolder_fetch_finish (result, &error);
  const char *body;
  gsize len;

  if (f == NULL)
    {
      g_prefix_error (&error, "%s: ", r->what);
      g_task_return_error (task, error);
      return;
    }
  body = f->body ? (const char *) f->body->data : "";
  len = f->body ? f->body->len : 0;
  if (f->status == 401 || f->status == 403)
    {
      gboolean creds = smolder_endpoint_has_credentials (r->server);

      g_task_return_new_error (task, SMOLDER_LIVE_ERROR,
                               f->status == 403 || creds ? SMOLDER_LIVE_ERROR_AUTH_REFUSED
                                                         : SMOLDER_LIVE_ERROR_AUTH_NEEDED,
                               "%s: %s (HTTP %u)", r->what,
                               f->status == 403 || creds ? "the credentials were refused"
                                                         : "credentials needed",
                               f->status);
      return;
    }
  /* The API answers errors (400, 422, 503) with its JSON envelope; anything
   * else that is not JSON is described as it came. */
  if (len == 0 || body[0] != '{')
    {
      g_autofree char *described = smolder_describe_response (f->status, f->reason, f->content_type,
                                                              body, len);

      g_task_return_new_error (task, SMOLDER_PROM_ERROR,
                               SOUP_STATUS_IS_SUCCESSFUL (f->status) ? SMOLDER_PROM_ERROR_NOT_PROMETHEUS
                                                                     : SMOLDER_PROM_ERROR_FAILED,
                               "%s: not the Prometheus HTTP API (%s)", r->what, described);
      return;
    }
  r->status = f->status;
  r->body = g_bytes_new (body, len);
  g_task_run_in_thread (task, parse_in_thread);
}

void
smolder_prom_get_async (SmolderEndpoint      *server,
                        const char           *api,
                        const char * const   *params,
                        SmolderPromAnswer     answer,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Request *r = g_new0 (Request, 1);
  g_autoptr(GString) query = g_string_new (api);

  g_task_set_source_tag (task, smolder_prom_get_async);
  for (guint i = 0; params != NULL && params[i] != NULL && params[i + 1] != NULL; i += 2)
    {
      g_autofree char *value = g_uri_escape_string (params[i + 1], NULL, FALSE);

      g_string_append_printf (query, "%c%s=%s", i == 0 ? '?' : '&', params[i], value);
    }
  r->server = g_object_ref (server);
  r->answer = answer;
  r->what = g_strdup_printf ("%s on %s", api, smolder_endpoint_get_uri (server));
  g_task_set_task_data (task, r, (GDestroyNotify) request_free);
  smolder_fetch_async (server, query->str, NULL, MAX_ANSWER, timeout_ms, MAX_REDIRECTS, FALSE,
                       cancellable, fetched, task);
}

GPtrArray *
smolder_prom_get_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

SmolderPromRequest *
smolder_prom_request_new (const char       *api,
                          SmolderPromAnswer answer,
                          ...)
{
  SmolderPromRequest *r = g_new0 (SmolderPromRequest, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *s;
  va_list args;

  va_start (args, answer);
  while ((s = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, s);
  va_end (args);
  r->api = g_strdup (api);
  r->answer = answer;
  r->params = g_strv_builder_end (builder);
  return r;
}

void
smolder_prom_request_free (SmolderPromRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->api);
  g_strfreev (request->params);
  g_free (request);
}

typedef struct {
  GPtrArray    *answers;   /* slot per request, NULL until it came */
  GCancellable *cancel;    /* the batch's own: the first error stops the rest */
  GCancellable *outer;     /* the caller's, forwarded to ours */
  gulong        forward;
  guint         pending;
  GError       *error;
} Batch;

static void
answer_free (gpointer answer)
{
  if (answer != NULL)
    g_ptr_array_unref (answer);
}

static void
batch_free (Batch *b)
{
  g_ptr_array_unref (b->answers);
  if (b->outer != NULL)
    g_cancellable_disconnect (b->outer, b->forward);
  g_clear_object (&b->outer);
  g_clear_object (&b->cancel);
  g_clear_error (&b->error);
  g_free (b);
}

typedef struct {
  GTask *task;
  guint  slot;
} BatchItem;

static void
batch_one_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BatchItem *item = user_data;
  g_autoptr(GTask) task = item->task;
  Batch *b = g_task_get_task_data (task);
  GError *error = NULL;
  GPtrArray *answer = smolder_prom_get_finish (result, &error);

  if (answer != NULL)
    g_ptr_array_index (b->answers, item->slot) = answer;
  else if (b->error == NULL)
    {
      b->error = error;
      g_cancellable_cancel (b->cancel);
    }
  else
    g_error_free (error);
  g_free (item);
  if (--b->pending > 0)
    return;
  if (b->error != NULL)
    g_task_return_error (task, g_steal_pointer (&b->error));
  else
    g_task_return_pointer (task, g_ptr_array_ref (b->answers), (GDestroyNotify) g_ptr_array_unref);
}

static void
batch_cancelled (GCancellable *cancellable,
                 GCancellable *own)
{
  g_cancellable_cancel (own);
}

void
smolder_prom_get_all_async (SmolderEndpoint      *server,
                            GPtrArray            *requests,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Batch *b = g_new0 (Batch, 1);

  g_task_set_source_tag (task, smolder_prom_get_all_async);
  b->answers = g_ptr_array_new_full (requests->len, answer_free);
  g_ptr_array_set_size (b->answers, requests->len);
  b->cancel = g_cancellable_new ();
  b->pending = requests->len;
  g_task_set_task_data (task, b, (GDestroyNotify) batch_free);
  if (cancellable != NULL)
    {
      b->outer = g_object_ref (cancellable);
      b->forward = g_cancellable_connect (cancellable, G_CALLBACK (batch_cancelled),
                                          g_object_ref (b->cancel), g_object_unref);
    }
  if (requests->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_ref (b->answers), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  for (guint i = 0; i < requests->len; i++)
    {
      SmolderPromRequest *r = g_ptr_array_index (requests, i);
      BatchItem *item = g_new0 (BatchItem, 1);

      item->task = g_object_ref (task);
      item->slot = i;
      smolder_prom_get_async (server, r->api, (const char * const *) r->params, r->answer,
                              b->cancel, batch_one_done, item);
    }
  g_object_unref (task);
}

GPtrArray *
smolder_prom_get_all_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
