#!/bin/sh
# Boot-time benchmark: bin/book_app foreground vs java -cp <jars> BookMain, side by side.
# Usage (from the repository root, after `mvn -B install -DskipTests`):
#   bench/boot.sh [--runs N] [--work DIR] [--bin-script FILE] [--skip-hooks true]
exec "$(dirname "$0")/run.sh" BootBench "$@"
