package org.igclab.runtime.train;

import org.igclab.rules.IgcException;

/**
 * The loss stopped being a number (NaN or infinite), almost always because the learning rate is too large for the design.
 * Training stops at that step rather than storing a curve of NaN; the run is stored as failed with this message.
 */
public final class TrainingDivergedException extends IgcException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(int epoch, int step, double loss, double learningRate) {
        super("training diverged at epoch " + epoch + ", step " + step + ": the loss is " + loss + " (--lr = " + learningRate
                + "); try a smaller learning rate (the default is 0.1)");
    }
}
