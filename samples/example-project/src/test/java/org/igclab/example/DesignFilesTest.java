package org.igclab.example;

import static org.igclab.rules.junit.IgcAssertions.assertBalanced;
import static org.igclab.rules.junit.IgcAssertions.assertComplementary;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.junit.DesignSource;
import org.igclab.rules.model.KernelChain;
import org.junit.jupiter.params.ParameterizedTest;

/** Runs over every design of the project's files: a chain list and the saved output of 'igc enumerate -c 16 --json'. */
class DesignFilesTest {

    @ParameterizedTest
    @DesignSource({"designs/blocks.json", "designs/enumerated-c16.json"})
    void everyDesignIsStrict(ChainDocument design) {
        assertComplementary(design);
    }

    /** The 1x1 kernels' group sizes stay within a factor of 4 of each other. */
    @ParameterizedTest
    @DesignSource("designs/enumerated-c16.json")
    void enumeratedDesignsAreRoughlyBalanced(KernelChain chain) {
        assertBalanced(chain, 3.0);
    }

    @ParameterizedTest
    @DesignSource("designs/blocks.json")
    void blocksKeepTheirWidth(String name, KernelChain chain) {
        assertEquals(chain.inChannels(), chain.outChannels(), name + " changes the width");
    }
}
