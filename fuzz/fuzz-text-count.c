/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-text-count.c: smolder_text_count_decode (goroutine/threadcreate ?debug=1), straight from bytes. */
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(SmolderProfile) profile = fuzz_decode_text (data, size, smolder_text_count_decode);

  fuzz_check_profile (profile);
  return 0;
}
