#!/usr/bin/env bash
# Installs what the tests need when it is missing, then runs every test of every module.
# Integration tests start their own gateways on free ports and their own data directories,
# so they pass while ./run.sh is running.
set -euo pipefail
cd "$(dirname "$0")"

need_packages=()
command -v java >/dev/null 2>&1 || need_packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need_packages+=(maven)
command -v openssl >/dev/null 2>&1 || need_packages+=(openssl)
command -v mbsync >/dev/null 2>&1 || need_packages+=(isync)
# Each test gateway starts its own clamd (scanner.clamd=embedded) on the project's signature database;
# only the program is needed, never the system service or ClamAV's downloaded databases.
command -v clamd >/dev/null 2>&1 || [ -x /usr/sbin/clamd ] || need_packages+=(clamav-daemon)
# The browser tests drive Debian's Chromium through Debian's chromedriver (never a downloaded browser or driver);
# npm fetches axe-core, the accessibility checker they inject into each page (version in pom.xml).
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_packages+=(chromium-driver)
command -v node >/dev/null 2>&1 || need_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || need_packages+=(npm)
if [ "${#need_packages[@]}" -gt 0 ]; then
  echo "Installing test prerequisites: ${need_packages[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_packages[@]}"
  else
    sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_packages[@]}"
  fi
fi

mvn -B -ntp install "$@"
