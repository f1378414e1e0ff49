package org.igclab.spark.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.igclab.analyzer.cli.InputException;
import org.igclab.spark.MasterUrl;
import org.igclab.spark.SparkSweep;
import picocli.CommandLine.Option;

/** Where measurements run on Spark: the options {@code igc sweep} and {@code igc study run} share (a picocli mixin). */
public final class SparkOptions {
    @Option(names = "--spark", description = "Run the designs as Apache Spark tasks on an embedded local[*] master "
            + "(every core of this machine); results stream into --store as each design finishes.")
    boolean spark;

    @Option(names = "--master", paramLabel = "URL", description = "Run the designs as Spark tasks on this master: "
            + "spark://HOST:7077 (a standalone cluster), local[N] or local[*]. Every worker needs IGC Lab at the same path (or "
            + "--spark-conf spark.jars=...) and the data set at --data-dir.")
    String master;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "A Spark setting, as spark-submit's --conf "
            + "(repeatable), e.g. --spark-conf spark.executor.memory=4g --spark-conf spark.task.maxFailures=8.")
    Map<String, String> conf = new LinkedHashMap<>();

    /** Whether any of the options was given. */
    public boolean wanted() {
        return spark || master != null || !conf.isEmpty();
    }

    /** The option given, for messages ({@code --master}, {@code --spark} or {@code --spark-conf}). */
    public String given() {
        return master != null ? "--master" : spark ? "--spark" : "--spark-conf";
    }

    /** Refuses a malformed master URL or a setting that is not Spark's. */
    public void check() {
        if (master != null && MasterUrl.problem(master) != null) {
            throw new InputException(MasterUrl.problem(master));
        }
        for (String key : conf.keySet()) {
            if (!key.startsWith("spark.")) {
                throw new InputException("--spark-conf " + key + " is not a Spark setting (they start with 'spark.')");
            }
        }
    }

    public SparkSweep.Options options() {
        return new SparkSweep.Options(master == null ? "local[*]" : master, conf);
    }
}
