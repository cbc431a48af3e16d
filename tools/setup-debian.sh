#!/usr/bin/env bash
# Installs what accord needs to build and test, from Debian's packages (see README: Dependencies).
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config python3
  libre2-dev libicu-dev libspdlog-dev libfmt-dev
  libgmime-3.0-dev libxml2-dev zlib1g-dev libsqlite3-dev libssl-dev
  libcli11-dev nlohmann-json3-dev libmimalloc-dev libabsl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes miscfiles
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
