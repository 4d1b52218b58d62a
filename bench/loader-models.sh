#!/bin/sh
# Boot time and metaspace of one release under the two class loader models, side by side:
# one loader per application (this kernel) against one loader per library (the kernel of commit
# 1bea11f, the last with that model; its release.json has no classPath). See
# docs/class-loading.md and docs/benchmarks.md.
#
# Usage (from the repository root, after `mvn -B -o package -DskipTests`; needs curl and the
# JDK's jcmd):
#   bench/loader-models.sh <release-root> <runs> <ready-url> [ENV=VALUE ...]
# e.g. bench/loader-models.sh /tmp/book/rel/book_app 7 http://127.0.0.1:4010/health PORT=4010
#
# Each round boots both copies in turn (alternating which goes first) with `bin/<name> start`,
# then polls the ready URL (every 20 ms) until it answers 200; the figure is the wall time from
# start to that answer. Then the node's metaspace ("used") is read with jcmd (GC.heap_info), the
# node log is checked for SLF4J's "no provider" warning, and the node is stopped. Every wait is
# bounded: bin/<name> (MOLT_START_TIMEOUT), 60 s for readiness, 60 s for stop.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
release=$(cd "$1" && pwd); shift
runs=$1; ready=$2; shift 2
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

boot() { # <model> [ENV=VALUE ...] -> prints "ms metaspaceK note", or "failed - <error>"
  model=$1; shift
  dir="$work/$model"
  rm -f "$dir/var/log/"*.log
  t0=$(date +%s%N)
  if ! env "$@" MOLT_SKIP_HOOKS=1 "$dir/bin/$name" start >/dev/null 2>"$work/$model.err"; then
    [ -f "$dir/tmp/$name.pid" ] && kill -9 "$(cat "$dir/tmp/$name.pid")" 2>/dev/null
    why=$(cat "$work/$model.err" "$dir/var/log/"*.log 2>/dev/null \
      | grep -m1 -E 'Error|Exception' | cut -c1-160)
    echo "failed - $why"
    return 0
  fi
  pid=$(cat "$dir/tmp/$name.pid")
  deadline=$(( $(date +%s) + 60 ))
  until curl -fs -o /dev/null "$ready"; do
    if [ "$(date +%s)" -ge "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
      why=$(grep -m1 -E 'Error|Exception' "$dir/var/log/"*.log 2>/dev/null | cut -c1-160)
      timeout 60 "$dir/bin/$name" stop >/dev/null 2>&1 || kill -9 "$pid" 2>/dev/null
      echo "failed - not ready at $ready: $why"
      return 0
    fi
    sleep 0.02
  done
  t1=$(date +%s%N)
  meta=$("$jcmd" "$pid" GC.heap_info 2>/dev/null | sed -n 's/.*Metaspace *used \([0-9]*\)K.*/\1/p')
  note=""
  grep -q "No SLF4J providers were found" "$dir/var/log/"*.log 2>/dev/null \
    && note="logging off: SLF4J found no provider"
  timeout 60 "$dir/bin/$name" stop >/dev/null 2>&1 || kill -9 "$pid"
  echo "$(( (t1 - t0) / 1000000 )) ${meta:-?} $note"
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
  if grep "^$m " "$work/rounds.txt" | grep -q " failed - "; then
    echo "$m: failed to boot ($(grep "^$m " "$work/rounds.txt" | grep -m1 -o 'failed - .*'))"
    continue
  fi
  med=$(grep "^$m " "$work/rounds.txt" | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  meta=$(grep "^$m " "$work/rounds.txt" | awk '{print $4}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  note=$(grep "^$m " "$work/rounds.txt" | grep -m1 -o 'logging off.*' || true)
  echo "median $m: boot ${med} ms, metaspace used ${meta} K ${note}"
done
