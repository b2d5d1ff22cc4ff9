/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-page.h: a file's tab, or a bare profile view, in a window of its
 * own, for the tests of what they show: a tab opened until @settled holds, a
 * view until its Top and flame graph are filled; closed with no export
 * running and finalized (nothing leaked). */
#pragma once

#include "smolder-profile-page.h"
#include "smolder-flame-graph.h"
#include "smolder-flame-view.h"
#include "smolder-load.h"
#include "smolder-profile-view.h"
#include "smolder-top-view.h"
#include "ui-test-helpers.h"

static inline gboolean
ui_test_not_exporting (gpointer data)
{
  return !smolder_profile_view_get_exporting (smolder_profile_page_get_profile_view (data));
}

static inline SmolderProfilePage *
ui_test_open_page (const char  *fixture,
                   Condition    settled,
                   GtkWidget  **out_window)
{
  g_autoptr(GFile) file = data_file (fixture);
  SmolderProfilePage *page = g_object_ref_sink (smolder_profile_page_new (file));
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  smolder_profile_page_load (page);
  wait_until (settled, page);
  *out_window = window;
  return page;
}

static inline void
ui_test_close_page (SmolderProfilePage *page,
                    GtkWidget          *window)
{
  wait_until (ui_test_not_exporting, page);
  gtk_window_destroy (GTK_WINDOW (window));
  /* Let late worker results (weak references only) come and go. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (page);
}

static inline gboolean
ui_test_view_settled (gpointer data)
{
  SmolderProfileView *view = data;
  SmolderFlameView *flame = smolder_profile_view_get_flame_view (view);

  return !smolder_profile_view_get_busy (view)
         && smolder_top_view_get_top (smolder_profile_view_get_top_view (view)) != NULL
         && smolder_flame_graph_get_call_tree (smolder_flame_view_get_flame_graph (flame)) != NULL;
}

static inline SmolderProfile *
ui_test_load_fixture (const char *name)
{
  g_autoptr(GFile) file = data_file (name);
  g_autoptr(GError) error = NULL;
  SmolderProfile *profile = smolder_profile_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return profile;
}

/* A view of @fixture in a window of its own of @width × @height. */
static inline SmolderProfileView *
ui_test_open_view (const char  *fixture,
                   int          width,
                   int          height,
                   GtkWidget  **out_window)
{
  g_autoptr(SmolderProfile) profile = ui_test_load_fixture (fixture);
  SmolderProfileView *view = SMOLDER_PROFILE_VIEW (g_object_ref_sink (smolder_profile_view_new ()));
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  smolder_profile_view_set_profile (view, profile);
  wait_until (ui_test_view_settled, view);
  *out_window = window;
  return view;
}

static inline void
ui_test_close_view (SmolderProfileView *view,
                    GtkWidget          *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (view);
}
