/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-endpoint.h: a /debug/pprof endpoint as the user typed it, with its
 * credentials kept apart (in memory only) from every form that is shown or saved. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SMOLDER_TYPE_ENDPOINT (smolder_endpoint_get_type ())
G_DECLARE_FINAL_TYPE (SmolderEndpoint, smolder_endpoint, SMOLDER, ENDPOINT, GObject)

/* "host:port" means http://host:port/debug/pprof/; any other path is kept as
 * the base (a trailing '/' added); user:password in the URL becomes an
 * Authorization header and leaves the URL. */
SmolderEndpoint *smolder_endpoint_new_parse       (const char       *text,
                                                   GError          **error);
/* The same with another path for "host:port" and "/" (e.g. "/" for a
 * Prometheus server). */
SmolderEndpoint *smolder_endpoint_new_parse_with_default (const char  *text,
                                                          const char  *default_path,
                                                          GError     **error);

/* scheme://host:port/base/ without credentials: safe to show and to save. */
const char      *smolder_endpoint_get_uri         (SmolderEndpoint  *self);
const char      *smolder_endpoint_get_host        (SmolderEndpoint  *self);
int              smolder_endpoint_get_port        (SmolderEndpoint  *self);
gboolean         smolder_endpoint_is_tls          (SmolderEndpoint  *self);
/* "host-port", for a session folder's name (no ':' '/' or credentials). */
char            *smolder_endpoint_get_folder_name (SmolderEndpoint  *self);
/* The base joined with a relative reference such as "heap?debug=1". */
char            *smolder_endpoint_resolve         (SmolderEndpoint  *self,
                                                   const char       *relative);
/* TRUE if @uri has the same scheme, host and port (redirects stay there). */
gboolean         smolder_endpoint_same_origin     (SmolderEndpoint  *self,
                                                   GUri             *uri);

/* "Name: value"; a header of the same name is replaced. */
gboolean         smolder_endpoint_add_header      (SmolderEndpoint  *self,
                                                   const char       *line,
                                                   GError          **error);
void             smolder_endpoint_set_basic_auth  (SmolderEndpoint  *self,
                                                   const char       *user,
                                                   const char       *password);
gboolean         smolder_endpoint_has_credentials (SmolderEndpoint  *self);
guint            smolder_endpoint_get_n_headers   (SmolderEndpoint  *self);
void             smolder_endpoint_get_header      (SmolderEndpoint  *self,
                                                   guint             index,
                                                   const char      **name,
                                                   const char      **value);

/* A certificate accepted by choice although not trusted: its SHA-256
 * fingerprint ("AB:CD:…", case and separators ignored); NULL to forget. */
void             smolder_endpoint_set_accepted_certificate (SmolderEndpoint *self,
                                                            const char      *sha256);
const char      *smolder_endpoint_get_accepted_certificate (SmolderEndpoint *self);
gboolean         smolder_endpoint_accepts_certificate      (SmolderEndpoint *self,
                                                            GTlsCertificate *certificate);
/* "AB:CD:…", upper case, of the DER bytes. */
char            *smolder_certificate_fingerprint           (GTlsCertificate *certificate);

G_END_DECLS
