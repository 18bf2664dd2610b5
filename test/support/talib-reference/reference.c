/* Runs in: a developer shell (generate.sh), never in tests. Prints TA-Lib's own values for the
 * indicators src-main/core/indicators implements, on ta_regtest's 252-bar daily series, as JSON.
 * Outputs are aligned to the input index (null during TA-Lib's lookback) so the test can compare
 * index by index and also check that the warm-up length agrees. */
#include <stdio.h>
#include <stdlib.h>
#include "ta_libc.h"

#define N 252
extern TA_Real TA_SREF_high_daily_ref_0_PRIV[N];
extern TA_Real TA_SREF_low_daily_ref_0_PRIV[N];
extern TA_Real TA_SREF_close_daily_ref_0_PRIV[N];

static void print_series(const char *name, const TA_Real *in, int n, int last) {
  printf("    \"%s\": [", name);
  for (int i = 0; i < n; i++) printf("%s%.15g", i ? "," : "", in[i]);
  printf("]%s\n", last ? "" : ",");
}

/* Aligns out[0..nb) that starts at input index beg into an N-long array of JSON values. */
static void print_aligned(const char *name, const TA_Real *out, int beg, int nb, int last) {
  printf("    \"%s\": [", name);
  for (int i = 0; i < N; i++) {
    if (i) printf(",");
    if (i < beg || i >= beg + nb) printf("null");
    else printf("%.15g", out[i - beg]);
  }
  printf("]%s\n", last ? "" : ",");
}

static void check(TA_RetCode rc, const char *what) {
  if (rc != TA_SUCCESS) { fprintf(stderr, "%s failed: %d\n", what, rc); exit(1); }
}

int main(void) {
  const TA_Real *h = TA_SREF_high_daily_ref_0_PRIV, *l = TA_SREF_low_daily_ref_0_PRIV, *c = TA_SREF_close_daily_ref_0_PRIV;
  TA_Real a[N], b[N], d[N];
  TA_Integer beg, nb;
  check(TA_Initialize(), "TA_Initialize");
  printf("{\n  \"generator\": \"test/support/talib-reference/generate.sh\",\n  \"talib\": \"%s.%s.%s (C source bundled in npm talib@2.0.5)\",\n", TA_GetVersionMajor(), TA_GetVersionMinor(), TA_GetVersionBuild());
  printf("  \"input\": {\n");
  print_series("high", h, N, 0);
  print_series("low", l, N, 0);
  print_series("close", c, N, 1);
  printf("  },\n  \"output\": {\n");
  check(TA_SMA(0, N - 1, c, 10, &beg, &nb, a), "SMA"); print_aligned("sma10", a, beg, nb, 0);
  check(TA_SMA(0, N - 1, c, 30, &beg, &nb, a), "SMA"); print_aligned("sma30", a, beg, nb, 0);
  check(TA_EMA(0, N - 1, c, 10, &beg, &nb, a), "EMA"); print_aligned("ema10", a, beg, nb, 0);
  check(TA_EMA(0, N - 1, c, 30, &beg, &nb, a), "EMA"); print_aligned("ema30", a, beg, nb, 0);
  check(TA_RSI(0, N - 1, c, 14, &beg, &nb, a), "RSI"); print_aligned("rsi14", a, beg, nb, 0);
  check(TA_BBANDS(0, N - 1, c, 20, 2.0, 2.0, TA_MAType_SMA, &beg, &nb, a, b, d), "BBANDS");
  print_aligned("bbands20_upper", a, beg, nb, 0); print_aligned("bbands20_middle", b, beg, nb, 0); print_aligned("bbands20_lower", d, beg, nb, 0);
  check(TA_MACD(0, N - 1, c, 12, 26, 9, &beg, &nb, a, b, d), "MACD");
  print_aligned("macd_line", a, beg, nb, 0); print_aligned("macd_signal", b, beg, nb, 0); print_aligned("macd_histogram", d, beg, nb, 0);
  check(TA_ATR(0, N - 1, h, l, c, 14, &beg, &nb, a), "ATR"); print_aligned("atr14", a, beg, nb, 1);
  printf("  }\n}\n");
  TA_Shutdown();
  return 0;
}
