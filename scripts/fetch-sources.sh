#!/usr/bin/env bash
# Fetches the real CPython sources (and the zlib/bzip2 sources that Emscripten's ports are
# seeded from) as the pristine upstream tarballs of Debian's source packages, checks each
# against a pinned sha256, and unpacks each once into the user cache. Safe to rerun: it does
# nothing when the trees are already there.
#
# The host's apt configuration is left alone: a private one under $cache/apt has deb-src
# entries for bookworm, trixie and sid on the host's own mirror, signed by the
# debian-archive-keyring keyrings, its own lists and caches; only the .orig tarballs are
# downloaded (with apt's own downloader, so apt's proxy settings apply).
#
#   fetch-sources.sh              fetch the default set, print "VERSION<TAB>PATH" per CPython tree
#   fetch-sources.sh --sid        also python3.13 3.13.15 from sid (from the pool when sid's index
#                                 has moved on: in Nov 2026 it lists 3.13.18, whose .orig is a 404)
#   fetch-sources.sh 3.13         print the path of the newest 3.13 tree (fetching first)
#   fetch-sources.sh 3.11.2       print the path of that tree
#   fetch-sources.sh --sources-dir   print the directory holding all trees (zlib-1.2.13, bzip2-1.0.8 …)
#   fetch-sources.sh --check-sid  print what sid's index serves for python3.13 today
#
# Trees: $cache/sources/Python-3.11.2, Python-3.13.5 (Python-3.13.15 with --sid),
# zlib-1.2.13, bzip2-1.0.8.
set -euo pipefail

cache="${WASM_PLUGIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wasm-maven-plugin}"
downloads="$cache/downloads"
sources="$cache/sources"
apt_dir="$cache/apt"
mkdir -p "$downloads" "$sources"

# name|source package|suite|upstream version|tree name|sha256 of the .orig tarball
default_set=(
  "python|python3.11|bookworm|3.11.2|Python-3.11.2|2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849"
  "python|python3.13|trixie|3.13.5|Python-3.13.5|93e583f243454e6e9e4588ca2c2662206ad961659863277afcdb96801647d640"
  "lib|zlib|bookworm|1.2.13|zlib-1.2.13|71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1"
  "lib|bzip2|bookworm|1.0.8|bzip2-1.0.8|ab5a03176ee106d3f0fa90e381da478ddae405918153cca248e682cd0c4a2269"
)
sid_set=(
  "python|python3.13|sid|3.13.15|Python-3.13.15|1e66a7945a48390ee4c2a4268a0e4185884059a13c4aab6d148aa208deea4a76"
)

die() { echo "fetch-sources: $*" >&2; exit 1; }

# ---- the private apt configuration
host_mirror() {
  local f=/etc/apt/sources.list.d/debian.sources m=
  if [ -f "$f" ]; then
    m=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' "$f")
  fi
  if [ -z "$m" ] && [ -f /etc/apt/sources.list ]; then
    m=$(awk '($1 == "deb" || $1 == "deb-src") && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
  fi
  echo "${m:-http://deb.debian.org/debian}"
}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
apt_opts=()
apt_setup() {
  [ ${#apt_opts[@]} -eq 0 ] || return 0
  [ -f "$keyring" ] || die "$keyring is missing (apt-get install debian-archive-keyring)"
  mkdir -p "$apt_dir/sources.list.d" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/state"
  local want
  want=$(printf 'Types: deb-src\nURIs: %s\nSuites: bookworm trixie sid\nComponents: main\nSigned-By: %s\n' "$(host_mirror)" "$keyring")
  if [ "$(cat "$apt_dir/sources.list.d/debian-src.sources" 2>/dev/null)" != "$want" ]; then
    printf '%s\n' "$want" > "$apt_dir/sources.list.d/debian-src.sources"
    rm -f "$apt_dir/lists/"*_Sources* "$apt_dir/lists/"*Release* "$apt_dir/cache/"*.bin
  fi
  apt_opts=(
    -o "Dir::Etc::SourceList=/dev/null"
    -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
    -o "Dir::Etc::Trusted=/nonexistent" -o "Dir::Etc::TrustedParts=/nonexistent"
    -o "Dir::Etc::Preferences=/nonexistent" -o "Dir::Etc::PreferencesParts=/nonexistent"
    -o "Dir::State=$apt_dir/state" -o "Dir::State::Lists=$apt_dir/lists"
    -o "Dir::State::status=/dev/null"
    -o "Dir::Cache=$apt_dir/cache"
    -o "APT::Sandbox::User=$(id -un)"
    -o "Acquire::Languages=none"
  )
}
updated=
apt_update() {
  apt_setup
  [ -z "$updated" ] || return 0
  apt-get "${apt_opts[@]}" -qq update > "$apt_dir/update.log" 2>&1 \
    || { cat "$apt_dir/update.log" >&2; die "apt-get update (private configuration under $apt_dir) failed"; }
  updated=1
}
# Prints "URL FILENAME SHA256" of PKG's .orig tarball in SUITE.
orig_uri() { # pkg suite
  apt_setup
  compgen -G "$apt_dir/lists/*_dists_$2_main_source_Sources*" > /dev/null || apt_update
  local out
  out=$(apt-get "${apt_opts[@]}" -qq source --print-uris --only-source "$1/$2" 2>&1) || {
    if [ -z "$updated" ]; then apt_update; out=$(apt-get "${apt_opts[@]}" -qq source --print-uris --only-source "$1/$2" 2>&1); else false; fi
  } || die "apt-get source --print-uris $1/$2: $out"
  echo "$out" | sed -n "s/^'\([^']*\)' \([^ ]*\.orig\.tar\.[a-z0-9]*\) [0-9]* SHA256:\([0-9a-f]*\)$/\1 \2 \3/p" | head -n 1
}
# Candidate version of PKG in SUITE's source index.
index_version() { # pkg suite
  apt_update
  apt-get "${apt_opts[@]}" -qq source --print-uris --only-source "$1/$2" 2>/dev/null \
    | sed -n "s/^'[^']*' [^ ]*_\([^_]*\)\.dsc .*/\1/p"
}

# ---- fetch one tarball, check it, unpack it
sha_ok() { echo "$1  $2" | sha256sum --quiet -c - > /dev/null 2>&1; }
fetch_one() { # entry
  local kind pkg suite version tree sha
  IFS='|' read -r kind pkg suite version tree sha <<< "$1"
  [ -d "$sources/$tree" ] && return 0
  local archive=
  archive=$(compgen -G "$downloads/${pkg}_${version}*.orig.tar.*" | grep -v '\.asc$' | head -n 1) || true
  if [ -z "$archive" ] || { [ -n "$sha" ] && ! sha_ok "$sha" "$archive"; }; then
    local uri file index_sha
    read -r uri file index_sha <<< "$(orig_uri "$pkg" "$suite")"
    [ -n "${uri:-}" ] || die "no .orig tarball of $pkg in $suite's source index"
    case "$file" in
      "${pkg}_${version}".orig.tar.*|"${pkg}_${version}".*.orig.tar.*) ;;
      *)
        # The index moved on (sid does), but the pool often still holds the pinned tarball
        # (sid's index served 3.13.18 in Nov 2026, a 404, while 3.13.15 was still in the pool).
        [ -n "$sha" ] || die "$suite's index lists $file for $pkg, not version $version"
        echo "fetch-sources: $suite's index lists $file, trying the pinned $version from the pool" >&2
        file="${pkg}_${version}.orig.tar.${file##*.orig.tar.}"
        uri="${uri%/*}/$file"
        index_sha= ;;
    esac
    echo "fetch-sources: downloading $file ($suite)" >&2
    rm -f "$downloads/$file.part"
    /usr/lib/apt/apt-helper "${apt_opts[@]}" download-file "$uri" "$downloads/$file.part" ${index_sha:+"SHA256:$index_sha"} > /dev/null 2>"$downloads/$file.log" \
      || { cat "$downloads/$file.log" >&2; rm -f "$downloads/$file.part" "$downloads/$file.log"; die "could not download $uri"; }
    rm -f "$downloads/$file.log"
    mv "$downloads/$file.part" "$downloads/$file"
    archive="$downloads/$file"
  fi
  if [ -n "$sha" ]; then
    sha_ok "$sha" "$archive" || die "$(basename "$archive") does not match its pinned sha256 $sha"
  else
    echo "fetch-sources: no sha256 pinned for $(basename "$archive"): $(sha256sum "$archive" | cut -d' ' -f1)" >&2
  fi
  # unpack into a temporary directory and rename, so an interrupted run never leaves a
  # half-unpacked tree that looks complete
  local tmp; tmp=$(mktemp -d "$sources/.unpack.XXXXXX")
  tar --no-same-owner -xf "$archive" -C "$tmp"
  local top; top=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  [ -n "$top" ] || die "$(basename "$archive") holds no directory"
  mv -T "$top" "$sources/$tree" 2>/dev/null || [ -d "$sources/$tree" ] || die "could not rename into $sources/$tree"
  rm -rf "$tmp"
}

# ---- arguments
want= with_sid=
case "${1:-}" in
  --sources-dir) echo "$sources"; exit 0 ;;
  --check-sid)
    apt_update
    echo "sid python3.13: $(index_version python3.13 sid)"
    read -r uri file _ <<< "$(orig_uri python3.13 sid)"
    echo "sid python3.13 .orig: $uri"
    exit 0 ;;
  --sid) with_sid=1 ;;
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
  [0-9]*) want=$1 ;;
  "") ;;
  *) die "unknown argument $1" ;;
esac
entries=("${default_set[@]}")
# a 3.13.15 request, or --sid, also fetches sid's python3.13
if [ -n "$with_sid" ] || [ "$want" = 3.13.15 ]; then entries+=("${sid_set[@]}"); fi

for e in "${entries[@]}"; do fetch_one "$e"; done
rm -rf "$sources"/.unpack.*

# the CPython trees, oldest first (with sid's when it was fetched before)
trees=$(for e in "${default_set[@]}" "${sid_set[@]}"; do
  IFS='|' read -r kind _ _ version tree _ <<< "$e"
  if [ "$kind" = python ] && [ -d "$sources/$tree" ]; then printf '%s\t%s\n' "$version" "$sources/$tree"; fi
done | sort -t. -k1,1n -k2,2n -k3,3n)
if [ -z "$want" ]; then
  echo "$trees"
else
  path=$(echo "$trees" | awk -F'\t' -v w="$want" '$1 == w || index($1, w ".") == 1 { p=$2 } END { print p }')
  [ -n "$path" ] || die "no CPython $want here (known: $(echo "$trees" | cut -f1 | tr '\n' ' '))"
  echo "$path"
fi
