#!/usr/bin/env bash
# The benchmark of the specification's performance section (§9). Generates its inputs under
# target/bench/, runs `check`, `plan --by month`, `plan --by week`, `funnel`, `track` and `report` on a
# release build, and prints wall time and peak memory (GNU time "%e %M") for each next to
# the cost of merely reading the input and writing output of the same size. Every command
# runs at scale 1 and scale 2 (twice the input) and the ratio of the two is printed.
#
#   scripts/bench.sh [check] [plan] [funnel] [track] [diff] [capacity] [baseline] [report]
#                                                                        (default: all)
#
# Scale 2 is the specification's size for check and plan (5 MB goal file; 10,000 reps each
# owning a goal; 10,000 reps in 500 teams with 2,500 targets) and scale 1 is half of it; for track scale 1 is the
# specification's 1,000,000 rows and scale 2 is 2,000,000. capacity runs on the plan's
# organisation with a `capacity` on its count and money metrics; baseline reads a year of
# 1,000,000 rows (scale 2: 2,000,000) for 10,000 reps as the history of a 2028 plan; for
# report scale 1 is 10,000 reps (500 teams, 1,000 targets) with 1,000,000 rows and scale 2
# twice both. Data is deterministic.
# For track it also prints the floor of splitting the CSV with the csv crate alone (and track's
# time over it) and, when python3 can import duckdb, DuckDB's time for the same aggregation on
# one and two threads; then track over 1,000 rows for 5,000 reps (scale 2: 10,000, the
# specification's size). Times are wall clock to the millisecond.
# Needs python3, awk and GNU time at /usr/bin/time. Not part of CI. About 2-3 minutes on two
# cores, plus the release build.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v python3 > /dev/null || missing+=("python3 (generates the data)")
command -v awk > /dev/null || missing+=("awk (arithmetic)")
if [[ ! -x /usr/bin/time ]] || ! /usr/bin/time --version > /dev/null 2>&1; then
  missing+=("GNU time at /usr/bin/time (wall time and peak memory; apt-get install time)")
fi
if ((${#missing[@]})); then
  printf 'bench.sh: missing %s\n' "${missing[@]}" >&2
  exit 2
fi

what=("$@")
((${#what[@]})) || what=(check plan funnel track diff capacity baseline report)
for w in "${what[@]}"; do
  case $w in check | plan | funnel | track | diff | capacity | baseline | report) ;; *)
    echo "bench.sh: unknown part '$w' (check, plan, funnel, track, diff, capacity, baseline, report)" >&2
    exit 2
    ;;
  esac
done
wants() { [[ " ${what[*]} " == *" $1 "* ]]; }

echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock || echo ' (src modified)')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load:$(uptime | sed 's/.*load average://')"

echo "building (release, and the toml_parse bench)..."
cargo build --release --quiet
bin=target/release/goals
toml_parse=$(cargo bench --bench toml_parse --no-run --message-format=json 2> /dev/null |
  python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "toml_parse" and m.get("executable"):
        print(m["executable"])')
[[ -x $toml_parse ]] || { echo "bench.sh: could not build benches/toml_parse.rs" >&2; exit 2; }
csv_parse=$(cargo bench --bench csv_parse --no-run --message-format=json 2> /dev/null |
  python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "csv_parse" and m.get("executable"):
        print(m["executable"])')
[[ -x $csv_parse ]] || { echo "bench.sh: could not build benches/csv_parse.rs" >&2; exit 2; }
# DuckDB, when python3 can import it, is the reference for track (SPEC.md section 9).
duckdb=0
python3 -c 'import duckdb' 2> /dev/null && duckdb=1
dir=target/bench
mkdir -p "$dir"

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
declare -A secs_of kb_of

# Runs a command with stdout to a file; records wall time, peak memory and output size under
# a key. Exit 1 is allowed (findings); anything else means the figure would be meaningless.
# Wall time to the millisecond (GNU time's own has two decimals) of a command, and its peak
# memory from GNU time: `timed OUT ERR command...` sets `secs`, `kb` and `rc`.
timed() {
  local out=$1 err=$2 started ended
  shift 2
  rc=0
  # The last run's output is removed first: truncating a large file would be timed too.
  [[ $out == /dev/null ]] || rm -f "$out"
  started=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$dir/time.txt" "$@" > "$out" 2> "$err" || rc=$?
  ended=$(date +%s%N)
  secs=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  kb=$(tail -n 1 "$dir/time.txt")
}

# A command that takes under a second is run three times and its median time kept: on a shared
# machine one short run can be a third off either way.
measure() { # key, label, output file, command...
  local key=$1 label=$2 out=$3 secs kb rc runs
  shift 3
  timed "$out" "$out.stderr" "$@"
  if ((rc > 1)); then
    echo "bench.sh: '$*' exited with $rc:" >&2
    tail -n 5 "$out.stderr" >&2
    exit 1
  fi
  if awk -v s="$secs" 'BEGIN { exit !(s < 1) }'; then
    runs=$secs
    timed "$out" "$out.stderr" "$@"
    runs="$runs $secs"
    timed "$out" "$out.stderr" "$@"
    secs=$(echo "$runs $secs" | tr ' ' '\n' | sort -n | sed -n 2p)
  fi
  secs_of[$key]=$secs kb_of[$key]=$kb
  printf '  %-30s %7.3f s %8.1f MB   output %7.1f MB   exit %d\n' "$label" "$secs" "$(mb $((kb * 1024)))" "$(mb "$(stat -c %s "$out")")" "$rc"
}

# The floor: read the inputs and write as many bytes as the command wrote.
baseline() { # output file whose size to write, input files...
  local out=$1 size secs kb rc
  shift
  size=$(stat -c %s "$out")
  timed /dev/null /dev/null sh -c 'size=$1; shift; cat "$@" > /dev/null; head -c "$size" /dev/zero > "'"$dir"'/floor.out"' sh "$size" "$@"
  rm -f "$dir/floor.out"
  printf '  %-30s %7.3f s %8.1f MB\n' "floor: read input, write same" "$secs" "$(mb $((kb * 1024)))"
}

# The floor of check: read the file and parse it with the toml crate alone.
toml_floor() { # goal file
  local secs kb rc
  timed /dev/null /dev/null "$toml_parse" "$1"
  printf '  %-30s %7.3f s %8.1f MB\n' "floor: read + toml parse" "$secs" "$(mb $((kb * 1024)))"
}

# The floor of track: read the CSV and split it into records with the csv crate alone.
csv_floor() { # actuals CSV
  local secs kb rc
  timed /dev/null /dev/null "$csv_parse" "$1"
  csv_secs=$secs
  printf '  %-30s %7.3f s %8.1f MB\n' "floor: read + csv crate parse" "$secs" "$(mb $((kb * 1024)))"
  awk -v t="${secs_of[track:$scale]}" -v f="$secs" 'BEGIN { printf "  %-30s %7.1f x\n", "track / csv crate parse", t / f }'
}

ratios() { # keys...
  echo "== scale 2 / scale 1"
  local k
  for k in "$@"; do
    [[ -n ${secs_of[$k:1]:-} ]] || continue
    awk -v k="$k" -v t1="${secs_of[$k:1]}" -v t2="${secs_of[$k:2]}" -v m1="${kb_of[$k:1]}" -v m2="${kb_of[$k:2]}" \
      'BEGIN { printf "  %-30s time x%.2f   memory x%.2f\n", k, (t1 > 0 ? t2 / t1 : 0), m2 / m1 }'
  done
}

size() { du -h --apparent-size "$1" | cut -f1; }

for scale in 1 2; do
  reps=$((5000 * scale)) teams=$((250 * scale)) targets=$((1250 * scale))
  if wants check; then
    python3 scripts/gen_goals.py $((1000 * scale)) $((50 * scale)) $((9500 * scale)) > "$dir/check-$scale.toml"
    echo "== check, scale $scale: $((1000 * scale)) reps, $((50 * scale)) teams, $((9500 * scale)) targets ($(size "$dir/check-$scale.toml"))"
    measure "check:$scale" "check --format json" "$dir/check-$scale.json" \
      $bin --as-of 2026-12-01 check "$dir/check-$scale.toml" --format json
    toml_floor "$dir/check-$scale.toml"
    baseline "$dir/check-$scale.json" "$dir/check-$scale.toml"
    python3 scripts/gen_goals.py $((5000 * scale)) $((250 * scale)) $((5000 * scale)) --rep-goals > "$dir/check-reps-$scale.toml"
    echo "== check, scale $scale: $((5000 * scale)) reps each owning a goal ($(size "$dir/check-reps-$scale.toml"))"
    measure "check reps:$scale" "check --format json" "$dir/check-reps-$scale.json" \
      $bin --as-of 2026-12-01 check "$dir/check-reps-$scale.toml" --format json
    toml_floor "$dir/check-reps-$scale.toml"
  fi
  if wants plan; then
    python3 scripts/gen_goals.py $reps $teams $targets > "$dir/plan-$scale.toml"
    echo "== plan, scale $scale: $reps reps, $teams teams, $targets targets ($(size "$dir/plan-$scale.toml"))"
    measure "plan month:$scale" "plan --by month --format json" "$dir/month-$scale.json" \
      $bin plan "$dir/plan-$scale.toml" --by month --format json
    baseline "$dir/month-$scale.json" "$dir/plan-$scale.toml"
    measure "plan week:$scale" "plan --by week --format json" "$dir/week-$scale.json" \
      $bin plan "$dir/plan-$scale.toml" --by week --format json
    baseline "$dir/week-$scale.json" "$dir/plan-$scale.toml"
  fi
  if wants diff; then
    # Two organisations of the plan's size that differ in one target (goal-0: 40 -> 44 deals a
    # month), and two that differ in one rep's fte, which replans every target.
    [[ -f $dir/plan-$scale.toml ]] || python3 scripts/gen_goals.py $reps $teams $targets > "$dir/plan-$scale.toml"
    python3 - "$dir/plan-$scale.toml" "$dir/diff-target-$scale.toml" "$dir/diff-fte-$scale.toml" << 'PY'
import sys
text = open(sys.argv[1]).read()
open(sys.argv[2], 'w').write(text.replace('  target = 40\n', '  target = 44\n', 1))
open(sys.argv[3], 'w').write(text.replace('fte = 0.5\n', 'fte = 0.6\n', 1))
PY
    echo "== diff, scale $scale: $reps reps, $teams teams, $targets targets, by month"
    measure "diff target:$scale" "diff, one target changed" "$dir/diff-target-$scale.json" \
      $bin diff "$dir/plan-$scale.toml" "$dir/diff-target-$scale.toml" --by month --format json
    measure "diff fte:$scale" "diff, one rep's fte (all)" "$dir/diff-fte-$scale.json" \
      $bin diff "$dir/plan-$scale.toml" "$dir/diff-fte-$scale.toml" --by month --format json
    measure "diff plan:$scale" "plan --by month (reference)" "$dir/diff-plan-$scale.json" \
      $bin plan "$dir/plan-$scale.toml" --by month --format json
  fi
  if wants funnel; then
    python3 scripts/gen_goals.py $reps $teams $targets --funnel > "$dir/funnel-$scale.toml"
    echo "== funnel, scale $scale: as plan, every count target through a 3-stage funnel ($(size "$dir/funnel-$scale.toml"))"
    measure "funnel:$scale" "funnel --format json" "$dir/funnel-$scale.json" \
      $bin funnel "$dir/funnel-$scale.toml" --format json
    baseline "$dir/funnel-$scale.json" "$dir/funnel-$scale.toml"
  fi
  if wants track; then
    rows=$((1000000 * scale))
    python3 scripts/gen_actuals.py "$dir/track-$scale" $rows 1000
    echo "== track, scale $scale: $rows actual rows, 1000 reps ($(size "$dir/track-$scale/actuals.csv") CSV)"
    measure "track:$scale" "track --format json" "$dir/track-$scale.json" \
      $bin --as-of 2027-12-31 track "$dir/track-$scale/bench.toml" --actuals "$dir/track-$scale/actuals.csv" --format json
    baseline "$dir/track-$scale.json" "$dir/track-$scale/bench.toml" "$dir/track-$scale/actuals.csv"
    csv_floor "$dir/track-$scale/actuals.csv"
    if ((duckdb)); then
      for threads in 1 2; do
        measure "duckdb $threads:$scale" "duckdb, $threads thread(s)" "$dir/duckdb-$scale.txt" \
          python3 scripts/duckdb_track.py "$dir/track-$scale/actuals.csv" 1000 "$threads"
      done
    else
      echo "  (duckdb not importable by python3: pip install duckdb for the reference)"
    fi
  fi
  if wants track; then
    python3 scripts/gen_actuals.py "$dir/track-reps-$scale" 1000 $reps
    echo "== track, scale $scale: 1000 actual rows, $reps reps in $((reps / 20)) teams"
    measure "track reps:$scale" "track --format json" "$dir/track-reps-$scale.json" \
      $bin --as-of 2027-12-31 track "$dir/track-reps-$scale/bench.toml" --actuals "$dir/track-reps-$scale/actuals.csv" --format json
    measure "track reps table:$scale" "track (table)" "$dir/track-reps-$scale.txt" \
      $bin --as-of 2027-12-31 track "$dir/track-reps-$scale/bench.toml" --actuals "$dir/track-reps-$scale/actuals.csv"
    baseline "$dir/track-reps-$scale.json" "$dir/track-reps-$scale/bench.toml" "$dir/track-reps-$scale/actuals.csv"
  fi
  if wants capacity; then
    python3 scripts/gen_goals.py $reps $teams $targets --capacity > "$dir/capacity-$scale.toml"
    echo "== capacity, scale $scale: as plan, count and money metrics with a capacity ($(size "$dir/capacity-$scale.toml"))"
    measure "capacity:$scale" "capacity --format json" "$dir/capacity-$scale.json" \
      $bin --as-of 2026-11-01 capacity "$dir/capacity-$scale.toml" --format json
    baseline "$dir/capacity-$scale.json" "$dir/capacity-$scale.toml"
  fi
  if wants baseline; then
    rows=$((1000000 * scale))
    python3 scripts/gen_actuals.py "$dir/baseline-$scale" $rows 10000
    sed -i 's/^start = 2027-01-01$/start = 2028-01-01/; s/^end = 2027-12-31$/end = 2028-12-31/' "$dir/baseline-$scale/bench.toml"
    echo "== baseline, scale $scale: a year of $rows rows, 10000 reps ($(size "$dir/baseline-$scale/actuals.csv") CSV)"
    measure "baseline:$scale" "baseline --format json" "$dir/baseline-$scale.json" \
      $bin --as-of 2027-12-31 baseline "$dir/baseline-$scale/bench.toml" --actuals "$dir/baseline-$scale/actuals.csv" --format json
    baseline "$dir/baseline-$scale.json" "$dir/baseline-$scale/bench.toml" "$dir/baseline-$scale/actuals.csv"
  fi
  if wants report; then
    rows=$((1000000 * scale)) reps=$((10000 * scale))
    python3 scripts/gen_actuals.py "$dir/report-$scale" $rows $reps
    echo "== report, scale $scale: $rows actual rows, $reps reps, $((reps / 10)) targets ($(size "$dir/report-$scale/actuals.csv") CSV)"
    measure "report:$scale" "report (HTML)" "$dir/report-$scale.html" \
      $bin --as-of 2027-06-30 report "$dir/report-$scale/bench.toml" --actuals "$dir/report-$scale/actuals.csv"
    baseline "$dir/report-$scale.html" "$dir/report-$scale/bench.toml" "$dir/report-$scale/actuals.csv"
  fi
done

ratios check "check reps" "plan month" "plan week" funnel track "duckdb 1" "duckdb 2" "track reps" "track reps table" "diff target" "diff fte" capacity baseline report
