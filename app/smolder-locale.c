/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-locale.c: the user's locale and Smolder's gettext domain, bound
 * to the installed catalogues or, for an executable in the build folder
 * (make run, the tests), to the ones po/ compiled there. */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gi18n.h>

#include "smolder-locale.h"

/* Whether this process's executable lies inside the build folder. Linux's
 * /proc tells; elsewhere the answer is no, and the installed catalogues
 * are used. Both paths are resolved, in case the build folder is reached
 * through a symbolic link. */
static gboolean
smolder_locale_running_uninstalled (void)
{
#ifdef SMOLDER_BUILD_ROOT
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *root = realpath (SMOLDER_BUILD_ROOT, NULL);
  g_autofree char *prefix = NULL;

  if (exe == NULL || root == NULL)
    return FALSE;
  prefix = g_strconcat (root, G_DIR_SEPARATOR_S, NULL);
  return g_str_has_prefix (exe, prefix);
#else
  return FALSE;
#endif
}

/* The folder holding <lang>/LC_MESSAGES/smolder.mo for this executable. */
const char *
smolder_locale_dir (void)
{
#ifdef SMOLDER_BUILD_LOCALE_DIR
  if (smolder_locale_running_uninstalled ())
    return SMOLDER_BUILD_LOCALE_DIR;
#endif
  return LOCALEDIR;
}

/* The locale from the environment, and Smolder's domain as the default one,
 * in UTF-8 whatever the locale's charset (GTK wants UTF-8). */
void
smolder_locale_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, smolder_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
