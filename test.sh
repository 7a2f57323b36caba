#!/usr/bin/env bash
# Builds yekuo with warnings as errors and runs every test (unit tests and the real binary on
# real files) through CTest. Installs missing Debian packages first.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DYEKUO_DEV_MODE=ON -DBUILD_TESTING=ON >/dev/null
cmake --build build-test -j"$(nproc)"
cd build-test
ctest --output-on-failure -j"$(nproc)"
