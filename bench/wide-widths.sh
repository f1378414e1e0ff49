#!/usr/bin/env bash
# How long the widest widths take: 'igc enumerate -c 4096' from the command line (a cold JVM each time, /usr/bin/time),
# then the explorer's computation of a width (table, charts and curves, off the FX thread) at C = 16, 64, 256 and 4096,
# for the block alone and each network template. Usage: bench/wide-widths.sh [REPEATS]
# See src/site/markdown/benchmarks.md. A benchmark, not a test: nothing here fails on a slow or busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
./igc enumerate -c 8 > /dev/null   # builds the launcher's jars first, if the sources changed
echo "cores $(nproc), load average $(cut -d' ' -f1 /proc/loadavg) before"
for i in $(seq "$repeats"); do
  /usr/bin/time -f "igc enumerate -c 4096: %e s wall, %U s user, %M KB resident" ./igc enumerate -c 4096 > /dev/null
done
mvn -B -q -pl ui -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cd ui
exec java -Dai.djl.offline=true -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.igclab.ui.model.WideWidthsBench "$repeats"
