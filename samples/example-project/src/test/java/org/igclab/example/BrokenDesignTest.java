package org.igclab.example;

import static org.igclab.rules.junit.IgcAssertions.assertComplementary;

import org.igclab.rules.io.ChainDocument;
import org.igclab.rules.junit.DesignSource;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Deliberately broken designs, to show how a failure reads: 'mvn test -Dbroken=true' runs them and fails.
 * IGC Lab's own build does exactly that and checks the messages.
 */
@EnabledIfSystemProperty(named = "broken", matches = "true")
class BrokenDesignTest {

    @ParameterizedTest
    @DesignSource("designs/broken.json")
    void brokenDesignsAreCaught(ChainDocument design) {
        assertComplementary(design);
    }
}
