package org.igclab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("spark")
class MasterUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[1]", "local[*]", "local[4,3]", "local[*,2]", "spark://head:7077", "spark://10.0.0.1:7077,10.0.0.2:7077"})
    void acceptsWhatSparkSubmitAcceptsForLocalAndStandalone(String master) {
        assertThat(MasterUrl.problem(master)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"local[0]", "local[two]", "spark://head", "http://head:7077", "head:7077", "spark://:7077", ""})
    void namesTheOptionAndTheValueOfAnythingElse(String master) {
        assertThat(MasterUrl.problem(master)).startsWith("--master = " + master + " is not a Spark master URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yarn", "k8s://https://api:6443", "local-cluster[2,1,1024]"})
    void saysWhichSupportIsMissingForClusterManagersItDoesNotCarry(String master) {
        assertThat(MasterUrl.problem(master)).contains("does not carry", "spark://HOST:7077");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "local[2]", "local[*,3]"})
    void localMastersRunInThisJvm(String master) {
        assertThat(MasterUrl.isLocal(master)).isTrue();
        assertThat(MasterUrl.isLocal("spark://head:7077")).isFalse();
    }
}
