#!/usr/bin/env bash
# The main job, as a new user would run it: install the toolchains, fetch the real CPython
# source, build the plugin, then use it in a small project that cross-compiles CPython for
# wasm32-wasi and for Emscripten/node, and run both interpreters. The CPython is the newest
# the host can get, 3.13 (from trixie's python3.13 source package), on Debian 12 and 13 alike;
# DEMO_PYTHON=3.11.2 / 3.13.5 / 3.13 chooses another.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-toolchains.sh
src=$(bash scripts/fetch-sources.sh "${DEMO_PYTHON:-3.13}")
sources=$(bash scripts/fetch-sources.sh --sources-dir)
mvn -B -ntp -Dstyle.color=never -q install -DskipTests -Dinvoker.skip=true
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -n 1)
demo=target/demo
mkdir -p "$demo"
cat > "$demo/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>demo</groupId>
  <artifactId>python-wasm</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.wasmbuild</groupId>
        <artifactId>wasm-maven-plugin</artifactId>
        <version>$version</version>
        <configuration>
          <sourceDirectory>$src</sourceDirectory>
          <zlibSource>$sources/zlib-1.2.13</zlibSource>
          <bzip2Source>$sources/bzip2-1.0.8</bzip2Source>
        </configuration>
        <executions>
          <execution><id>wasi</id><goals><goal>build</goal></goals>
            <configuration><target>wasi</target></configuration></execution>
          <execution><id>node</id><goals><goal>build</goal></goals>
            <configuration><target>emscripten-node</target></configuration></execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
POM
cd "$demo"
mvn -B -ntp -Dstyle.color=never package
for target in wasi emscripten-node; do
  printf '\n===== %s: the generated site file =====\n' "$target"
  head -n 12 target/wasm/$target/config.site-*
  printf '\n===== %s: running the interpreter =====\n' "$target"
  mvn -B -ntp -Dstyle.color=never -q wasm:run -Dwasm.target=$target \
    "-Dwasm.args=-c 'import sys; print(sys.platform, sys.version.split()[0], 6 * 7)'"
done
printf '\n===== packages =====\n'
ls -l target/*.zip
