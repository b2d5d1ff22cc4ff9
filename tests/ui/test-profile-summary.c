/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-profile-summary.c: the Profile Details popover under Xvfb, opened
 * from its toolbar button, for a CPU profile (against the header of
 * `go tool pprof -top`, Go 1.19.8) and a text heap (against the file's own
 * "# runtime.MemStats" lines). */

#include <stdlib.h>
#include <string.h>

#include "smolder-profile-page.h"
#include "smolder-profile-summary.h"
#include "ui-test-helpers.h"

#define VIEW(page) smolder_profile_page_get_profile_view (page)

static gboolean
page_loaded (gpointer data)
{
  return !smolder_profile_page_get_busy (data) && smolder_page_get_profile (SMOLDER_PAGE (data)) != NULL;
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* The text of the popover, opened as a user does: the toolbar button. */
/* The toolbar's Profile Details button, wherever it sits below @widget. */
static GtkWidget *
find_details_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Profile Details") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_details_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
open_details (const char *fixture)
{
  g_autoptr(GFile) file = data_file (fixture);
  g_autoptr(SmolderProfilePage) page = g_object_ref_sink (smolder_profile_page_new (file));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = NULL;
  GtkPopover *popover;
  char *text;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  smolder_profile_page_load (page);
  wait_until (page_loaded, page);

  button = find_details_button (GTK_WIDGET (page));
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (SMOLDER_IS_PROFILE_SUMMARY (popover));
  wait_until (popover_shown, popover);
  text = g_strdup (smolder_profile_summary_get_text (SMOLDER_PROFILE_SUMMARY (popover)));
  gtk_popover_popdown (popover);
  gtk_window_destroy (GTK_WINDOW (window));
  return text;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("Profile Details lack \"%s\":\n%s", part, text);
}

/* go tool pprof -top cpu-10s.pb.gz: "Duration: 10.14s, Total samples = 800ms
 * ( 7.89%)"; -raw: "Period: 10000000" (nanoseconds, so 100 Hz). */
static void
test_cpu (void)
{
  g_autofree char *text = open_details ("leaky-service/cpu-10s.pb.gz");

  assert_contains (text, "Duration: 10.1 s, total samples = 800 ms (7.9 %)");
  assert_contains (text, "100 Hz sampling rate");
  assert_contains (text, "samples\t80 (80 count)");
  assert_contains (text, "cpu\t800 ms (800000000 nanoseconds), shown by default");
  assert_contains (text, "Format\t");
}

/* A number of the file's "# NAME = N" line. */
static guint64
memstat (const char *contents,
         const char *name)
{
  g_autofree char *key = g_strdup_printf ("\n# %s = ", name);
  const char *p = strstr (contents, key);

  g_assert_nonnull (p);
  return g_ascii_strtoull (p + strlen (key), NULL, 10);
}

static void
test_text_heap (void)
{
  const char *fixture = "leaky-service/series/heap-debug1-00.txt";
  g_autofree char *path = data_path (fixture);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *objects = NULL, *num_gc = NULL, *sys = NULL;
  const char *seed;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  text = open_details (fixture);

  objects = g_strdup_printf ("  HeapObjects\t%" G_GUINT64_FORMAT "\n", memstat (contents, "HeapObjects"));
  num_gc = g_strdup_printf ("  NumGC\t%" G_GUINT64_FORMAT "\n", memstat (contents, "NumGC"));
  sys = g_strdup_printf ("(%" G_GUINT64_FORMAT ")\n", memstat (contents, "Sys"));
  seed = strstr (text, "Memory statistics");
  g_assert_nonnull (seed);
  /* The seed metrics first, in this order, then the rest of the block. */
  {
    g_autofree char *inuse = g_strdup_printf ("(%" G_GUINT64_FORMAT ")\n", memstat (contents, "HeapInuse"));
    const char *a = strstr (seed, "HeapInuse\t"), *b = strstr (seed, objects), *c = strstr (seed, num_gc);
    const char *d = strstr (seed, "Recent GC pauses\t"), *e = strstr (seed, "  Sys\t");

    g_assert_nonnull (a);
    g_assert_nonnull (b);
    g_assert_nonnull (c);
    g_assert_nonnull (d);
    g_assert_nonnull (e);
    g_assert_true (a < b && b < c && c < d && d < e);
    g_assert_true (g_str_has_prefix (strstr (a, "("), inuse));
    g_assert_true (g_str_has_prefix (strstr (e, "("), sys));
  }

  /* Addresses of "@" lines that no "#\t0x…" line names (a "#" line gives
   * the call's address, return address - 1): what Go left out. */
  {
    g_autoptr(GHashTable) all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
    g_autofree char *want = NULL;
    guint n = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      if (!g_str_has_prefix (lines[i], "heap profile:") && strstr (lines[i], " @ ") != NULL)
        {
          g_auto(GStrv) addrs = g_strsplit (strstr (lines[i], " @ ") + 3, " ", -1);

          for (guint j = 0; addrs[j] != NULL; j++)
            if (addrs[j][0] != '\0')
              g_hash_table_add (all, g_strdup (addrs[j]));
        }
    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "#\t0x"))
        {
          guint64 pc = g_ascii_strtoull (lines[i] + 2, NULL, 16);
          g_autofree char *addr = g_strdup_printf ("0x%" G_GINT64_MODIFIER "x", pc);
          g_autofree char *ret = g_strdup_printf ("0x%" G_GINT64_MODIFIER "x", pc + 1);

          g_hash_table_remove (all, addr);
          g_hash_table_remove (all, ret);
        }
    n = g_hash_table_size (all);
    g_assert_cmpuint (n, >, 0);
    want = g_strdup_printf ("Unnamed frames\t%u address%s Go did not print", n, n == 1 ? "" : "es");
    assert_contains (text, want);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = ui_test_init (&argc, &argv, "smolder-test-summary-XXXXXX");
  int status;

  if (home == NULL)
    return 0;

  g_test_add_func ("/smolder/profile-summary/cpu", test_cpu);
  g_test_add_func ("/smolder/profile-summary/text-heap", test_text_heap);

  status = g_test_run ();
  ui_test_cleanup (home);
  return status;
}
