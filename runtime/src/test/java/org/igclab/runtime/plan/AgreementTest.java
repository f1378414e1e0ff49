package org.igclab.runtime.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The agreement check says the relative difference it checks, not an absolute one that means nothing without the scale. */
class AgreementTest {

    @Test
    void largeOutputsThatAgreeSayTheirSmallRelativeDifference() {
        // a deep IGCV2 network's check input makes outputs near 7e13: float32 rounding there is ~1e7 in absolute terms
        float big = 7.4e13f;
        float next = Math.nextUp(Math.nextUp(Math.nextUp(big)));
        Agreement a = Agreement.of(new float[] {big, -1f}, new float[] {next, -1f});
        assertThat(a.agrees()).isTrue();
        assertThat(a.maxDifference()).isGreaterThan(1e7);
        assertThat(a.relative()).isEqualTo(a.maxDifference() / big);
        assertThat(a.describe()).isEqualTo(String.format("agrees (relative difference %.1e <= 1e-04; outputs up to 7.4e+13)", a.relative()))
                .doesNotContain(String.format("%.1e", a.maxDifference()));
    }

    @Test
    void aDifferenceBeyondTheToleranceDiffersAndSaysBy() {
        Agreement a = Agreement.of(new float[] {2f, 1f}, new float[] {2f, 1.5f});
        assertThat(a.agrees()).isFalse();
        assertThat(a.describe()).isEqualTo("DIFFERS (relative difference 2.5e-01 > 1e-04; outputs up to 2.0e+00)");
    }

    @Test
    void theDesignAgainstItselfSaysSo() {
        assertThat(Agreement.IDENTICAL.describe()).isEqualTo("agrees (the design itself)");
    }
}
