package org.igclab.analyzer.network.cost;

import org.igclab.analyzer.network.ParamCount;
import org.igclab.analyzer.network.TensorShape;
import org.igclab.analyzer.network.template.BlockFormula;

/**
 * A block's counts, summed over its operations, beside its closed-form formula.
 *
 * @param path    the block's place in the file
 * @param label   e.g. {@code IGCV1 L24M2 48->48}
 * @param in      input shape
 * @param out     output shape
 * @param params  parameters summed layer by layer
 * @param macs    MACs summed layer by layer
 * @param formula the closed form with numbers substituted
 */
public record BlockCost(String path, String label, TensorShape in, TensorShape out, ParamCount params, long macs, BlockFormula formula) {

    /** True when the closed form and the layer-by-layer count agree (they always should). */
    public boolean formulaAgrees() {
        return formula.params().equals(params) && formula.macs() == macs;
    }
}
