/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-legacy-cpu.c: smolder_legacy_cpu_decode (the binary CPU profile of Go < 1.9). */
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
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = smolder_legacy_cpu_decode (data, size, fuzz_limits (), &error);

  fuzz_check_profile (profile);
  return 0;
}
