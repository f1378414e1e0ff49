package org.igclab.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.igclab.analyzer.ProgressListener;
import org.junit.jupiter.api.Test;

class BudgetSearchTest {

    /** A problem: which candidates are valid, their growing costs, and a budget. */
    record Problem(boolean[] valid, long[] cost, long budget) {
        BudgetSearch.Outcome outcome(int m) {
            return !valid[m - 1] ? BudgetSearch.Outcome.INVALID : cost[m - 1] <= budget ? BudgetSearch.Outcome.FITS : BudgetSearch.Outcome.EXCEEDS;
        }

        int bruteForce() {
            int best = 0;
            for (int m = 1; m <= valid.length; m++) {
                if (valid[m - 1] && cost[m - 1] <= budget) {
                    best = m;
                }
            }
            return best;
        }
    }

    @Provide
    Arbitrary<Problem> problems() {
        return Arbitraries.integers().between(0, 60).flatMap(n -> {
            Arbitrary<boolean[]> valid = Arbitraries.integers().between(0, 100).flatMap(percent ->
                    Arbitraries.of(true, false).list().ofSize(n).map(l -> {
                        boolean[] v = new boolean[n];
                        for (int i = 0; i < n; i++) {
                            v[i] = l.get(i) && (i * 37 % 100) < percent;
                        }
                        return v;
                    }));
            Arbitrary<long[]> steps = Arbitraries.longs().between(0, 5).array(long[].class).ofSize(n);
            return net.jqwik.api.Combinators.combine(valid, steps, Arbitraries.longs().between(-1, 150)).as((v, s, b) -> {
                long[] cost = new long[n];
                long c = 0;
                for (int i = 0; i < n; i++) {
                    c += s[i];
                    cost[i] = c;
                }
                return new Problem(v, cost, b);
            });
        });
    }

    @Property(tries = 500)
    void findsTheLargestValidCandidateThatFitsWithFewProbes(@ForAll("problems") Problem p) {
        Set<Integer> asked = new HashSet<>();
        BudgetSearch.Result r = BudgetSearch.largest(p.valid().length, m -> {
            assertThat(asked.add(m)).as("candidate %d asked twice", m).isTrue();
            return p.outcome(m);
        });
        assertThat(r.best()).isEqualTo(p.bruteForce());
        assertThat(r.probes()).isEqualTo(asked.size()).isLessThanOrEqualTo(p.valid().length);
    }

    @Test
    void stepsDownPastInvalidWidthsOfIgcv2() {
        // IGCV2 with K = 8 on the CIFAR skeleton: C, 2C and 4C must each factor as 8^(L-2) * r, L = ceil(log_8 C) + 1,
        // so between 64 and 128 no width is valid; a binary search that probes, say, 96 must step down to 64
        Space s = SpaceJson.parse("{\"template\": " + SpaceJsonTest.CIFAR.formatted("{\"type\": \"igcv2\", \"K\": 8}")
                + ", \"grid\": {\"depth\": [38]}}", null, "width");
        BudgetSolver.Solution solution = BudgetSolver.solve(s, "width", 1, 200, OptionalLong.of(317_242), OptionalLong.empty(),
                ProgressListener.NONE);
        assertThat(solution.answers()).hasSize(1);
        BudgetSolver.Answer a = solution.answers().get(0);
        assertThat(a.value()).isEqualTo(64);
        assertThat(a.best().figures().params()).isEqualTo(164_938);
        assertThat(a.probes()).isLessThan(200);
        // brute force over every width agrees
        DesignEvaluator all = new DesignEvaluator(solution.space());
        int best = 0;
        for (int w = 1; w <= 200; w++) {
            SweepRow row = all.evaluate(w - 1);
            if (row.status() == SweepRow.Status.PASS) {
                best = w;
            }
        }
        assertThat(best).isEqualTo(64);
    }

    @Test
    void answersEveryCombinationOfTheOtherVariablesAndSaysWhyNone() {
        Space s = SpaceJsonTest.cifar("\"${block}\"", "\"list\": [{\"block\": {\"type\": \"igcv1\", \"L\": 24}},"
                + "{\"block\": {\"type\": \"dwsep\", \"norm\": \"end\"}}], \"grid\": {\"width\": [48], \"depth\": [20, 38]}");
        List<BudgetSolver.Answer> answers = BudgetSolver.solve(s, "width", 8, 512, OptionalLong.of(317_242), OptionalLong.empty(),
                ProgressListener.NONE).answers();
        assertThat(answers).extracting(BudgetSolver.Answer::value).containsExactly(72, 48, 48, 32);
        List<BudgetSolver.Answer> tiny = BudgetSolver.solve(s, "width", 8, 64, OptionalLong.of(100), OptionalLong.empty(),
                ProgressListener.NONE).answers();
        assertThat(tiny).allSatisfy(a -> assertThat(a.found()).isFalse());
        assertThat(tiny.get(0).note()).startsWith("over budget at every valid value tried; at 24: ");
    }
}
