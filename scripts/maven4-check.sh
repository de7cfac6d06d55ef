#!/usr/bin/env bash
# Checks the plugin against other Maven versions than the machine's 3.8.7:
#   1. Apache Maven 4 (the newest 4.0.x on Maven Central, fetched once into
#      ~/.cache/wasm-maven-plugin/maven4) installs this repo into a private
#      local repository (target/maven4-check/m2), then runs wasm:config-site
#      and wasm:help in an empty directory without a pom;
#   2. the machine's Maven runs the same two goals from that repository;
#   3. the newest Maven 3.9.x runs them with -Dmaven.plugin.validation=VERBOSE,
#      and every plugin validation warning about this plugin is reported.
# Prints what it checked; exits non-zero when a check failed.
# Overrides: MAVEN4_VERSION, MAVEN39_VERSION (a version, or "none" for 3.9).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/target/maven4-check"
repo="$work/m2"
logs="$work/logs"
cache="$HOME/.cache/wasm-maven-plugin"
mkdir -p "$repo" "$logs"
failures=0
pass() { echo "OK    $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

# The goal prefix "wasm" is found through this plugin group, as a user's settings would list it.
settings="$work/settings.xml"
cat > "$settings" <<EOF
<settings>
  <localRepository>$repo</localRepository>
  <pluginGroups><pluginGroup>dev.wasmbuild</pluginGroup></pluginGroups>
</settings>
EOF

# Versions of org.apache.maven:apache-maven on Central, from the metadata that
# dependency:get leaves in the machine's local repository.
versions() {
    local probe
    probe=$(mktemp -d)
    (cd "$probe" && mvn -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
        -Dartifact=org.apache.maven:apache-maven:LATEST:pom -Dtransitive=false) > "$logs/versions.log" 2>&1
    rm -rf "$probe"
    cat "$HOME"/.m2/repository/org/apache/maven/apache-maven/maven-metadata-*.xml 2>/dev/null \
        | grep -o '<version>[^<]*</version>' | sed 's/<[^>]*>//g' | sort -u
}

# The newest of the versions on stdin that start with $1 (alpha < beta < rc < the release).
newest() {
    local series=$1
    grep -E "^${series//./\\.}\.[0-9]+(-(alpha|beta|rc)-[0-9]+)?$" | awk -F'[.-]' '{
        stage = $4 == "" ? 4 : ($4 == "alpha" ? 1 : ($4 == "beta" ? 2 : 3));
        printf "%06d %d %06d %s\n", $3, stage, ($5 == "" ? 0 : $5), $0 }' | sort | tail -n 1 | cut -d' ' -f4
}

# Unpacks apache-maven-$1-bin.tar.gz once under $2; prints its mvn.
distribution() {
    local version=$1 dir=$2 home
    home="$dir/apache-maven-$version"
    if [ ! -x "$home/bin/mvn" ]; then
        local tmp archive
        tmp=$(mktemp -d)
        (cd "$tmp" && mvn -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
            -Dartifact="org.apache.maven:apache-maven:$version:tar.gz:bin" -Dtransitive=false) \
            > "$logs/fetch-$version.log" 2>&1
        archive="$HOME/.m2/repository/org/apache/maven/apache-maven/$version/apache-maven-$version-bin.tar.gz"
        if [ ! -f "$archive" ] || ! tar -xzf "$archive" -C "$tmp"; then
            rm -rf "$tmp"
            return 1
        fi
        mkdir -p "$dir"
        rm -rf "$home"
        mv "$tmp/apache-maven-$version" "$home"
        rm -rf "$tmp"
    fi
    echo "$home/bin/mvn"
}

# Runs config-site and help -Dgoal=serve with the given mvn in a fresh empty directory.
pomless_goals() {
    local label=$1 mvn=$2
    shift 2
    local dir log
    dir=$(mktemp -d)
    log="$logs/$label-config-site.log"
    if (cd "$dir" && "$mvn" -B -ntp -s "$settings" wasm:config-site -Dwasm.target=wasi "$@") > "$log" 2>&1; then
        if [ -f "$dir/target/wasm/config.site-wasm32-wasi" ]; then
            pass "$label: wasm:config-site -Dwasm.target=wasi without a pom wrote target/wasm/config.site-wasm32-wasi"
        else
            fail "$label: wasm:config-site succeeded but target/wasm/config.site-wasm32-wasi is missing (log: $log)"
        fi
    else
        fail "$label: wasm:config-site -Dwasm.target=wasi failed (log: $log)"
        tail -n 20 "$log" | sed 's/^/      /'
    fi
    if [ -n "$(find "$dir" -path '*${*' -print -quit)" ]; then
        fail "$label: wasm:config-site created a directory with an unexpanded \${…} name"
    fi
    log="$logs/$label-help.log"
    if (cd "$dir" && "$mvn" -B -ntp -s "$settings" wasm:help -Ddetail -Dgoal=serve "$@") > "$log" 2>&1; then
        if grep -q 'wasm:serve' "$log" && grep -q 'serveDirectory' "$log" && grep -q 'xtermDirectory' "$log"; then
            pass "$label: wasm:help -Ddetail -Dgoal=serve describes wasm:serve and its parameters"
        else
            fail "$label: wasm:help -Ddetail -Dgoal=serve ran but does not describe serve's parameters (log: $log)"
        fi
    else
        fail "$label: wasm:help -Ddetail -Dgoal=serve failed (log: $log)"
        tail -n 20 "$log" | sed 's/^/      /'
    fi
    rm -rf "$dir"
}

all_versions=$(versions)
m4_version=${MAVEN4_VERSION:-$(newest 4.0 <<< "$all_versions")}
m39_version=${MAVEN39_VERSION:-$(newest 3.9 <<< "$all_versions")}
if [ -z "$m4_version" ]; then
    # Offline: the newest one unpacked earlier.
    m4_version=$(ls "$cache/maven4" 2>/dev/null | sed -n 's/^apache-maven-//p' | newest 4.0)
fi
machine_version=$(mvn -B -v 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | sed -n 's/^Apache Maven \([^ ]*\).*/\1/p' | head -n 1)
echo "Maven versions: 4.0.x newest ${m4_version:-(none found)}, 3.9.x newest ${m39_version:-(none found)}," \
    "machine's ${machine_version:-unknown}"
echo "Logs: $logs"

# 1. Maven 4
if [ -z "$m4_version" ]; then
    fail "no Apache Maven 4.0.x found on Central (log: $logs/versions.log)"
elif ! mvn4=$(distribution "$m4_version" "$cache/maven4"); then
    fail "cannot fetch or unpack Apache Maven $m4_version (log: $logs/fetch-$m4_version.log)"
else
    pass "Apache Maven $m4_version at $(dirname "$(dirname "$mvn4")")"
    log="$logs/maven4-install.log"
    if "$mvn4" -B -ntp -s "$settings" install -DskipTests -Dinvoker.skip=true > "$log" 2>&1; then
        pass "maven $m4_version: install -DskipTests -Dinvoker.skip=true of this repo (local repository $repo)"
        grep -E '^\[WARNING\]' "$log" | grep -v -e 'Using platform encoding' | sort -u | head -n 20 \
            | sed "s/^/      maven $m4_version build: /"
        pomless_goals "maven $m4_version" "$mvn4"
        cat "$logs/maven $m4_version-config-site.log" "$logs/maven $m4_version-help.log" | grep -E '^\[WARNING\]' \
            | sort -u | sed "s/^/      maven $m4_version goals: /"
    else
        fail "maven $m4_version: install of this repo failed (log: $log)"
        grep -E '^\[ERROR\]' "$log" | head -n 20 | sed 's/^/      /'
    fi
fi

# 2. The machine's Maven, with the plugin the Maven 4 build installed.
if [ -d "$repo/dev/wasmbuild/wasm-maven-plugin" ]; then
    pomless_goals "maven $machine_version" mvn
else
    fail "machine's maven: not run, the plugin is not installed in $repo"
fi

# 3. Maven 3.9 with plugin validation.
if [ "$m39_version" = none ]; then
    echo "SKIP  Maven 3.9 (MAVEN39_VERSION=none)"
elif [ -z "$m39_version" ]; then
    fail "no Apache Maven 3.9.x found on Central (log: $logs/versions.log)"
elif ! mvn39=$(distribution "$m39_version" "$cache/maven3.9"); then
    fail "cannot fetch or unpack Apache Maven $m39_version (log: $logs/fetch-$m39_version.log)"
elif [ -d "$repo/dev/wasmbuild/wasm-maven-plugin" ]; then
    pass "Apache Maven $m39_version at $(dirname "$(dirname "$mvn39")")"
    pomless_goals "maven $m39_version" "$mvn39" -Dmaven.plugin.validation=VERBOSE
    # The validation report lists each plugin ("[WARNING]  * g:a:v") with its issues indented below.
    report() {
        local want=$1 file out seen=""
        for file in "$logs/maven $m39_version-config-site.log" "$logs/maven $m39_version-help.log"; do
            out=$(awk -v want="$want" '
                /^\[WARNING\]  \* / { p = (index($0, "dev.wasmbuild:wasm-maven-plugin") > 0) == (want == "ours");
                                       if (p) print; next }
                p && /^\[WARNING\]   / { print; next }
                { p = 0 }' "$file")
            # Both runs usually report the same; each different report is shown once.
            if [ -n "$out" ] && [ "$out" != "$seen" ]; then
                echo "$out"
                seen=$out
            fi
        done
    }
    issues=$(report ours)
    if [ -n "$issues" ]; then
        fail "maven $m39_version: plugin validation warnings about wasm-maven-plugin:"
        echo "$issues" | sed 's/^/      /'
    else
        pass "maven $m39_version: no plugin validation warning about wasm-maven-plugin (-Dmaven.plugin.validation=VERBOSE)"
    fi
    others=$(report others)
    if [ -n "$others" ]; then
        echo "NOTE  maven $m39_version: validation warnings about other plugins (not this one's to fix):"
        echo "$others" | sed 's/^/      /'
    fi
else
    fail "maven $m39_version: not run, the plugin is not installed in $repo"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all checks passed"
