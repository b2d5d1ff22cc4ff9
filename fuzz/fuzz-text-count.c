/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-text-count.c: smolder_text_count_decode (goroutine/threadcreate ?debug=1), straight from bytes. */
#include "fuzz-common.h"

FUZZ_DEFINE_TEXT_TARGET (smolder_text_count_decode)
