/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-suspects.h: `smolder-cli suspects`, what grows across snapshots. */
#pragma once

/* @argv[0] is "suspects"; returns the process exit status (2 on bad usage). */
int smolder_cli_suspects (int    argc,
                          char **argv);
