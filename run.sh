#!/usr/bin/env bash
# Builds the gateway if needed, then starts it in the foreground on the embedded defaults
# (conf/gateway.properties: loopback, non-privileged ports, data under ./var).
# Arguments are passed to the gateway; without any, it starts with --demo.
set -euo pipefail
# Everything the gateway creates (data, secrets, logs, temporary files) is private to this user.
umask 077
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

# The embedded default (scanner.clamd=embedded) runs clamd from the clamav-daemon package, as a child
# of the gateway with its own configuration; the system's clamd service is not used.
scanner=$(sed -n 's/^[[:space:]]*scanner\.clamd[[:space:]]*[=:][[:space:]]*\(.*[^[:space:]]\)[[:space:]]*$/\1/p' conf/gateway.properties | tail -n 1)
if [ "${scanner:-embedded}" = embedded ] && ! command -v clamd >/dev/null 2>&1 && [ ! -x /usr/sbin/clamd ]; then
  echo "Installing clamav-daemon for the embedded virus scanner (or set scanner.clamd in conf/gateway.properties)"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q clamav-daemon
  else
    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q clamav-daemon
  fi
fi

# James buffers large messages in flight in the JVM's temporary directory, in plain text: keep it
# in the data directory (<data>/tmp, private, emptied by the gateway at every start). The JVM reads
# java.io.tmpdir only at launch, hence here; the gateway warns if it ends up elsewhere.
data_dir=$(sed -n 's/^[[:space:]]*gateway\.dataDir[[:space:]]*[=:][[:space:]]*\(.*[^[:space:]]\)[[:space:]]*$/\1/p' conf/gateway.properties | tail -n 1)
data_dir=${data_dir:-var}
case "$data_dir" in
  /*) ;;
  *) data_dir="$PWD/$data_dir" ;;
esac

# The gateway also sets jdk.tls.rejectClientInitiatedRenegotiation itself and checks it at start.
exec java -Xmx512m -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir="$data_dir/tmp" \
  -Djdk.tls.rejectClientInitiatedRenegotiation=true -jar "$jar" --conf conf "$@"
