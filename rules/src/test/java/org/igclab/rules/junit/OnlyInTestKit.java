package org.igclab.rules.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps scenario classes (parameterized tests that are meant to fail) from running on their own, e.g. when an IDE
 * runs a whole package: they run only when {@link DesignSourceProviderTest} launches them with {@link #PARAMETER}.
 */
final class OnlyInTestKit implements ExecutionCondition {
    static final String PARAMETER = "igc.scenarios";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(PARAMETER).isPresent()
                ? ConditionEvaluationResult.enabled("launched as a scenario")
                : ConditionEvaluationResult.disabled("a scenario for DesignSourceProviderTest, run through the engine test kit");
    }
}
