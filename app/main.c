/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the smolder executable. */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "smolder-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SmolderApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Smolder"));

  app = smolder_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
