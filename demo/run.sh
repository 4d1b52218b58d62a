#!/bin/sh
# The Molt demo: build Molt, build the book_app 0.1.0 prod release with the Molt Maven plugin,
# install its tarball in a scratch directory as on a server, start it, call it over HTTP, operate
# it (ping, describe, rpc, the seed command, a remote console), upgrade it live to 0.2.0 while a
# client keeps calling it and downgrade it back, and stop it — printing each step.
# Needs only a JDK 17+ and Maven. Usage: demo/run.sh [--skip-build | --after-verify]
#   (none)          builds Molt and installs it in the local Maven repository (mvn install)
#   --skip-build    Molt is installed there already
#   --after-verify  reuses what the `mvn verify` just run in this tree built, installing nothing:
#                   the plugin and its Molt artifacts from maven-plugin/target/it-repo (where the
#                   plugin's tests installed them), other artifacts from the local repository
#                   (MAVEN_LOCAL_REPO, default ~/.m2/repository). .ci/run runs the demo this way.
# Environment: DEMO_DIR (default: a new directory under ${TMPDIR:-/tmp}), DEMO_PORT (default 4001+).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
molt_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n 1)
fixture="$root/fixtures/book_app/0.1.0"
work=${DEMO_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/molt-demo.XXXXXX")}
port=${DEMO_PORT:-$((4001 + $$ % 1000))}
node="$work/book_app/bin/book_app"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
run() { printf '$ %s\n' "$*"; "$@"; }
http() { java "$root/demo/Http.java" "$@"; }

cleanup() {
  touch "$work/load.stop" 2>/dev/null || true
  if [ -x "$node" ] && [ -f "$work/book_app/tmp/book_app.pid" ]; then
    "$node" stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT INT TERM

mode=${1:-build}
set --
case $mode in
  build)
    step "Building Molt $molt_version (mvn install, tests skipped; the tests are: mvn -B verify)"
    mvn -B -q -f "$root/pom.xml" install -DskipTests
    ;;
  --skip-build) ;;
  --after-verify)
    it_repo="$root/maven-plugin/target/it-repo"
    if [ ! -d "$it_repo/dev/molt/molt-maven-plugin/$molt_version" ]; then
      echo "demo: no molt-maven-plugin $molt_version in $it_repo; run mvn -B verify first, or run demo/run.sh without --after-verify to build and install Molt" >&2
      exit 1
    fi
    mkdir -p "$work"
    sed "s|@localRepositoryUrl@|file://${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}|" \
      "$root/test-support/src/main/resources/dev/molt/testsupport/maven/settings.xml" > "$work/settings.xml"
    set -- -s "$work/settings.xml" "-Dmaven.repo.local=$it_repo"
    step "Using Molt $molt_version as mvn verify built it ($it_repo)"
    ;;
  *)
    echo "usage: demo/run.sh [--skip-build | --after-verify]" >&2
    exit 2
    ;;
esac

step "Building book_app 0.1.0 as a prod release with the Molt plugin (mvn package molt:release)"
mvn -B -q "$@" -f "$fixture/pom.xml" package "dev.molt:molt-maven-plugin:$molt_version:release" \
  -Dmolt.env=prod -Dmolt.mainClass=dev.molt.fixtures.book.BookApp -DskipTests
run ls -l "$fixture/target/book_app-0.1.0.tar.gz" "$fixture/target/book_app-0.1.0.tar.gz.sha256"

step "Installing the tarball in $work, as on a server without Java"
(cd "$fixture/target" && sha256sum -c book_app-0.1.0.tar.gz.sha256 2>/dev/null || true)
run tar -xzf "$fixture/target/book_app-0.1.0.tar.gz" -C "$work"
run ls "$work/book_app" "$work/book_app/lib"

step "Starting it on port $port (the post_start hook runs the Flyway migrations through rpc)"
PORT=$port
export PORT
run "$node" start
run "$node" ping
run "$node" describe

step "Calling it over HTTP"
http POST "http://127.0.0.1:$port/books" "title=Dune&author=Frank+Herbert"
http GET "http://127.0.0.1:$port/books"
http GET "http://127.0.0.1:$port/stats"

step "Operating it: a custom command (seed, through eval in a clean JVM), rpc into the node"
run "$node" seed
http GET "http://127.0.0.1:$port/books"
run "$node" rpc dev.molt.fixtures.book.ReleaseTasks.migrate
run "$node" rpc 'dev.molt.fixtures.book.BookApp.service().statsJson()'

step "A remote console into the running node (input piped here; interactive in a terminal)"
printf 'import dev.molt.fixtures.book.*\nBookApp.service().books().size()\nBookApp.service().requests()\n/exit\n' |
  "$node" remote_console
echo

step "Building book_app 0.2.0 (a body-only fix in the request handler) and its upgrade package from the 0.1.0 tarball"
next="$root/fixtures/book_app/0.2.0"
mvn -B -q "$@" -f "$next/pom.xml" package "dev.molt:molt-maven-plugin:$molt_version:release" \
  "dev.molt:molt-maven-plugin:$molt_version:upgrade-package" -Dmolt.env=prod \
  -Dmolt.mainClass=dev.molt.fixtures.book.BookApp -Dmolt.upfrom="$fixture/target/book_app-0.1.0.tar.gz" \
  -DskipTests
run ls -l "$next/target/book_app-0.2.0-upgrade.tar.gz"

step "Unpacking the upgrade package into the running node (verified, then releases/0.2.0 and the lib/ directories it lacks)"
run "$node" unpack "$next/target/book_app-0.2.0-upgrade.tar.gz"

step "Upgrading the running node to 0.2.0, live, while a client keeps calling it"
rm -f "$work/load.stop"
java "$root/demo/Load.java" "http://127.0.0.1:$port/stats" "$work/load.stop" > "$work/load.out" &
load=$!
sleep 2
http GET "http://127.0.0.1:$port/nope" || true
run "$node" plan 0.2.0
run "$node" upgrade 0.2.0
http GET "http://127.0.0.1:$port/nope" || echo "(0.2.0's answer: the fix is live)"
http GET "http://127.0.0.1:$port/books"
http GET "http://127.0.0.1:$port/stats"
run "$node" releases

step "Downgrading to 0.1.0, live, the same way back"
run "$node" downgrade 0.1.0
http GET "http://127.0.0.1:$port/nope" || echo "(0.1.0's answer again)"
http GET "http://127.0.0.1:$port/stats"
run "$node" releases
touch "$work/load.stop"
wait "$load" && cat "$work/load.out" || { cat "$work/load.out"; echo "demo: the client saw failed calls" >&2; exit 1; }

step "Stopping it"
run "$node" stop
run "$node" ping || echo "(exit $? : not running, as expected)"

step "Done. The release is in $work/book_app."
