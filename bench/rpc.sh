#!/bin/sh
# Control-channel latency: bin/book_app rpc vs bin/book_app pid, and calls on an open session.
# Usage (from the repository root, after `mvn -B install -DskipTests`):
#   bench/rpc.sh [--runs N] [--calls N] [--work DIR]
# Needs the book_app fixture packaged (fixtures/book_app/0.1.0/target/molt-inputs).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
mvn -B -q -o -f "$here/pom.xml" compile dependency:build-classpath \
  -Dmdep.outputFile="$here/target/classpath.txt"
exec java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  dev.molt.bench.RpcBench --fixtures "$root/fixtures" "$@"
