#!/usr/bin/env bash
# How long the explorer's FX thread works at a stretch while a script drives the window like a user: headless
# (Monocle, software rendering), the figure printed with the machine's load. Usage: bench/fx-responsiveness.sh [ROUNDS]
# See src/site/markdown/benchmarks.md. A benchmark, not a test: nothing here fails on a slow or busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
# the ui module's test classes (the benchmark and the window fixture it shares with the tests) and their class path
mvn -B -q -pl ui -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
# from the ui module's folder, as its tests run: the window's templates are read from ../samples
cd ui
exec java -Dai.djl.offline=true \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dheadless.geometry=1600x1000-32 \
  -Djava.awt.headless=true -Dtestfx.robot=glass -Dtestfx.headless=true \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.igclab.ui.view.FxResponsivenessBench "${1:-3}"
