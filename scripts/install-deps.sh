#!/usr/bin/env bash
# Installs the Debian packages yekuo needs to build and test (SPEC §7). Idempotent: installs
# only what is missing. Needs root (or sudo) when something is missing.
set -euo pipefail

packages=(build-essential cmake libcli11-dev libboost-graph-dev libfmt-dev libtomlplusplus-dev doctest-dev python3
          libsqlite3-dev libxlsxwriter-dev pkg-config python3-jsonschema python3-openpyxl)
if [[ "${YEKUO_WITH_BROWSER:-0}" == 1 ]]; then packages+=(chromium fonts-noto-cjk); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all Debian packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
