/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-go-exp.h: Go's math.Exp (amd64, with and without FMA). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double smolder_go_exp (double x);

G_END_DECLS
