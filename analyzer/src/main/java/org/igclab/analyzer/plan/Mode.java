package org.igclab.analyzer.plan;

/**
 * What a plan is for. In inference BatchNorm is an affine map with fixed statistics, so it merges with the linear
 * operations around it; in training it normalises with each batch's statistics and ends a merge like a nonlinearity.
 */
public enum Mode {
    INFERENCE,
    TRAINING
}
