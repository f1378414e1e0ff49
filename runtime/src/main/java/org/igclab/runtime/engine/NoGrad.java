package org.igclab.runtime.engine;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's gradient recording switched off until closed, then put back as it was (PyTorch's {@code torch.no_grad()}):
 * {@code try (NoGrad off = NoGrad.enter()) { ... }}. Inference passes record no graph, so they neither keep
 * intermediate arrays alive nor cost the recording. The mode is per thread, as in PyTorch.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean before;

    private NoGrad(boolean before) {
        this.before = before;
    }

    /** Switches gradient recording off on this thread. */
    public static NoGrad enter() {
        NoGrad scope = new NoGrad(JniUtils.isGradMode());
        JniUtils.setGradMode(false);
        return scope;
    }

    @Override
    public void close() {
        JniUtils.setGradMode(before);
    }
}
