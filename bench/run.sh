#!/usr/bin/env bash
# The gateway benchmark in one command: builds what is missing or stale, resolves stock Apache
# James, then runs both servers in temporary roots on free ports (a running ./run.sh is left alone).
# Options go to the benchmark: --messages N (2000) --clients N (8) --size BYTES (20480) --timeout S (1800).
# See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

# True when $1 is missing or older than any file under the other arguments.
stale() {
  local target=$1
  shift
  [ ! -f "$target" ] || [ -n "$(find "$@" -newer "$target" -type f 2>/dev/null | head -n 1)" ]
}

# A property of the parent pom, which holds every version of the build.
pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1
}

# Builds for running only; the tests belong to ./test.sh.
if stale gateway/target/smg-gateway.jar pom.xml policies/pom.xml policies/src mailets/pom.xml mailets/src \
    gateway/pom.xml gateway/src; then
  echo "Building the gateway ..."
  mvn -q -B -DskipTests package -pl gateway -am
fi

if stale bench/target/smg-bench.jar pom.xml bench/pom.xml bench/src; then
  echo "Building the benchmark ..."
  mvn -q -B -DskipTests package -pl bench
fi

# Stock James goes into a folder of its own, resolved by a pom that does not inherit our pins.
james_version=$(pom_property james.version)
stock_lib=bench/stock-james/target/lib
if [ ! -f "$stock_lib/james-server-memory-app-$james_version.jar" ]; then
  echo "Resolving stock Apache James $james_version ..."
  rm -rf "$stock_lib"
  mvn -q -B -f bench/stock-james/pom.xml -Djames.version="$james_version" \
    "org.apache.maven.plugins:maven-dependency-plugin:$(pom_property dependency-plugin.version):copy-dependencies" \
    -DincludeScope=runtime -DoutputDirectory=target/lib
fi

exec java -Xmx256m -jar bench/target/smg-bench.jar --stock-james "$stock_lib" "$@"
