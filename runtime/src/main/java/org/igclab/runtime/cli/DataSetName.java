package org.igclab.runtime.cli;

import org.igclab.analyzer.cli.Choice;

/** The data sets {@code --data} names; training settings keep the name. */
public enum DataSetName {
    FASHION_MNIST, CIFAR10;

    /** The name as typed ({@code fashion-mnist}) and as stored with a run's settings. */
    public String label() {
        return Choice.nameOf(this);
    }

    @Override
    public String toString() {
        return label();
    }

    static final class Names extends Choice<DataSetName> {
        Names() {
            super(values());
        }
    }
}
