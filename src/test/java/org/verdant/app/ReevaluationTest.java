package org.verdant.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.Stored;
import org.verdant.compare.VerdictComparison;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** archive verify: the stored bytes re-run against today's rulebook, or a changed copy of it. */
class ReevaluationTest {
    @TempDir
    Path dir;

    @Test
    void identicalWithTheSameRulebook() {
        String yaml = Stored.factory(2023, Stored.creditCode(5), List.of("INF-05"));
        try (Archive archive = Archive.open(dir)) {
            ArchiveEntry e = Stored.store(archive, yaml);
            Reevaluation o = new Application(TestRulebook.compiled()).verify(archive.get(e.id()).orElseThrow());
            assertThat(o.identical()).isTrue();
            assertThat(o.comparison().differences()).isEmpty();
            assertThat(o.verdictJson()).isEqualTo(archive.get(e.id()).orElseThrow().verdictJson());
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void namesWhatAChangedScorecardChanges() throws Exception {
        String yaml = Stored.factory(2023, Stored.creditCode(6), List.of("INF-05"));
        CompiledRulebook changed = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Stored.changedScorecards(dir)));
        try (Archive archive = Archive.open(dir.resolve("data"))) {
            ArchiveEntry e = Stored.store(archive, yaml);
            assertThat(e.score()).isEqualByComparingTo("98");
            Reevaluation o = new Application(changed).verify(archive.get(e.id()).orElseThrow());
            assertThat(o.identical()).isFalse();
            List<String> diffs = o.comparison().differences().stream().map(VerdictComparison.Difference::toString).toList();
            assertThat(diffs).contains("score: 98 → 99", "category INF score: 90 → 95",
                    "criterion INF-05 max: 10 → 5", "criterion INF-06 points: 5 → 10", "criterion INF-06 max: 5 → 10");
            assertThat(diffs).anySatisfy(d -> assertThat(d).startsWith("rulebook digest: " + e.rulebookDigest() + " → sha256:"));
            assertThat(diffs).noneMatch(d -> d.contains("status")); // INF-05 is still not met, INF-06 still met
        }
    }

    @Test
    void statusChangesAreNamed() {
        String before = Stored.verdictJson(Stored.factory(2023, Stored.creditCode(7), List.of()), "a.yaml");
        String after = Stored.verdictJson(Stored.factory(2023, Stored.creditCode(7), List.of("ENR-02")), "a.yaml");
        VerdictComparison.Result r = VerdictComparison.compare(before, after);
        assertThat(r.identical()).isFalse();
        assertThat(r.differences().stream().map(VerdictComparison.Difference::toString))
                .contains("score: 100 → 97.75", "criterion ENR-02 points: 15 → 0")
                .anySatisfy(d -> assertThat(d).startsWith("criterion ENR-02 status: met → "))
                .anySatisfy(d -> assertThat(d).startsWith("input digest: "));
    }
}
