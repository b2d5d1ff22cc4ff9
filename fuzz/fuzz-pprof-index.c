/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-pprof-index.c: the /debug/pprof/ index parser and the answer checks on network bytes. */
#include <stdint.h>
#include <string.h>

#include "smolder-pprof-index.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) entries = smolder_pprof_index_parse ((const char *) data, size, NULL);
  g_autoptr(GPtrArray) checked = NULL;
  g_autofree char *what = NULL;

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const SmolderPprofIndexEntry *e = entries->pdata[i];

      /* Names are plain tokens; the href starts with the name. */
      if (e->name[0] == '\0' || strncmp (e->href, e->name, strlen (e->name)) != 0 ||
          smolder_pprof_index_lookup (entries, e->name) == NULL)
        abort ();
    }
  checked = smolder_pprof_index_check (size > 0 ? 100 + data[0] * 2 : 200, "Reason", "text/html",
                                       (const char *) data, size, size % 2, NULL);
  what = smolder_describe_response (200, NULL, NULL, (const char *) data, size);
  if (!g_utf8_validate (what, -1, NULL))
    abort ();
  return 0;
}
