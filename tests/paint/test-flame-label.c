/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-flame-label.c: what a bar too narrow for a Go name shows, with
 * every character one unit wide (the expected texts are worked out by
 * hand from the widths). */

#include "smolder-flame-label.h"

static int
chars (const char *text,
       gpointer    user_data)
{
  return g_utf8_strlen (text, -1);
}

static void
check (const char *name,
       int         avail,
       const char *expected,
       gboolean    expected_fits)
{
  gboolean fits = !expected_fits;
  g_autofree char *shown = smolder_flame_label_fit (name, avail, chars, NULL, &fits);

  g_assert_cmpstr (shown, ==, expected);
  g_assert_cmpint (fits, ==, expected_fits);
}

static void
test_method (void)
{
  const char *name = "crypto/sha256.(*digest).Write";  /* 29 characters */

  check (name, 29, name, TRUE);
  check (name, 28, "sha256.(*digest).Write", TRUE);   /* 22 */
  check (name, 22, "sha256.(*digest).Write", TRUE);
  check (name, 21, "\u2026(*digest).Write", TRUE);    /* 16 */
  check (name, 16, "\u2026(*digest).Write", TRUE);
  check (name, 15, "\u2026Write", TRUE);              /* 6 */
  check (name, 6, "\u2026Write", TRUE);
  /* Not even the method: the painter cuts the short name at its end. */
  check (name, 5, "sha256.(*digest).Write", FALSE);
}

static void
test_functions (void)
{
  /* No directories: the package goes first; closures keep their parent. */
  check ("main.main.func1", 14, "\u2026main.func1", TRUE);
  check ("main.main.func1", 10, "main.main.func1", FALSE);
  check ("net/http.(*conn).serve.func1", 14, "\u2026serve.func1", TRUE);
  /* A value receiver in parentheses too. */
  check ("main.(T).String", 9, "\u2026String", TRUE);
  /* Generic: the package ends before the type parameters. */
  check ("crypto/hmac.New[go.shape.*uint8]", 24, "\u2026New[go.shape.*uint8]", TRUE);
  /* Names without a package are cut, never elided at the front. */
  check ("memmove", 5, "memmove", FALSE);
  check ("runtime", 3, "runtime", FALSE);
}

static void
test_not_go (void)
{
  /* -files granularity: a path, not a package: the last directory and the
   * file, never "…" and a piece of it. */
  check ("/usr/lib/go/src/net/http/server.go", 14, "http/server.go", TRUE);
  check ("/usr/lib/go/src/net/http/server.go", 10, "http/server.go", FALSE);
  check ("", 0, "", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/smolder/flame-label/method", test_method);
  g_test_add_func ("/smolder/flame-label/functions", test_functions);
  g_test_add_func ("/smolder/flame-label/not-go", test_not_go);

  return g_test_run ();
}
