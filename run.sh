#!/usr/bin/env bash
# Builds the gateway if needed, then starts it in the foreground on the embedded defaults
# (conf/gateway.properties: loopback, non-privileged ports, data under ./var).
# Arguments are passed to the gateway; without any, it starts with --demo.
set -euo pipefail
cd "$(dirname "$0")"

# Tests are not run here (./test.sh runs them): this only builds what is needed to start.
jar=gateway/target/smg-gateway.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml policies mailets gateway/pom.xml gateway/src -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
  echo "Building the gateway (mvn install -DskipTests)..."
  mvn -q -B -DskipTests install -pl gateway -am
fi

if [ "$#" -eq 0 ]; then
  set -- --demo
fi
exec java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$jar" --conf conf "$@"
