package org.verdant.coverage;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code verdant test}'s snapshot diff follows --lang; the golden-fixture test's stays English. */
class FixtureRunnerLangTest {
    private static FixtureRunner.Result differing() {
        Fixture f = new Fixture(Path.of("fixtures/x/y/a.yaml"), "a", null, List.of(), false);
        String expected = "{\"scheme\":\"green-factory\",\"score\":80}";
        String actual = "{\"scheme\":\"green-factory\",\"score\":90}";
        return new FixtureRunner.Result(f, 0, actual, actual, expected, "", List.of());
    }

    @Test
    void theSnapshotDiffIsChineseForZhAndEnglishForEn() {
        String zh = differing().snapshotExplanation("zh");
        assertThat(zh).contains("得分：80 → 90").contains("逐行（- 预期，+ 实际）：").doesNotContain("lines (- expected");
        String en = differing().snapshotExplanation("en");
        assertThat(en).contains("score: 80 → 90").contains("lines (- expected, + actual):");
        assertThat(differing().snapshotExplanation()).isEqualTo(en);
    }
}
