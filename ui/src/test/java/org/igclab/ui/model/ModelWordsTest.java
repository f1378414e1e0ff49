package org.igclab.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.igclab.analyzer.chain.ChainShape;
import org.igclab.analyzer.chain.ChainEnumerator;
import org.junit.jupiter.api.Test;

/** The words the explorer shows: names that do not repeat themselves, validation of every control, themes, shortcuts. */
class ModelWordsTest {

    @Test
    void aNameNeverRepeatsItsGroupSizes() {
        DesignRow spelled = row(ChainShape.of(64, 3, new int[] {16, 2, 2}, 3));
        assertThat(spelled.name()).isEqualTo("IGCV2 K=(16,2,2)");
        assertThat(spelled.label()).isEqualTo("IGCV2 K=(16,2,2)");
        assertThat(spelled.family()).isEqualTo("IGCV2");
        DesignRow uniform = row(ChainShape.of(64, 3, new int[] {1, 4, 4, 4}, 4));
        assertThat(uniform.label()).isEqualTo("IGCV2 K=4 L=4 (1,4,4,4)");
        assertThat(uniform.family()).isEqualTo("IGCV2");
        assertThat(NetworkTemplate.BLOCK.design(ChainShape.of(64, 3, new int[] {16, 2, 2}, 3)).name()).isEqualTo("IGCV2 K=(16,2,2), C = 64");
        assertThat(row(ChainShape.of(64, 3, new int[] {8, 8}, 2)).family()).isEqualTo("IGCV1 L8M8");
    }

    private static DesignRow row(ChainShape shape) {
        var d = ChainEnumerator.evaluate(shape, 32);
        return new DesignRow(d, d.params(), d.macs(), null, null, null);
    }

    @Test
    void templatesAreNamedAfterTheirDataNotTheSkeleton() {
        assertThat(NetworkTemplate.label(11, 1, 28, 10)).isEqualTo("Fashion-MNIST, depth 11");
        assertThat(NetworkTemplate.label(38, 3, 32, 10)).isEqualTo("CIFAR-10, depth 38");
        assertThat(NetworkTemplate.label(20, 3, 64, 100)).isEqualTo("3x64x64 input, depth 20, 100 classes");
    }

    @Test
    void everyControlIsCheckedAndABadRememberedValueGoesBackToItsDefault() {
        Map<Control, String> bad = new EnumMap<>(Control.class);
        bad.put(Control.CHANNELS, "100000");
        bad.put(Control.Y_AXIS, "depth");
        bad.put(Control.LOG_X, "yes");
        bad.put(Control.THEME, "purple");
        bad.put(Control.EPOCHS, "0");
        ControlForm form = new ControlForm(bad);
        assertThat(form.problems()).containsEntry(Control.CHANNELS, "must be at most 4096")
                .containsEntry(Control.Y_AXIS, "choose one of params, macs, length, latency, latency_pred, accuracy")
                .containsEntry(Control.LOG_X, "choose one of true, false").containsEntry(Control.THEME, "choose one of system, light, dark")
                .containsEntry(Control.EPOCHS, "must be at least 1").hasSize(5);
        Map<Control, String> replaced = form.repair();
        assertThat(replaced).containsEntry(Control.CHANNELS, "'100000' must be at most 4096").hasSize(5);
        assertThat(form.get(Control.CHANNELS)).isEqualTo(Control.CHANNELS.defaultText());
        assertThat(form.problems()).isEmpty();
        assertThat(form.exploration()).isPresent();
        assertThat(new ControlForm(Map.of()).problems()).isEmpty();
    }

    @Test
    void theThemeFollowsTheSettingOrTheDesktop() {
        assertThat(Theme.of("dark", false)).isEqualTo(Theme.DARK);
        assertThat(Theme.of("light", true)).isEqualTo(Theme.LIGHT);
        assertThat(Theme.of("system", true)).isEqualTo(Theme.DARK);
        assertThat(Theme.systemPrefersDark(k -> k.equals("GTK_THEME") ? "Adwaita:dark" : null, c -> Optional.empty())).isTrue();
        assertThat(Theme.systemPrefersDark(k -> null, c -> Optional.of(c.contains("color-scheme") ? "'prefer-dark'" : "'Adwaita'"))).isTrue();
        assertThat(Theme.systemPrefersDark(k -> null, c -> Optional.of(c.contains("color-scheme") ? "'default'" : "'Yaru-dark'"))).isTrue();
        assertThat(Theme.systemPrefersDark(k -> null, c -> Optional.empty())).isFalse();
        assertThat(Theme.run(List.of("/nonexistent/gsettings"))).isEmpty();
    }

    @Test
    void theProgressSaysHowFarAndHowLong() {
        assertThat(EvaluationModel.progressText("timed pass", 12, 30, 6_000_000_000L)).isEqualTo("timed pass 12 of at most 30, at most 9 s left");
        assertThat(EvaluationModel.progressText("training step", 100, 500, 60_000_000_000L))
                .isEqualTo("training step 100 of 500, about 4 min 0 s left");
        assertThat(EvaluationModel.progressText("training step", 0, 500, 0)).isEqualTo("training step 0 of 500");
        assertThat(EvaluationModel.duration(3725)).isEqualTo("1 h 2 min");
        assertThat(ExplorationProgress.text("costing the designs", 1200, 3302)).isEqualTo("costing the designs: 1,200 of 3,302");
    }

    @Test
    void aStoppedTrainingSaysWhetherThereIsACheckpoint() {
        assertThat(RuntimeEvaluations.stopped(Optional.empty(), 1)).isEqualTo("training stopped before a checkpoint was saved; "
                + "evaluating again starts it afresh");
        assertThat(RuntimeEvaluations.stopped(Optional.of(new org.igclab.runtime.train.Position(0, 37, 37, 0, 0, 0, 1, null)), 2))
                .isEqualTo("training stopped at epoch 1 of 2, step 37; evaluate again to resume from that step");
    }

    @Test
    void everyShortcutIsListedOnceAndEveryColumnAndTypedControlIsExplained() {
        List<String> keys = Shortcuts.ALL.stream().filter(Shortcuts.Shortcut::isKey).map(Shortcuts.Shortcut::keys).toList();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(Shortcuts.keys("openDesign")).contains("Shortcut+O");
        assertThat(Shortcuts.ALL.get(0).shown()).isEqualTo("Ctrl+O");
        for (Control c : Control.values()) {
            if (c.typed()) {
                assertThat(Glossary.control(c)).as(c.key()).isNotEmpty();
            }
        }
        assertThat(Glossary.column("imbalance")).contains("max / min");
        assertThat(Glossary.column("front")).contains("Pareto");
    }
}
