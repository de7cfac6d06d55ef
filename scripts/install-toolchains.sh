#!/usr/bin/env bash
# Installs, from Debian's packages, everything the plugin and its tests use:
# a JDK and Maven, the native compiler for the "build Python", clang + wasi-libc
# for wasm32-wasi, and emscripten for wasm32-emscripten. Does nothing for
# packages that are already there.
set -euo pipefail

packages=(
  maven                                  # builds the plugin
  gcc make pkg-config zlib1g-dev         # the native build Python
  clang lld wasi-libc libclang-rt-14-dev-wasm32   # wasm32-wasi
  emscripten                             # wasm32-emscripten (3.1.6 on bookworm)
  dpkg-dev                               # apt-get source unpacking helpers
  chromium                               # the browser test of the emscripten-browser build
  bc                                     # bench/ arithmetic
)
command -v javac > /dev/null || packages+=(openjdk-17-jdk-headless)
command -v node > /dev/null || packages+=(nodejs)
command -v npm > /dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "install-toolchains: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
echo "install-toolchains: $(javac -version 2>&1), $(mvn -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g'), clang $(clang -dumpversion), emcc $(cat /usr/share/emscripten/emscripten-version.txt 2>/dev/null | tr -d '"'), node $(node --version)"

