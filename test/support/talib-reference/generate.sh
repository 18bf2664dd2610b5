#!/bin/sh
# Runs in: a developer shell. Regenerates src-main/core/indicators/fixtures/talib-reference.json.
# TA-Lib is not in Debian and the npm `talib` binding fails to link here (ld: "archive has no
# index"), but that package ships TA-Lib's C source and ta_regtest's test data, so
# we compile the library straight from it with gcc: no install, nothing left in the repo.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent talib@2.0.5 >/dev/null && tar xzf talib-2.0.5.tgz)
lib="$work/package/src/lib"
gcc -O2 -w -I"$lib/include" -I"$lib/src/ta_common" -I"$lib/src/ta_func" \
  "$lib"/src/ta_common/*.c "$lib"/src/ta_func/*.c "$lib/src/tools/ta_regtest/test_data.c" \
  "$here/reference.c" -lm -o "$work/reference"
"$work/reference" > "$repo/src-main/core/indicators/fixtures/talib-reference.json"
echo "wrote src-main/core/indicators/fixtures/talib-reference.json"
