/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-error.h: what can go wrong talking to a /debug/pprof endpoint. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SMOLDER_LIVE_ERROR (smolder_live_error_quark ())

typedef enum {
  SMOLDER_LIVE_ERROR_INVALID_URL,    /* what the user typed is not an endpoint */
  SMOLDER_LIVE_ERROR_INVALID_HEADER, /* "Name: value" expected */
  SMOLDER_LIVE_ERROR_UNREACHABLE,    /* refused, no route, DNS, ... */
  SMOLDER_LIVE_ERROR_AUTH_NEEDED,    /* 401 without credentials */
  SMOLDER_LIVE_ERROR_AUTH_REFUSED,   /* 401 with credentials, or 403 */
  SMOLDER_LIVE_ERROR_NOT_PPROF,      /* something answered, but not a pprof index/profile */
  SMOLDER_LIVE_ERROR_HTTP,           /* any other non-2xx status */
  SMOLDER_LIVE_ERROR_TOO_LARGE,      /* body over the cap */
  SMOLDER_LIVE_ERROR_TIMEOUT,        /* the request took longer than allowed */
  SMOLDER_LIVE_ERROR_REDIRECT,       /* too many redirects or one to another origin */
  SMOLDER_LIVE_ERROR_TLS,            /* certificate not trusted (fingerprint in the message) */
  SMOLDER_LIVE_ERROR_TRUNCATED,      /* the connection ended before the body did */
  SMOLDER_LIVE_ERROR_DECODE,         /* the body is not a profile Smolder can read */
  SMOLDER_LIVE_ERROR_SESSION,        /* session folder or session.json unreadable */
} SmolderLiveError;

GQuark smolder_live_error_quark (void);

G_END_DECLS
