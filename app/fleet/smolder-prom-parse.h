/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-prom-parse.h: the Prometheus HTTP API's JSON answers (query,
 * query_range, targets) read into plain structs. GLib and json-glib only. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SMOLDER_PROM_ERROR (smolder_prom_error_quark ())

typedef enum {
  SMOLDER_PROM_ERROR_NOT_PROMETHEUS, /* the answer is not the Prometheus HTTP API */
  SMOLDER_PROM_ERROR_BAD_QUERY,      /* 400/422: the server refused the query */
  SMOLDER_PROM_ERROR_UNAVAILABLE,    /* 503: timeout or overload on the server */
  SMOLDER_PROM_ERROR_FAILED,         /* any other "status": "error" */
} SmolderPromError;

GQuark smolder_prom_error_quark (void);

/* One series: its labels and its points (one point for an instant vector). */
typedef struct {
  GHashTable *labels;   /* name → value */
  guint       n;
  gint64     *t_ms;     /* unix milliseconds */
  double     *v;        /* NaN where the server said "NaN" */
} SmolderPromSeries;

void smolder_prom_series_free (SmolderPromSeries *series);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderPromSeries, smolder_prom_series_free)

const char *smolder_prom_series_label (const SmolderPromSeries *series,
                                       const char              *name);

/* A scrape target of /api/v1/targets. */
typedef struct {
  char *job;
  char *instance;
  char *health;       /* "up", "down", "unknown" */
  char *last_error;   /* "" when none */
  char *scrape_url;
} SmolderPromTarget;

void smolder_prom_target_free (SmolderPromTarget *target);

/* The body of /api/v1/query or /api/v1/query_range: SmolderPromSeries*
 * (vector, matrix and scalar results). An answer with "status": "error"
 * becomes a SMOLDER_PROM_ERROR with the server's errorType and error. */
GPtrArray *smolder_prom_parse_result  (const char  *json,
                                       gsize        length,
                                       GError     **error);
/* The body of /api/v1/targets: its active targets, SmolderPromTarget*. */
GPtrArray *smolder_prom_parse_targets (const char  *json,
                                       gsize        length,
                                       GError     **error);

G_END_DECLS
