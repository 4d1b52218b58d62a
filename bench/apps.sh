#!/bin/sh
# Boot time and metaspace of the compat/ projects, each built as a user would (mvn molt:init, then
# mvn package molt:release -Dmolt.env=prod), then bin/<name> foreground against java -cp with the
# release's runtime and jvm.options (AppBootBench), side by side.
# Usage (from the repository root; no mvn install needed):
#   mvn -B -pl compat -am verify -DskipTests
#       (fills compat/target/it-repo with the plugin under test)
#   bench/apps.sh [--runs N] [project ...]      projects: bootweb javalinapp dwapp mnapp edges
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=5
if [ "${1:-}" = "--runs" ]; then runs=$2; shift 2; fi
projects=${*:-bootweb javalinapp dwapp mnapp edges}
work="$here/target/apps"
repo="$root/compat/target/it-repo"
[ -d "$repo/dev/molt" ] || { echo "apps.sh: $repo has no Molt plugin; run the compat build first (see the usage above)" >&2; exit 2; }
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
mkdir -p "$work"
sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository/#" \
  "$root/test-support/src/main/resources/dev/molt/testsupport/maven/settings.xml" > "$work/settings.xml"
# test-compile, not compile: services' test classes need molt-api's test jar, which the
# reactor gives only from test-compile on (dependency:build-classpath resolves test scope).
mvn -B -q -o -f "$root/pom.xml" -pl bench -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$here/target/classpath.txt"
mvnp() { mvn -B -q -ntp -s "$work/settings.xml" -Dmaven.repo.local="$repo" "$@"; }

for p in $projects; do
  # main class | readiness path | port variable | release root (under the project) | main's args
  case $p in
    bootweb) set -- com.example.bootweb.BootwebApplication /actuator/health SERVER_PORT target/rel/bootweb ;;
    javalinapp) set -- com.example.javalin.HelloJavalin /hello PORT target/rel/javalinapp ;;
    dwapp) set -- com.example.dw.HelloApplication /hello PORT target/rel/dwapp "server config.yml" ;;
    mnapp) set -- com.example.mn.Application /hello PORT target/rel/mnapp ;;
    edges) set -- edge.app.EdgeApp /checks PORT app/target/rel/edges ;;
    *) echo "apps.sh: unknown project $p" >&2; exit 2 ;;
  esac
  rm -rf "${work:?}/$p" && cp -r "$root/compat/projects/$p" "$work/$p"
  find "$work/$p" -name pom.xml -exec sed -i "s/@project.version@/$version/g" {} +
  if [ "$p" = edges ]; then
    (cd "$work/$p" && mvnp -f app/pom.xml molt:init && mvnp package -Dmolt.env=prod)
  else
    (cd "$work/$p" && mvnp molt:init && mvnp package molt:release -Dmolt.env=prod)
  fi
  java -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" dev.molt.bench.AppBootBench \
    --release "$work/$p/$4" --main "$1" --url "$2" --port-env "$3" --args "${5:-}" --runs "$runs" \
    --work "$work"
done
