package org.verdant.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.app.Application;
import org.verdant.app.Evaluation;
import org.verdant.app.Request;
import org.verdant.app.Settings;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.ArchivedEvaluation;
import org.verdant.fault.Fault;
import org.verdant.record.EvaluationRecord;
import org.verdant.record.Records;
import org.verdant.record.Verification;
import org.verdant.support.TestRulebook;
import org.verdant.text.Json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** An evaluator's assessment: read with located problems, used by the claim rules, carried in records and the archive. */
class AssessmentTest {
    private static final String FACTORY = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
    private static final String CHAIN = "fixtures/green-supply-chain/miit-2016-586/aircon-guangdong-everything-full.yaml";

    @TempDir
    Path dir;

    private static Application app() {
        return new Application(TestRulebook.compiled());
    }

    private static Evaluation evaluate(String file, String assessment) throws Exception {
        Settings s = Settings.defaults();
        if (assessment != null) s = s.withAssessment(Application.assessment("a.assessment.yaml", assessment.getBytes(StandardCharsets.UTF_8)));
        return app().evaluate(new Request(file, Files.readAllBytes(Path.of(file)), s));
    }

    private static String doc(String criteria) {
        return "format: verdant.assessment/1\nevaluator: {organisation: 评价机构, lead: 张工}\ndate: 2024-06-18\ncriteria:\n" + criteria;
    }

    private static JsonNode criterion(Evaluation e, String id) throws Exception {
        for (JsonNode c : Json.read(e.json()).path("criteria")) if (c.path("id").asText().equals(id)) return c;
        for (JsonNode c : Json.read(e.json()).path("gates")) if (c.path("id").asText().equals(id)) return c;
        throw new AssertionError("no " + id);
    }

    @Test
    void aClaimNotAcceptedEarnsNothingAndSaysWhy() throws Exception {
        Evaluation before = evaluate(FACTORY, null);
        Evaluation after = evaluate(FACTORY, doc("  INF-05: {accepted: false, note: 雨水回用系统已停用}\n  INF-01: {accepted: true}\n"));
        assertThat(criterion(before, "INF-05").path("status").asText()).isEqualTo("met");
        JsonNode inf05 = criterion(after, "INF-05");
        assertThat(inf05.path("status").asText()).isEqualTo("not_met");
        assertThat(inf05.path("points").asDouble()).isZero();
        assertThat(inf05.path("reason").asText()).isEqualTo("评价方未认可：雨水回用系统已停用。");
        assertThat(criterion(after, "INF-01").path("status").asText()).isEqualTo("met");
        assertThat(after.verdict().score()).isCloseTo(before.verdict().score() - 2, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode a = Json.read(after.json()).path("assessment");
        assertThat(a.path("organisation").asText()).isEqualTo("评价机构");
        assertThat(a.path("digest").asText()).startsWith("sha256:");
        assertThat(a.path("claims").get(0).path("accepted").asBoolean()).isFalse();
        assertThat(Json.read(before.json()).has("assessment")).isFalse();
    }

    @Test
    void aRejectedGateFailsItAndAnAssessedDegreeReplacesTheClaimedOne() throws Exception {
        Evaluation gate = evaluate(FACTORY, doc("  B3: {accepted: false, note: 承诺未兑现}\n"));
        assertThat(criterion(gate, "B3").path("status").asText()).isEqualTo("not_met");
        assertThat(gate.verdict().eligible()).isFalse();
        Evaluation chain = evaluate(CHAIN, doc("  X11: {accepted: true, degree: 25 %, note: 仅有目标}\n"));
        JsonNode x11 = criterion(chain, "X11");
        assertThat(x11.path("status").asText()).isEqualTo("partly_met");
        assertThat(x11.path("points").asDouble()).isEqualTo(2.0);
        assertThat(x11.path("reason").asText()).contains("评价方评定的符合程度 0.25").contains("仅有目标");
    }

    @Test
    void problemsAreLocatedInTheAssessment() throws Exception {
        Fault read = catchThrowableOfType(() -> Application.assessment("x.assessment.yaml", (
                "format: verdant.assessment/1\nevaluator: {organisation: 机构}\ndate: 2024-13-01\ncriteria:\n"
                        + "  INF-05: {accepted: false}\n  INF-06: {accepted: true, degree: 1.5, note: n}\n").getBytes(StandardCharsets.UTF_8)), Fault.class);
        assertThat(read.kind()).isEqualTo(Fault.Kind.INVALID_SUBMISSION);
        assertThat(read.problems().stream().map(p -> p.toString("en")).toList()).containsExactly(
                "x.assessment.yaml:3:7: date: '2024-13-01' is not a date; write YYYY-MM-DD",
                "x.assessment.yaml:5:11: criteria.INF-05: INF-05: a claim not accepted, or assessed to another degree, needs a note saying why",
                "x.assessment.yaml:6:36: criteria.INF-06.degree: degree '1.5' must be a number above 0 and at most 1");
        Fault checked = catchThrowableOfType(() -> evaluate(FACTORY, doc("  PRF-01: {accepted: false, note: n}\n  INF-05: {accepted: true, degree: 0.5, note: n}\n")), Fault.class);
        List<String> problems = checked.problems().stream().map(p -> p.toString("en")).toList();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("a.assessment.yaml:5:3: criteria.PRF-01: 'PRF-01' is not decided by a claim in green-factory GB/T 36132-2018");
        assertThat(problems.get(1)).isEqualTo("a.assessment.yaml:6:3: criteria.INF-05.degree: INF-05 is met or not; it takes no degree of fulfilment");
        Fault other = catchThrowableOfType(() -> evaluate(FACTORY, doc("  INF-05: {accepted: true}\n").replace("criteria:", "submission: sha256:" + "0".repeat(64) + "\ncriteria:")), Fault.class);
        assertThat(other.problems().get(0).toString("zh")).contains("评价意见针对的是申报材料 sha256:000");
    }

    @Test
    void aRecordCarriesTheAssessmentAndVerifyReRunsWithIt() throws Exception {
        Evaluation e = evaluate(FACTORY, doc("  INF-05: {accepted: false, note: 雨水回用系统已停用}\n"));
        EvaluationRecord record = Records.read(e.record().getBytes(StandardCharsets.UTF_8));
        assertThat(record.assessment().sha256()).isEqualTo(Json.read(e.json()).path("assessment").path("digest").asText());
        Verification ok = app().verify(record);
        assertThat(ok.identical()).isTrue();
        // the assessment changed after recording: the record disagrees with itself
        EvaluationRecord edited = new EvaluationRecord(record.submissionFile(), record.submission(), record.submissionSha256(), record.edition(),
                record.table(), record.grading(), record.lang(), record.rulebookDigest(), record.rulebookFiles(), record.engineVersion(),
                record.verdictSha256(), record.verdict(), new EvaluationRecord.Attached(record.assessment().file(),
                doc("  INF-05: {accepted: true}\n").getBytes(StandardCharsets.UTF_8), record.assessment().sha256()));
        Verification damaged = app().verify(edited);
        assertThat(damaged.identical()).isFalse();
        assertThat(damaged.damage()).anySatisfy(t -> assertThat(t.en()).startsWith("assessment: its bytes hash to"));
    }

    @Test
    void theArchiveKeepsTheAssessmentSoTheStoredVerdictReproduces() throws Exception {
        Evaluation e = evaluate(FACTORY, doc("  INF-05: {accepted: false, note: 雨水回用系统已停用}\n"));
        try (Archive archive = Archive.open(dir)) {
            ArchiveEntry entry = e.store(archive);
            ArchivedEvaluation got = archive.get(entry.id()).orElseThrow();
            assertThat(got.assessment().bytes()).isEqualTo(e.request().settings().assessment().bytes());
            assertThat(app().reproduce(got).json()).isEqualTo(e.json());
            assertThat(app().verify(got).comparison().identical()).isTrue();
        }
    }
}
