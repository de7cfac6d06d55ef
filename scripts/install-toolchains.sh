#!/usr/bin/env bash
# Installs, from Debian's packages, everything the plugin and its tests use:
# a JDK and Maven, the native compiler for the "build Python", clang + wasi-libc
# for wasm32-wasi, and emscripten for wasm32-emscripten. Does nothing for
# packages that are already there. Works on Debian 12 (bookworm: clang 14,
# emscripten 3.1.6) and Debian 13 (trixie: clang 19, emscripten 3.1.69): the
# compiler-rt package for wasm32 is named after clang's major version.
set -euo pipefail

sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
updated=
apt_update() { [ -n "$updated" ] || { $sudo apt-get update -qq; updated=1; }; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# clang's major version: from the installed clang, else from what the `clang` package depends on
clang_major() {
  local v=
  if command -v clang > /dev/null; then v=$(clang -dumpversion | cut -d. -f1); fi
  if [ -z "$v" ]; then
    v=$(apt-cache depends clang 2>/dev/null | sed -n 's/^ *Depends: clang-\([0-9][0-9]*\)$/\1/p' | head -n 1)
    if [ -z "$v" ]; then
      apt_update
      v=$(apt-cache depends clang 2>/dev/null | sed -n 's/^ *Depends: clang-\([0-9][0-9]*\)$/\1/p' | head -n 1)
    fi
  fi
  [ -n "$v" ] || { echo "install-toolchains: cannot tell clang's major version (apt-cache depends clang)" >&2; exit 1; }
  echo "$v"
}
major=$(clang_major)

packages=(
  maven                                  # builds the plugin
  gcc make pkg-config zlib1g-dev         # the native build Python
  clang lld wasi-libc "libclang-rt-$major-dev-wasm32"   # wasm32-wasi
  emscripten                             # wasm32-emscripten (3.1.6 on bookworm, 3.1.69 on trixie)
  dpkg-dev                               # apt-get source unpacking helpers
  debian-archive-keyring                 # fetch-sources.sh checks the source indexes with it
  chromium                               # the browser test of the emscripten-browser build
  bc                                     # bench/ arithmetic
)
# default-jdk-headless is OpenJDK 17 on bookworm, 21 on trixie (openjdk-17 is not in trixie)
command -v javac > /dev/null || packages+=(default-jdk-headless)
command -v node > /dev/null || packages+=(nodejs)
command -v npm > /dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-toolchains: installing ${missing[*]}"
  apt_update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
# clang was not installed when its version was guessed from the package: check the guess
if [ "$(clang -dumpversion | cut -d. -f1)" != "$major" ]; then
  major=$(clang -dumpversion | cut -d. -f1)
  installed "libclang-rt-$major-dev-wasm32" || {
    apt_update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "libclang-rt-$major-dev-wasm32" > /dev/null
  }
fi
echo "install-toolchains: $(javac -version 2>&1), $(mvn -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g'), clang $(clang -dumpversion), emcc $(cat /usr/share/emscripten/emscripten-version.txt 2>/dev/null | tr -d '"'), node $(node --version)"
