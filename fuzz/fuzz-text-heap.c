/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-text-heap.c: smolder_text_heap_decode (Go's text heap/allocs profile (?debug=1)), straight from bytes. */
#include "fuzz-common.h"

FUZZ_DEFINE_TEXT_TARGET (smolder_text_heap_decode)
