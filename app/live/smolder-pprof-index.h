/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-pprof-index.h: what a /debug/pprof/ index page offers, and why an
 * answer is not one. Pure functions on bytes: no network here. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char   *name;   /* "heap", "goroutine", ... */
  gint64  count;  /* as the page shows it; -1 when it shows none */
  char   *href;   /* relative, as on the page ("heap?debug=1") */
} SmolderPprofIndexEntry;

void smolder_pprof_index_entry_free (SmolderPprofIndexEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderPprofIndexEntry, smolder_pprof_index_entry_free)

/* The profiles of Go's net/http/pprof index page (any Go version: the count
 * cell before each link, links relative, quoted or not). An error if the
 * page lists none. Returns a GPtrArray of SmolderPprofIndexEntry. */
GPtrArray *smolder_pprof_index_parse (const char  *body,
                                      gsize        len,
                                      GError     **error);

/* The entry named @name in @entries, or NULL. */
const SmolderPprofIndexEntry *smolder_pprof_index_lookup (GPtrArray  *entries,
                                                          const char *name);

/* Classifies an answer to the index request: 401/403, other statuses, and
 * pages that are not an index, each with what came back (status, content
 * type, the first line of the body). @had_credentials tells 401 "needed"
 * from "refused". On success, the parsed entries. */
GPtrArray *smolder_pprof_index_check (guint        status,
                                      const char  *reason,
                                      const char  *content_type,
                                      const char  *body,
                                      gsize        len,
                                      gboolean     had_credentials,
                                      GError     **error);

/* "status 404 Not Found, text/plain, first line “404 page not found”": for
 * error messages about any answer that is not what was asked for. */
char *smolder_describe_response (guint        status,
                                 const char  *reason,
                                 const char  *content_type,
                                 const char  *body,
                                 gsize        len);

G_END_DECLS
