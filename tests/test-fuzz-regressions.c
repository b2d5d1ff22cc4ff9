/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inputs the fuzzers once crashed on (tests/data/fuzz-regressions/): each
 * must now give a profile or a clear error, and the profile must aggregate.
 * Run under ASan+UBSan by `make asan`, which is where a regression shows. */
#include <string.h>

#include "smolder-call-tree.h"
#include "smolder-load.h"
#include "smolder-top.h"

static void
test_regression (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autofree guint8 *exact = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  /* An exact-size heap copy, so ASan sees any read past the end. */
  exact = g_memdup2 (contents, len);
  bytes = g_bytes_new_static (exact, len);

  profile = smolder_profile_new_from_bytes (bytes, NULL, &error);
  /* Inputs that ask for more than the limits allow must say so, quickly and
   * without taking the memory first. */
  if (strstr (path, "-limit-") != NULL)
    {
      g_assert_null (profile);
      g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_LIMIT);
      return;
    }
  if (profile == NULL)
    {
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      return;
    }

  for (SmolderGranularity g = SMOLDER_GRANULARITY_FUNCTIONS; g <= SMOLDER_GRANULARITY_ADDRESSES; g++)
    {
      g_autoptr(SmolderQuery) query = smolder_query_new ();
      g_autoptr(SmolderTop) top = NULL;
      g_autoptr(SmolderCallTree) tree = NULL;

      smolder_query_set_granularity (query, g);
      top = smolder_top_new (profile, query, NULL, &error);
      g_assert_no_error (error);
      tree = smolder_call_tree_new (profile, query, NULL, &error);
      g_assert_no_error (error);
      /* The tree's root holds the same sum as the top's kept samples. */
      g_assert_cmpint (smolder_call_tree_get_total (tree, 0), ==, smolder_top_get_kept_total (top));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir_path = g_build_filename (SMOLDER_TEST_DATA, "fuzz-regressions", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/smolder/fuzz-regressions/%s", (char *) names->pdata[i]);
      char *file = g_build_filename (dir_path, names->pdata[i], NULL);

      g_test_add_data_func_full (test_path, file, test_regression, g_free);
    }
  return g_test_run ();
}
