/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-i18n.c: the engine's marked strings reach gettext in Smolder's domain. */

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <libintl.h>

#include "smolder-load.h"
#include "smolder-profile.h"

/* A test of a locale: a catalogue for the made-up language "xx", compiled
 * with msgfmt into a temporary folder and bound to GETTEXT_PACKAGE, as an
 * installed translation would be. Translations are upper-cased English, so
 * that a string shown untranslated is easy to tell. */
static const char catalogue[] =
  "msgid \"\"\n"
  "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\n"
  "msgctxt \"profile kind\"\n"
  "msgid \"heap\"\n"
  "msgstr \"HEAP\"\n"
  "\n"
  "msgctxt \"profile format\"\n"
  "msgid \"goroutine dump (debug=2)\"\n"
  "msgstr \"GOROUTINE DUMP (DEBUG=2)\"\n"
  "\n"
  "msgid \"not a profile: it looks like %s\"\n"
  "msgstr \"NOT A PROFILE: IT LOOKS LIKE %s\"\n"
  "\n"
  "msgid \"an HTML page\"\n"
  "msgstr \"AN HTML PAGE\"\n";

static char *tmpdir;

static gboolean
bind_catalogue (void)
{
  g_autofree char *po = g_build_filename (tmpdir, "xx.po", NULL);
  g_autofree char *dir = g_build_filename (tmpdir, "xx", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { msgfmt, "-o", mo, po, NULL };
  int status = 0;

  if (msgfmt == NULL)
    return FALSE;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (po, catalogue, -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* LANGUAGE is honoured in any locale but "C"; C.UTF-8 needs no generating. */
  g_setenv ("LANGUAGE", "xx", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, tmpdir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

/* The GUI's names are translated, with their context; the CLI's stay English. */
static void
test_kind_and_format (void)
{
  g_assert_cmpstr (smolder_profile_kind_to_display (SMOLDER_PROFILE_KIND_HEAP), ==, "HEAP");
  g_assert_cmpstr (smolder_profile_kind_to_string (SMOLDER_PROFILE_KIND_HEAP), ==, "heap");
  g_assert_cmpstr (smolder_profile_format_to_display (SMOLDER_PROFILE_FORMAT_GOROUTINE_DUMP), ==,
                   "GOROUTINE DUMP (DEBUG=2)");
  g_assert_cmpstr (smolder_profile_format_to_string (SMOLDER_PROFILE_FORMAT_GOROUTINE_DUMP), ==,
                   "goroutine dump (debug=2)");
  /* Not in the catalogue: English. */
  g_assert_cmpstr (smolder_profile_kind_to_display (SMOLDER_PROFILE_KIND_CPU), ==, "cpu");
  g_assert_cmpstr (smolder_profile_format_to_display (SMOLDER_PROFILE_FORMAT_PROTO), ==, "profile.proto");
}

/* An error from a worker's decoder, assembled from two translated strings. */
static void
test_error (void)
{
  static const char html[] = "<!DOCTYPE html><html><body>Not Found</body></html>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, sizeof html - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmolderProfile) profile = smolder_profile_new_from_bytes (bytes, NULL, &error);

  g_assert_null (profile);
  g_assert_error (error, SMOLDER_PROFILE_ERROR, SMOLDER_PROFILE_ERROR_UNRECOGNIZED);
  g_assert_cmpstr (error->message, ==, "NOT A PROFILE: IT LOOKS LIKE AN HTML PAGE");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("smolder-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  if (!bind_catalogue ())
    {
      g_rmdir (tmpdir);
      g_free (tmpdir);
      g_print ("1..0 # SKIP no msgfmt (gettext) to compile a catalogue\n");
      return 0;
    }

  g_test_add_func ("/smolder/i18n/kind-and-format", test_kind_and_format);
  g_test_add_func ("/smolder/i18n/error", test_error);

  ret = g_test_run ();

  {
    g_autofree char *po = g_build_filename (tmpdir, "xx.po", NULL);
    g_autofree char *mo = g_build_filename (tmpdir, "xx", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
    g_autofree char *lc = g_build_filename (tmpdir, "xx", "LC_MESSAGES", NULL);
    g_autofree char *xx = g_build_filename (tmpdir, "xx", NULL);

    g_unlink (mo);
    g_unlink (po);
    g_rmdir (lc);
    g_rmdir (xx);
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  return ret;
}
