#!/usr/bin/env bash
# Regenerates the project's own ClamAV signature database, gateway/src/main/resources/clamav/smg.ndb,
# with sigtool (package clamav). The database only proves that scanning works without downloading
# anything: tests and the embedded default use it. Production points scanner.clamd at a clamd that
# keeps ClamAV's current databases (freshclam).
#
# Signatures (.ndb: Name:TargetType:Offset:HexSignature; type 0 = any file, * = anywhere):
#   Smg.Test.Eicar   the EICAR antivirus test string (https://www.eicar.org)
#   Smg.Test.Canary  a marker string of ours that tests put into files to prove a file was scanned
set -euo pipefail
cd "$(dirname "$0")/.."

command -v sigtool >/dev/null || { echo "sigtool not found; install the clamav package" >&2; exit 1; }

eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
canary='SMG-CANARY-7f3c2a91-TEST-ONLY-SIGNATURE'
hex() { printf '%s' "$1" | sigtool --hex-dump | tr -d '\n'; }

out=gateway/src/main/resources/clamav/smg.ndb
mkdir -p "$(dirname "$out")"
{
  echo "Smg.Test.Eicar:0:*:$(hex "$eicar")"
  echo "Smg.Test.Canary:0:*:$(hex "$canary")"
} > "$out.tmp"
# Checks with ClamAV's own matcher that each signature finds its string before replacing the committed file.
sample=$(mktemp)
trap 'rm -f "$sample" "$out.tmp"' EXIT
for text in "$eicar" "$canary"; do
  printf 'before %s after' "$text" > "$sample"
  result=$(sigtool --test-sigs="$out.tmp" "$sample" 2>&1)
  grep -q 'MATCH: \*\* YES' <<<"$result" || { echo "a signature in $out.tmp does not match its string" >&2; exit 1; }
done
mv "$out.tmp" "$out"
echo "wrote $out:"
sigtool --list-sigs="$out"
