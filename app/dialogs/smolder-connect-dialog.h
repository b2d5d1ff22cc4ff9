/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-connect-dialog.h: "Connect to Service…": an endpoint's URL,
 * credentials and headers (kept in memory only), poll interval and profiles;
 * discovery runs first and its errors are shown here; success opens a live
 * page in the window. */
#pragma once

#include <adwaita.h>

#include "smolder-window.h"

G_BEGIN_DECLS

#define SMOLDER_TYPE_CONNECT_DIALOG (smolder_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SmolderConnectDialog, smolder_connect_dialog, SMOLDER, CONNECT_DIALOG, AdwWindow)

SmolderConnectDialog *smolder_connect_dialog_new     (SmolderWindow        *window);
void                  smolder_connect_dialog_set_url (SmolderConnectDialog *self,
                                                      const char           *url);
/* What the Connect button does. */
void                  smolder_connect_dialog_connect (SmolderConnectDialog *self);
/* The error shown, or NULL. */
const char           *smolder_connect_dialog_get_error (SmolderConnectDialog *self);

/* Adds @uri (without credentials) in front of the recent endpoints. */
void                  smolder_connect_remember_endpoint (GSettings  *settings,
                                                         const char *uri);

G_END_DECLS
