#!/bin/sh
# The soak (bench/src/main/java/dev/molt/bench/soak/SoakBench.java): N upgrade/downgrade cycles
# of a small app (tally) in one node JVM under continuous HTTP load, each an `update` of a
# stateful service whose state migrates up and back down; samples metaspace, loaded classes,
# threads and open file descriptors at the start, every --every cycles and at the end, and checks
# that no call failed, no update was lost and every old unit loader was collected.
# Usage (from the repository root; it packages bench/ and what it depends on in the reactor, no
# install needed: the release takes the kernel jars from the class path, so they must be jars):
#   bench/soak.sh [--cycles 500] [--every 100] [--threads 2] [--minutes 60]
# JAVA selects the JVM (default: java on the PATH); it must be a JDK (the app is compiled with
# javax.tools). Work files (the releases, the node) go to bench/target/soak.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
mvn -B -q -o -pl bench -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
exec "${JAVA:-java}" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
  dev.molt.bench.soak.SoakBench "$@"
