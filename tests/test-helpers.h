/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-helpers.h: what the tests of the text decoders share. Define DECODE
 * as the decoder under test before including it:
 *
 *   #define DECODE smolder_text_count_decode
 *   #include "test-helpers.h"
 */
#pragma once

#include <string.h>

#include "smolder-decoders.h"

#ifndef DECODE
#error "define DECODE (the decoder under test) before including test-helpers.h"
#endif

/* @text as the whole input, with the default limits. */
static inline SmolderProfile *
decode_text (const char  *text,
             GError     **error)
{
  SmolderInput input = { 0, };

  input.data = (const guint8 *) text;
  input.len = strlen (text);
  return DECODE (&input, NULL, error);
}

/* A fixture of tests/data/leaky-service, which must decode. */
static inline SmolderProfile *
decode_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (SMOLDER_TEST_DATA, "leaky-service", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderInput) input = smolder_input_new_for_path (path, NULL, &error);
  SmolderProfile *profile;

  g_assert_no_error (error);
  profile = DECODE (input, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
  return profile;
}

/* The function of the frame at @depth (0: the leaf) of @sample's stack, or
 * NULL for a location without lines. */
static inline const char *
sample_function (SmolderProfile *p,
                 guint           sample,
                 guint           depth)
{
  guint n;
  const guint32 *locs = smolder_profile_get_sample_locations (p, sample, &n);
  const SmolderLocation *loc;

  g_assert_cmpuint (depth, <, n);
  loc = smolder_profile_get_location (p, locs[depth]);
  if (loc->n_lines == 0)
    return NULL;
  return smolder_profile_get_string (p, smolder_profile_get_function (p,
           smolder_profile_get_line (p, loc->first_line)->function)->name);
}

/* @text must fail as corrupt, with both fragments (say, the line number and
 * what was expected) in the message. */
static inline void
assert_error (const char *text,
              const char *fragment_1,
              const char *fragment_2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) p = decode_text (text, &error);

  g_assert_null (p);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_CORRUPT);
  if (strstr (error->message, fragment_1) == NULL || strstr (error->message, fragment_2) == NULL)
    g_error ("\"%s\" lacks \"%s\" or \"%s\"", error->message, fragment_1, fragment_2);
}
