#!/usr/bin/env bash
# The execution planner's figures in one run, side by side (batch 32, one intra-op and one inter-op thread):
#   - every CIFAR sample's inference latency as designed, folded, merged, dense and auto (auto's speedup over the
#     design, and auto against the best single strategy), each plan timed in NCHW and channels last and the faster
#     kept, its layout printed with its figure (nchw or cl);
#   - a training step (forward, cross-entropy, backward, momentum SGD) as designed, merged and dense;
#   - the IGCV2 sample's training step interleaved (designed, merged channels last, merged NCHW: A, B, C, A, ...) and
#     where its time goes, by operation (libtorch's profiler, bench/profile_table.py), designed and merged;
#   - the same training step in PyTorch eager (Debian's python3-torch) on the module `igc export --format pytorch`
#     writes, same threads and batch, and the IGCV2 one profiled by operation (bench/pytorch_training.py --profile).
#
#   bench/planner.sh            # about 15 minutes on 2 quiet cores (35 under heavy load)
#   bench/planner.sh --quick    # a few passes per figure: checks the bench, the figures mean little
#
# Files go to bench/target/planner (or $OUT). PyTorch: /usr/bin/python3, or $IGC_PYTHON.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick="${1:-}"
out="${OUT:-$root/bench/target/planner}"
python="${IGC_PYTHON:-/usr/bin/python3}"
mkdir -p "$out"
echo "$(date -u +%FT%TZ) load before: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -q -o -pl runtime -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
(cd runtime && java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.igclab.runtime.plan.PlannerBench "$root/samples/networks" "$out" $quick)
cp="target/test-classes:target/classes:$(cat runtime/target/test-classpath.txt)"
rounds=$([ -n "$quick" ] && echo 2 || echo 8)
for first in designed merged+cl; do
  others=$([ "$first" = designed ] && echo "merged+cl merged" || echo "designed merged")
  echo; echo "training step of cifar-igcv2-k8-d38 interleaved, $rounds rounds (profiled: $first); load $(cut -d' ' -f1-3 /proc/loadavg)"
  (cd runtime && java -Dai.djl.offline=true -cp "$cp" org.igclab.runtime.plan.TrainingProfile \
    "$root/samples/networks/cifar-igcv2-k8-d38.json" "$rounds" "$out/trace-$first.json" $first $others)
  "$python" bench/profile_table.py "$out/trace-$first.json" --top 14
done
for sample in samples/networks/cifar-*.json; do
  name=$(basename "$sample" .json)
  ./igc export "$sample" --format pytorch -o "$out/$name.py" >/dev/null
  "$python" bench/pytorch_training.py "$out/$name.py" --batch 32 --threads 1 --name "$name" $quick
done > "$out/pytorch.jsonl"
"$python" bench/planner_table.py "$out/planner.json" "$out/pytorch.jsonl"
echo; echo "PyTorch eager's training step of cifar-igcv2-k8-d38 by operation (one step); load $(cut -d' ' -f1-3 /proc/loadavg)"
"$python" bench/pytorch_training.py "$out/cifar-igcv2-k8-d38.py" --batch 32 --threads 1 --profile "$out/trace-eager.json" --steps 1
"$python" bench/profile_table.py "$out/trace-eager.json" --top 14
echo "$(date -u +%FT%TZ) load after: $(cut -d' ' -f1-3 /proc/loadavg)"
