#!/usr/bin/env bash
# Installs the Debian bookworm packages smallmind-prof builds with. Does nothing
# (and needs no network) when they are already present.
set -euo pipefail
packages=(build-essential cmake ninja-build ccache pkg-config libre2-dev libcli11-dev libxsimd-dev xtl-dev libspdlog-dev nlohmann-json3-dev catch2)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
