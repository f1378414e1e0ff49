#!/usr/bin/env bash
# Figures for measured sweeps on Apache Spark: the 8-design samples/spaces/fashion-tiny.json sweep (one epoch on 256
# Fashion-MNIST images) in-process, on local[2] and on a two-worker loopback standalone cluster, each timed as a whole
# igc JVM; the costs around each task and how they amortise; and, on paper, the CIFAR sample grid on 64 executors.
# Needs Debian's dataset-fashion-mnist. About three minutes on 2 cores; every JVM it starts is stopped before it ends.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# every JVM below trains on one PyTorch thread: the executors stand for one core each, and two threads per JVM on a
# shared 2-core machine make the figures collapse (src/site/markdown/spark.md, "Threads")
export OMP_NUM_THREADS=1
mvn -B -q -pl spark -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -Dai.djl.offline=true -cp "$root/spark/target/test-classes:$root/spark/target/classes:$(cat spark/target/bench-classpath.txt)" \
  org.igclab.spark.SparkSweepBench
