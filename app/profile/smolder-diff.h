/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-diff.h: comparing two profiles as `go tool pprof -base` and
 * `-diff_base` do.
 *
 * pprof (internal/driver/fetch.go) labels the base's samples
 * pprof::base=true for -diff_base, scales the new profile to the base's
 * totals for -normalize (Profile.Normalize), scales the base by -1 and
 * merges the two (profile.Merge). The result is an ordinary profile: Top,
 * the call tree and the filters read it as pprof's report does, and
 * SmolderTop splits each node into its base and new parts. */
#pragma once

#include "smolder-profile.h"
#include "smolder-top.h"

G_BEGIN_DECLS

/* The label pprof puts on a -diff_base base's samples. */
#define SMOLDER_DIFF_BASE_LABEL "pprof::base"

typedef enum {
  SMOLDER_DIFF_NONE       = 0,
  SMOLDER_DIFF_LABEL_BASE = 1 << 0, /* -diff_base rather than -base */
  SMOLDER_DIFF_NORMALIZE  = 1 << 1, /* -normalize */
  /* Merge equal samples within each side as profile.Merge does even where
   * no report can tell (for tests; -diff_base skips it when it can). */
  SMOLDER_DIFF_MERGE_ALWAYS = 1 << 2,
} SmolderDiffFlags;

/* @profile minus @base, as pprof combines them. Fails with
 * SMOLDER_PROFILE_ERROR_MISMATCH when their sample types differ. */
SmolderProfile *smolder_profile_diff  (SmolderProfile   *base,
                                       SmolderProfile   *profile,
                                       SmolderDiffFlags  flags,
                                       GError          **error);

/* The same, taking @profile: when nothing else holds it, its samples become
 * the result's rather than being copied (what a command line wants). */
SmolderProfile *smolder_profile_diff_take (SmolderProfile   *base,
                                           SmolderProfile   *profile,
                                           SmolderDiffFlags  flags,
                                           GError          **error);

/* pprof's ScaleN on a copy: every value of sample type i multiplied by
 * @ratios[i] and rounded half away from zero; a sample is kept when one of
 * the values whose ratio is not 1 is non-zero. With @label_key, every sample
 * also gets the string label @label_key=@label_value in place of any it had
 * (SetLabel). */
SmolderProfile *smolder_profile_scale (SmolderProfile   *self,
                                       const double     *ratios,
                                       const char       *label_key,
                                       const char       *label_value);

/* Profile.Normalize's ratios: per sample type, the base's sum of values over
 * @profile's (0 when @profile's sum is 0). @ratios holds one per sample type. */
void            smolder_profile_normalize_ratios (SmolderProfile *base,
                                                  SmolderProfile *profile,
                                                  double         *ratios);

/* Whether some sample may carry pprof::base (a cheap test to skip the
 * per-sample one), and whether sample @sample does (Sample.DiffBaseSample). */
gboolean        smolder_profile_has_diff_base_label  (SmolderProfile *self);
gboolean        smolder_profile_is_diff_base_sample  (SmolderProfile *self,
                                                      guint           sample);

/* A Top row of a diff, in the sample type's unit: base and new are the
 * node's flat values in the base and in the (normalized) new profile. */
typedef enum {
  SMOLDER_DIFF_STATUS_CHANGED,  /* in both (the delta may be 0) */
  SMOLDER_DIFF_STATUS_NEW,      /* only in the new profile */
  SMOLDER_DIFF_STATUS_GONE,     /* only in the base */
} SmolderDiffStatus;

static inline gint64
smolder_diff_row_base (const SmolderTopRow *row)
{
  return (gint64) (0 - (guint64) row->base_flat);
}

static inline gint64
smolder_diff_row_new (const SmolderTopRow *row)
{
  return (gint64) ((guint64) row->flat - (guint64) row->base_flat);
}

/* By cum: a node none of the base's samples reach is new, and so on. */
SmolderDiffStatus smolder_diff_row_status (const SmolderTopRow *row);
const char       *smolder_diff_status_to_string (SmolderDiffStatus status);

G_END_DECLS
