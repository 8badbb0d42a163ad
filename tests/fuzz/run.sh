#!/usr/bin/env bash
# Runs the fuzz targets of tests/fuzz one after another (one core, nice), each for a bounded time, and
# prints per target: seconds, executions, coverage (cov = edges, ft = features), corpus size and crashes.
#   tests/fuzz/run.sh FUZZ_BUILD_DIR SECONDS [TARGET...]      (default: every target)
# Corpora: FUZZ_BUILD_DIR/corpus/<target> grows across runs (kept in the build directory, not committed);
# the seeds are read from FUZZ_BUILD_DIR/seeds/<target> (make_seeds), tests/fixtures/fuzz/<target> (every
# input that once crashed, replayed first), tests/fixtures/*.json (datasets) and the rosters of TESTDATA.
# A crash, sanitizer report, timeout (> 10 s) or out-of-memory (> 2 GB) is saved under
# FUZZ_BUILD_DIR/artifacts/<target>/ and makes the script exit 1 after all targets ran.
# FUZZ_SEED=N fixes libFuzzer's random seed: from an empty corpus a run then explores a prefix of one fixed
# sequence of inputs, so `make test` (FUZZ_SEED=1) is a gate that passes or fails the same way on every
# machine; `make fuzz` leaves the seed random to keep finding new inputs.
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: run.sh FUZZ_BUILD_DIR SECONDS [TARGET...]}
secs=${2:?usage: run.sh FUZZ_BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode_text csv roster_import dataset campaign bundle qr)
testdata=${TESTDATA:?TESTDATA: the folder of the rosters tests/data/make_rosters.py writes (make test-fuzz sets it)}
build=$(cd "$build" && pwd)

"$build/make_seeds" "$build/seeds" >/dev/null || { echo "fuzz: make_seeds failed" >&2; exit 1; }

printf '%-14s %6s %10s %8s %8s %7s %8s\n' target seconds execs cov ft corpus crashes
failed=0
bad=0
for t in "${targets[@]}"; do
  bin="$build/fuzz_$t"
  [ -x "$bin" ] || { echo "fuzz: $bin missing" >&2; exit 1; }
  corpus="$build/corpus/$t"
  art="$build/artifacts/$t"
  log="$build/logs/$t.log"
  mkdir -p "$corpus" "$art" "$build/logs"
  seeds=("$build/seeds/$t")
  [ -d "$here/tests/fixtures/fuzz/$t" ] && seeds+=("$here/tests/fixtures/fuzz/$t")
  extra=$(mktemp -d)
  case $t in
    dataset) cp "$here"/tests/fixtures/*.json "$extra"/ 2>/dev/null ;;
    csv|decode_text|roster_import) cp "$testdata"/*.csv "$extra"/ 2>/dev/null ;;
  esac
  seeds+=("$extra")
  opts=(-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$art/")
  [ -n "${FUZZ_SEED:-}" ] && opts+=(-seed="$FUZZ_SEED")
  case $t in
    dataset|campaign|bundle) opts+=(-dict="$here/tests/fuzz/json.dict") ;;
    roster_import|csv|decode_text) opts+=(-dict="$here/tests/fuzz/roster.dict") ;;
    qr) opts+=(-dict="$here/tests/fuzz/qr.dict") ;;
  esac
  before=$(ls "$art" | wc -l)
  start=$(date +%s)
  nice -n 10 "$bin" "${opts[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  took=$(( $(date +%s) - start ))
  rm -rf "$extra"
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*')
  ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*')
  crashes=$(( $(ls "$art" | wc -l) - before ))
  printf '%-14s %6s %10s %8s %8s %7s %8s\n' "$t" "$took" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$(ls "$corpus" | wc -l)" "$crashes"
  if [ $rc -ne 0 ] || [ $crashes -gt 0 ]; then
    failed=1
    bad=$((bad + 1))
    echo "fuzz: $t failed (exit $rc); log $log, inputs in $art:" >&2
    grep -m3 -E 'ERROR: |FUZZ_CHECK|runtime error|SUMMARY' "$log" >&2
  fi
done
echo "fuzz: $(( ${#targets[@]} - bad )) passed, $bad failed"
exit $failed
