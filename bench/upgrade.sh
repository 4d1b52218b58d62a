#!/bin/sh
# What a client sees of a live upgrade, against a stop/start of the same node
# (UpgradePauseBench), side by side in one run:
#   book_app 0.1.0 -> 0.2.0 (redefine) and back, 0.1.0 -> 0.4.0 (restart_application: a new H2
#   in a new loader) and back, then stop+start;
#   plain_app 1.1.0 -> 1.2.0 (restart_jvm: a structural change of a plain main app) and back,
#   then stop+start.
# Builds the prod releases with the molt CLI and the upgrade packages with the molt-appup CLI,
# installs the first release of each node and unpacks the packages into it, then runs each
# scenario ROUNDS times under a client calling GET /stats, and prints the tables and the
# pictures' paths.
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

# build APP VSN MAIN_CLASS: the prod release of fixtures/APP/VSN in $work/build-APP-VSN
build() {
  f="$root/fixtures/$1/$2"
  $molt release --rel "$f/rel" --tree "$f/target/molt-inputs/deps.tgf" --lib "$f/target/molt-inputs/lib" \
    --app-jar "$f/target/$1-$2.jar" --main-class "$3" --env prod --out "$work/build-$1-$2" >/dev/null
}

# node APP FROM TO...: $work/node-APP with FROM installed and the packages FROM -> each TO unpacked
node() {
  app=$1; from=$2; shift 2
  mkdir -p "$work/node-$app"
  tar -xzf "$work/build-$app-$from/$app-$from.tar.gz" -C "$work/node-$app"
  for to in "$@"; do
    $appup upgrade-package --from "$work/build-$app-$from/rel/$app" --to "$work/build-$app-$to/rel/$app" \
      --out "$work" >/dev/null
    tar -xzf "$work/$app-$to-upgrade.tar.gz" -C "$work/node-$app"
  done
  # Both apps serve with the JDK's HttpServer, which without TCP_NODELAY answers each call about
  # 40 ms late (Nagle against the client's delayed ACK): that would hide any pause under 40 ms.
  for v in "$from" "$@"; do
    echo "-Dsun.net.httpserver.nodelay=true" >> "$work/node-$app/$app/releases/$v/jvm.options"
  done
}

rm -rf "$work" && mkdir -p "$work"
for v in 0.1.0 0.2.0 0.4.0; do build book_app $v dev.molt.fixtures.book.BookApp; done
for v in 1.1.0 1.2.0; do build plain_app $v dev.molt.fixtures.plain.PlainMain; done
node book_app 0.1.0 0.2.0 0.4.0
node plain_app 1.1.0 1.2.0

# test-compile, not compile: services' test classes need molt-api's test jar, which the
# reactor gives only from test-compile on (dependency:build-classpath resolves test scope).
mvn -B -q -o -f "$root/pom.xml" -pl bench -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$here/target/classpath.txt" >/dev/null
exec java -Djava.awt.headless=true -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  dev.molt.bench.upgrade.UpgradePauseBench "$port" "$rounds" "$png" \
  "$work/node-book_app/book_app:book_app:0.1.0:0.2.0=redefine,0.4.0=restart_application" \
  "$work/node-plain_app/plain_app:plain_app:1.1.0:1.2.0=restart_jvm"
