/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "smolder-limits.h"

/* Sized for real files: the compiler's 1.4 GB text heap has ~414k stacks,
 * ~2M distinct locations and stacks a few hundred frames deep. */
static const SmolderLimits default_limits = {
  .max_input_bytes = G_GUINT64_CONSTANT (16) << 30,
  .max_decompressed_bytes = G_GUINT64_CONSTANT (4) << 30,
  .max_strings = 64 * 1000 * 1000,
  .max_samples = 64 * 1000 * 1000,
  .max_locations = 64 * 1000 * 1000,
  .max_functions = 16 * 1000 * 1000,
  .max_stack_depth = 64 * 1024,
  .max_line_bytes = 64 << 20,
};

const SmolderLimits *
smolder_limits_get_default (void)
{
  return &default_limits;
}
