/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-session-index.c: reading session.json, which comes from disk and may be anything. */
#include <stdint.h>
#include <string.h>

#include "smolder-session.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SmolderSession) session = smolder_session_new_from_index_data (NULL, (const char *) data, size, NULL);

  if (session == NULL)
    return 0;
  for (guint i = 0; i < smolder_session_get_n_snapshots (session); i++)
    {
      const SmolderLiveSnapshot *s = smolder_session_get_snapshot (session, i);

      /* A file name from the index never leaves the session folder. */
      for (guint j = 0; j < s->files->len; j++)
        {
          const char *name = ((SmolderLiveFile *) s->files->pdata[j])->name;

          if (strchr (name, '/') != NULL || name[0] == '.' || name[0] == '\0')
            abort ();
        }
      if (s->summary.n_pauses > SMOLDER_LIVE_MAX_PAUSES)
        abort ();
    }
  return 0;
}
