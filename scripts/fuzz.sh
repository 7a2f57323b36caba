#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 600 s, targets: load plan
#
# Each target runs on one core with -max_total_time; the working corpus grows in
# build-fuzz/corpus/TARGET (seeded from fuzz/corpus/TARGET, never committed back automatically),
# crashes land in build-fuzz/artifacts/TARGET/. The last "stat::number_of_executed_units" line of
# build-fuzz/TARGET.log is the executions count. Exit status: non-zero if any target found a
# problem. Needs clang-14 and libclang-rt-14-dev (Debian); docs/security.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load plan)

build=build-fuzz
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DYEKUO_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

status=0
pids=()
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  # -rss_limit_mb: a project file must never need gigabytes; -timeout: one input must take < 10 s.
  "$build/fuzz/fuzz_$t" "$build/corpus/$t" "fuzz/corpus/$t" -dict=fuzz/toml.dict \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$t/" >"$build/$t.log" 2>&1 &
  pids+=($!)
done
for i in "${!pids[@]}"; do
  t=${targets[$i]}
  if wait "${pids[$i]}"; then
    echo "fuzz_$t: $(grep -m1 'stat::number_of_executed_units' "$build/$t.log" || echo '?') in ${seconds} s, no findings"
  else
    echo "fuzz_$t: FOUND A PROBLEM, see $build/$t.log and $build/artifacts/$t/" >&2
    status=1
  fi
done
exit $status
