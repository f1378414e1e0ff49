package org.igclab.runtime.cli;

import org.igclab.analyzer.cli.Choice;

/** The data sets {@code --data} names; training settings keep the name. */
public enum DataSetName {
    FASHION_MNIST("fashion-mnist"), CIFAR10("cifar10");

    private final String label;

    DataSetName(String label) {
        this.label = label;
    }

    /** The name as typed and as stored with a run's settings. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    static final class Names extends Choice<DataSetName> {
        Names() {
            super(values(), DataSetName::label);
        }
    }
}
