#!/usr/bin/env bash
# Repeatability of `igc evaluate` latency with the default method (one intra-op and one inter-op thread, timed to a
# 3% confidence half-width of the median, interference checked), and DJL against PyTorch eager on the same network.
#
#   bench/latency-repeatability.sh            # the three CIFAR samples, twice each, then PyTorch eager; prints a table
#   bench/latency-repeatability.sh --busy     # the same, DJL only, once, with two `sha256sum /dev/zero` loading the cores
#
# Files go to bench/target/latency (or $OUT). PyTorch is Debian's python3-torch (/usr/bin/python3, or $IGC_PYTHON).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
busy=0
[ "${1:-}" = "--busy" ] && busy=1
out="${OUT:-$root/bench/target/latency}"
[ "$busy" = 1 ] && out="$out-busy"
python="${IGC_PYTHON:-/usr/bin/python3}"
mkdir -p "$out"
rm -f "$out"/*.json "$out"/*.jsonl "$out"/*.py

hogs=()
stop_hogs() { for pid in "${hogs[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_hogs EXIT
if [ "$busy" = 1 ]; then
  sha256sum /dev/zero & hogs+=($!)
  sha256sum /dev/zero & hogs+=($!)
  sleep 5
fi

note() { echo "$(date +%H:%M:%S) $* (load: $(cut -d' ' -f1-4 /proc/loadavg))" >&2; }
repeats=2
[ "$busy" = 1 ] && repeats=1
for rep in $(seq 1 "$repeats"); do
  for sample in samples/networks/cifar-*.json; do
    name=$(basename "$sample" .json)
    note "igc evaluate $sample (repeat $rep)"
    ./igc evaluate "$sample" --execution designed,auto --json --no-store > "$out/$name-$rep.json"
  done
done
if [ "$busy" = 0 ]; then
  for sample in samples/networks/cifar-*.json; do
    name=$(basename "$sample" .json)
    ./igc export "$sample" --format pytorch -o "$out/$name.py" --force >/dev/null
    note "PyTorch eager $name"
    "$python" bench/pytorch_latency.py "$out/$name.py" --batch 1,32 --threads 1 > "$out/$name-torch.jsonl"
  done
fi
note "done"
python3 bench/latency_table.py "$out"
