#!/usr/bin/env bash
# The scan-stage benchmark: a 200 MB file (generated, never committed) scanned by clamdscan --stream and
# by the gateway's ClamdScanner against the same clamd, configured as the gateway's embedded one.
# Needs clamd and clamdscan (packages clamav-daemon, clamdscan). Options: --size-mb N (200) --runs N (3).
# See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v clamdscan >/dev/null || { echo "clamdscan not found; install the clamdscan package" >&2; exit 1; }
jar=gateway/target/smg-gateway.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml policies/src gateway/pom.xml gateway/src -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
  echo "Building the gateway ..."
  mvn -q -B -DskipTests package -pl gateway -am
fi
# A single-file program: the JVM compiles it at launch against the gateway's class path.
exec java -Xmx256m -cp "$jar" bench/scan-rate/ScanRate.java "$@"
