#!/bin/sh
# JMH: the cost of a call through a service handle against a direct interface call and a
# java.lang.reflect.Proxy (bench/src/main/java/dev/molt/bench/handle/HandleCallBench.java).
# Compiles bench/ and what it depends on in the reactor (no install needed), then runs JMH with
# the given options, e.g. bench/handles.sh -t 1, bench/handles.sh -t max.
# JAVA selects the JVM that runs the benchmark (default: java on the PATH); BENCH the benchmark
# class (default HandleCallBench; BENCH=SwapPauseBench measures the pause of a swap).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
# test-compile, not compile: services' test classes need molt-api's test jar, which the
# reactor gives only from test-compile on (dependency:build-classpath resolves test scope).
mvn -B -q -o -pl bench -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
exec "${JAVA:-java}" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  org.openjdk.jmh.Main "${BENCH:-HandleCallBench}" "$@"
