package org.verdant.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.access.Actor;
import org.verdant.access.Role;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.Stored;
import org.verdant.fault.Fault;
import org.verdant.support.TestRulebook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may assess a stored evaluation: its assigned evaluator; a refusal stores nothing. */
class AssessmentsTest {
    @TempDir
    Path dir;

    static final byte[] REJECT = """
            format: verdant.assessment/1
            evaluator: {organisation: 评价机构}
            date: 2024-06-18
            criteria:
              INF-05: {accepted: false, note: 未见原件}
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void onlyTheAssignedEvaluatorAssesses() throws Fault {
        String code = Stored.creditCode(93);
        try (Archive archive = Archive.open(dir)) {
            ArchiveEntry e = Stored.store(archive, Stored.factory(2023, code, List.of()));
            Assessments assessments = new Assessments(new Application(TestRulebook.compiled()), archive);
            Actor owner = new Actor("ent", Set.of(Role.ENTERPRISE), Set.of(code));
            Actor elsewhere = new Actor("eva2", Set.of(Role.EVALUATOR), Set.of(Stored.creditCode(94)));
            Actor assigned = new Actor("eva1", Set.of(Role.EVALUATOR), Set.of(code));
            for (Actor refused : List.of(owner, elsewhere)) {
                assertThatThrownBy(() -> assessments.assess(refused, e.id(), "a.yaml", REJECT))
                        .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(Fault.Kind.FORBIDDEN));
            }
            assertThat(assessments.show(owner, e.id()).revisions()).isEmpty();
            Assessments.Assessed a = assessments.assess(assigned, e.id(), "a.yaml", REJECT);
            assertThat(a.latest().actor()).isEqualTo("eva1");
            assertThat(a.latest().verdictJson()).contains("评价方未认可");
            assertThatThrownBy(() -> assessments.show(elsewhere, e.id()))
                    .isInstanceOfSatisfying(Fault.class, f -> assertThat(f.kind()).isEqualTo(Fault.Kind.FORBIDDEN));
        }
    }
}
