#!/usr/bin/env bash
# Renders the example's report (`goals report` of goals.example.toml with examples/actuals.csv
# and the pipeline examples/exports/pipeline.csv,
# as of 2027-06-30) with headless Chromium at 375 and 1,440 px wide into PNGs, to look at.
#
#   scripts/report-screenshot.sh [OUT_DIR]      (default target/report-screenshot)
#
# Needs Debian's `chromium` (apt-get install -y chromium). Builds the debug binary.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/report-screenshot}
mkdir -p "$out"
command -v chromium > /dev/null || { echo "report-screenshot.sh: needs chromium (apt-get install -y chromium)" >&2; exit 2; }
cargo build --quiet
html=$(realpath "$out")/example.html
target/debug/goals --as-of 2027-06-30 report goals.example.toml --actuals examples/actuals.csv --pipeline examples/exports/pipeline.csv -o "$html" || [[ $? == 1 ]]
shoot() { # width, height, png
  local profile
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --screenshot="$(realpath "$out")/$3" \
    --window-size="$1,$2" "file://$html" 2> /dev/null
  rm -rf "$profile"
  echo "$out/$3 (${1}x$2)"
}
shoot 375 ${HEIGHT_375:-4000} report-375.png
shoot 1440 ${HEIGHT_1440:-2600} report-1440.png
