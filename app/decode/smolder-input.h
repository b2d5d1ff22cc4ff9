/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-input.h: the bytes of one input, mapped or in memory, gunzipped. */
#pragma once

#include <gio/gio.h>

#include "smolder-limits.h"
#include "smolder-progress.h"

G_BEGIN_DECLS

typedef struct
{
  const guint8 *data;
  gsize         len;
  gboolean      was_gzipped;
  SmolderProgress *progress;  /* borrowed, may be NULL: decoders report through
                               * smolder_input_release_before() */

  /* private */
  GMappedFile  *mapped;
  GBytes       *bytes;
  gsize         released;
} SmolderInput;

/* Maps @path (no copy) or holds @bytes; gunzips (every member of a
 * concatenated gzip) when the data starts with the gzip magic, stopping with
 * SMOLDER_PROFILE_ERROR_LIMIT past limits->max_decompressed_bytes. */
SmolderInput *smolder_input_new_for_path  (const char *path, const SmolderLimits *limits, GError **error);
SmolderInput *smolder_input_new_for_bytes (GBytes *bytes, const SmolderLimits *limits, GError **error);
void          smolder_input_free          (SmolderInput *input);

/* A streaming decoder calls this as it goes: pages of a mapped file before
 * @offset leave the process's resident set (the page cache keeps them), so a
 * 1.4 GB text profile does not cost 1.4 GB of RSS. Memory input keeps its
 * pages. Either way @offset is reported to input->progress. */
void          smolder_input_release_before (SmolderInput *input, gsize offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmolderInput, smolder_input_free)

/* What the (gunzipped) bytes look like. */
typedef enum {
  SMOLDER_SNIFF_UNKNOWN,
  SMOLDER_SNIFF_PROTO,
  SMOLDER_SNIFF_LEGACY_CPU,
  SMOLDER_SNIFF_TEXT_HEAP,          /* "heap profile: " */
  SMOLDER_SNIFF_TEXT_COUNT,         /* "goroutine profile: total N", "threadcreate profile: total N" */
  SMOLDER_SNIFF_TEXT_CONTENTION,    /* "--- mutex:", "--- contention:" */
  SMOLDER_SNIFF_GOROUTINE_DUMP,     /* "goroutine 1 [running]:" */
  SMOLDER_SNIFF_NOT_A_PROFILE,      /* trace, HTML, 404 body, JSON, empty: see description */
} SmolderSniff;

/* @description (never NULL on return) says in words what the data looks like,
 * for error messages: "a Go execution trace (from /debug/pprof/trace)". */
SmolderSniff smolder_sniff (const guint8 *data, gsize len, char **description);

G_END_DECLS
