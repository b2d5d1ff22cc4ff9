/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-fetch.h: one GET to an endpoint, async on the main context. */
#pragma once

#include <libsoup/soup.h>

#include "smolder-endpoint.h"

G_BEGIN_DECLS

typedef struct {
  guint       status;
  char       *reason;
  char       *content_type;
  guint64     size;          /* body bytes received */
  GByteArray *body;          /* when fetched into memory */
  GUri       *uri;           /* after redirects */
} SmolderFetch;

/* The process's one SoupSession (a new reference). */
SoupSession *smolder_fetch_get_soup_session (void);

/* GETs @query (relative to the endpoint's base) with its headers. The body
 * goes chunk by chunk into @part as it arrives (NULL: into memory); more
 * than @max bytes, more than @timeout_ms for the whole request, more than
 * @max_redirects or one to another origin, a refused certificate, a body cut
 * short: each a SMOLDER_LIVE_ERROR saying so, and @part deleted. With
 * @profile_mode a non-2xx status or an HTML page is an error describing it. */
void               smolder_fetch_async  (SmolderEndpoint     *endpoint,
                                         const char          *query,
                                         GFile               *part,
                                         guint64              max,
                                         guint                timeout_ms,
                                         guint                max_redirects,
                                         gboolean             profile_mode,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* Valid while @result lives. */
const SmolderFetch *smolder_fetch_finish (GAsyncResult  *result,
                                          GError       **error);

G_END_DECLS
