#!/usr/bin/env bash
# Installs the pinned Ethereum clients EthClientsIT drives (web3.py from PyPI, ethers from npm)
# into api/target/eth-clients. Versions are locked in requirements.lock and package-lock.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../../target/eth-clients"
mkdir -p "$out"
if [ ! -x "$out/venv/bin/python" ]; then
  python3 -m venv "$out/venv"
fi
"$out/venv/bin/pip" install -q -r "$here/requirements.lock"
cp "$here/package.json" "$here/package-lock.json" "$out/"
(cd "$out" && npm ci --silent --no-audit --no-fund)
echo "eth-clients: web3.py and ethers installed in $out"
