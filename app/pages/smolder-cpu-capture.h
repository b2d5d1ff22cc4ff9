/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-cpu-capture.h: the live page's "Capture CPU Profile…": a seconds
 * field (default 30), then a progress bar over those seconds with Cancel
 * while /debug/pprof/profile?seconds=N runs (polling goes on). The result
 * joins the session as cpu-NNNN.pb.gz and opens in a new tab. */
#pragma once

#include <adwaita.h>

#include "smolder-poller.h"

G_BEGIN_DECLS

#define SMOLDER_CPU_CAPTURE_DEFAULT_SECONDS 30

#define SMOLDER_TYPE_CPU_CAPTURE (smolder_cpu_capture_get_type ())
G_DECLARE_FINAL_TYPE (SmolderCpuCapture, smolder_cpu_capture, SMOLDER, CPU_CAPTURE, GtkBox)

GtkWidget *smolder_cpu_capture_new          (void);
void       smolder_cpu_capture_set_poller   (SmolderCpuCapture *self,
                                             SmolderPoller     *poller);
/* What the popover's Capture button does (@seconds: 1 to 3600). */
void       smolder_cpu_capture_start        (SmolderCpuCapture *self,
                                             guint              seconds);
void       smolder_cpu_capture_cancel       (SmolderCpuCapture *self);
gboolean   smolder_cpu_capture_get_busy     (SmolderCpuCapture *self);
/* The progress shown, 0 to 1. */
double     smolder_cpu_capture_get_fraction (SmolderCpuCapture *self);

G_END_DECLS
