#!/usr/bin/env bash
# Runs the zk benchmarks side by side in one run: pure Rust (cargo bench, criterion) and then the
# same operations over JNI (JMH), and prints the table for docs/benchmarks.md with the JNI/Rust
# ratio of each operation. Both runs are short on purpose: the machine is shared.
#   zk/bench/run.sh [cargo-target-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
target=$(realpath -m "${1:-native/cargo-target}")

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
(cd native && cargo bench --locked --target-dir "$target" --bench zk)
mvn -B -q -pl native,zk -Pbench -DskipTests -Dcargo.target.dir="$target" verify
echo "# done $(date -u +%FT%TZ), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 zk/bench/compare.py "$target/criterion" zk/target/jmh-zk.json
