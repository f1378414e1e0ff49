package org.igclab.example;

import static org.igclab.rules.junit.IgcAssertions.assertBalanced;
import static org.igclab.rules.junit.IgcAssertions.assertComplementary;
import static org.igclab.rules.junit.IgcAssertions.assertDense;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.file.Path;
import org.igclab.rules.condition.ComplementaryReport;
import org.igclab.rules.model.KernelChain;
import org.junit.jupiter.api.Test;

/** Checks blocks built in code and kept in a chain file, one assertion each. */
class BlockDesignTest {

    @Test
    void theIgcv2BlockIsStrictAndBalanced() {
        // C = 64: channel-wise 3x3, then two 1x1 group convolutions of 8 channels per group, canonical shuffles between
        KernelChain block = KernelChain.interleaved(64, 3, 1, 8, 8);
        assertComplementary(block);
        assertBalanced(block, 0.0);
    }

    @Test
    void theBlockInTheChainFileIsStrict() {
        // paths are relative to the working directory, the project directory under Maven
        ComplementaryReport report = assertComplementary(Path.of("designs/igcv2-c64.json"));
        // prod K_l is exact (a BigInteger): a long chain of wide kernels passes 64 bits
        assertEquals(BigInteger.valueOf(64), report.productOfGroupSizes());
    }

    @Test
    void aWiderLastKernelStaysDense() {
        // prod K_l = 128 > 64: every pair is reached twice, so dense but not strict
        assertDense(KernelChain.interleaved(64, 3, 1, 8, 16));
    }
}
