package org.verdant.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** assessment_revision (V9): numbered per evaluation, append-only, and in the table chain that archive verify walks. */
class AssessmentRevisionsTest {
    @TempDir
    Path dir;

    private static EvidenceAssessment doc(String note) {
        return new EvidenceAssessment("a.yaml", ("format: verdant.assessment/1\n# " + note + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(ArchiveLocation.FILE_NAME));
    }

    @Test
    void revisionsAreNumberedKeptAndChained() throws SQLException {
        try (Archive archive = Archive.open(dir)) {
            ArchiveEntry e1 = Stored.store(archive, Stored.factory(2023, Stored.creditCode(91), List.of()));
            ArchiveEntry e2 = Stored.store(archive, Stored.factory(2023, Stored.creditCode(92), List.of()));
            AssessmentRevisions.append(archive, e1.id(), e1.creditCode(), "eva", doc("one"), "{\"score\": 90}");
            AssessmentRevisions.append(archive, e2.id(), e2.creditCode(), "eva", doc("other"), "{\"score\": 80}");
            AssessmentRevision second = AssessmentRevisions.append(archive, e1.id(), e1.creditCode(), "eva", doc("two"), "{\"score\": 95}");
            assertThat(second.revision()).isEqualTo(2);
            List<AssessmentRevision> all = AssessmentRevisions.of(archive, e1.id());
            assertThat(all).extracting(AssessmentRevision::revision).containsExactly(1L, 2L);
            assertThat(new String(all.get(0).assessment().bytes(), StandardCharsets.UTF_8)).contains("one");
            assertThat(all.get(0).assessment().sha256()).isEqualTo(doc("one").sha256());
            assertThat(archive.verifyAll(null).intact()).isTrue();

            try (Connection c = raw(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("UPDATE assessment_revision SET verdict_json = '{}'")).hasMessageContaining("append-only");
                assertThatThrownBy(() -> s.execute("DELETE FROM assessment_revision")).hasMessageContaining("append-only");
                // what someone who can write the file would do: the chain still shows it
                s.execute("DROP TRIGGER assessment_revision_no_update");
                s.execute("UPDATE assessment_revision SET verdict_json = '{\"score\": 100}' WHERE revision = 1 AND evaluation_id = " + e1.id());
            }
            ArchiveIntegrity r = archive.verifyAll(null);
            assertThat(r.intact()).isFalse();
            assertThat(r.first().table()).isEqualTo("assessment_revision");
            assertThat(r.first().what()).isEqualTo("row_hash");
        }
    }
}
