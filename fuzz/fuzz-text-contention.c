/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-text-contention.c: smolder_text_contention_decode (mutex/block ?debug=1), straight from bytes. */
#include "fuzz-common.h"

FUZZ_DEFINE_TEXT_TARGET (smolder_text_contention_decode)
