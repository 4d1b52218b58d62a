#!/bin/sh
# What a client sees of a live upgrade of book_app, against a stop/start of the same node
# (UpgradePauseBench): builds the book_app 0.1.0 and 0.2.0 prod releases with the molt CLI, the
# 0.2.0 upgrade package with the molt-appup CLI, installs 0.1.0 and unpacks the package into it,
# then runs upgrade 0.2.0, downgrade 0.1.0 and stop+start in turn under a client calling
# GET /stats, ROUNDS times, and prints the table and the picture's path.
# Usage (from the repository root, after `mvn -B -o package -DskipTests`):
#   bench/upgrade.sh [ROUNDS] [PNG]      defaults: 3, docs/img/upgrade-pause.png
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
rounds=${1:-3}
png=${2:-$root/docs/img/upgrade-pause.png}
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)
work="$here/target/upgrade"
molt="java -jar $root/release-builder/target/molt-cli/molt-release-builder-$version-cli.jar"
appup="java -jar $root/appup-compiler/target/molt-appup-compiler-$version-cli.jar"
port=$((4601 + $$ % 300))

rm -rf "$work" && mkdir -p "$work/node"
for v in 0.1.0 0.2.0; do
  f="$root/fixtures/book_app/$v"
  $molt release --rel "$f/rel" --tree "$f/target/molt-inputs/deps.tgf" --lib "$f/target/molt-inputs/lib" \
    --app-jar "$f/target/book_app-$v.jar" --main-class dev.molt.fixtures.book.BookApp --env prod \
    --out "$work/build-$v" >/dev/null
done
$appup upgrade-package --from "$work/build-0.1.0/rel/book_app" --to "$work/build-0.2.0/rel/book_app" \
  --out "$work" >/dev/null
tar -xzf "$work/build-0.1.0/book_app-0.1.0.tar.gz" -C "$work/node"
tar -xzf "$work/book_app-0.2.0-upgrade.tar.gz" -C "$work/node"
# book_app serves with the JDK's HttpServer, which without TCP_NODELAY answers each call about
# 40 ms late (Nagle against the client's delayed ACK): that would hide any pause under 40 ms.
for v in 0.1.0 0.2.0; do
  echo "-Dsun.net.httpserver.nodelay=true" >> "$work/node/book_app/releases/$v/jvm.options"
done

mvn -B -q -o -f "$root/pom.xml" -pl bench -am compile dependency:build-classpath \
  -Dmdep.outputFile="$here/target/classpath.txt" >/dev/null
exec java -Djava.awt.headless=true -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  dev.molt.bench.upgrade.UpgradePauseBench "$work/node/book_app" "$port" 0.1.0 0.2.0 "$rounds" "$png"
