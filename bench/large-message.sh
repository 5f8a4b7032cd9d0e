#!/usr/bin/env bash
# The large-message benchmark: one, then two at once, messages with a 200 MB attachment (generated while
# sent, never stored here) from SMTP to the INBOX of a gateway at -Xmx512m and back over IMAPS, with the
# SMTP-to-INBOX rate and the gateway's peak heap. Options: --size-mb N (200). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=gateway/target/smg-gateway.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml policies/src mailets/src gateway/pom.xml gateway/src -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
  echo "Building the gateway ..."
  mvn -q -B -DskipTests package -pl gateway -am
fi
if [ ! -f bench/target/smg-bench.jar ] || [ -n "$(find bench/pom.xml bench/src -newer bench/target/smg-bench.jar -type f | head -n 1)" ]; then
  echo "Building the benchmark ..."
  mvn -q -B -DskipTests package -pl bench
fi
exec java -Xmx256m -cp bench/target/smg-bench.jar org.smg.bench.LargeMessageMain "$@"
