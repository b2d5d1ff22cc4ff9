/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-function-series.h: the live page's second chart as data: the top
 * functions' in-use bytes (heap snapshots) and goroutine counts (goroutine
 * snapshots) over time, one series each, from the per-function summaries
 * the snapshots keep (smolder-live-functions.h), never from the profiles.
 *
 * The series shown are the SMOLDER_FUNCTION_SERIES_TOP largest of the
 * newest snapshot of each kind plus the pinned ones; when that set changes
 * the SmolderSeries is rebuilt from the summaries (::notify "model"),
 * otherwise each snapshot appends one point per series. A point is left out
 * where a function fell below a snapshot's cut (its value is unknown). */
#pragma once

#include "smolder-session.h"
#include "smolder-series.h"

G_BEGIN_DECLS

typedef enum {
  SMOLDER_FUNCTION_KIND_HEAP,       /* inuse_space, bytes */
  SMOLDER_FUNCTION_KIND_GOROUTINE,  /* goroutines */
} SmolderFunctionKind;

#define SMOLDER_FUNCTION_SERIES_TOP 10
/* SmolderSeries holds at most 32 series: 2 × 10 and 12 pins. */
#define SMOLDER_FUNCTION_SERIES_MAX_PINNED 12

#define SMOLDER_TYPE_FUNCTION_SERIES (smolder_function_series_get_type ())
G_DECLARE_FINAL_TYPE (SmolderFunctionSeries, smolder_function_series, SMOLDER, FUNCTION_SERIES, GObject)

SmolderFunctionSeries *smolder_function_series_new          (void);

/* Takes the heap and goroutine snapshots (others, and one not newer than
 * the last of its kind, are ignored). Borrowed: the session owns them and
 * must outlive @self. */
void           smolder_function_series_add_snapshot (SmolderFunctionSeries     *self,
                                                     const SmolderLiveSnapshot *snapshot);
/* Every snapshot of @session so far (a reopened recording). */
void           smolder_function_series_add_session  (SmolderFunctionSeries     *self,
                                                     SmolderSession            *session);

/* Replaced whenever the set of functions changes. */
SmolderSeries *smolder_function_series_get_model    (SmolderFunctionSeries     *self);
/* The full function name of series @series of the model, and its kind. */
const char    *smolder_function_series_get_function (SmolderFunctionSeries     *self,
                                                     guint                      series,
                                                     SmolderFunctionKind       *kind);
/* The model's series of @name, or SMOLDER_SERIES_NONE. */
guint          smolder_function_series_find         (SmolderFunctionSeries     *self,
                                                     SmolderFunctionKind        kind,
                                                     const char                *name);

/* A pinned function stays in the chart when it leaves the top. FALSE when
 * SMOLDER_FUNCTION_SERIES_MAX_PINNED are pinned already. */
gboolean       smolder_function_series_set_pinned   (SmolderFunctionSeries     *self,
                                                     SmolderFunctionKind        kind,
                                                     const char                *name,
                                                     gboolean                   pinned);
gboolean       smolder_function_series_get_pinned   (SmolderFunctionSeries     *self,
                                                     SmolderFunctionKind        kind,
                                                     const char                *name);

G_END_DECLS
