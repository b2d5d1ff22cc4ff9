/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-profile.c: the whole pipeline, as smolder-cli runs it: gunzip, sniff,
 * decode (smolder_profile_new_from_bytes), then the top table of each sample
 * type at two granularities, with and without a filter. */
#include "fuzz-common.h"
#include "smolder-load.h"

#include "smolder-frames.h"
#include "smolder-query.h"
#include "smolder-top.h"

FUZZ_DEFINE_INITIALIZE ()

static void
fuzz_top (SmolderProfile *profile, guint sample_index, SmolderGranularity granularity,
          const char *focus)
{
  g_autoptr(SmolderQuery) query = smolder_query_new ();
  g_autoptr(SmolderTop) top = NULL;
  g_autoptr(GError) error = NULL;
  SmolderFrames *frames;
  gint64 flat_sum = 0;

  smolder_query_set_sample_index (query, sample_index);
  smolder_query_set_granularity (query, granularity);
  if (focus != NULL && !smolder_query_set_focus (query, focus, &error))
    abort ();  /* a constant regex: must compile */

  top = smolder_top_new (profile, query, NULL, &error);
  if (top == NULL)
    return;

  frames = smolder_top_get_frames (top);
  for (guint i = 0; i < smolder_top_get_n_rows (top); i++)
    {
      const SmolderTopRow *row = smolder_top_get_row (top, i);

      if (row->frame >= smolder_frames_get_n_frames (frames))
        fuzz_fail ("top row frame", i);
      if (smolder_frames_get_name (frames, row->frame) == NULL)
        fuzz_fail ("top row name", i);
      flat_sum = (gint64) ((guint64) flat_sum + (guint64) row->flat);  /* wraps, as Go does */
    }
  (void) smolder_top_get_total (top);
  (void) flat_sum;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  guint n_types;

  profile = smolder_profile_new_from_bytes (bytes, fuzz_limits (), &error);
  if (profile == NULL)
    {
      /* Every failure must say why. */
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }
  fuzz_check_profile (profile);

  n_types = MIN (smolder_profile_get_n_sample_types (profile), 4);
  for (guint i = 0; i < n_types; i++)
    {
      fuzz_top (profile, i, SMOLDER_GRANULARITY_FUNCTIONS, NULL);
      fuzz_top (profile, i, SMOLDER_GRANULARITY_LINES, "a|main");
    }
  fuzz_top (profile, SMOLDER_QUERY_DEFAULT_SAMPLE_INDEX, SMOLDER_GRANULARITY_FILES, NULL);
  return 0;
}
