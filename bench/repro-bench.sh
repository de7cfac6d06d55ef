#!/usr/bin/env bash
# Are two clean builds bit-identical? Builds the wasm32-wasi zip and the python jar (wasm:jar,
# pre-initialised) of the real CPython 3.11.2 in two project directories (same pom otherwise,
# same project.build.outputTimestamp), then compares the sha256 of the zips and of every entry,
# and prints what differs (for _sysconfigdata, the differing lines), then the jars the same way. With REPRO_SAME_DIR=1 the second build is a clean
# rebuild of the first directory instead. Run from the repository root; BENCH_MVN_ARGS adds
# Maven arguments. Two full builds: about 3 minutes on an idle 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(bash scripts/fetch-sources.sh 3.11.2 | tail -n 1)
extra=(${BENCH_MVN_ARGS:-})
mvn -B -ntp -q "${extra[@]}" install -DskipTests -Dinvoker.skip=true
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -n 1)
work=${BENCH_DIR:-$PWD/target/repro-bench}
rm -rf "$work"; mkdir -p "$work"

project() { # dir
  mkdir -p "$1"
  cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>repro</artifactId><version>1</version>
  <packaging>pom</packaging>
  <properties><project.build.outputTimestamp>2024-01-01T00:00:00Z</project.build.outputTimestamp></properties>
  <build><plugins><plugin>
    <groupId>dev.wasmbuild</groupId><artifactId>wasm-maven-plugin</artifactId><version>$version</version>
    <executions><execution><goals><goal>build</goal><goal>jar</goal></goals></execution></executions>
    <configuration><target>wasi</target><sourceDirectory>$src</sourceDirectory></configuration>
  </plugin></plugins></build>
</project>
POM
}
build() { # dir
  (cd "$1" && mvn -B -ntp -o "${extra[@]}" package > mvn.log 2>&1) \
    || { echo "bench: mvn failed in $1:"; tail -n 30 "$1/mvn.log"; exit 1; }
}
a="$work/one"
b="$work/two"
project "$a"; build "$a"
mkdir -p "$work/first"; cp "$a/target/repro-1-wasi.zip" "$a/target/repro-1-python-wasi.jar" "$work/first/"
if [ "${REPRO_SAME_DIR:-0}" = 1 ]; then
  rm -rf "$a/target"; build "$a"; b="$a"; zip_a="$work/first/repro-1-wasi.zip"
  jar_a="$work/first/repro-1-python-wasi.jar"
else
  project "$b"; build "$b"; zip_a="$a/target/repro-1-wasi.zip"; jar_a="$a/target/repro-1-python-wasi.jar"
fi
zip_b="$b/target/repro-1-wasi.zip"
jar_b="$b/target/repro-1-python-wasi.jar"

# The jars: the same bytes, or which entries differ (python.wasm holds the pre-initialised
# interpreter's memory, so a difference there is something start-up read that varies).
echo "jar one: $(sha256sum < "$jar_a" | cut -c1-64)"
echo "jar two: $(sha256sum < "$jar_b" | cut -c1-64)"
if cmp -s "$jar_a" "$jar_b"; then
  echo "identical: the python jars are byte for byte the same"
  jars=0
else
  unpack_jar() { rm -rf "$2"; mkdir -p "$2"; (cd "$2" && unzip -q "$1"); }
  unpack_jar "$jar_a" "$work/jar-a"; unpack_jar "$jar_b" "$work/jar-b"
  echo "the python jars differ; entries that differ:"
  diff -rq "$work/jar-a" "$work/jar-b" | sed 's/^/  /' || true
  jars=1
fi

unpack() { rm -rf "$2"; mkdir -p "$2"; (cd "$2" && unzip -q "$1"); }
unpack "$zip_a" "$work/unpacked-a"
unpack "$zip_b" "$work/unpacked-b"
echo "zip one: $(sha256sum < "$zip_a" | cut -c1-64)"
echo "zip two: $(sha256sum < "$zip_b" | cut -c1-64)"
(cd "$work/unpacked-a" && find . -type f | sort | xargs sha256sum) > "$work/entries-a.sha256"
(cd "$work/unpacked-b" && find . -type f | sort | xargs sha256sum) > "$work/entries-b.sha256"
entries=$(wc -l < "$work/entries-a.sha256")
differing=$(diff "$work/entries-a.sha256" "$work/entries-b.sha256" | sed -n 's/^< [0-9a-f]*  //p' || true)
if cmp -s "$zip_a" "$zip_b"; then
  echo "identical: the zips are byte for byte the same ($entries entries)"
  exit "$jars"
fi
echo "the zips differ; entries that differ (of $entries):"
for f in $differing; do
  echo "  $f"
  case "$f" in
    *.py|*.txt) diff "$work/unpacked-a/$f" "$work/unpacked-b/$f" | head -n 10 | sed 's/^/      /' || true ;;
    *.wasm) cmp -l "$work/unpacked-a/$f" "$work/unpacked-b/$f" | wc -l | sed 's/^/      bytes differing: /' || true
            strings -n 8 "$work/unpacked-a/$f" | grep -F "$a" | head -n 5 | sed 's/^/      path in one: /' || true ;;
  esac
done
diff <(cut -c67- "$work/entries-a.sha256") <(cut -c67- "$work/entries-b.sha256") > /dev/null \
  || echo "  (the entry lists differ too)"
exit 1
