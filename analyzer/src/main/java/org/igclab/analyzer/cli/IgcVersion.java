package org.igclab.analyzer.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or {@code development build} when run from classes. */
final class IgcVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = IgcVersion.class.getPackage().getImplementationVersion();
        return new String[] {"igc " + (v == null ? "development build" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
