/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-units.h: values in human units, for the CLI and the UI. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "512 B", "1.50 KiB", "12.3 MiB", "4.00 GiB" (powers of 1024). */
char *smolder_units_format_bytes    (gint64 bytes);
/* "950 ns", "1.50 µs", "12.3 ms", "2.00 s", "1.50 min", "2.00 h". */
char *smolder_units_format_duration (gint64 nanoseconds);
/* "1234", "12.3k", "1.23M", "4.00G". */
char *smolder_units_format_count    (gint64 count);
/* By a pprof unit name: "bytes", "nanoseconds" (also microseconds,
 * milliseconds, seconds), anything else as a count. */
char *smolder_units_format          (gint64 value, const char *unit);
/* "12.5%", "0.03%", "100%"; "-" when @total is 0. */
char *smolder_units_format_percent  (gint64 value, gint64 total);

G_END_DECLS
