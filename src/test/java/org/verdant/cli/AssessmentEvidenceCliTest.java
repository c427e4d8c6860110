package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.support.EvidenceSamples;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;
import static org.verdant.support.EvidenceSamples.FACTORY;
import static org.verdant.support.EvidenceSamples.PDF;
import static org.verdant.support.EvidenceSamples.VISIT;

/**
 * An evaluator's assessment citing uploaded evidence files ({@code criteria.ID.evidence: [sha256:…]}):
 * looked up in the archive, shown in the verdict and the report's 附件 under the criterion, bound
 * into the record; and what-if's changed digests checked as evaluate checks them.
 */
class AssessmentEvidenceCliTest {
    private static final String UNKNOWN = "sha256:" + "ab".repeat(32);

    @TempDir
    Path dir;

    private Path data() {
        return dir.resolve("data");
    }

    /** Stores {@code bytes} in the archive; returns its digest (sha256:…). */
    private String uploaded(String name, byte[] bytes) throws Exception {
        Path f = Files.write(dir.resolve(name), bytes);
        CliTest.Run add = run("evidence", "add", f.toString(), "--data", data().toString());
        assertThat(add.code()).as(add.err()).isZero();
        return add.out().strip().substring(0, 71);
    }

    /** An assessment accepting B1 on the strength of {@code digest}; the digest is on line 7. */
    private Path assessment(String digest) throws Exception {
        return Files.writeString(dir.resolve("assessment-" + digest.substring(7, 12) + ".yaml"), EvidenceSamples.acceptingB1(digest));
    }

    @Test
    void aDigestTheArchiveLacksIsALocatedProblemOfTheAssessmentInEitherLanguage() throws Exception {
        uploaded("营业执照.pdf", PDF);
        Path a = assessment(UNKNOWN);
        CliTest.Run zh = run(withRulebook("evaluate", FACTORY.toString(), "--assessment", a.toString(), "--archive", data().toString()));
        assertThat(zh.code()).as(zh.err()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(zh.err()).contains(a + ":7:").contains("criteria.B1.evidence").contains("证据 " + UNKNOWN + " 不在档案中")
                .doesNotContain("Exception");
        CliTest.Run en = run(withRulebook("evaluate", FACTORY.toString(), "--assessment", a.toString(), "--archive", data().toString(), "--lang", "en"));
        assertThat(en.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(en.err()).contains(a + ":7:").contains("evidence " + UNKNOWN + " is not in the archive");
        // without an archive the digest is taken as written, and the verdict says it was not checked
        CliTest.Run unchecked = run(withRulebook("evaluate", FACTORY.toString(), "--assessment", a.toString(), "--format", "json"));
        assertThat(unchecked.code()).as(unchecked.err()).isZero();
        assertThat(unchecked.out()).contains("evidence_unchecked");
        // a malformed digest is the reader's problem, archive or not
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(a).replace(UNKNOWN, "sha256:12345"));
        CliTest.Run malformed = run(withRulebook("evaluate", FACTORY.toString(), "--assessment", bad.toString(), "--lang", "en"));
        assertThat(malformed.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(malformed.err()).contains(bad + ":7:").contains("'sha256:12345' is not an evidence file digest");
    }

    @Test
    void theVerdictTheRecordAndTheReportShowWhichCriterionsAssessmentCitesWhichFile() throws Exception {
        String visit = uploaded("现场核查记录.pdf", VISIT);
        Path a = assessment(visit);
        Path record = dir.resolve("record.json");
        CliTest.Run e = run(withRulebook("evaluate", FACTORY.toString(), "--assessment", a.toString(), "--archive", data().toString(),
                "--format", "json", "--record", record.toString()));
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode claim = new ObjectMapper().readTree(e.out()).path("assessment").path("claims").get(0);
        assertThat(claim.path("id").asText()).isEqualTo("B1");
        assertThat(claim.path("evidence").get(0).asText()).isEqualTo(visit);
        assertThat(e.out()).doesNotContain("evidence_unchecked");

        JsonNode files = new ObjectMapper().readTree(record.toFile()).path("evidence").path("files");
        assertThat(files.findValuesAsText("sha256")).containsExactly(visit);
        assertThat(files.get(0).path("size").asLong()).isEqualTo(VISIT.length);
        CliTest.Run intact = run(withRulebook("verify", record.toString(), "--archive", data().toString(), "--lang", "en"));
        assertThat(intact.code()).as(intact.out() + intact.err()).isEqualTo(ExitCodes.OK);
        assertThat(intact.out()).contains("1 evidence file(s) as recorded");
        org.verdant.archive.Archive.open(dir.resolve("empty")).close();
        CliTest.Run elsewhere = run(withRulebook("verify", record.toString(), "--archive", dir.resolve("empty").toString(), "--lang", "en"));
        assertThat(elsewhere.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(elsewhere.out()).contains("evidence: the file " + visit + " is not in the archive");

        CliTest.Run md = run(withRulebook("report", FACTORY.toString(), "--assessment", a.toString(), "--format", "md", "--archive", data().toString()));
        assertThat(md.code()).as(md.err()).isZero();
        String attachments = md.out().substring(md.out().indexOf("附件 1 证据文件清单"));
        assertThat(attachments).contains("PDF 文档，" + VISIT.length + " 字节，" + visit + " | B1（评价意见） |");
        CliTest.Run en = run(withRulebook("report", FACTORY.toString(), "--assessment", a.toString(), "--format", "md", "--archive", data().toString(),
                "--lang", "en"));
        assertThat(en.out()).contains(visit + " | B1 (the evaluator's assessment) |");
    }

    @Test
    void whatIfChecksTheDigestsItsChangesCite() throws Exception {
        String licence = uploaded("营业执照.pdf", PDF);
        Path submission = Files.writeString(dir.resolve("citing.yaml"), EvidenceSamples.citing(licence));
        CliTest.Run ok = run(withRulebook("what-if", submission.toString(), "--set", "claims.B1.evidence[0].sha256=" + licence,
                "--archive", data().toString()));
        assertThat(ok.code()).as(ok.err()).isZero();
        CliTest.Run unknown = run(withRulebook("what-if", submission.toString(), "--set", "claims.B1.evidence[0].sha256=" + UNKNOWN,
                "--archive", data().toString()));
        assertThat(unknown.code()).as(unknown.err()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(unknown.err()).contains("证据 " + UNKNOWN + " 不在档案中").doesNotContain("Exception");
        // the file itself is checked too, not only the changes
        Path lacking = Files.writeString(dir.resolve("lacking.yaml"), Files.readString(submission).replace(licence, UNKNOWN));
        CliTest.Run before = run(withRulebook("what-if", lacking.toString(), "--set", "claims.B1.evidence[0].sha256=" + licence,
                "--archive", data().toString()));
        assertThat(before.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        // without --archive nothing is looked up, as evaluate without --archive
        assertThat(run(withRulebook("what-if", lacking.toString(), "--set", "claims.B1.evidence[0].sha256=" + UNKNOWN)).code()).isZero();
    }
}
