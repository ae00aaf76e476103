#!/usr/bin/env bash
# Generates the inputs of the performance section of the specification, runs each command
# on a release build, and prints wall time and peak memory next to the cost of merely
# reading the input and writing output of the same size. Needs python3 and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/goals
dir=target/bench
mkdir -p "$dir"

measure() { # label, output file, command...
  local label=$1 out=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" > "$out" 2>/dev/null || true
  read -r secs kb < "$dir/time.txt"
  printf '%-34s %7.2f s %8.1f MB  output %6.1f MB\n' "$label" "$secs" "$(echo "$kb/1024" | bc -l)" "$(echo "$(stat -c %s "$out")/1048576" | bc -l)"
}

baseline() { # label, input, output: read the input and write as many bytes
  local label=$1 in=$2 out=$3 size
  size=$(stat -c %s "$out")
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" sh -c "cat '$in' > /dev/null; head -c $size /dev/zero > '$dir/copy.out'"
  read -r secs kb < "$dir/time.txt"
  printf '%-34s %7.2f s %8.1f MB\n' "$label" "$secs" "$(echo "$kb/1024" | bc -l)"
}

for scale in 1 2; do
  reps=$((5000 * scale)); teams=$((250 * scale)); targets=$((1250 * scale))
  python3 scripts/gen_goals.py "$reps" "$teams" "$targets" > "$dir/plan-$scale.toml"
  echo "== $reps reps, $teams teams, $targets targets ($(du -h "$dir/plan-$scale.toml" | cut -f1))"
  measure "check" "$dir/check-$scale.json" $bin --as-of 2026-12-01 check "$dir/plan-$scale.toml" --format json
  measure "plan --by month --format json" "$dir/month-$scale.json" $bin plan "$dir/plan-$scale.toml" --by month --format json
  baseline "  read input + write same bytes" "$dir/plan-$scale.toml" "$dir/month-$scale.json"
  measure "plan --by week --format json" "$dir/week-$scale.json" $bin plan "$dir/plan-$scale.toml" --by week --format json
  baseline "  read input + write same bytes" "$dir/plan-$scale.toml" "$dir/week-$scale.json"
done

python3 scripts/gen_goals.py 2000 100 9000 > "$dir/check-5mb.toml"
echo "== check of a $(du -h "$dir/check-5mb.toml" | cut -f1) goal file"
measure "check --format json" "$dir/check-5mb.json" $bin --as-of 2026-12-01 check "$dir/check-5mb.toml" --format json
