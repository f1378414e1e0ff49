package org.igclab.analyzer.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.igclab.analyzer.network.NetworkJson;
import org.igclab.analyzer.network.ResolvedNetwork;
import org.igclab.analyzer.network.ShapeInference;
import org.junit.jupiter.api.Test;

/**
 * The bytes a pass writes, counted by hand on a small network, and the written-bytes term of the network correction:
 * its knee chosen by leave-one-out on synthetic networks with a known law; no timing here.
 */
class WrittenBytesKneeTest {

    @Test
    void aPassWritesEveryOperationsAndJoinsOutput() {
        ResolvedNetwork n = ShapeInference.resolve(NetworkJson.parse("{\"input\": {\"channels\": 16, \"size\": 8}, \"layers\": ["
                + "{\"type\": \"conv\", \"out\": 32, \"stride\": 2}, {\"type\": \"bn\"}, {\"type\": \"relu\"},"
                + "{\"type\": \"residual\", \"body\": [{\"type\": \"conv\", \"out\": 32}]},"
                + "{\"type\": \"gap\"}, {\"type\": \"linear\", \"out\": 10}]}"));
        LatencyPrediction p = LatencyPrediction.summed(n, x -> new Estimate(1, 0, Estimate.Basis.TIMED, 1));
        // conv, bn, relu, the body's conv and the add each write 32 x 4 x 4 floats; gap 32; linear 10
        long perImage = 4L * (5 * 32 * 4 * 4 + 32 + 10);
        assertThat(p.rows()).hasSize(7);
        assertThat(p.writtenBytes(1)).isEqualTo(perImage);
        assertThat(p.writtenBytes(8)).isEqualTo(8 * perImage);
    }

    /**
     * Twenty networks of varied sums, operation counts and MiB written (0.25 to 64), measured as {@code 1.05 x sum + 0.002
     * ms per operation + 0.1 ms + perMiB x max(0, written - kneeMiB)} with this relative noise.
     */
    private static List<NetworkCorrection.Sample> networks(double kneeMiB, double perMiB, double noise) {
        Random random = new Random(11);
        List<NetworkCorrection.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double sum = 0.5 + 9.5 * random.nextDouble();
            int operations = 20 + random.nextInt(200);
            double written = 0.25 * Math.pow(2, 8 * random.nextDouble());
            double law = 1.05 * sum + 0.002 * operations + 0.1 + perMiB * Math.max(0, written - kneeMiB);
            samples.add(new NetworkCorrection.Sample("n" + i, sum, operations, law * (1 + noise * random.nextGaussian()), written));
        }
        return samples;
    }

    @Test
    void aPlantedKneeIsRecovered() {
        NetworkCorrection fit = NetworkCorrection.fit(networks(8, 0.08, 0.002)).orElseThrow();
        assertThat(fit.hasKnee()).isTrue();
        assertThat(fit.kneeMiB()).isEqualTo(8.0);
        assertThat(fit.perWrittenMiB()).isCloseTo(0.08, within(0.01));
        assertThat(fit.describe()).contains("per MiB written past 8 MiB");
        // applied in bytes: a network writing 20 MiB pays 12 MiB past the knee, one writing 4 MiB nothing
        double mib = 1024.0 * 1024.0;
        assertThat(fit.apply(1, 10, 20 * mib) - fit.apply(1, 10, 4 * mib)).isCloseTo(12 * fit.perWrittenMiB(), within(1e-12));
        assertThat(NetworkCorrection.fit(networks(16, 0.08, 0.002)).orElseThrow().kneeMiB()).isEqualTo(16.0);
    }

    @Test
    void withoutAKneeEffectThePlainFormIsKept() {
        NetworkCorrection fit = NetworkCorrection.fit(networks(8, 0, 0.01)).orElseThrow();
        assertThat(fit.hasKnee()).isFalse();
        assertThat(fit.perWrittenMiB()).isZero();
        assertThat(fit.perSum()).isCloseTo(1.05, within(0.05));
        assertThat(fit.describe()).contains("no written-bytes term");
    }

    @Test
    void tooFewNetworksForFourTermsKeepThePlainForm() {
        NetworkCorrection fit = NetworkCorrection.fit(networks(8, 0.08, 0.002).subList(0, NetworkCorrection.MIN_NETWORKS_KNEE - 1)).orElseThrow();
        assertThat(fit.hasKnee()).isFalse();
    }
}
