/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-memstats-parse.h: reading the "# runtime.MemStats" block. */
#pragma once

#include "smolder-memstats.h"

G_BEGIN_DECLS

/* Parses the block starting at the "# runtime.MemStats" line; unknown
 * "# Name = value" lines are ignored (newer runtimes add fields). */
gboolean smolder_memstats_parse (const char       *text,
                                 gsize             len,
                                 SmolderMemStats  *out,
                                 GError          **error);

G_END_DECLS
