/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ui-test-helpers.h: what the UI tests share: fixtures, running the main
 * loop until a condition holds, finding a widget, and the set-up of a test
 * program under Xvfb (a display or a TAP skip, a home of its own). */
#pragma once

#include <locale.h>
#include <stdio.h>

#include <glib/gstdio.h>
#include <adwaita.h>

static inline char *
data_path (const char *name)
{
  const char *dir = g_getenv ("SMOLDER_TEST_DATA");

  return g_build_filename (dir != NULL ? dir : SMOLDER_TEST_DATA, name, NULL);
}

static inline GFile *
data_file (const char *name)
{
  g_autofree char *path = data_path (name);

  return g_file_new_for_path (path);
}

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; fails after 30 s. */
static inline void
wait_until (Condition condition,
            gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* The first widget of @type below @widget (itself included), depth first;
 * with @text, the first GtkInscription showing it. */
static inline GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (text == NULL
          || g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first GtkLabel below @widget (itself included) whose text ends with
 * @text (a toast's title, a folder). */
static inline GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_has_suffix (gtk_label_get_text (GTK_LABEL (widget)), text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first GtkButton below @widget (itself included) whose label is
 * @label, mnemonic underscore and all. */
static inline GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* g_test_init() and the environment of tests/ui/meson.build (for a run by
 * hand), the locale @lc_all with gettext's LANGUAGE @language whatever the
 * user's, with XDG folders in a new temporary folder, which is returned;
 * NULL (after a TAP skip line) without a display or without that locale:
 * main() then returns 0. Not G_TEST_OPTION_ISOLATE_DIRS: it hides the
 * system's schemas, which libadwaita needs. */
static inline char *
ui_test_init_in_locale (int         *argc,
                        char      ***argv,
                        const char  *home_template,
                        const char  *lc_all,
                        const char  *language)
{
  char *home;

  g_test_init (argc, argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display\n");
      return NULL;
    }
  if (setlocale (LC_ALL, lc_all) == NULL)
    {
      printf ("1..0 # SKIP no %s locale on this machine (locale -a lists those there are)\n", lc_all);
      return NULL;
    }

  /* GTK sets the locale from these in adw_init() below. */
  g_setenv ("LC_ALL", lc_all, TRUE);
  g_setenv ("LANG", lc_all, TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);

  home = g_dir_make_tmp (home_template, NULL);
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);

  adw_init ();
  return home;
}

/* ui_test_init_in_locale() in the C locale: the numbers and words the tests
 * look for are the C locale's ("59.5 MiB", not "59,5 MiB"). */
static inline char *
ui_test_init (int         *argc,
              char      ***argv,
              const char  *home_template)
{
  return ui_test_init_in_locale (argc, argv, home_template, "C.UTF-8", "C");
}

/* Removes what the tests wrote in @home (the recent files list) and @home. */
static inline void
ui_test_cleanup (const char *home)
{
  g_autofree char *recent = g_build_filename (home, "recently-used.xbel", NULL);

  g_unlink (recent);
  g_rmdir (home);
}
