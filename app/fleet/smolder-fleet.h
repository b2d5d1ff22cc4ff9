/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-fleet.h: every Go instance a Prometheus-compatible server scrapes,
 * ranked by how leak-like its heap and goroutine growth is. */
#pragma once

#include <gio/gio.h>

#include "smolder-endpoint.h"
#include "smolder-trend-fit.h"

G_BEGIN_DECLS

typedef struct {
  char           *job;
  char           *instance;
  char           *health;          /* "up", "down", "unknown" */
  char           *last_error;      /* the last scrape error, "" when none */
  char           *pprof_url;       /* the scrape address with /debug/pprof/ */
  gint64          heap_inuse;      /* latest bytes; -1 unknown */
  double          heap_growth;     /* bytes per minute over the range */
  gint64          goroutines;      /* latest; -1 unknown */
  double          goroutine_growth;/* per minute */
  double          gc_pause_max;    /* seconds over the range; NaN unknown */
  double          gc_pause_p75;    /* seconds, the latest; NaN unknown */
  gint64          rss;             /* bytes; -1 unknown */
  double          cpu;             /* cores used over the range; NaN unknown */
  SmolderTrendFit heap_fit;
  SmolderTrendFit goroutine_fit;
  double          score;           /* leak-likeness, 0–1 */
  gboolean        steady;          /* a steady grower whose growth matters */
  gboolean        above_baseline;  /* > 2σ over its own previous period */
  /* The range's points, for sparklines: heap in use and goroutines. */
  GArray         *heap_points;     /* SmolderFleetPoint */
  GArray         *goroutine_points;
} SmolderFleetInstance;

typedef struct {
  gint64 t_ms;
  gint64 value;
} SmolderFleetPoint;

typedef struct {
  GPtrArray *instances;   /* SmolderFleetInstance*, most leak-like first */
  gint64     start_ms;    /* the range ranked */
  gint64     end_ms;
  gint64     step_ms;
} SmolderFleetRanking;

void smolder_fleet_ranking_free (SmolderFleetRanking *ranking);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderFleetRanking, smolder_fleet_ranking_free)

/* The step for @range_ms split into at most @points (≥ 1 s, whole seconds;
 * Prometheus refuses more than 11,000 points per series). */
gint64 smolder_fleet_step_ms (gint64 range_ms,
                              guint  points);

/* Ranks the Go instances of the jobs matching @job_re (NULL: all) over the
 * @range_ms before @end_ms (0: now). */
void                 smolder_fleet_rank_async  (SmolderEndpoint      *server,
                                                const char           *job_re,
                                                gint64                range_ms,
                                                gint64                end_ms,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
SmolderFleetRanking *smolder_fleet_rank_finish (GAsyncResult         *result,
                                                GError              **error);

/* The ranking itself, from the answers (SmolderPromTarget*, and
 * SmolderPromSeries* for heap in use and goroutines over [end − 2 range, end]
 * and instant vectors for the rest). Exposed for tests. */
SmolderFleetRanking *smolder_fleet_rank (GPtrArray *targets,
                                         GPtrArray *heap,
                                         GPtrArray *goroutines,
                                         GPtrArray *pause_max,
                                         GPtrArray *pause_p75,
                                         GPtrArray *rss,
                                         GPtrArray *cpu,
                                         gint64     start_ms,
                                         gint64     end_ms);

/* "job=~…" as a PromQL label matcher, escaped; "" for NULL. */
char *smolder_fleet_label_matcher (const char *name,
                                   const char *op,
                                   const char *value);

G_END_DECLS
