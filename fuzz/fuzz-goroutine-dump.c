/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-goroutine-dump.c: smolder_goroutine_dump_decode (goroutine ?debug=2 tracebacks), straight from bytes. */
#include "fuzz-common.h"

FUZZ_DEFINE_TEXT_TARGET (smolder_goroutine_dump_decode)
