package org.igclab.rules.io;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;
import org.igclab.rules.testing.RandomChains;

/** Writing a chain and reading it back gives the same chain, whatever its permutations. */
class ChainJsonPropertiesTest {

    @Property(tries = 300)
    void parseOfWriteIsTheIdentity(@ForAll("chains") KernelChain chain, @ForAll("names") String name) {
        ChainDocument doc = new ChainDocument(name, chain);
        String text = ChainJson.write(doc);

        ChainDocument back = ChainJson.parse(text);

        assertThat(back).isEqualTo(doc);
        assertThat(ChainJson.write(back)).isEqualTo(text);
        boolean explicit = chain.permutations().stream().anyMatch(p -> p.shuffleRows() < 0)
                || chain.finalPermutation().map(p -> p.shuffleRows() < 0).orElse(false);
        Statistics.label("explicit permutation").collect(explicit);
        Statistics.label("final permutation").collect(chain.finalPermutation().isPresent());
        Statistics.label("explicit permutation").coverage(c -> c.check(true).count(n -> n >= 20));
        Statistics.label("final permutation").coverage(c -> c.check(true).count(n -> n >= 20));
    }

    /** An explicit list, the identity and every shuffle come back as the same map. */
    @Property(tries = 200)
    void everyPermutationFormRoundTrips(@ForAll("permutations") Permutation p) {
        KernelChain chain = new KernelChain(
                java.util.List.of(org.igclab.rules.model.GroupConv.of(p.size(), 1, 1), org.igclab.rules.model.GroupConv.of(p.size(), 1, 1)),
                java.util.List.of(p), java.util.Optional.of(p.inverse()));
        ChainDocument back = ChainJson.parse(ChainJson.write(new ChainDocument("p", chain)));
        assertThat(back.chain().permutations().get(0)).isEqualTo(p);
        assertThat(back.chain().finalPermutation()).contains(p.inverse());
    }

    @Provide
    Arbitrary<KernelChain> chains() {
        return RandomChains.chains();
    }

    @Provide
    Arbitrary<Permutation> permutations() {
        return Arbitraries.integers().between(1, 48).flatMap(n -> Arbitraries.oneOf(
                RandomChains.divisor(n).map(d -> Permutation.shuffle(n, d)),
                Arbitraries.just(Permutation.identity(n)),
                RandomChains.anyOrder(n)));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '→', '"', '\\', '\n', '\t', '\u00a0')
                .ofMinLength(0).ofMaxLength(40);
    }
}
