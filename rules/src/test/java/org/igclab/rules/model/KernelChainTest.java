package org.igclab.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igclab.rules.testing.Invalid.rejects;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelChainTest {

    @Test
    void interleavedChainShape() {
        // C = 64, K = (1, 8, 8), first kernel 3x3: groups 64, 8, 8; permutations canonical(64, 1) = identity,
        // canonical(64, 8) = shuffle(64, 8).
        KernelChain chain = KernelChain.interleaved(64, 3, 1, 8, 8);
        assertThat(chain.length()).isEqualTo(3);
        assertThat(chain.groupSizes()).containsExactly(1, 8, 8);
        assertThat(chain.kernels()).extracting(GroupConv::groups).containsExactly(64, 8, 8);
        assertThat(chain.kernels()).extracting(GroupConv::kernelSize).containsExactly(3, 1, 1);
        assertThat(chain.permutations()).containsExactly(Permutation.identity(64), Permutation.shuffle(64, 8));
        assertThat(chain.finalPermutation()).isEmpty();
        assertThat(chain.productOfGroupSizes()).isEqualTo(BigInteger.valueOf(64));
        assertThat(chain.inChannels()).isEqualTo(64);
        assertThat(chain.outChannels()).isEqualTo(64);
        assertThat(chain.hasConstantWidth()).isTrue();
        // 64 * (9 * 1 + 8 + 8)
        assertThat(chain.weightCount()).isEqualTo(1600);
    }

    @Test
    void interleavedWithExplicitKernelSizes() {
        KernelChain chain = KernelChain.interleaved(12, new int[] {3, 4}, new int[] {5, 1});
        assertThat(chain.kernels()).containsExactly(GroupConv.of(12, 4, 5), GroupConv.of(12, 3, 1));
        assertThat(chain.permutations()).containsExactly(Permutation.shuffle(12, 4));
    }

    @Test
    void aWidthChangingChain() {
        KernelChain chain = new KernelChain(
                List.of(new GroupConv(16, 16, 16, 3, 2), new GroupConv(16, 32, 1, 1, 1)),
                List.of(Permutation.identity(16)));
        assertThat(chain.hasConstantWidth()).isFalse();
        assertThat(chain.inChannels()).isEqualTo(16);
        assertThat(chain.outChannels()).isEqualTo(32);
    }

    @Test
    void productOfGroupSizesIsExactPast64Bits() {
        // five dense kernels of 65536 channels: 2^80 paths per output, more than a long holds
        int c = 65536;
        List<GroupConv> kernels = new ArrayList<>();
        List<Permutation> perms = new ArrayList<>();
        for (int l = 0; l < 5; l++) {
            kernels.add(GroupConv.of(c, 1, 1));
            if (l < 4) {
                perms.add(Permutation.identity(c));
            }
        }
        assertThat(new KernelChain(kernels, perms).productOfGroupSizes()).isEqualTo(BigInteger.ONE.shiftLeft(80));
        assertThat(new KernelChain(kernels.subList(0, 3), perms.subList(0, 2)).productOfGroupSizes()).isEqualTo(BigInteger.ONE.shiftLeft(48));
    }

    @Test
    void chainIsImmutableAndNullFinalMeansNone() {
        List<GroupConv> kernels = new ArrayList<>(List.of(GroupConv.of(4, 2, 1)));
        KernelChain chain = new KernelChain(kernels, List.of(), null);
        kernels.add(GroupConv.of(4, 1, 1));
        assertThat(chain.length()).isEqualTo(1);
        assertThat(chain.finalPermutation()).isEmpty();
    }

    @Test
    void invalidChains() {
        GroupConv c64 = GroupConv.of(64, 8, 1);
        GroupConv c32 = GroupConv.of(32, 8, 1);
        rejects(() -> new KernelChain(List.of(), List.of()), "kernels", "kernels: a chain needs at least one kernel");
        rejects(() -> new KernelChain(List.of(c64, c32), List.of(Permutation.identity(64))),
                "kernels[1].inChannels", "kernels[1].inChannels = 32 does not match the 64 output channels of kernels[0]");
        rejects(() -> new KernelChain(List.of(c64, c64, c32), List.of(Permutation.identity(64), Permutation.identity(64))),
                "kernels[2].inChannels", "kernels[2].inChannels = 32 does not match the 64 output channels of kernels[1]");
        rejects(() -> new KernelChain(List.of(c64, c64), List.of()),
                "permutations", "permutations: has 0 entries; a chain of 2 kernels needs 1 (one between each pair of kernels)");
        rejects(() -> new KernelChain(List.of(c64), List.of(Permutation.identity(64))),
                "permutations", "permutations: has 1 entries; a chain of 1 kernels needs 0 (one between each pair of kernels)");
        rejects(() -> new KernelChain(List.of(c64, c64), List.of(Permutation.identity(32))),
                "permutations[0]", "permutations[0]: has 32 channels but kernels[0] has 64 output channels");
        rejects(() -> new KernelChain(List.of(c64), List.of(), Optional.of(Permutation.identity(8))),
                "finalPermutation", "finalPermutation: has 8 channels but the last kernel has 64 output channels");
        rejects(() -> KernelChain.interleaved(64, new int[] {1, 8}, new int[] {3}),
                "kernelSizes", "kernelSizes: has 1 entries for 2 group sizes");
        rejects(() -> KernelChain.interleaved(64, 3, 1, 5, 8),
                "kernels[1].groupSize", "kernels[1].groupSize = 5 does not divide 64 channels");
        rejects(() -> KernelChain.interleaved(64, 0, 1, 64),
                "kernels[0].kernelSize", "kernels[0].kernelSize = 0 must be positive");
    }
}
