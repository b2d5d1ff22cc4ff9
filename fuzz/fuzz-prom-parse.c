/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-prom-parse.c: a Prometheus-compatible server's answers, which come
 * from the network and may be anything. */
#include <stdint.h>

#include "smolder-prom-parse.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) series = smolder_prom_parse_result ((const char *) data, size, NULL);
  g_autoptr(GPtrArray) targets = smolder_prom_parse_targets ((const char *) data, size, NULL);

  for (guint i = 0; series != NULL && i < series->len; i++)
    {
      const SmolderPromSeries *s = g_ptr_array_index (series, i);

      /* Every point read is there to read. */
      for (guint j = 0; j < s->n; j++)
        if (s->t_ms[j] == G_MININT64 && s->v[j] == 0.5)
          abort ();
    }
  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const SmolderPromTarget *t = g_ptr_array_index (targets, i);

      if (t->instance == NULL || t->job == NULL || t->health == NULL)
        abort ();
    }
  return 0;
}
