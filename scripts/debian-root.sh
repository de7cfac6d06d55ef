#!/usr/bin/env bash
# A Debian root of the *other* release than the host (bookworm host -> trixie root, trixie host
# -> bookworm root), so the plugin can be built and tested against both Debian releases'
# toolchains (clang 14 / emscripten 3.1.6 on bookworm, clang 19 / emscripten 3.1.69 on trixie)
# from one machine. Needs root (debootstrap, chroot, mount).
#
#   debian-root.sh [make] [--suite S]          make the root once (cached) and print its path
#   debian-root.sh path [--suite S]            print the path (whether or not it exists yet)
#   debian-root.sh run [--suite S] [--repo DIR] [--] CMD [ARGS...]
#                                              run CMD in the root (made first when missing)
#   debian-root.sh clean-mounts [--suite S]    unmount what a killed run of an older version left
#   debian-root.sh remove [--suite S]          delete the root
#
# The root lives in ${WASM_PLUGIN_CACHE:-~/.cache/wasm-maven-plugin}/roots/<suite>. It is built
# in a temporary directory next to it and renamed when complete, so an interrupted run never
# leaves a half root that looks done (the next run deletes the leftover and starts over).
#
# `run` works in a private mount namespace (unshare -m): proc, /dev, the repository (by default
# the git toplevel of the current directory, at the same path inside) and the host's Maven
# repository (~/.m2/repository -> /root/.m2/repository, read-write: artifacts do not depend on
# the JDK) are mounted there only, and vanish with the namespace when CMD ends, however it ends
# (error, Ctrl-C, kill -9). The plugin's tool cache is NOT shared: inside, HOME=/root and the
# cache is the root's own /root/.cache/wasm-maven-plugin, since its toolchains differ.
# The working directory inside is the current directory when it is in the repository.
# Carried into the root: http_proxy/https_proxy/no_proxy (both cases), MAVEN_OPTS, MAVEN_ARGS,
# ~/.m2/settings.xml and settings-security.xml, and /etc/maven/settings.xml when it was changed
# from the packaged file.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
self="$here/$(basename "$0")"
cache="${WASM_PLUGIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wasm-maven-plugin}"
roots="$cache/roots"
packages=(ca-certificates default-jdk-headless maven git nodejs npm)

die() { echo "debian-root: $*" >&2; exit 1; }
log() { echo "debian-root: $*" >&2; }

host_suite() {
  local c; c=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  [ -n "$c" ] || die "cannot tell the host's Debian release from /etc/os-release"
  echo "$c"
}
other_suite() {
  case "$1" in
    bookworm) echo trixie ;;
    trixie) echo bookworm ;;
    *) die "host release '$1' is neither bookworm nor trixie: give --suite" ;;
  esac
}

# The host's Debian mirror: the first URIs of a deb822 stanza whose Suites name the host's
# release (not -security), from /etc/apt/sources.list.d/debian.sources (or a one-line list).
host_mirror() {
  local f=/etc/apt/sources.list.d/debian.sources suite; suite=$(host_suite)
  local m=
  if [ -f "$f" ]; then
    m=$(awk -v s="$suite" '
      /^[[:space:]]*$/ { if (uri != "" && ok) { print uri; exit } uri=""; ok=0; next }
      /^URIs:/ { uri=$2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) ok=1 }
      END { if (uri != "" && ok) print uri }' "$f" | head -n 1)
  fi
  if [ -z "$m" ] && [ -f /etc/apt/sources.list ]; then
    m=$(awk -v s="$suite" '$1 == "deb" && $3 == s { print ($2 ~ /^\[/ ? $3 : $2); exit }' /etc/apt/sources.list)
  fi
  echo "${m:-http://deb.debian.org/debian}"
}
host_security_mirror() {
  local f=/etc/apt/sources.list.d/debian.sources suite; suite=$(host_suite)-security
  local m=
  [ -f "$f" ] && m=$(awk -v s="$suite" '
      /^[[:space:]]*$/ { if (uri != "" && ok) { print uri; exit } uri=""; ok=0; next }
      /^URIs:/ { uri=$2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) ok=1 }
      END { if (uri != "" && ok) print uri }' "$f" | head -n 1)
  echo "${m:-http://deb.debian.org/debian-security}"
}

# Mount points below DIR in this mount namespace, deepest first.
mounts_below() {
  case "${1:-}" in /?*) ;; *) return 0 ;; esac
  awk -v d="$1" '{ p=$5; gsub(/\\040/, " ", p); if (p == d || index(p, d "/") == 1) print p }' /proc/self/mountinfo \
    | awk '{ print length($0) " " $0 }' | sort -rn | cut -d' ' -f2-
}
unmount_below() {
  local p
  # never with an empty or relative directory: that would match every mount point
  case "${1:-}" in /?*) ;; *) log "refusing to unmount below '${1:-}'"; return 1 ;; esac
  while IFS= read -r p; do
    [ -n "$p" ] || continue
    umount "$p" 2>/dev/null || umount -l "$p" 2>/dev/null || log "could not unmount $p"
  done < <(mounts_below "$1")
}
# Mounts an older or killed run left in the host's namespace (runs use their own namespace,
# so in the host's one nothing below the roots directory should ever be mounted).
clean_stale_mounts() {
  [ -d "$roots" ] || return 0
  local r; r=$(cd "$roots" && pwd -P)
  if [ -n "$(mounts_below "$r")" ]; then
    log "unmounting stale mounts below $r"
    unmount_below "$r"
  fi
}

mount_basics() { # root
  local root=$1
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --make-rslave "$root/dev"
  mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm" 2>/dev/null || true
}

# Copies the host's settings into the root (called at make time and before every run).
carry_settings() { # root
  local root=$1 f
  mkdir -p "$root/root/.m2/repository"
  for f in settings.xml settings-security.xml; do
    if [ -f "$HOME/.m2/$f" ]; then cp "$HOME/.m2/$f" "$root/root/.m2/$f"; fi
  done
  # /etc/maven/settings.xml only when the host's was edited (its md5 differs from the packaged one)
  if [ -f /etc/maven/settings.xml ] && [ -d "$root/etc/maven" ]; then
    local want; want=$(dpkg-query -W -f='${Conffiles}\n' maven 2>/dev/null | awk '$1 == "/etc/maven/settings.xml" { print $2 }')
    if [ -n "$want" ] && [ "$(md5sum < /etc/maven/settings.xml | cut -d' ' -f1)" != "$want" ]; then
      cp /etc/maven/settings.xml "$root/etc/maven/settings.xml"
    fi
  fi
  cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
}

# The environment inside (for `env -i`), in the array root_env.
root_env=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "TERM=${TERM:-dumb}")
for v in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY MAVEN_OPTS MAVEN_ARGS; do
  if [ -n "${!v:-}" ]; then root_env+=("$v=${!v}"); fi
done

make_root() { # suite
  local suite=$1 final="$roots/$1"
  [ -d "$final" ] && return 0
  [ "$(id -u)" = 0 ] || die "making a root needs root (debootstrap, chroot)"
  command -v debootstrap > /dev/null || {
    log "installing debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap > /dev/null
  }
  [ -e "/usr/share/debootstrap/scripts/$suite" ] || die "this debootstrap does not know '$suite'"
  mkdir -p "$roots"
  clean_stale_mounts
  # leftovers of interrupted runs
  local old
  for old in "$roots"/.make-"$suite".*; do
    if [ -d "$old" ] && [ ! -L "$old" ]; then
      unmount_below "$(cd "$old" && pwd -P)" || die "cannot clean $old"
    elif [ ! -f "$old" ]; then
      continue
    fi
    log "removing the unfinished $old"
    rm -rf --one-file-system "$old"
  done
  local tmp; tmp=$(mktemp -d "$roots/.make-$suite.XXXXXX")
  chmod 755 "$tmp"
  local mirror security keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  mirror=$(host_mirror); security=$(host_security_mirror)
  local t0=$SECONDS
  log "debootstrap $suite from $mirror into $tmp"
  # in a private mount namespace too: the proc/sys debootstrap mounts inside vanish with it
  unshare --mount --propagation private -- debootstrap --variant=minbase --keyring="$keyring" --include=ca-certificates \
    "$suite" "$tmp" "$mirror" > "$tmp.debootstrap.log" 2>&1 \
    || { tail -n 20 "$tmp.debootstrap.log" >&2; die "debootstrap failed (log: $tmp.debootstrap.log)"; }
  log "debootstrap took $((SECONDS - t0)) s"
  rm -f "$tmp/etc/apt/sources.list"
  cat > "$tmp/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  # the host's local CAs (an intercepting proxy's, say): without them Maven cannot reach Central
  mkdir -p "$tmp/usr/local/share/ca-certificates"
  local crt
  for crt in /usr/local/share/ca-certificates/*.crt; do
    [ -e "$crt" ] && cp "$crt" "$tmp/usr/local/share/ca-certificates/"
  done
  # apt settings the host needs to reach its mirror (a proxy, a snapshot's expired Release files)
  local conf
  for conf in /etc/apt/apt.conf.d/*; do
    if [ -f "$conf" ] && grep -qiE 'Acquire::(https?::Proxy|Check-Valid-Until|Check-Date)' "$conf"; then
      cp "$conf" "$tmp/etc/apt/apt.conf.d/"
    fi
  done
  carry_settings "$tmp"
  local t1=$SECONDS
  # install in a private mount namespace: the mounts vanish with it whatever happens
  cp "$here/install-toolchains.sh" "$tmp/root/install-toolchains.sh"
  unshare --mount --propagation private -- /bin/bash -euo pipefail -c '
    tmp=$1; shift
    mount -t proc proc "$tmp/proc"
    mount --rbind /dev "$tmp/dev"
    env -i "$@" chroot "$tmp" /bin/bash -euo pipefail -c "
      update-ca-certificates > /dev/null
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends '"${packages[*]}"' > /dev/null
      update-ca-certificates --fresh > /dev/null
      bash /root/install-toolchains.sh
      apt-get clean
    "' _ "$tmp" "${root_env[@]}" > "$tmp.install.log" 2>&1 \
    || { tail -n 30 "$tmp.install.log" >&2; die "installing packages in the root failed (log: $tmp.install.log)"; }
  log "package installation took $((SECONDS - t1)) s"
  tail -n 1 "$tmp.install.log" >&2
  rm -f "$tmp/root/install-toolchains.sh"
  mv "$tmp.debootstrap.log" "$tmp/root/debootstrap.log"
  mv "$tmp.install.log" "$tmp/root/install.log"
  [ -z "$(mounts_below "$(cd "$tmp" && pwd -P)")" ] || die "mounts left below $tmp"
  mv "$tmp" "$final"
  log "made $final in $((SECONDS - t0)) s"
}

# ---- arguments
verb=make
case "${1:-}" in
  make|path|run|clean-mounts|remove|__inner) verb=$1; shift ;;
esac
suite= repo=
while [ $# -gt 0 ]; do
  case "$1" in
    --suite) suite=${2:?--suite needs a name}; shift 2 ;;
    --suite=*) suite=${1#--suite=}; shift ;;
    --repo) repo=${2:?--repo needs a directory}; shift 2 ;;
    --repo=*) repo=${1#--repo=}; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) [ "$verb" = run ] || [ "$verb" = __inner ] || die "unknown argument $1"; break ;;
  esac
done
[ -n "$suite" ] || suite=$(other_suite "$(host_suite)")
root="$roots/$suite"

case "$verb" in
  path) echo "$root" ;;
  make) make_root "$suite"; echo "$root" ;;
  clean-mounts) clean_stale_mounts ;;
  remove) clean_stale_mounts; [ -d "$root" ] && rm -rf --one-file-system "$root"; true ;;
  run)
    [ $# -gt 0 ] || die "run: no command (debian-root.sh run [--suite S] [--repo DIR] -- CMD ARGS...)"
    [ "$(id -u)" = 0 ] || die "run needs root (chroot, mount)"
    make_root "$suite"
    clean_stale_mounts
    if [ -z "$repo" ]; then repo=$(git rev-parse --show-toplevel 2>/dev/null) || repo=$(cd "$here/.." && pwd); fi
    repo=$(cd "$repo" && pwd -P)
    exec unshare --mount --propagation private -- /bin/bash "$self" __inner --suite "$suite" --repo "$repo" -- "$@"
    ;;
  __inner)
    # in the private mount namespace: nothing mounted here is seen by, or outlives, it
    trap 'unmount_below "$(cd "$root" && pwd -P)"' EXIT
    carry_settings "$root"
    mount_basics "$root"
    mkdir -p "$root$repo"
    mount --bind "$repo" "$root$repo"
    if [ -d "$HOME/.m2/repository" ]; then mount --bind "$HOME/.m2/repository" "$root/root/.m2/repository"; fi
    cwd=$(pwd -P)
    case "$cwd/" in "$repo"/*) ;; *) cwd=/root ;; esac
    set +e
    env -i "${root_env[@]}" chroot "$root" /bin/bash -c 'cd "$1" && shift && exec "$@"' _ "$cwd" "$@"
    rc=$?
    exit $rc
    ;;
esac
