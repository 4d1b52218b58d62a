#!/bin/sh
# Where the pause of book_app's `redefine` upgrade comes from (UpgradeBreakdownBench): under one
# client calling GET /stats, each round runs commands that change nothing (`ping`, `releases`,
# `plan 0.2.0`: the same client JVM, and for `plan` the engine's whole check) beside `upgrade
# 0.2.0`, `plan 0.1.0` and `downgrade 0.1.0`; the node logs its safepoints
# (-Xlog:safepoint), and the harness lays them beside the calls. Builds what bench/upgrade.sh
# builds for book_app 0.1.0 and 0.2.0 only, once: a second run reuses the releases and the
# package (delete bench/target/upgrade-breakdown to rebuild) and installs a fresh node.
# Usage (from the repository root, after `mvn -B -o package -DskipTests`):
#   bench/upgrade-breakdown.sh [ROUNDS]      default: 3
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
rounds=${1:-3}
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)
work="$here/target/upgrade-breakdown"
molt="java -jar $root/release-builder/target/molt-cli/molt-release-builder-$version-cli.jar"
appup="java -jar $root/appup-compiler/target/molt-appup-compiler-$version-cli.jar"
port=$((4901 + $$ % 300))
node="$work/node-book_app/book_app"

rm -rf "$work/node-book_app" "$work"/safepoints.log* && mkdir -p "$work/node-book_app"
for v in 0.1.0 0.2.0; do
  f="$root/fixtures/book_app/$v"
  [ -f "$work/build-book_app-$v/book_app-$v.tar.gz" ] || $molt release --rel "$f/rel" --tree "$f/target/molt-inputs/deps.tgf" --lib "$f/target/molt-inputs/lib" \
    --app-jar "$f/target/book_app-$v.jar" --main-class dev.molt.fixtures.book.BookApp --env prod \
    --out "$work/build-book_app-$v" >/dev/null
done
tar -xzf "$work/build-book_app-0.1.0/book_app-0.1.0.tar.gz" -C "$work/node-book_app"
[ -f "$work/book_app-0.2.0-upgrade.tar.gz" ] || $appup upgrade-package --from "$work/build-book_app-0.1.0/rel/book_app" \
  --to "$work/build-book_app-0.2.0/rel/book_app" --out "$work" >/dev/null
tar -xzf "$work/book_app-0.2.0-upgrade.tar.gz" -C "$work/node-book_app"
for v in 0.1.0 0.2.0; do
  # nodelay: see bench/upgrade.sh; the safepoint log: with wall-clock times, to match the calls
  printf '%s\n' "-Dsun.net.httpserver.nodelay=true" \
    "-Xlog:safepoint=info:file=$work/safepoints.log:timemillis" >> "$node/releases/$v/jvm.options"
done

# test-compile, not compile: services' test classes need molt-api's test jar, which the
# reactor gives only from test-compile on (dependency:build-classpath resolves test scope).
mvn -B -q -o -f "$root/pom.xml" -pl bench -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$here/target/classpath.txt" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  dev.molt.bench.upgrade.UpgradeBreakdownBench "$port" "$rounds" "$node" book_app 0.1.0 0.2.0 \
  "$work/safepoints.log"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
