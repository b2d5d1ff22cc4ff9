/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-application.h: the single-instance Smolder application. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SMOLDER_TYPE_APPLICATION (smolder_application_get_type ())
G_DECLARE_FINAL_TYPE (SmolderApplication, smolder_application, SMOLDER, APPLICATION, AdwApplication)

SmolderApplication *smolder_application_new          (void);
/* NULL when the schema is not installed (nothing is then remembered). */
GSettings          *smolder_application_get_settings (SmolderApplication *self);

/* The last-sample-types setting: the sample type (its name, "alloc_space")
 * last chosen for profiles of @kind ("heap"), or NULL. */
char               *smolder_application_dup_sample_type      (SmolderApplication *self,
                                                              const char         *kind);
void                smolder_application_remember_sample_type (SmolderApplication *self,
                                                              const char         *kind,
                                                              const char         *sample_type);

G_END_DECLS
