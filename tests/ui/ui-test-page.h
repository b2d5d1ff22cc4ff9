/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-page.h: a file's tab in a window of its own, for the tests of
 * what a profile page shows: opened until @settled holds, closed with no
 * export running and the page finalized (nothing leaked). */
#pragma once

#include "smolder-profile-page.h"
#include "smolder-profile-view.h"
#include "ui-test-helpers.h"

static gboolean
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
