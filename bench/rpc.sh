#!/bin/sh
# Control-channel latency: bin/book_app rpc vs bin/book_app pid, and calls on an open session.
# Usage (from the repository root, after `mvn -B install -DskipTests`):
#   bench/rpc.sh [--runs N] [--calls N] [--work DIR]
exec "$(dirname "$0")/run.sh" RpcBench "$@"
