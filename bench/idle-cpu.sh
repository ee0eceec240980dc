#!/usr/bin/env bash
# Measures the CPU time a running process (e.g. `./fugue devnet`) spends while idle.
# Usage: bench/idle-cpu.sh <pid> [window_seconds=60]
# Start the devnet alone, wait until it is ready + 60 s, then run this script.
# It reads utime+stime from /proc/<pid>/stat at the start and end of the window, so the figure is
# CPU time of that process (little affected by other load on a shared machine), not wall-clock %.
# Prints: process CPU % of one core over the window, thread count, RSS, and the per-thread split
# (grouped by thread name) from /proc/<pid>/task/*/stat.
set -euo pipefail
pid=${1:?usage: $0 <pid> [window_seconds]}
window=${2:-60}
hz=$(getconf CLK_TCK)
[[ -r /proc/$pid/stat ]] || { echo "no process $pid" >&2; exit 1; }

# utime (field 14) + stime (field 15); the comm field may hold spaces, so cut after the last ')'.
ticks() { sed 's/.*) //' "$1" 2>/dev/null | awk '{print $12 + $13}'; }
threads() {
  for t in /proc/"$pid"/task/*; do
    local name
    name=$(cat "$t/comm" 2>/dev/null) || continue
    name=${name%%[0-9]*}   # group numbered pools (tokio-rt-3, C2 CompilerThre...) by prefix
    printf '%s\t%s\n' "${name:-?}" "$(ticks "$t/stat")"
  done
}

before=$(ticks /proc/"$pid"/stat)
threads_before=$(threads)
sleep "$window"
after=$(ticks /proc/"$pid"/stat)
threads_after=$(threads)

awk -v b="$before" -v a="$after" -v hz="$hz" -v w="$window" \
  'BEGIN { printf "cpu_seconds=%.2f  cpu_pct_of_one_core=%.2f\n", (a-b)/hz, 100*(a-b)/hz/w }'
echo "threads=$(ls /proc/"$pid"/task | wc -l)  rss_kib=$(awk '/VmRSS/ {print $2}' /proc/"$pid"/status)"
echo "per-thread-group cpu % of one core over the window:"
join -t $'\t' -a 2 -e 0 -o 0,1.2,2.2 \
  <(printf '%s\n' "$threads_before" | awk -F'\t' '{s[$1]+=$2} END {for (k in s) print k "\t" s[k]}' | sort) \
  <(printf '%s\n' "$threads_after" | awk -F'\t' '{s[$1]+=$2} END {for (k in s) print k "\t" s[k]}' | sort) \
  | awk -F'\t' -v hz="$hz" -v w="$window" '{d=$3-$2; if (d>0) printf "  %6.2f  %s\n", 100*d/hz/w, $1}' \
  | sort -rn
