package org.igclab.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidDesignExceptionTest {

    @Test
    void messageJoinsPathAndReason() {
        InvalidDesignException e = new InvalidDesignException("groups", "= 5 does not divide 64 input channels");
        assertThat(e.getMessage()).isEqualTo("groups = 5 does not divide 64 input channels");
        assertThat(e.path()).isEqualTo("groups");
        assertThat(e.reason()).isEqualTo("= 5 does not divide 64 input channels");
        assertThat(new InvalidDesignException("kernels", "is missing").getMessage()).isEqualTo("kernels: is missing");
        assertThat(new InvalidDesignException("", "the document is empty").getMessage()).isEqualTo("the document is empty");
    }

    @Test
    void underPrefixesThePath() {
        InvalidDesignException e = new InvalidDesignException("groups", "= 5 does not divide 64 input channels");
        InvalidDesignException moved = e.under("kernels[2]");
        assertThat(moved.path()).isEqualTo("kernels[2].groups");
        assertThat(moved.getMessage()).isEqualTo("kernels[2].groups = 5 does not divide 64 input channels");
        assertThat(moved.getStackTrace()).isEqualTo(e.getStackTrace());
        // an index joins without a dot, an empty path takes the prefix, an empty prefix changes nothing
        assertThat(new InvalidDesignException("[3]", "= 9 is outside 0..7").under("permutations[0]").path()).isEqualTo("permutations[0][3]");
        assertThat(new InvalidDesignException("", "has 3 entries").under("final").getMessage()).isEqualTo("final: has 3 entries");
        assertThat(e.under("")).isSameAs(e);
        assertThat(e.under(null)).isSameAs(e);
    }

    @Test
    void renamedChangesOnlyTheLastName() {
        InvalidDesignException e = new InvalidDesignException("kernels[0].kernelSize", "= 0 must be positive");
        assertThat(e.renamed("kernelSize", "kernel").getMessage()).isEqualTo("kernels[0].kernel = 0 must be positive");
        assertThat(new InvalidDesignException("inChannels", "= 0 must be positive").renamed("inChannels", "in").path()).isEqualTo("in");
        assertThat(e.renamed("groups", "g")).isSameAs(e);
        // a name that merely ends the same way is not renamed
        assertThat(new InvalidDesignException("kernels[0].xkernelSize", "= 0").renamed("kernelSize", "kernel")).extracting(InvalidDesignException::path)
                .isEqualTo("kernels[0].xkernelSize");
    }

    @Test
    void requirePositive() {
        InvalidDesignException.requirePositive("x", 1);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidDesignException.class,
                () -> InvalidDesignException.requirePositive("x", 0)).getMessage()).isEqualTo("x = 0 must be positive");
    }
}
