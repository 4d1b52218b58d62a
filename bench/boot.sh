#!/bin/sh
# Boot-time benchmark: bin/book_app foreground vs java -cp <jars> BookMain, side by side.
# Usage (from the repository root, after `mvn -B install -DskipTests`):
#   bench/boot.sh [--runs N] [--work DIR] [--bin-script FILE] [--skip-hooks true]
# Needs the book_app fixture packaged (fixtures/book_app/0.1.0/target/molt-inputs).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
mvn -B -q -o -f "$here/pom.xml" compile dependency:build-classpath \
  -Dmdep.outputFile="$here/target/classpath.txt"
exec java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  dev.molt.bench.BootBench --fixtures "$root/fixtures" "$@"
