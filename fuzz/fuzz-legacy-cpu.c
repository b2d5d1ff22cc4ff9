/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-legacy-cpu.c: smolder_legacy_cpu_decode (the binary CPU profile of Go < 1.9). */
#include "fuzz-common.h"

FUZZ_DEFINE_BYTES_TARGET (smolder_legacy_cpu_decode)
