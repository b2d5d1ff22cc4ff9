/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cli-export.h: `smolder-cli export`, a flame graph to SVG/PNG/PDF. */
#pragma once

/* @argv[0] is "export"; returns the process exit status (2 on bad usage). */
int smolder_cli_export (int    argc,
                        char **argv);
