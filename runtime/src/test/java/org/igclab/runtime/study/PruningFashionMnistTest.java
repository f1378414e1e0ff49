package org.igclab.runtime.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.igclab.analyzer.cli.IgcCli;
import org.igclab.analyzer.study.MedianStoppingRule;
import org.igclab.rules.testing.DebianPackages;
import org.igclab.rules.testing.RequiresDebian;
import org.igclab.runtime.store.EpochRecord;
import org.igclab.runtime.store.ResultStore;
import org.igclab.runtime.store.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training study on a slice of the real Fashion-MNIST (Debian's dataset-fashion-mnist; skipped, saying so, where
 * it is absent): every trial of the 8 tiny designs trained or pruned by the median stopping rule, a pruned run stored
 * {@code pruned} with the curve it had, below the median of the earlier trials at its last epoch.
 */
@RequiresDebian(DebianPackages.FASHION_MNIST)
class PruningFashionMnistTest {
    @TempDir
    Path dir;

    @Test
    void trialsBelowTheMedianArePrunedWithTheirCurves() throws Exception {
        String store = dir.resolve("r.db").toString();
        assertThat(IgcCli.capture("study", "create", "t", "--space", "../samples/spaces/fashion-tiny.json", "--objectives",
                "accuracy:max,params", "--store", store).code()).isZero();
        IgcCli.Captured run = IgcCli.capture("study", "run", "t", "--trials", "8", "--sampler", "grid", "--epochs", "3", "--limit-train",
                "512", "--limit-test", "256", "--data-dir", DebianPackages.fashionMnist().toString(), "--prune-warmup", "1", "--prune-min-trials", "2",
                "--store", store, "--checkpoint-root",
                dir.resolve("ckpt").toString());
        assertThat(run.code()).as(run.err()).isZero();
        MedianStoppingRule rule = new MedianStoppingRule(1, 2);
        try (ResultStore db = ResultStore.open(Path.of(store))) {
            StudyStore studies = new StudyStore(db);
            List<TrialRecord> trials = studies.trials(studies.find("t").orElseThrow().id());
            assertThat(trials).hasSize(8).allMatch(t -> t.status().equals(TrialRecord.DONE) || t.status().equals(TrialRecord.PRUNED));
            assertThat(trials).anyMatch(t -> t.status().equals(TrialRecord.PRUNED));
            List<double[]> earlier = new ArrayList<>();
            for (TrialRecord t : trials) {
                RunRecord r = db.get(t.runs().get(0)).orElseThrow();
                double[] curve = db.epochs(r.id()).stream().mapToDouble(EpochRecord::testAccuracy).toArray();
                if (t.status().equals(TrialRecord.PRUNED)) {
                    assertThat(r.status()).isEqualTo(ResultStore.PRUNED);
                    assertThat(curve.length).isBetween(2, 2);
                    assertThat(rule.judge(curve.length, curve[curve.length - 1], earlier)).isPresent();
                    assertThat(t.reason()).startsWith("pruned after epoch " + curve.length);
                } else {
                    assertThat(r.status()).isEqualTo("done");
                    assertThat(curve).hasSize(3);
                    assertThat(rule.judge(2, curve[1], earlier)).isEmpty();
                }
                earlier.add(curve);
            }
        }
        assertThat(IgcCli.capture("results", "--status", "pruned", "--store", store).out()).contains("pruned after epoch 2");
    }
}
