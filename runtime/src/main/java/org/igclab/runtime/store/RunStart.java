package org.igclab.runtime.store;

import org.igclab.analyzer.design.Design;
import org.igclab.analyzer.design.DesignIdentity;
import org.igclab.analyzer.network.cost.NetworkCost;
import org.igclab.runtime.engine.MachineInfo;

/**
 * A run as it begins: what is measured (the design's name, hash and canonical JSON), how (the settings' JSON and
 * hash), the analyzer's counts, and where (machine and engine).
 *
 * @param kind {@code evaluate} or {@code train}
 */
public record RunStart(String kind, String designName, String designHash, String designJson, String settingsJson,
                       String settingsHash, long params, long macs, String machine, String engine) {

    /** A run of {@code design} with these settings, on this machine and engine as they are now. */
    public static RunStart here(String kind, Design design, String settingsJson, NetworkCost cost) {
        DesignIdentity id = DesignIdentity.of(design);
        return new RunStart(kind, design.name(), id.hash(), id.canonicalJson(), settingsJson, DesignIdentity.sha256(settingsJson),
                cost.params().total(), cost.macs(), MachineInfo.machine(), MachineInfo.engine());
    }

    /** A run stored elsewhere (a Spark task's scratch store), begun again with its machine described as {@code machine}. */
    public static RunStart of(RunRecord run, String machine) {
        return new RunStart(run.kind(), run.designName(), run.designHash(), run.designJson(), run.settingsJson(), run.settingsHash(),
                run.params(), run.macs(), machine, run.engine());
    }
}
