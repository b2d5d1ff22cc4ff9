/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-zh-cn.c: the window under zh_CN.UTF-8 (Xvfb) shows the
 * Simplified Chinese of po/zh_CN.po, found the way the app finds it when
 * run from the build folder. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "smolder-application.h"
#include "smolder-locale.h"
#include "smolder-profile-page.h"
#include "smolder-top-view.h"
#include "smolder-window.h"
#include "ui-test-helpers.h"

#define FIXTURE "leaky-service/heap-gc.pb.gz"
#define LOCALE  "zh_CN.UTF-8"

/* The label below @root whose text is exactly @text, or NULL: the first one
 * that ends with it is (the texts looked for end no other). */
static GtkWidget *
label_with_text (GtkWidget  *root,
                 const char *text)
{
  GtkWidget *label = find_label (root, text);

  if (label != NULL)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
  return label;
}

static gboolean
page_settled (gpointer data)
{
  return !smolder_page_get_loading (SMOLDER_PAGE (data));
}

/* An executable in the build folder reads the catalogues po/ compiled
 * there, as `./build/app/smolder` does. */
static void
test_catalogue (void)
{
  g_autofree char *mo = g_build_filename (SMOLDER_BUILD_LOCALE_DIR, "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  g_assert_cmpstr (smolder_locale_dir (), ==, SMOLDER_BUILD_LOCALE_DIR);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  /* A string from the engine, with its context. */
  g_assert_cmpstr (g_dpgettext2 (NULL, "profile kind", "heap"), ==, "堆");
}

/* What a Chinese reader sees: the empty window's invitation, then a heap
 * profile's tab: its tooltip, the view switcher, the Top table's columns. */
static void
test_window (gconstpointer data)
{
  SmolderApplication *app = SMOLDER_APPLICATION ((gpointer) data);
  static const char *const columns[] = { "自身", "自身 %", "合计 %", "累计", "累计 %", "名称" };
  g_autoptr(GFile) file = data_file (FIXTURE);
  SmolderWindow *window = g_object_ref (smolder_window_new (app));
  SmolderProfilePage *page;
  SmolderProfileView *view;
  GtkWidget *switcher, *column_view;
  GListModel *model;
  const char *detail;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (label_with_text (GTK_WIDGET (window), "打开 Go 性能分析文件"));

  page = smolder_window_open_file (window, file);
  wait_until (page_settled, page);
  g_assert_nonnull (smolder_page_get_profile (SMOLDER_PAGE (page)));
  /* The tooltip's second line: "堆 性能分析 · profile.proto · 1234 个采样". */
  detail = strchr (smolder_page_get_tooltip (SMOLDER_PAGE (page)), '\n');
  g_assert_nonnull (detail);
  g_assert_true (g_str_has_prefix (detail + 1, "堆 性能分析 · "));
  g_assert_true (g_str_has_suffix (detail + 1, " 个采样"));

  view = smolder_profile_page_get_profile_view (page);
  switcher = find_descendant (GTK_WIDGET (view), ADW_TYPE_VIEW_SWITCHER, NULL);
  g_assert_nonnull (switcher);
  g_assert_nonnull (label_with_text (switcher, "火焰图"));
  g_assert_nonnull (label_with_text (switcher, "调用者/被调用者"));
  g_assert_null (label_with_text (switcher, "Flame Graph"));

  column_view = find_descendant (GTK_WIDGET (smolder_profile_view_get_top_view (view)),
                                 GTK_TYPE_COLUMN_VIEW, NULL);
  g_assert_nonnull (column_view);
  model = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (model, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, columns[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (window);
}

/* A machine without zh_CN.UTF-8 (never locale-gen'd) gets one compiled
 * from glibc's definitions into the build folder, once, as
 * check_cli_locale.py does for de_DE; without localedef the test skips. */
static void
provide_locale (void)
{
  g_autofree char *dir = g_build_filename (SMOLDER_TEST_LOCPATH, LOCALE, NULL);
  g_autofree char *numeric = g_build_filename (dir, "LC_NUMERIC", NULL);
  g_autofree char *localedef = NULL;

  if (setlocale (LC_ALL, LOCALE) != NULL)
    {
      setlocale (LC_ALL, "C");
      return;
    }
  localedef = g_find_program_in_path ("localedef");
  if (!g_file_test (numeric, G_FILE_TEST_EXISTS) && localedef != NULL)
    {
      const char *argv[] = { localedef, "-i", "zh_CN", "-f", "UTF-8", dir, NULL };

      g_mkdir_with_parents (SMOLDER_TEST_LOCPATH, 0755);
      /* localedef exits 1 for harmless warnings: the folder is what counts. */
      g_spawn_sync (NULL, (char **) argv, NULL,
                    G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, NULL, NULL);
    }
  if (g_file_test (numeric, G_FILE_TEST_EXISTS))
    g_setenv ("LOCPATH", SMOLDER_TEST_LOCPATH, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(SmolderApplication) app = NULL;
  int status;

  provide_locale ();
  home = ui_test_init_in_locale (&argc, &argv, "smolder-test-zh-cn-XXXXXX", LOCALE, "zh_CN");
  if (home == NULL)
    return 0;
  smolder_locale_init ();

  app = smolder_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/smolder/i18n/zh-cn/catalogue", test_catalogue);
  g_test_add_data_func ("/smolder/i18n/zh-cn/window", app, test_window);

  status = g_test_run ();
  ui_test_cleanup (home);
  return status;
}
