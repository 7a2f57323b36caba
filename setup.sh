#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install the packages, build yekuo, and plan the
# shipped 110 kV reference order.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j"$(nproc)"
echo
echo "== build/cli/yekuo plan examples/110kv-reference-2010.toml"
build/cli/yekuo plan examples/110kv-reference-2010.toml
