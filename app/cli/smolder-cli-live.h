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

G_END_DECLS
