#!/usr/bin/env bash
# Fetches the real CPython 3.11.2 source (and the zlib/bzip2 sources that
# Emscripten's ports are seeded from) from Debian's source packages, and
# unpacks them once into the user cache. Safe to rerun: it does nothing when
# the trees are already there. Prints the CPython source directory.
set -euo pipefail

cache="${WASM_PLUGIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wasm-maven-plugin}"
downloads="$cache/downloads"
sources="$cache/sources"
mkdir -p "$downloads" "$sources"

need_download=
for f in 'python3.11_3.11.2.orig.tar.gz' 'zlib_1.2.13*.orig.tar.*' 'bzip2_1.0.8.orig.tar.gz'; do
  compgen -G "$downloads/$f" > /dev/null || need_download=1
done

if [ -n "$need_download" ]; then
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  if ! grep -rqs '^Types: deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      | $sudo tee /etc/apt/sources.list.d/debian-src.sources > /dev/null
    $sudo apt-get update -qq
  fi
  # Only the pristine upstream tarballs are needed. apt-get may fail on a
  # package's Debian patch files (a security update's .dsc can be missing from
  # the mirror) after the tarball itself arrived, so judge by the files.
  for pkg in python3.11 zlib bzip2; do
    (cd "$downloads" && apt-get source --download-only "$pkg" > /dev/null 2>&1) || true
  done
fi

for f in 'python3.11_3.11.2.orig.tar.gz' 'zlib_1.2.13*.orig.tar.*' 'bzip2_1.0.8.orig.tar.gz'; do
  compgen -G "$downloads/$f" > /dev/null || { echo "fetch-sources: $f could not be downloaded from Debian's source packages" >&2; exit 1; }
done
echo "2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849  $downloads/python3.11_3.11.2.orig.tar.gz" \
  | sha256sum --quiet -c - || { echo "fetch-sources: python3.11_3.11.2.orig.tar.gz does not match its known sha256" >&2; exit 1; }

# Unpack into a temporary directory and rename, so an interrupted run never
# leaves a half-unpacked tree that looks complete.
unpack() { # archive, directory name inside it
  local archive=$1 name=$2
  [ -d "$sources/$name" ] && return 0
  local tmp; tmp=$(mktemp -d "$sources/.unpack.XXXXXX")
  tar -xf "$archive" -C "$tmp"
  local top; top=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  mv "$top" "$sources/$name"
  rm -rf "$tmp"
}
unpack "$downloads/python3.11_3.11.2.orig.tar.gz" Python-3.11.2
unpack "$(compgen -G "$downloads/zlib_1.2.13*.orig.tar.*" | head -n 1)" zlib-1.2.13
unpack "$downloads/bzip2_1.0.8.orig.tar.gz" bzip2-1.0.8
rm -rf "$sources"/.unpack.*

echo "$sources/Python-3.11.2"
