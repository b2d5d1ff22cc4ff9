/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flame-fixtures.h: call trees for the painter and widget tests.
 *
 * The hand-built tree (total 1000):
 *
 *   root 1000
 *   ├── main.main 900
 *   │   ├── main.a 600
 *   │   │   └── strings.Repeat 400
 *   │   ├── main.b 299
 *   │   └── main.c 1           (0.5 px at 500 px wide: the culling edge)
 *   └── net/http.serve 100
 *       └── runtime.mallocgc 100
 */
#pragma once

#include "../aggregation-builder.h"
#include "smolder-call-tree.h"

static inline SmolderCallTree *
ff_tree_from_profile (SmolderProfile *profile,
                      gboolean        inverted)
{
  g_autoptr(SmolderQuery) query = smolder_query_new ();
  g_autoptr(GError) error = NULL;
  SmolderCallTree *tree;

  smolder_query_set_inverted (query, inverted);
  tree = smolder_call_tree_new (profile, query, NULL, &error);
  g_assert_no_error (error);
  return tree;
}

static inline SmolderCallTree *
ff_small_tree (void)
{
  g_autoptr(SmolderProfile) p = tb_new ("alloc_space/bytes", NULL);
  guint32 mm = tb_simple (p, "main.main");
  guint32 a = tb_simple (p, "main.a");
  guint32 b = tb_simple (p, "main.b");
  guint32 c = tb_simple (p, "main.c");
  guint32 rep = tb_simple (p, "strings.Repeat");
  guint32 serve = tb_simple (p, "net/http.serve");
  guint32 malloc = tb_simple (p, "runtime.mallocgc");

  tb_sample (p, 400, rep, a, mm, END);
  tb_sample (p, 200, a, mm, END);
  tb_sample (p, 299, b, mm, END);
  tb_sample (p, 1, c, mm, END);
  tb_sample (p, 100, malloc, serve, END);
  tb_seal (p);
  return ff_tree_from_profile (p, FALSE);
}

static inline SmolderCallTree *
ff_fixture_tree (const char *relative)
{
  g_autoptr(SmolderProfile) p = tb_load (relative);

  return ff_tree_from_profile (p, FALSE);
}

/* The node named @name (the first in preorder). */
static inline guint32
ff_node (SmolderCallTree *tree,
         const char      *name)
{
  for (guint n = 0; n < smolder_call_tree_get_n_nodes (tree); n++)
    if (g_str_equal (smolder_call_tree_get_name (tree, n), name))
      return n;
  g_error ("no node named %s", name);
  return SMOLDER_NO_ID;
}
