#!/bin/sh
# How the JVM's RedefineClasses safepoint grows with the number of loaded classes, outside Molt:
# one tiny class redefined 21 times in a JVM that first loads N more JDK classes (bench/redefine-scale/).
# Prints, per N, the safepoint's median and minimum (from -Xlog:safepoint).
# Usage: bench/redefine-scale.sh [N...]      defaults: 0 3000 12000
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work="$here/target/redefine-scale"
rm -rf "$work" && mkdir -p "$work/classes"
javac -d "$work/classes" "$here"/redefine-scale/rs/*.java
printf 'Premain-Class: rs.Agent\nCan-Redefine-Classes: true\n' > "$work/manifest.txt"
jar cfm "$work/agent.jar" "$work/manifest.txt" -C "$work/classes" .
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
[ $# -gt 0 ] || set -- 0 3000 12000
for n in "$@"; do
  java -XX:+UseSerialGC -Xmx256m -javaagent:"$work/agent.jar" \
    -Xlog:safepoint=info:file="$work/safepoints-$n.log" -cp "$work/classes" rs.Main "$n"
  sed -n 's/.*Safepoint "RedefineClasses".*Total: \([0-9]*\) ns/\1/p' "$work/safepoints-$n.log" \
    | sort -n | awk '{a[NR]=$1} END {printf "  RedefineClasses safepoint: median %.2f ms, min %.2f ms (%d calls)\n", a[int(NR/2)+1]/1e6, a[1]/1e6, NR}'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
