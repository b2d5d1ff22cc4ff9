/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-endpoint.c: parsing what the user types into an endpoint. */
#include "smolder-endpoint.h"
#include "smolder-live-error.h"

#include <string.h>

struct _SmolderEndpoint
{
  GObject    parent_instance;

  char      *uri;       /* without credentials, ends with '/' */
  char      *scheme;
  char      *host;
  int        port;      /* explicit or the scheme's default */
  GPtrArray *names;     /* header names and values, in memory only */
  GPtrArray *values;
  char      *accepted_sha256; /* normalised: upper-case hex, no separators */
};

G_DEFINE_FINAL_TYPE (SmolderEndpoint, smolder_endpoint, G_TYPE_OBJECT)

static void
smolder_endpoint_finalize (GObject *object)
{
  SmolderEndpoint *self = SMOLDER_ENDPOINT (object);

  g_free (self->uri);
  g_free (self->scheme);
  g_free (self->host);
  /* The values may hold a password: wipe them before freeing. */
  for (guint i = 0; i < self->values->len; i++)
    {
      char *v = self->values->pdata[i];
      memset (v, 0, strlen (v));
    }
  g_ptr_array_unref (self->names);
  g_ptr_array_unref (self->values);
  g_free (self->accepted_sha256);

  G_OBJECT_CLASS (smolder_endpoint_parent_class)->finalize (object);
}

static void
smolder_endpoint_class_init (SmolderEndpointClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = smolder_endpoint_finalize;
}

static void
smolder_endpoint_init (SmolderEndpoint *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->values = g_ptr_array_new_with_free_func (g_free);
}

SmolderEndpoint *
smolder_endpoint_new_parse (const char  *text,
                            GError     **error)
{
  return smolder_endpoint_new_parse_with_default (text, "/debug/pprof/", error);
}

SmolderEndpoint *
smolder_endpoint_new_parse_with_default (const char  *text,
                                         const char  *default_path,
                                         GError     **error)
{
  g_autoptr(SmolderEndpoint) self = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *full = NULL;
  g_autofree char *path = NULL;
  const char *scheme, *user, *password, *p;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_URL,
                   "no address given (expected host:port or a URL)");
      return NULL;
    }
  full = strstr (trimmed, "://") ? g_strdup (trimmed) : g_strconcat ("http://", trimmed, NULL);

  uri = g_uri_parse (full, G_URI_FLAGS_HAS_PASSWORD, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_URL,
                   "“%s” is not a URL (%s)", trimmed, local_error->message);
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_URL,
                   "“%s”: only http:// and https:// endpoints can be polled", scheme);
      return NULL;
    }
  if (g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_URL,
                   "“%s” names no host", trimmed);
      return NULL;
    }

  self = g_object_new (SMOLDER_TYPE_ENDPOINT, NULL);
  self->scheme = g_ascii_strdown (scheme, -1);
  self->host = g_strdup (g_uri_get_host (uri));
  self->port = g_uri_get_port (uri);
  if (self->port <= 0)
    self->port = g_str_equal (self->scheme, "https") ? 443 : 80;

  /* No path: the default mount point (Go's, for pprof). Any other path is
   * the base itself. */
  p = g_uri_get_path (uri);
  if (p[0] == '\0' || g_str_equal (p, "/"))
    path = g_strdup (default_path);
  else if (!g_str_has_suffix (p, "/"))
    path = g_strconcat (p, "/", NULL);
  else
    path = g_strdup (p);

  self->uri = g_uri_join (G_URI_FLAGS_ENCODED_PATH, self->scheme, NULL, self->host,
                          g_uri_get_port (uri), path, NULL, NULL);

  user = g_uri_get_user (uri);
  password = g_uri_get_password (uri);
  if ((user != NULL && user[0] != '\0') || password != NULL)
    smolder_endpoint_set_basic_auth (self, user ? user : "", password ? password : "");

  return g_steal_pointer (&self);
}

const char *
smolder_endpoint_get_uri (SmolderEndpoint *self)
{
  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), NULL);
  return self->uri;
}

const char *
smolder_endpoint_get_host (SmolderEndpoint *self)
{
  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), NULL);
  return self->host;
}

int
smolder_endpoint_get_port (SmolderEndpoint *self)
{
  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), 0);
  return self->port;
}

gboolean
smolder_endpoint_is_tls (SmolderEndpoint *self)
{
  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), FALSE);
  return g_str_equal (self->scheme, "https");
}

char *
smolder_endpoint_get_folder_name (SmolderEndpoint *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), NULL);

  name = g_strdup_printf ("%s-%d", self->host, self->port);
  /* IPv6 literals and anything odd: keep letters, digits, '.', '-', '_'. */
  for (char *c = name; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '.' && *c != '-' && *c != '_')
      *c = '_';
  return g_steal_pointer (&name);
}

char *
smolder_endpoint_resolve (SmolderEndpoint *self,
                          const char      *relative)
{
  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), NULL);
  return g_uri_resolve_relative (self->uri, relative, G_URI_FLAGS_ENCODED, NULL);
}

gboolean
smolder_endpoint_same_origin (SmolderEndpoint *self,
                              GUri            *uri)
{
  int port;

  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), FALSE);

  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), self->scheme) != 0 ||
      g_uri_get_host (uri) == NULL ||
      g_ascii_strcasecmp (g_uri_get_host (uri), self->host) != 0)
    return FALSE;
  port = g_uri_get_port (uri);
  if (port <= 0)
    port = g_str_equal (self->scheme, "https") ? 443 : 80;
  return port == self->port;
}

static void
set_header (SmolderEndpoint *self,
            const char      *name,
            const char      *value)
{
  for (guint i = 0; i < self->names->len; i++)
    if (g_ascii_strcasecmp (self->names->pdata[i], name) == 0)
      {
        g_ptr_array_remove_index (self->names, i);
        g_ptr_array_remove_index (self->values, i);
        break;
      }
  g_ptr_array_add (self->names, g_strdup (name));
  g_ptr_array_add (self->values, g_strdup (value));
}

gboolean
smolder_endpoint_add_header (SmolderEndpoint  *self,
                             const char       *line,
                             GError          **error)
{
  const char *colon;
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), FALSE);

  colon = strchr (line, ':');
  if (colon == NULL || colon == line)
    {
      /* Never echo the line: it may be a token. */
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_HEADER,
                   "a header must be “Name: value”");
      return FALSE;
    }
  name = g_strstrip (g_strndup (line, colon - line));
  value = g_strstrip (g_strdup (colon + 1));
  for (const char *c = name; *c; c++)
    if (!g_ascii_isalnum (*c) && !strchr ("!#$%&'*+-.^_`|~", *c))
      {
        g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_HEADER,
                     "“%s” is not a header name", name);
        return FALSE;
      }
  if (name[0] == '\0' || strpbrk (value, "\r\n") != NULL)
    {
      g_set_error (error, SMOLDER_LIVE_ERROR, SMOLDER_LIVE_ERROR_INVALID_HEADER,
                   "header “%s”: empty name or a line break in the value", name);
      return FALSE;
    }
  set_header (self, name, value);
  return TRUE;
}

void
smolder_endpoint_set_basic_auth (SmolderEndpoint *self,
                                 const char      *user,
                                 const char      *password)
{
  g_autofree char *pair = NULL;
  g_autofree char *b64 = NULL;
  g_autofree char *value = NULL;

  g_return_if_fail (SMOLDER_IS_ENDPOINT (self));

  pair = g_strconcat (user, ":", password, NULL);
  b64 = g_base64_encode ((const guchar *) pair, strlen (pair));
  value = g_strconcat ("Basic ", b64, NULL);
  set_header (self, "Authorization", value);
  memset (pair, 0, strlen (pair));
}

gboolean
smolder_endpoint_has_credentials (SmolderEndpoint *self)
{
  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), FALSE);

  for (guint i = 0; i < self->names->len; i++)
    if (g_ascii_strcasecmp (self->names->pdata[i], "Authorization") == 0)
      return TRUE;
  return FALSE;
}

guint
smolder_endpoint_get_n_headers (SmolderEndpoint *self)
{
  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), 0);
  return self->names->len;
}

void
smolder_endpoint_get_header (SmolderEndpoint  *self,
                             guint             index,
                             const char      **name,
                             const char      **value)
{
  g_return_if_fail (SMOLDER_IS_ENDPOINT (self));
  g_return_if_fail (index < self->names->len);

  *name = self->names->pdata[index];
  *value = self->values->pdata[index];
}

static char *
normalise_fingerprint (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *c = text; *c; c++)
    if (g_ascii_isxdigit (*c))
      g_string_append_c (s, g_ascii_toupper (*c));
  return g_string_free (s, FALSE);
}

void
smolder_endpoint_set_accepted_certificate (SmolderEndpoint *self,
                                           const char      *sha256)
{
  g_return_if_fail (SMOLDER_IS_ENDPOINT (self));

  g_clear_pointer (&self->accepted_sha256, g_free);
  if (sha256 != NULL)
    self->accepted_sha256 = normalise_fingerprint (sha256);
}

const char *
smolder_endpoint_get_accepted_certificate (SmolderEndpoint *self)
{
  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), NULL);
  return self->accepted_sha256;
}

char *
smolder_certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize len = sizeof digest;
  GString *s = g_string_new (NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der != NULL)
    g_checksum_update (sum, der->data, der->len);
  g_checksum_get_digest (sum, digest, &len);
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (s, "%s%02X", i ? ":" : "", digest[i]);
  return g_string_free (s, FALSE);
}

gboolean
smolder_endpoint_accepts_certificate (SmolderEndpoint *self,
                                      GTlsCertificate *certificate)
{
  g_autofree char *fp = NULL;
  g_autofree char *norm = NULL;

  g_return_val_if_fail (SMOLDER_IS_ENDPOINT (self), FALSE);

  if (self->accepted_sha256 == NULL || certificate == NULL)
    return FALSE;
  fp = smolder_certificate_fingerprint (certificate);
  norm = normalise_fingerprint (fp);
  return g_str_equal (norm, self->accepted_sha256);
}
