/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-locale.h: the user's locale and where Smolder's translations are. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *smolder_locale_dir  (void);
void        smolder_locale_init (void);

G_END_DECLS
