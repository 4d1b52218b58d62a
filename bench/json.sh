#!/bin/sh
# JSON reader on the kernel's boot path: StrictJson vs jackson-core's streaming parser, each in
# fresh JVMs of the release's runtime, without and with a CDS archive (docs/benchmarks.md).
# Usage (from the repository root, after `mvn -B install -DskipTests`):
#   bench/json.sh [--runs N] [--work DIR]
# Packaged, not just compiled: a CDS archive records classes from jars only.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
mvn -B -q -o -f "$here/pom.xml" package dependency:build-classpath \
  -Dmdep.outputFile="$here/target/classpath.txt"
exec java -cp "$(ls "$here"/target/molt-bench-*.jar | head -1):$(cat "$here/target/classpath.txt")" \
  dev.molt.bench.JsonBench --fixtures "$root/fixtures" "$@"
