#!/bin/sh
# Boot time and metaspace of one release under the two class loader models, side by side:
# one loader per application (this kernel) against one loader per library (the kernel of commit
# 1bea11f, the last with that model; its release.json has no classPath). See
# docs/class-loading.md and docs/benchmarks.md.
#
# Usage (from the repository root, after `mvn -B -o package -DskipTests`):
#   bench/loader-models.sh <release-root> [runs] [ENV=VALUE ...]
# e.g. bench/loader-models.sh /tmp/book/rel/book_app 7 PORT=4010
#
# Each round boots both copies in turn (alternating which goes first) with `bin/<name> start`,
# which returns once the apps are started and the control channel answers; the figure is its
# wall time. Then the node's metaspace ("used") is read with the JDK's jcmd (GC.heap_info), and
# the node is stopped. Every wait is bounded by bin/<name> (MOLT_START_TIMEOUT) and by this
# script's own timeout on stop.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
release=$(cd "$1" && pwd); shift
runs=${1:-5}; [ $# -gt 0 ] && shift
name=$(ls "$release/bin" | grep -v '\.d$' | head -n 1)
work="$here/target/loader-models"
old_src="$work/old-kernel-src"
jcmd="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/jcmd"

if [ ! -f "$work/old-kernel/molt-runtime-loader.jar" ]; then
  echo "building the per-library kernel (commit 1bea11f) in $old_src" >&2
  rm -rf "$old_src"; git -C "$root" worktree prune
  git -C "$root" worktree add --detach "$old_src" 1bea11f >/dev/null
  mvn -B -q -o -f "$old_src/pom.xml" package -DskipTests -pl runtime-loader -am
  mkdir -p "$work/old-kernel"
  for m in runtime-loader api format control; do
    cp "$old_src/$m/target/molt-$m-"*.jar "$work/old-kernel/molt-$m.jar"
  done
fi

rm -rf "$work/per-application" "$work/per-library"
cp -a "$release" "$work/per-application"
cp -a "$release" "$work/per-library"
for copy in per-application per-library; do rm -rf "$work/$copy/tmp" "$work/$copy/var"; done
kdir=$(ls -d "$work/per-library/lib/molt-kernel-"*)
for m in runtime-loader api format control; do
  cp "$work/old-kernel/molt-$m.jar" "$(ls "$kdir/molt-$m-"*.jar)"
done
# The old reader refuses the classPath field; without it, each library gets its own loader.
java "$here/src/main/sh/StripClassPath.java" "$work/per-library/releases"/*/release.json

boot() { # <model> [ENV=VALUE ...] -> prints "ms metaspaceK"
  model=$1; shift
  dir="$work/$model"
  t0=$(date +%s%N)
  env "$@" MOLT_SKIP_HOOKS=1 "$dir/bin/$name" start >/dev/null 2>"$work/$model.err" || {
    echo "start of $model failed:" >&2; cat "$work/$model.err" "$dir/var/log/"*.log >&2; exit 1; }
  t1=$(date +%s%N)
  pid=$(cat "$dir/tmp/$name.pid")
  meta=$("$jcmd" "$pid" GC.heap_info 2>/dev/null | sed -n 's/.*Metaspace *used \([0-9]*\)K.*/\1/p')
  timeout 60 "$dir/bin/$name" stop >/dev/null 2>&1 || kill -9 "$pid"
  echo "$(( (t1 - t0) / 1000000 )) ${meta:-?}"
}

# One uncounted boot each: the first boot of an installation makes its CDS archives (kernel.md).
boot per-library "$@" >/dev/null; boot per-application "$@" >/dev/null
echo "model           round  boot_ms  metaspace_used_K"
i=1
while [ "$i" -le "$runs" ]; do
  if [ $((i % 2)) -eq 1 ]; then order="per-library per-application"; else order="per-application per-library"; fi
  for m in $order; do
    printf '%-15s %5d  %s\n' "$m" "$i" "$(boot "$m" "$@")"
  done
  i=$((i + 1))
done | tee "$work/rounds.txt"
for m in per-library per-application; do
  med=$(grep "^$m " "$work/rounds.txt" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  meta=$(grep "^$m " "$work/rounds.txt" | awk '{print $4}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "median $m: boot ${med} ms, metaspace used ${meta} K"
done
