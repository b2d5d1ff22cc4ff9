/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-live.h: the live-monitoring commands: record, and info/series
 * on a recorded session folder. */
#pragma once

#include <glib.h>

#include "smolder-session.h"

G_BEGIN_DECLS

int smolder_cli_record       (int argc, char **argv);
int smolder_cli_series       (int argc, char **argv);
/* "info DIR" when DIR is a session folder. */
int smolder_cli_session_info (int argc, char **argv);
/* "series DIR --functions": the top functions' series as tsv. */
int smolder_cli_series_functions (SmolderSession *session);

/* Prometheus-compatible servers: the fleet ranking and one instance's history. */
int smolder_cli_fleet   (int argc, char **argv);
int smolder_cli_history (int argc, char **argv);

/* "5s", "200ms", "1.5m", "2h", "7d", or seconds without a unit; -1 if not. */
gint64 smolder_cli_parse_duration_ms (const char *text);
/* @ms (unix milliseconds, UTC) with g_date_time_format's @format. */
char  *smolder_cli_format_ms         (gint64      ms,
                                      const char *format);

/* The series table of `series` and `history`: unix_ms, heap_inuse,
 * heap_alloc, heap_objects, sys, next_gc, num_gc, goroutines; a negative
 * value is one not recorded (empty in tsv, "-" in text). */
#define SMOLDER_CLI_SERIES_N 7
void   smolder_cli_print_series_header (gboolean     tsv);
void   smolder_cli_print_series_row    (gboolean     tsv,
                                        gint64       time_ms,
                                        const gint64 values[SMOLDER_CLI_SERIES_N]);

G_END_DECLS
