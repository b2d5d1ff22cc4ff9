/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-goroutine-dump.c: smolder_goroutine_dump_decode (goroutine ?debug=2 tracebacks), straight from bytes. */
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
  g_autoptr(SmolderProfile) profile = fuzz_decode_text (data, size, smolder_goroutine_dump_decode);

  fuzz_check_profile (profile);
  return 0;
}
