#!/usr/bin/env bash
# The yekuo benchmark (docs/performance.md): one command.
#
#   benchmarks/run.sh                    # 1,000 / 10,000 / 100,000 files (about 10-15 minutes)
#   benchmarks/run.sh --quick            # 1,000 / 10,000 files, fewer runs
#   benchmarks/run.sh --sizes "1000 5000" --runs 5
#   benchmarks/run.sh --feasible-only    # no infeasible targets in the portfolios
#
# Builds Release with the benchmarks in build-bench/, generates deterministic portfolios in
# build-bench/portfolios/ (kept between runs while the generator and its options are unchanged),
# then measures with hyperfine (medians; page cache warm for every command alike):
#   - yekuo plan of one 60-stage order, process start included;
#   - yekuo evaluate and yekuo remind over each portfolio (JSON to stdout, discarded);
#   - the floor on the same files in the same run: cat of every file to /dev/null (file list
#     given), find | xargs cat (finding the files too), and yekuo-read-floor (walk the
#     directory and read every file into one reused buffer: the tightest floor);
# peak memory with /usr/bin/time -v, and the Google Benchmark micro-benchmarks.
# Writes build-bench/results/summary.md (printed at the end) and the raw hyperfine JSON.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${YEKUO_BENCH_BUILD:-$ROOT/build-bench}"
SIZES="1000 10000 100000"
RUNS=""
SEED=1
AS_OF="2025-09-15"
QUICK=0
GEN_EXTRA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=1; SIZES="1000 10000"; shift ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --as-of) AS_OF="$2"; shift 2 ;;
    --feasible-only) GEN_EXTRA+=(--feasible-only); shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

need() { # need COMMAND DEBIAN-PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "run.sh: installing $2" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null
  else
    echo "run.sh: $1 is missing: sudo apt-get install $2" >&2
    exit 2
  fi
}
need hyperfine hyperfine
need /usr/bin/time time
need jq jq

JOBS="$(nproc)"
echo "== build (Release, benchmarks) in $BUILD"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DYEKUO_BUILD_BENCHMARKS=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$BUILD" -j"$JOBS" --target yekuo yekuo_gen_portfolio yekuo_read_floor >/dev/null
HAVE_MICRO=0
if cmake --build "$BUILD" -j"$JOBS" --target yekuo_bench >/dev/null 2>&1; then HAVE_MICRO=1; fi
YEKUO="$BUILD/cli/yekuo"
GEN="$BUILD/benchmarks/yekuo-gen-portfolio"
READ_FLOOR="$BUILD/benchmarks/yekuo-read-floor"
DATA="$BUILD/portfolios"
OUT="$BUILD/results"
mkdir -p "$DATA" "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.txt

# Portfolios: about 0.5% broken files (as in real life: the errors are reported, the rest evaluated).
GEN_ID="$(sha256sum "$GEN" | cut -c1-16)"
generate() { # generate DIR COUNT [options...]
  local dir="$1" count="$2"; shift 2
  local stamp="$GEN_ID seed=$SEED as-of=$AS_OF count=$count $*"
  if [[ -f "$dir/manifest.tsv" && -f "$dir.stamp" && "$(cat "$dir.stamp")" == "$stamp" ]]; then return 0; fi
  echo "== generate $count files in $dir"
  rm -rf "$dir" "$dir.stamp"
  "$GEN" --out "$dir" --count "$count" --seed "$SEED" --as-of "$AS_OF" "$@"
  echo "$stamp" >"$dir.stamp"
}
for n in $SIZES; do generate "$DATA/$n" "$n" --invalid $((n / 200)) "${GEN_EXTRA[@]}"; done
# The plan benchmark: the first valid order with a feasible target among 60-stage orders.
generate "$DATA/plan60" 20 --stages 60 --baselines 0
PLAN_FILE="$DATA/plan60/$(awk -F'\t' '$3=="valid" && $4=="feasible" {print $1; exit}' "$DATA/plan60/manifest.tsv")"

supports() { "$YEKUO" "$1" --help 2>/dev/null | grep -q -- "$2"; }
works() { # works COMMAND...: exits 0-4 and prints something (not the "not built yet" placeholder)
  local rc=0
  "$@" >"$OUT/probe.out" 2>"$OUT/probe.err" || rc=$?
  if [[ $rc -gt 4 || $rc -eq 1 || ! -s "$OUT/probe.out" ]]; then
    echo "   skipped: '$*' exited $rc: $(head -c 300 "$OUT/probe.err")" >&2
    return 1
  fi
  echo "$rc"
}

hf() { # hf NAME RUNS WARMUP hyperfine-args... -> $OUT/NAME.json
  local name="$1" runs="$2" warmup="$3"; shift 3
  hyperfine --style basic --runs "$runs" --warmup "$warmup" --export-json "$OUT/$name.json" "$@" >"$OUT/$name.txt" 2>&1 || {
    echo "   hyperfine $name failed:"; tail -5 "$OUT/$name.txt"; return 1; }
}
median() { jq -r --arg c "$2" '.results[] | select(.command==$c) | .median' "$OUT/$1.json"; }
cpu() { jq -r --arg c "$2" '.results[] | select(.command==$c) | (.user + .system)' "$OUT/$1.json"; }
# Peak resident set of one run, in MB.
# (evaluate and remind exit 2 when some files are broken: that is expected here)
peak_mb() { { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}'; }

declare -A RESULT
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== plan of one 60-stage order ($PLAN_FILE)"
if rc=$(works "$YEKUO" plan "$PLAN_FILE"); then
  hf plan "${RUNS:-200}" 20 -N "$YEKUO plan $PLAN_FILE" "$YEKUO plan $PLAN_FILE --format json" "$YEKUO --version"
  RESULT[plan_rc]=$rc
  RESULT[plan_mb]=$(peak_mb "$YEKUO" plan "$PLAN_FILE")
fi

EVAL_ARGS=(--format json)
supports evaluate --as-of && EVAL_ARGS+=(--as-of "$AS_OF")
REMIND_ARGS=(--format json)
supports remind --as-of && REMIND_ARGS+=(--as-of "$AS_OF")

for n in $SIZES; do
  dir="$DATA/$n"
  find "$dir" -type f -name '*.toml' -print0 >"$dir.files0"
  xargs -0 cat <"$dir.files0" >/dev/null # warm the page cache for everyone
  if [[ -n "$RUNS" ]]; then runs=$RUNS; elif [[ $n -ge 100000 ]]; then runs=3; elif [[ $n -ge 10000 ]]; then runs=5; else runs=10; fi
  [[ $QUICK -eq 1 && -z "$RUNS" ]] && runs=3
  echo "== $n files: floor, evaluate, remind ($runs runs each)"
  cmds=("xargs -0 cat < $dir.files0 > /dev/null" "find $dir -type f -name '*.toml' -print0 | xargs -0 cat > /dev/null"
        "$READ_FLOOR $dir > /dev/null")
  names=(floor_cat floor_find floor_read)
  if RESULT[eval_rc_$n]=$(works "$YEKUO" evaluate "$dir" "${EVAL_ARGS[@]}"); then
    cmds+=("$YEKUO evaluate $dir ${EVAL_ARGS[*]} > /dev/null"); names+=(evaluate)
  fi
  if RESULT[remind_rc_$n]=$(works "$YEKUO" remind "$dir" "${REMIND_ARGS[@]}"); then
    cmds+=("$YEKUO remind $dir ${REMIND_ARGS[*]} > /dev/null"); names+=(remind)
  fi
  hf "portfolio_$n" "$runs" 1 -i "${cmds[@]}" || true
  for k in "${!names[@]}"; do
    RESULT[${names[$k]}_$n]=$(median "portfolio_$n" "${cmds[$k]}")
    RESULT[${names[$k]}_cpu_$n]=$(cpu "portfolio_$n" "${cmds[$k]}")
  done
  for c in evaluate remind; do
    if [[ -n "${RESULT[${c}_$n]:-}" ]]; then
      args=("${EVAL_ARGS[@]}"); [[ $c == remind ]] && args=("${REMIND_ARGS[@]}")
      RESULT[${c}_mb_$n]=$(peak_mb "$YEKUO" "$c" "$dir" "${args[@]}")
    fi
  done
done

if [[ $HAVE_MICRO -eq 1 ]]; then
  echo "== micro-benchmarks"
  "$BUILD/benchmarks/yekuo_bench" --benchmark_min_time=0.2 --benchmark_out="$OUT/micro.json" \
    --benchmark_out_format=json >"$OUT/micro.txt" 2>&1 || true
fi

# ---------------------------------------------------------------- summary
ms() { awk -v s="$1" 'BEGIN { if (s == "") print "–"; else printf "%.1f ms", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "–"; else printf "%.2f×", a / b }'; }
per_file() { awk -v s="$1" -v n="$2" 'BEGIN { if (s == "") print "–"; else printf "%.1f µs", s * 1e6 / n }'; }
{
  echo "# yekuo benchmark — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM;"
  echo "commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'); seed $SEED, as of $AS_OF. Medians of hyperfine runs, page cache warm."
  echo "Load average before / after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates the figures)."
  echo
  echo "## plan of one 60-stage order (process start included)"
  echo
  if [[ -f "$OUT/plan.json" ]]; then
    echo "| command | median | mean ± σ | peak RSS |"
    echo "| --- | --- | --- | --- |"
    jq -r '.results[] | "| `\(.command | sub(".*/yekuo"; "yekuo") | sub(" [^ ]*/plan60/"; " plan60/"))` | \(.median*1000*100|round/100) ms | \(.mean*1000*100|round/100) ± \(.stddev*1000*100|round/100) ms |"' "$OUT/plan.json" |
      awk -v mb="${RESULT[plan_mb]:-–}" '{ if ($0 ~ /--version/) print $0 " – |"; else print $0 " " mb " MB |" }'
    echo
    echo "Target: < 10 ms. Exit code of the plan: ${RESULT[plan_rc]:-?}."
  else
    echo "not measured (yekuo plan not available)"
  fi
  echo
  echo "## evaluate and remind over a portfolio"
  echo
  echo "| files | floor: read | floor: cat | floor: find+cat | evaluate | eval / cat | eval / read | per file | peak RSS | remind | remind / cat | remind / read | peak RSS |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for n in $SIZES; do
    e="${RESULT[evaluate_$n]:-}"; r="${RESULT[remind_$n]:-}"; c="${RESULT[floor_cat_$n]:-}"; f="${RESULT[floor_find_$n]:-}"; rd="${RESULT[floor_read_$n]:-}"
    echo "| $n | $(ms "$rd") | $(ms "$c") | $(ms "$f") | $(ms "$e") | $(ratio "$e" "$c") | $(ratio "$e" "$rd") | $(per_file "$e" "$n") | ${RESULT[evaluate_mb_$n]:-–} MB | $(ms "$r") | $(ratio "$r" "$c") | $(ratio "$r" "$rd") | ${RESULT[remind_mb_$n]:-–} MB |"
  done
  echo
  set -- $SIZES
  if [[ $# -ge 2 ]]; then
    prev=""
    for n in $SIZES; do
      if [[ -n "$prev" ]]; then
        echo "- growth $prev → $n files ($((n / prev))× the files): evaluate $(ratio "${RESULT[evaluate_$n]:-}" "${RESULT[evaluate_$prev]:-}"), remind $(ratio "${RESULT[remind_$n]:-}" "${RESULT[remind_$prev]:-}"), floor $(ratio "${RESULT[floor_cat_$n]:-}" "${RESULT[floor_cat_$prev]:-}")"
      fi
      prev=$n
    done
  fi
  echo "- CPU time (user + system, mean): $(for n in $SIZES; do printf 'evaluate %s: %s, remind: %s, read floor: %s, cat: %s; ' "$n" "$(ms "${RESULT[evaluate_cpu_$n]:-}")" "$(ms "${RESULT[remind_cpu_$n]:-}")" "$(ms "${RESULT[floor_read_cpu_$n]:-}")" "$(ms "${RESULT[floor_cat_cpu_$n]:-}")"; done)"
  echo "- exit codes: $(for n in $SIZES; do printf 'evaluate %s: %s, remind: %s; ' "$n" "${RESULT[eval_rc_$n]:-–}" "${RESULT[remind_rc_$n]:-–}"; done)"
  echo "- targets: evaluate of 10,000 files < 2 s and < 3× the cat floor; 100,000 files ≤ 12× the 10,000 time."
  echo
  for n in $SIZES; do
    [[ -f "$DATA/$n/manifest.tsv" ]] || continue
    awk -F'\t' -v n="$n" 'NR > 1 { s += $2; if ($3 != "valid") bad++; if ($4 == "infeasible") inf++; if ($5 == "baseline") b++ }
      END { printf "- portfolio %s: %d stages (%.1f per order), %d broken files, %d infeasible targets, %d baselines, ", n, s, s/(NR-1), bad, inf, b }' "$DATA/$n/manifest.tsv"
    echo "$(du -sm "$DATA/$n" | cut -f1) MB on disk"
  done
  if [[ -f "$OUT/micro.txt" ]]; then
    echo
    echo "## micro-benchmarks (Google Benchmark)"
    echo
    echo '```'
    grep -E '^(Benchmark|-|[a-z_]+)' "$OUT/micro.txt" | grep -v '^\*\*\*' || true
    echo '```'
  fi
} >"$OUT/summary.md"
echo
cat "$OUT/summary.md"
echo
echo "(written to $OUT/summary.md; raw hyperfine results in $OUT/*.json)"
