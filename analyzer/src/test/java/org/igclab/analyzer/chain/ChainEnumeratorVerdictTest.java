package org.igclab.analyzer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.igclab.rules.condition.ComplementaryCondition;
import org.igclab.rules.condition.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The enumerator's verdicts (strict by construction where it may, exact elsewhere) against the exact checker on every chain. */
class ChainEnumeratorVerdictTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 12, 96, 360, 1024})
    void everyVerdictIsTheExactCheckersOwn(int channels) {
        EnumerationOptions o = new EnumerationOptions(channels, 1, 12, FirstKernel.ANY, 1, Integer.MAX_VALUE, 3, 8, true);
        List<EnumeratedDesign> designs = ChainEnumerator.enumerate(o, (done, total) -> { });
        assertThat(designs).isNotEmpty();
        for (EnumeratedDesign d : designs) {
            assertThat(d.complementary()).as(d.name()).isEqualTo(ComplementaryCondition.check(d.shape().toChain()));
            assertThat(d.complementary().verdict()).isEqualTo(d.shape().isLoose() ? Verdict.DENSE : Verdict.STRICT);
        }
    }
}
