package org.igclab.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DesignNameTest {
    /** A block variable (an object), a width and a list, in a space whose own name holds " [". */
    static final Space SPACE = SpaceJsonTest.cifar("\"${block}\"", "\"name\": \"cifar [v2]\", \"list\": ["
            + "{\"block\": {\"type\": \"igcv2\", \"K\": 8, \"L\": 2, \"widen\": \"last\"}, \"ks\": [1, 8]},"
            + "{\"block\": {\"type\": \"dwsep\"}, \"ks\": [1, 64]}], \"grid\": {\"width\": [64], \"depth\": [20]}");

    @Test
    void theStoredNameKeepsTheValuesAsJsonAndReadsBackAsTheTablesShowThem() {
        String stored = DesignName.stored(SPACE, 0);
        assertThat(stored).isEqualTo("cifar [v2] [block={\"type\":\"igcv2\",\"K\":8,\"L\":2,\"widen\":\"last\"} ks=[1,8] width=64 depth=20]");
        assertThat(DesignName.readable(stored)).isEqualTo("cifar [v2] [block=igcv2 K=8 L=2 widen=last, ks=[1,8], width=64, depth=20]");
        assertThat(DesignName.variables(SPACE, 0)).isEqualTo("block=igcv2 K=8 L=2 widen=last, ks=[1,8], width=64, depth=20");
        assertThat(DesignName.readable(DesignName.stored(SPACE, 1))).isEqualTo("cifar [v2] [block=dwsep, ks=[1,64], width=64, depth=20]");
    }

    @Test
    void aSpaceWithoutANameNamesTheDesignByItsIndex() {
        Space unnamed = SpaceJsonTest.cifar("{\"type\": \"igcv1\", \"L\": \"${L}\"}", "\"grid\": {\"width\": [48], \"depth\": [20], \"L\": [4, 8]}");
        assertThat(DesignName.stored(unnamed, 1)).isEqualTo("design 1 [width=48 depth=20 L=8]");
        assertThat(DesignName.readable("design 1 [width=48 depth=20 L=8]")).isEqualTo("design 1 [width=48, depth=20, L=8]");
    }

    @Test
    void aNameThatIsNotASpacesDesignIsShownAsItIs() {
        assertThat(DesignName.readable("cifar-igcv2-d20")).isEqualTo("cifar-igcv2-d20");
        assertThat(DesignName.readable("resnet [imported]")).isEqualTo("resnet [imported]");
        assertThat(DesignName.readable("broken [block={\"type\":\"igcv2\" width=64]")).isEqualTo("broken [block={\"type\":\"igcv2\" width=64]");
        assertThat(DesignName.readable("odd [a=1 b]")).isEqualTo("odd [a=1 b]");
        assertThat(DesignName.readable((String) null)).isNull();
    }
}
