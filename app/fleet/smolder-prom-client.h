/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-prom-client.h: asking a Prometheus-compatible server (Prometheus,
 * Thanos, Mimir/Cortex, VictoriaMetrics) through its HTTP API, async on the
 * main context; the JSON is read on a worker. */
#pragma once

#include <gio/gio.h>

#include "smolder-endpoint.h"
#include "smolder-prom-parse.h"

G_BEGIN_DECLS

typedef enum {
  SMOLDER_PROM_ANSWER_SERIES,   /* query, query_range: SmolderPromSeries* */
  SMOLDER_PROM_ANSWER_TARGETS,  /* targets: SmolderPromTarget* */
} SmolderPromAnswer;

/* The server's base ("host:port" means http://host:port/; a path prefix,
 * e.g. a Grafana data-source proxy, is kept). */
SmolderEndpoint *smolder_prom_server_new_parse (const char *text,
                                                GError    **error);

/* The longest one request may take, for every request of the process
 * (default 60 s; `smolder-cli --timeout`). */
void smolder_prom_set_timeout_ms (guint ms);

/* GET @api ("api/v1/query_range") with the name/value pairs of @params
 * (NULL-terminated, values escaped here). Errors: SMOLDER_LIVE_ERROR for
 * the transport (unreachable, credentials, timeout, too large),
 * SMOLDER_PROM_ERROR for the API (bad query, unavailable, not Prometheus),
 * each naming the server. */
void       smolder_prom_get_async  (SmolderEndpoint      *server,
                                    const char           *api,
                                    const char * const   *params,
                                    SmolderPromAnswer     answer,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
/* A GPtrArray of what @answer says. */
GPtrArray *smolder_prom_get_finish (GAsyncResult         *result,
                                    GError              **error);

/* One request of a batch. */
typedef struct {
  char             *api;
  GStrv             params;
  SmolderPromAnswer answer;
} SmolderPromRequest;

/* @api, @answer, then name/value pairs up to NULL. */
SmolderPromRequest *smolder_prom_request_new  (const char          *api,
                                               SmolderPromAnswer    answer,
                                               ...) G_GNUC_NULL_TERMINATED;
void                smolder_prom_request_free (SmolderPromRequest  *request);

/* Every request of @requests at once; done when all are, the first error
 * failing the batch (the others cancelled). */
void       smolder_prom_get_all_async  (SmolderEndpoint      *server,
                                        GPtrArray            *requests,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
/* The answers in the order of the requests: a GPtrArray of GPtrArray. */
GPtrArray *smolder_prom_get_all_finish (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
