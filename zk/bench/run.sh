#!/usr/bin/env bash
# Runs the zk benchmarks side by side in one run: the operations over JNI (JMH) and then the same
# operations in pure Rust (cargo bench, criterion), and prints the table for docs/benchmarks.md
# with the JNI/Rust ratio of each. Both runs are short on purpose: the machine is shared.
#   zk/bench/run.sh [cargo-target-dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
target=$(realpath -m "${1:-native/cargo-target}")

# JMH allows one run per machine (/tmp/jmh.lock, a POSIX lock): wait for another one to finish
# rather than measuring two benchmarks against each other.
wait_for_jmh() {
  for _ in $(seq 1 180); do
    if python3 -c 'import fcntl,sys
f = open("/tmp/jmh.lock", "a")
try:
    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
except OSError:
    sys.exit(1)'; then
      return 0
    fi
    sleep 5
  done
  echo "another JMH run held /tmp/jmh.lock for 15 minutes" >&2
  return 1
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
(cd native && cargo build --release --locked --features bench-timing --target-dir "$target" && cargo bench --locked --target-dir "$target" --bench zk --no-run)
wait_for_jmh
echo "# JMH from $(date -u +%FT%TZ), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q -pl native,zk -Pbench -DskipTests -Dcargo.target.dir="$target" verify
cat zk/target/paired-jni-overhead.md
echo "# cargo bench from $(date -u +%FT%TZ), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# criterion writes its results under CARGO_TARGET_DIR, not under --target-dir.
(cd native && CARGO_TARGET_DIR="$target" cargo bench --locked --bench zk)
echo "# done $(date -u +%FT%TZ), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 zk/bench/compare.py "$target/criterion" zk/target/jmh-zk.json
