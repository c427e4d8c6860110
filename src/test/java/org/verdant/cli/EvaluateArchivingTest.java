package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** {@code evaluate --archive}: the submission is checked before the archive is opened, so a refused one leaves nothing behind. */
class EvaluateArchivingTest {
    private static final Path INVALID = Path.of("fixtures/green-factory/gbt36132-2018/invalid/negative-area.yaml");
    private static final Path VALID = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");

    @TempDir
    Path dir;

    @Test
    void anInvalidSubmissionCreatesNoArchive() {
        Path data = dir.resolve("not-yet");
        CliTest.Run r = run(withRulebook("evaluate", INVALID.toString(), "--archive", data.toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(r.err()).contains(INVALID + ":").doesNotContain("Exception");
        assertThat(data).doesNotExist();
    }

    @Test
    void anInvalidSubmissionCitingADigestCreatesNoArchiveEither() throws Exception {
        String yaml = Files.readString(INVALID);
        Path citing = Files.writeString(dir.resolve("citing.yaml"), yaml.replace("\"营业执照\"", "{document: 营业执照, sha256: " + "ab".repeat(32) + "}"));
        assertThat(Files.readString(citing)).contains("sha256: abab");
        Path data = dir.resolve("not-yet");
        CliTest.Run r = run(withRulebook("evaluate", citing.toString(), "--archive", data.toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(data).doesNotExist();
    }

    @Test
    void aValidSubmissionIsStoredInTheArchiveItCreates() {
        Path data = dir.resolve("new");
        CliTest.Run r = run(withRulebook("evaluate", VALID.toString(), "--archive", data.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(data).exists();
    }

    @Test
    void evidenceCommandsTakeTheArchiveOptionsOfTheOtherCommands() throws Exception {
        Path pdf = Files.write(dir.resolve("a.pdf"), "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path data = dir.resolve("data");
        CliTest.Run add = run("evidence", "add", pdf.toString(), "--data", data.toString());
        assertThat(add.code()).as(add.err()).isZero();
        CliTest.Run list = run("evidence", "list", "--data", data.toString(), "--format", "json");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(add.out().strip().substring(0, 71));
        CliTest.Run help = run("evidence", "add", "--help");
        // one way to name the archive, as archive, cohort and users name it: --data or --jdbc-url
        assertThat(help.out()).contains("--data=DIR").contains("--jdbc-url=URL").doesNotContain("--archive");
    }
}
