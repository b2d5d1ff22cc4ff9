/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-live-error.c: the live error domain. */
#include "smolder-live-error.h"

G_DEFINE_QUARK (smolder-live-error-quark, smolder_live_error)
