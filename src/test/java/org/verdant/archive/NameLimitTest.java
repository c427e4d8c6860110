package org.verdant.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.submission.SubmissionReader;
import org.verdant.support.TestRulebook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One facility-name limit: what the validator accepts, the archive stores on PostgreSQL as on
 * SQLite. PostgreSQL's VARCHAR(500) counts characters (code points), SQLite none at all; Java's
 * length() counts UTF-16 units, so a name of rarer CJK characters (beyond the BMP) is where a
 * count of the wrong unit would refuse a name that fits, or accept one that does not.
 */
class NameLimitTest {
    /** U+20000 (CJK Extension B): one character, two UTF-16 units, four UTF-8 bytes. */
    static final String RARE = new String(Character.toChars(0x20000));

    @TempDir
    Path dir;

    private static String name(int characters) {
        return "\"" + RARE.repeat(characters / 2) + "厂".repeat(characters - characters / 2) + "\"";
    }

    @Test
    void theLimitIsTheArchiveColumn() throws Exception {
        String ddl = new String(Archive.class.getResourceAsStream("/db/migration/common/V1__evaluation_archive.sql").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(ddl).containsPattern("facility_name\\s+VARCHAR\\(" + SubmissionReader.MAX_NAME + "\\)")
                .containsPattern("province\\s+VARCHAR\\(" + SubmissionReader.MAX_PROVINCE + "\\)");
    }

    @Test
    void aNameAtTheLimitIsAcceptedAndStoredWhole() {
        String yaml = TestRulebook.with(TestRulebook.base(), "facility.name", name(SubmissionReader.MAX_NAME));
        String stored = name(SubmissionReader.MAX_NAME).replace("\"", "");
        assertThat(stored.length()).as("UTF-16 units").isGreaterThan(SubmissionReader.MAX_NAME);
        try (Archive archive = Archive.open(dir)) {
            ArchiveEntry e = archive.store(Stored.input(yaml, "long.yaml", Stored.T0));
            assertThat(archive.get(e.id()).orElseThrow().entry().facilityName()).isEqualTo(stored);
            assertThat(archive.verifyAll(null).intact()).isTrue();
        }
    }

    @Test
    void oneCharacterOverIsALocatedProblem() {
        String yaml = TestRulebook.with(TestRulebook.base(), "facility.name", name(SubmissionReader.MAX_NAME + 1));
        assertThatThrownBy(() -> new Evaluator(TestRulebook.compiled()).evaluate("long.yaml", yaml.getBytes(StandardCharsets.UTF_8),
                Evaluator.Options.defaults()))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).contains("long.yaml:").contains("facility.name")
                                .contains("501").contains("500")));
        String province = TestRulebook.with(TestRulebook.base(), "facility.province", "\"" + "江".repeat(65) + "\"");
        assertThatThrownBy(() -> new Evaluator(TestRulebook.compiled()).evaluate("p.yaml", province.getBytes(StandardCharsets.UTF_8),
                Evaluator.Options.defaults())).isInstanceOfSatisfying(InvalidSubmissionException.class,
                e -> assertThat(e.problems().toString()).contains("facility.province").contains("65"));
    }
}
