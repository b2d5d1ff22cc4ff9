/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-pprof.c: smolder_pprof_decode (profile.proto, already gunzipped). */
#include "fuzz-common.h"

FUZZ_DEFINE_BYTES_TARGET (smolder_pprof_decode)
