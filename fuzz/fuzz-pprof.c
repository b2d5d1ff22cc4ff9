/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-pprof.c: smolder_pprof_decode (profile.proto, already gunzipped). */
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
  g_autoptr(SmolderProfile) profile = smolder_pprof_decode (data, size, fuzz_limits (), &error);

  fuzz_check_profile (profile);
  return 0;
}
