package org.igclab.analyzer.study;

import org.igclab.analyzer.network.Network;
import org.igclab.analyzer.sweep.Figures;

/**
 * A condition a study's designs must meet before they are measured, judged from what is known without measuring:
 * the analytic figures, and the network itself for conditions that need more (a predicted latency, once the latency
 * model exists, will read it). See {@link StudyConstraints} for the names the command line knows.
 */
public interface DesignConstraint {

    /**
     * What a constraint may read of a design.
     *
     * @param design  the design's index in the space
     * @param network the design's network
     * @param figures its analytic figures (parameters, MACs, verdicts)
     */
    record Candidate(long design, Network network, Figures figures) {
    }

    /** As written on the command line: {@code maxParams=300000}, {@code complementary}. */
    String written();

    /**
     * 0 when the candidate meets the constraint; otherwise how far it is from meeting it, relative to the limit (a
     * design 10% over a budget is 0.1 off), so that violations of different constraints add up, and a search can
     * prefer the designs closest to feasible.
     */
    double violation(Candidate c);

    /** Why a candidate fails, for reports: {@code 412,345 parameters exceed maxParams 300,000}. */
    String reason(Candidate c);
}
