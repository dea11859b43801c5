#!/usr/bin/env bash
# Installs the Debian bookworm packages smallmind-prof builds with. Does nothing
# (and needs no network) when they are already present.
#   ./install-deps.sh                 the native build's packages (x86-64 or aarch64)
#   ./install-deps.sh --cross aarch64 those, plus the aarch64 cross toolchain, the
#                                     :arm64 libraries (multiarch) and qemu-user
set -euo pipefail
packages=(build-essential cmake ninja-build ccache pkg-config libre2-dev libcli11-dev libxsimd-dev xtl-dev libspdlog-dev nlohmann-json3-dev catch2)
foreign_architecture=""
case "${1:-}" in
  "") ;;
  --cross)
    [[ "${2:-}" == aarch64 ]] || { echo "install-deps.sh: --cross takes aarch64, not '${2:-}'" >&2; exit 2; }
    foreign_architecture=arm64
    # Header-only libraries (CLI11, nlohmann-json, xtl) and Catch2's header serve
    # both architectures; the compiled ones, and xsimd's CMake files, are per architecture.
    packages+=(g++-aarch64-linux-gnu qemu-user-static libxsimd-dev:arm64 libspdlog-dev:arm64 libfmt-dev:arm64
               libre2-dev:arm64)
    ;;
  *) echo "install-deps.sh: unknown option '$1' (use --cross aarch64)" >&2; exit 2 ;;
esac
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  if [[ -n $foreign_architecture ]] && ! dpkg --print-foreign-architectures | grep -qx "$foreign_architecture"; then
    dpkg --add-architecture "$foreign_architecture"
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
