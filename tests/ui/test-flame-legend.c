/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-flame-legend.c: the viewer's colour legend (packages, largest
 * first, in the painter's colours; a pick searches), the frames a Go text
 * profile did not print, and the export's title from the window. Package
 * totals are go tool pprof -top's flat values (Go 1.19.8) added up by hand. */

#include <glib/gstdio.h>
#include <string.h>

#include "smolder-flame-paint.h"
#include "smolder-profile-page.h"
#include "ui-test-page.h"

#define VIEW(page) smolder_profile_page_get_profile_view (page)

static gboolean
page_settled (gpointer data)
{
  SmolderProfilePage *page = data;

  return !smolder_profile_page_get_busy (page)
         && smolder_page_get_profile (SMOLDER_PAGE (page)) != NULL
         && smolder_flame_view_get_call_tree (smolder_profile_view_get_flame_view (VIEW (page))) != NULL;
}

/* The colour of the pixel at the middle of @node's bar, painted by the
 * flame painter itself into an image. */
static void
painted_color (SmolderCallTree *tree,
               guint32          node,
               guint8          *rgb)
{
  SmolderFlameLayoutParams params = { .width = 1200, .height = 0 };
  g_autoptr(SmolderFlameLayout) layout = smolder_flame_layout_new (tree, 0, &params);
  const SmolderFlameRect *r = smolder_flame_layout_lookup (layout, node);
  double h = smolder_flame_layout_get_content_height (layout);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, (int) h + 1);
  cairo_t *cr = cairo_create (surface);
  SmolderFlamePaintOptions options;
  guint32 pixel;
  int x, y;

  g_assert_nonnull (r);
  smolder_flame_paint_options_init (&options);
  options.draw_labels = FALSE;
  smolder_flame_paint (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  x = (int) (r->x + r->width / 2);
  y = (int) (smolder_flame_layout_get_row_y (layout, r->row) + smolder_flame_layout_get_params (layout)->row_height / 2);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + 4 * x);
  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
  cairo_surface_destroy (surface);
}

static void
test_legend (void)
{
  GtkWidget *window;
  SmolderProfilePage *page = ui_test_open_page ("leaky-service/series/heap-02.pb.gz", page_settled, &window);
  SmolderFlameView *flame = smolder_profile_view_get_flame_view (VIEW (page));
  SmolderFlameLegend *legend = smolder_flame_view_get_legend (flame);
  SmolderCallTree *tree = smolder_flame_view_get_call_tree (flame);
  GPtrArray *packages;
  /* pprof -top -unit=B, flat by package: main.registerSession 7893061 +
   * main.cacheMetadata 5254408; runtime.malg 1048992 +
   * runtime.(*scavengerState).init 524328; regexp.(*bitState).reset 540842. */
  const struct { const char *name; gint64 self; } expected[] = {
    { "main", 13147469 }, { "runtime", 1573320 }, { "regexp", 540842 },
  };
  GtkListBoxRow *row;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (legend)));
  g_assert_true (smolder_flame_legend_get_call_tree (legend) == tree);
  packages = smolder_flame_legend_get_packages (legend);
  g_assert_nonnull (packages);
  g_assert_cmpuint (packages->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SmolderFlamePackage *p = packages->pdata[i];
      guint8 rgb[3];
      guint32 node = SMOLDER_NO_ID;

      g_assert_cmpstr (p->name, ==, expected[i].name);
      g_assert_cmpint (p->self, ==, expected[i].self);
      /* A bar of the package, as painted, has the legend's colour. */
      for (guint n = 1; n < smolder_call_tree_get_n_nodes (tree) && node == SMOLDER_NO_ID; n++)
        if (g_str_has_prefix (smolder_call_tree_get_name (tree, n), p->name)
            && smolder_call_tree_get_name (tree, n)[strlen (p->name)] == '.')
          node = n;
      g_assert_cmpuint (node, !=, SMOLDER_NO_ID);
      painted_color (tree, node, rgb);
      g_assert_cmpint (ABS (rgb[0] - (int) (p->color.fill.red * 255 + 0.5)), <=, 1);
      g_assert_cmpint (ABS (rgb[1] - (int) (p->color.fill.green * 255 + 0.5)), <=, 1);
      g_assert_cmpint (ABS (rgb[2] - (int) (p->color.fill.blue * 255 + 0.5)), <=, 1);
    }

  /* The popover lists them; picking "runtime" searches its frames. */
  gtk_menu_button_popup (smolder_flame_legend_get_button (legend));
  row = gtk_list_box_get_row_at_index (smolder_flame_legend_get_list (legend), 1);
  g_assert_nonnull (row);
  g_assert_nonnull (find_label (GTK_WIDGET (row), "runtime"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "10.3%"));
  g_signal_emit_by_name (smolder_flame_legend_get_list (legend), "row-activated", row);
  wait_until (page_settled, page);
  g_assert_nonnull (smolder_flame_graph_get_search (smolder_flame_view_get_flame_graph (flame)));
  /* runtime.malg's chain and the scavenger: runtime.systemstack,
   * runtime.newproc.func1, runtime.newproc1, runtime.malg, runtime.bgscavenge,
   * runtime.(*scavengerState).init (go tool pprof -traces). */
  g_assert_cmpuint (smolder_flame_view_get_n_matches (flame), >=, 4);
  for (guint n = 1; n < smolder_call_tree_get_n_nodes (tree); n++)
    g_assert_cmpint (smolder_flame_search_matches (smolder_flame_graph_get_search (smolder_flame_view_get_flame_graph (flame)), n),
                     ==, g_str_has_prefix (smolder_call_tree_get_name (tree, n), "runtime."));

  ui_test_close_page (page, window);
}

static void
test_unprinted_frames (void)
{
  GtkWidget *window;
  SmolderProfilePage *page = ui_test_open_page ("leaky-service/series/heap-debug1-01.txt", page_settled, &window);
  SmolderFlameView *flame = smolder_profile_view_get_flame_view (VIEW (page));
  SmolderCallTree *tree = smolder_flame_view_get_call_tree (flame);
  guint32 node = smolder_call_tree_get_first_child (tree, 0);
  g_autofree char *tip = NULL;

  /* Go printed no "#" line for runtime.goexit, under every stack. */
  g_assert_cmpstr (smolder_call_tree_get_name (tree, node), ==, "<unknown>");
  tip = smolder_flame_graph_describe_node (smolder_flame_view_get_flame_graph (flame), node);
  g_assert_true (g_str_has_prefix (tip, "(frames not printed by Go)\n"));
  g_assert_nonnull (strstr (tip, "leaves out the runtime frames"));
  g_assert_nonnull (strstr (tip, "“<unknown>”"));
  ui_test_close_page (page, window);
}

static void
test_export_title (void)
{
  GtkWidget *window;
  SmolderProfilePage *page = ui_test_open_page ("leaky-service/series/heap-02.pb.gz", page_settled, &window);
  g_autofree char *dir = g_dir_make_tmp ("smolder-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "flame.svg", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (smolder_filter_stack_add (smolder_profile_view_get_filters (VIEW (page)),
                                           SMOLDER_FILTER_FOCUS, "^main\\.", NULL, &error));
  wait_until (page_settled, page);
  smolder_profile_view_set_search_text (VIEW (page), "Session");
  wait_until (page_settled, page);
  smolder_profile_view_export (VIEW (page), out);
  wait_until (ui_test_not_exporting, page);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<title>heap-02.pb.gz · inuse_space · 13.1 MiB total · "
                                      "focus=^main\\. · search: Session</title>"));
  g_assert_nonnull (strstr (contents, ">main.registerSession</text>"));
  g_unlink (path);
  g_rmdir (dir);
  ui_test_close_page (page, window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = ui_test_init (&argc, &argv, "smolder-test-legend-XXXXXX");
  int status;

  if (home == NULL)
    return 0;

  g_test_add_func ("/smolder/flame-legend/packages", test_legend);
  g_test_add_func ("/smolder/flame-legend/unprinted-frames", test_unprinted_frames);
  g_test_add_func ("/smolder/flame-legend/export-title", test_export_title);

  status = g_test_run ();
  ui_test_cleanup (home);
  return status;
}
