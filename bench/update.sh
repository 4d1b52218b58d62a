#!/bin/sh
# The pause of a live service update and the callers' latency around it, with 10,000 and
# 1,000,000 entries (bench/src/main/java/dev/molt/bench/update/UpdatePauseBench.java).
# Compiles bench/ and what it depends on in the reactor (no install needed), then runs it with
# the given options, e.g. bench/update.sh --entries 10000,1000000 --threads 2 --runs 3.
# JAVA selects the JVM (default: java on the PATH); it must be a JDK (the bench compiles the two
# versions of its service with javax.tools). JAVA_OPTS passes JVM options (default -Xms4g -Xmx4g).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
# test-compile, not compile: services' test classes need molt-api's test jar, which the
# reactor gives only from test-compile on (dependency:build-classpath resolves test scope).
mvn -B -q -o -pl bench -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
# shellcheck disable=SC2086
exec "${JAVA:-java}" ${JAVA_OPTS:--Xms4g -Xmx4g} \
  -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  dev.molt.bench.update.UpdatePauseBench "$@"
