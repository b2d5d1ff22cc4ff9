/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-limits.h: caps on every size that comes from outside. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint64 max_input_bytes;        /* compressed or raw input as read */
  guint64 max_decompressed_bytes; /* after gunzip (a gzip bomb stops here) */
  guint64 max_strings;
  guint64 max_samples;
  guint64 max_locations;
  guint64 max_functions;
  guint64 max_stack_depth;
  guint64 max_line_bytes;         /* one line of a text profile */
} SmolderLimits;

/* High enough for real files (a 1.4 GB text heap with 414k stacks loads). */
const SmolderLimits *smolder_limits_get_default (void);

G_END_DECLS
