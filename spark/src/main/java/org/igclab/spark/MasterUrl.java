package org.igclab.spark;

import java.util.regex.Pattern;

/** The Spark master URLs igc can use, checked before a context is made, so a typo is one line and exit 2. */
public final class MasterUrl {
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://[^\\s:/,]+:[0-9]{1,5}(,[^\\s:/,]+:[0-9]{1,5})*");

    private MasterUrl() {
    }

    /** Why {@code master} cannot be used, or null when it can. */
    public static String problem(String master) {
        if (LOCAL.matcher(master).matches() || STANDALONE.matcher(master).matches()) {
            return null;
        }
        if (master.equals("yarn") || master.startsWith("k8s://") || master.startsWith("local-cluster")) {
            return "--master = " + master + " needs Spark's " + (master.equals("yarn") ? "YARN" : master.startsWith("k8s") ? "Kubernetes"
                    : "installation (SPARK_HOME)") + " support, which igc-spark does not carry; use a standalone master (spark://HOST:7077) "
                    + "or local[N]";
        }
        return "--master = " + master + " is not a Spark master URL igc can use: local, local[N], local[*], local[N,F] (F tries per "
                + "task) or spark://HOST:PORT[,HOST:PORT...]";
    }

    /** Whether the master runs everything in this JVM. */
    public static boolean isLocal(String master) {
        return LOCAL.matcher(master).matches();
    }
}
