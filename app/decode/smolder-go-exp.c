/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-go-exp.c: Go's math.Exp, bit for bit, so that the text heap's
 * un-sampling (pprof's scaleHeapSample) gives pprof's very integers. */
#include "smolder-go-exp.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__)

/* A transcription of Go 1.19's src/math/exp_amd64.s (from Shibata's
 * SLEEF): Go picks the FMA path when the CPU has AVX and FMA, and so do we.
 * Every step is one rounded double operation, as in the assembly. */

static const double exp_c[] = {
  0.5, 1.0, 2.0,
  1.6666666666666666667e-1,
  4.1666666666666666667e-2,
  8.3333333333333333333e-3,
  1.3888888888888888889e-3,
  1.9841269841269841270e-4,
  2.4801587301587301587e-5,
};

#define EXP_LOG2E 1.4426950408889634073599246810018920
#define EXP_LN2U  0.69314718055966295651160180568695068359375
#define EXP_LN2L  0.28235290563031577122588448175013436025525412068e-12
#define EXP_OVERFLOW 7.09782712893384e+02

static gboolean
have_fma (void)
{
  static int cached = -1;

  if (cached < 0)
    {
      __builtin_cpu_init ();
      cached = __builtin_cpu_supports ("avx") && __builtin_cpu_supports ("fma");
    }
  return cached;
}

static double
bits_to_double (guint64 bits)
{
  double d;

  memcpy (&d, &bits, sizeof d);
  return d;
}

#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
__attribute__ ((optimize ("fp-contract=off")))
#endif
double
smolder_go_exp (double x)
{
  volatile double v;  /* keeps each product rounded on its own */
  double e, t, r;
  gint32 k;
  gint64 biased;

  if (isnan (x) || isinf (x))
    return isinf (x) && x < 0 ? 0.0 : x;
  if (x > EXP_OVERFLOW)
    return INFINITY;

  /* CVTSD2SL: round to nearest; out of range gives INT32_MIN. */
  t = EXP_LOG2E * x;
  if (t >= 2147483647.5 || t < -2147483648.5)
    k = G_MININT32;
  else
    k = (gint32) nearbyint (t);
  e = (double) k;

  if (have_fma ())
    {
      x = fma (-e, EXP_LN2U, x);
      x = fma (-e, EXP_LN2L, x);
      x = x * 0.0625;
      r = exp_c[8];
      r = fma (r, x, exp_c[7]);
      r = fma (r, x, exp_c[6]);
      r = fma (r, x, exp_c[5]);
      r = fma (r, x, exp_c[4]);
      r = fma (r, x, exp_c[3]);
      r = fma (r, x, exp_c[0]);
      r = fma (r, x, exp_c[1]);
      x = x * r;
      for (int i = 0; i < 3; i++)
        {
          r = x + exp_c[2];
          x = x * r;
        }
      r = x + exp_c[2];
      x = fma (x, r, exp_c[1]);
    }
  else
    {
      v = EXP_LN2U * e;
      x = x - v;
      v = EXP_LN2L * e;
      x = x - v;
      x = x * 0.0625;
      r = exp_c[8];
      v = r * x; r = v + exp_c[7];
      v = r * x; r = v + exp_c[6];
      v = r * x; r = v + exp_c[5];
      v = r * x; r = v + exp_c[4];
      v = r * x; r = v + exp_c[3];
      v = r * x; r = v + exp_c[0];
      v = r * x; r = v + exp_c[1];
      x = x * r;
      for (int i = 0; i < 4; i++)
        {
          r = exp_c[2] + x;
          v = x * r;
          x = v;
        }
      x = x + exp_c[1];
    }

  biased = (gint64) k + 0x3FF;
  if (biased <= 0)
    {
      if (biased < -52)
        return 0.0;
      x = x * bits_to_double ((guint64) (biased + 0x3FE) << 52);
      return x * bits_to_double ((guint64) 1 << 52);
    }
  if (biased >= 0x7FF)
    return INFINITY;
  return x * bits_to_double ((guint64) biased << 52);
}

#else

double
smolder_go_exp (double x)
{
  return exp (x);
}

#endif
