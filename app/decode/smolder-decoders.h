/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-decoders.h: one entry point per input format (engine-private).
 * Each returns a sealed profile or NULL with a SMOLDER_PROFILE_ERROR that
 * says what is wrong and where (byte offset or line number). */
#pragma once

#include "smolder-input.h"
#include "smolder-load.h"
#include "smolder-profile-private.h"

G_BEGIN_DECLS

/* profile.proto, already gunzipped. */
SmolderProfile *smolder_pprof_decode (const guint8 *data, gsize len,
                                      const SmolderLimits *limits, GError **error);

/* The binary CPU profile format of Go releases before 1.9. */
SmolderProfile *smolder_legacy_cpu_decode (const guint8 *data, gsize len,
                                           const SmolderLimits *limits, GError **error);

/* Go's text formats. They stream through @input and may release it. */
SmolderProfile *smolder_text_heap_decode       (SmolderInput *input, const SmolderLimits *limits, GError **error);
SmolderProfile *smolder_text_count_decode      (SmolderInput *input, const SmolderLimits *limits, GError **error);
SmolderProfile *smolder_text_contention_decode (SmolderInput *input, const SmolderLimits *limits, GError **error);
SmolderProfile *smolder_goroutine_dump_decode  (SmolderInput *input, const SmolderLimits *limits, GError **error);

G_END_DECLS
