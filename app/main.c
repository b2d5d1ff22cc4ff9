/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the smolder executable. */

#include "config.h"

#include <glib/gi18n.h>

#include "smolder-application.h"
#include "smolder-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SmolderApplication) app = NULL;

  smolder_locale_init ();

  g_set_application_name (_("Smolder"));

  app = smolder_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
