/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-fleet-history.h: one instance's runtime series from the store, as
 * the columns of a live session's series (`smolder-cli series`). */
#pragma once

#include <gio/gio.h>

#include "smolder-endpoint.h"

G_BEGIN_DECLS

/* The columns, in `smolder-cli series` order. */
typedef enum {
  SMOLDER_FLEET_HEAP_INUSE,
  SMOLDER_FLEET_HEAP_ALLOC,
  SMOLDER_FLEET_HEAP_OBJECTS,
  SMOLDER_FLEET_SYS,
  SMOLDER_FLEET_NEXT_GC,
  SMOLDER_FLEET_NUM_GC,
  SMOLDER_FLEET_GOROUTINES,
  SMOLDER_FLEET_N_COLUMNS
} SmolderFleetColumn;

/* A value the store does not have. */
#define SMOLDER_FLEET_MISSING G_MININT64

typedef struct {
  guint   n_rows;
  gint64 *t_ms;                                /* ascending */
  gint64 *values[SMOLDER_FLEET_N_COLUMNS];     /* [column][row] */
  gint64  step_ms;
} SmolderFleetHistory;

void smolder_fleet_history_free (SmolderFleetHistory *history);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderFleetHistory, smolder_fleet_history_free)

/* The metric behind a column ("go_memstats_heap_inuse_bytes", …). */
const char *smolder_fleet_column_metric (SmolderFleetColumn column);

/* @instance's series (and @job's, NULL: any job) from @start_ms to @end_ms
 * every @step_ms, by query_range, one request per column. */
void                 smolder_fleet_history_async  (SmolderEndpoint      *server,
                                                   const char           *instance,
                                                   const char           *job,
                                                   gint64                start_ms,
                                                   gint64                end_ms,
                                                   gint64                step_ms,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
SmolderFleetHistory *smolder_fleet_history_finish (GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
