#!/bin/sh
# Runs one whole-process benchmark of bench/ (compiled and its class path resolved with Maven,
# offline): bench/run.sh <Class> [options], e.g. BootBench or RpcBench. boot.sh and rpc.sh call it.
# Needs `mvn -B install -DskipTests` first (it also packages the book_app fixture).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bench=$1; shift
mvn -B -q -o -f "$here/pom.xml" compile dependency:build-classpath \
  -Dmdep.outputFile="$here/target/classpath.txt"
exec java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  "dev.molt.bench.$bench" --fixtures "$root/fixtures" "$@"
