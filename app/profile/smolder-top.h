/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-top.h: pprof's -top table (flat and cum per frame). Immutable. */
#pragma once

#include "smolder-frames.h"
#include "smolder-query.h"

G_BEGIN_DECLS

typedef struct {
  guint32 frame;  /* id in smolder_top_get_frames() */
  gint64  flat;   /* value where the frame is the leaf */
  gint64  cum;    /* value of samples with the frame anywhere, once per sample */
  /* The parts of flat and cum from samples labelled pprof::base=true (the
   * base of a `-diff_base` diff, scaled by -1); 0 in other profiles. */
  gint64  base_flat;
  gint64  base_cum;
} SmolderTopRow;

#define SMOLDER_TYPE_TOP (smolder_top_get_type ())
G_DECLARE_FINAL_TYPE (SmolderTop, smolder_top, SMOLDER, TOP, GObject)

/* Safe to call from a worker thread. */
SmolderTop          *smolder_top_new             (SmolderProfile *profile,
                                                  SmolderQuery   *query,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
/* The same, reusing a frame table of the query's granularity (may be NULL). */
SmolderTop          *smolder_top_new_for_frames  (SmolderFrames  *frames,
                                                  SmolderQuery   *query,
                                                  GCancellable   *cancellable,
                                                  GError        **error);

SmolderFrames       *smolder_top_get_frames       (SmolderTop *self);
guint                smolder_top_get_sample_index (SmolderTop *self);
/* Rows sorted as pprof -top sorts them: |flat| desc, name, |cum| desc. */
guint                smolder_top_get_n_rows       (SmolderTop *self);
const SmolderTopRow *smolder_top_get_row          (SmolderTop *self, guint index);
/* pprof's report total (computeTotal): the sum of |value| over all samples,
 * before filters; over the pprof::base samples only when that is not 0. */
gint64               smolder_top_get_total        (SmolderTop *self);
/* The sum of values of the samples that passed the filters. */
gint64               smolder_top_get_kept_total   (SmolderTop *self);
/* Filters that matched nothing (pprof's warnings), or NULL. */
const char * const  *smolder_top_get_warnings     (SmolderTop *self);

G_END_DECLS
