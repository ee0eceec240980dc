#!/bin/sh
# Fetches the CC0 country database (an npm package holding .mmdb files) into target/ once.
# Usage: fetch-geoip.sh <npm package@version> <dir>
set -eu
pkg="$1"
dir="$2"
if [ -f "$dir/package/geo-whois-asn-country.mmdb" ]; then
  exit 0
fi
mkdir -p "$dir"
cd "$dir"
tgz=$(npm pack --silent "$pkg")
tar xzf "$tgz" package/geo-whois-asn-country.mmdb package/package.json
rm -f "$tgz"
