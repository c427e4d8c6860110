package org.verdant.record;

import org.verdant.compare.VerdictDiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.verdant.cli.VerdantCli;
import org.verdant.coverage.Fixture;
import org.verdant.coverage.FixtureRunner;
import org.verdant.evaluation.Evaluator;
import org.verdant.support.TestRulebook;
import org.verdant.verdict.Verdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordsTest {
    /**
     * A genuine record must never look edited: every fixture's verdict, as evaluate --format json prints it (digests
     * included, which the snapshots leave out), survives the trip through a record byte for byte.
     */
    @Test
    void everyFixtureVerdictIsReproducedExactlyFromItsEmbeddedCopy() throws IOException {
        FixtureRunner runner = new FixtureRunner(VerdantCli::runCaptured, List.of("--rules", "rules", "--scorecards", "scorecards"));
        int checked = 0;
        for (Fixture f : Fixture.discover(Path.of("fixtures"))) {
            if (f.invalid()) continue;
            String text = runner.run(f).output();
            assertThat(text).as(f.label()).contains("\"digest\"");
            assertThat(Records.verdictText(Records.parse(text))).as(f.label()).isEqualTo(text);
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void aRecordReadsBackAsWritten() throws Exception {
        byte[] yaml = TestRulebook.base().getBytes(StandardCharsets.UTF_8);
        Evaluator.Options options = new Evaluator.Options("GB/T 36132-2018", "hebei-db13t6005-2024");
        Verdict v = new Evaluator(TestRulebook.compiled()).evaluate("base.yaml", yaml, options);
        EvaluationRecord r = Records.of(v, yaml, options, "en", TestRulebook.compiled().rulebook());
        EvaluationRecord back = Records.read(Records.toJson(r).getBytes(StandardCharsets.UTF_8));
        assertThat(back.submission()).isEqualTo(yaml);
        assertThat(back.edition()).isEqualTo("GB/T 36132-2018");
        assertThat(back.grading()).isEqualTo("hebei-db13t6005-2024");
        assertThat(back.lang()).isEqualTo("en");
        assertThat(back.rulebookFiles()).isEqualTo(r.rulebookFiles());
        assertThat(back.rulebookFiles()).extracting(EvaluationRecord.FileDigest::path).contains("scorecards/grading/hebei-db13t6005-2024.yaml");
        assertThat(back.verdict()).isEqualTo(r.verdict());
        assertThat(Verifier.verify(back, TestRulebook.compiled()).identical()).isTrue();
    }

    @Test
    void lineEndingsDoNotChangeAFilesDigest() {
        assertThat(Records.fileSha256("a\r\nb\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Records.fileSha256("a\nb\n".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(Records.fileSha256("a\nc\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void malformedRecordsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Records.read("[]".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> Records.read("{\"format\":\"verdant.record/1\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("submission.base64: missing");
        assertThatThrownBy(() -> Records.read(("{\"format\":\"verdant.record/1\",\"submission\":{\"base64\":\"***\"}}").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not base64");
    }

    @Test
    void fileChangesAreNamedByDigest() {
        var recorded = List.of(new EvaluationRecord.FileDigest("rules/a.drl", "sha256:1"), new EvaluationRecord.FileDigest("rules/b.drl", "sha256:2"),
                new EvaluationRecord.FileDigest("scorecards/c.yaml", "sha256:3"));
        var now = List.of(new EvaluationRecord.FileDigest("rules/a.drl", "sha256:1"), new EvaluationRecord.FileDigest("rules/b.drl", "sha256:9"),
                new EvaluationRecord.FileDigest("rules/d.drl", "sha256:4"));
        assertThat(Verifier.changes(recorded, now)).containsExactly(
                new Verification.FileChange("rules/b.drl", Verification.Kind.CHANGED),
                new Verification.FileChange("scorecards/c.yaml", Verification.Kind.REMOVED),
                new Verification.FileChange("rules/d.drl", Verification.Kind.ADDED));
    }

    @Test
    void verdictDiffNamesHeadlineCriteriaAndOtherParts() {
        JsonNode before = Records.parse("""
                {"format":"verdant.verdict/1","eligible":true,"score":80.5,"grade":null,
                 "gates":[{"id":"B1","status":"met"}],
                 "criteria":[{"id":"INF-05","status":"met","points":10,"max":10,"reason":"a"},
                             {"id":"INF-06","status":"met","points":5,"max":5,"reason":"a"},
                             {"id":"OLD","status":"met","points":1,"max":1}],
                 "warnings":[],"engine":{"version":"1"}}""");
        ObjectNode after = (ObjectNode) Records.parse(before.toString());
        after.put("eligible", false);
        ((ObjectNode) after.get("gates").get(0)).put("status", "not_met");
        ((ObjectNode) after.get("criteria").get(0)).put("status", "not_met").put("points", 0);
        ((ObjectNode) after.get("criteria").get(1)).put("reason", "b");
        ((com.fasterxml.jackson.databind.node.ArrayNode) after.get("criteria")).remove(2);
        ((ObjectNode) after.get("engine")).put("version", "2");
        VerdictDiff d = VerdictDiff.compare(before, after);
        assertThat(d.lines("zh")).containsExactly(
                "符合申报条件：true → false",
                "B1：符合 → 不符合",
                "INF-05：符合 10/10 → 不符合 0/10",
                "INF-06：符合 5/5（理由有变）",
                "OLD：符合 1/1 → 无",
                "其他不同的部分：引擎版本");
        assertThat(d.lines()).isEqualTo(d.lines("en"));
        assertThat(d.lines("en")).containsExactly(
                "eligible: true → false",
                "B1: met → not_met",
                "INF-05: met 10/10 → not_met 0/10",
                "INF-06: met 5/5 (reason changed)",
                "OLD: met 1/1 → absent",
                "also differ: engine");
        assertThat(VerdictDiff.compare(before, before).isEmpty()).isTrue();
    }

    // --- forgeries: a lenient reader keeps the last of two equal keys, so a forged copy could hide in front of the real one ---

    private static String genuineRecord() throws Exception {
        byte[] yaml = TestRulebook.base().getBytes(StandardCharsets.UTF_8);
        Verdict v = new Evaluator(TestRulebook.compiled()).evaluate("base.yaml", yaml, Evaluator.Options.defaults());
        return Records.toJson(Records.of(v, yaml, Evaluator.Options.defaults(), "zh", TestRulebook.compiled().rulebook()));
    }

    @Test
    void aForgedFirstVerdictIsRefusedAsDamage() throws Exception {
        String genuine = genuineRecord();
        ObjectNode forged = (ObjectNode) Records.parse(genuine).get("verdict").deepCopy();
        forged.put("score", 100).put("grade", "A+");
        String record = genuine.replaceFirst("\\{\n", java.util.regex.Matcher.quoteReplacement("{\n  \"verdict\" : " + forged + ",\n"));
        assertThat(record).contains("\"verdict\" : {\"format\"");
        assertThatThrownBy(() -> Records.read(record.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DamagedRecordException.class).hasMessageContaining("'verdict' appears twice");
    }

    @Test
    void aForgedFirstSubmissionIsRefusedAsDamage() throws Exception {
        String genuine = genuineRecord();
        String other = java.util.Base64.getEncoder().encodeToString("reporting_year: 2099\n".getBytes(StandardCharsets.UTF_8));
        String record = genuine.replaceFirst("\"submission\" : \\{", java.util.regex.Matcher.quoteReplacement("\"submission\" : { \"base64\" : \"" + other + "\","));
        assertThat(record).contains(other);
        assertThatThrownBy(() -> Records.read(record.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DamagedRecordException.class).hasMessageContaining("'base64' appears twice");
    }

    @Test
    void unknownFieldsAndTrailingDataAreDamage() throws Exception {
        String genuine = genuineRecord();
        String extra = genuine.replaceFirst("\"engine\" : \\{", "\"engine\" : { \"signed_by\" : \"MIIT\",");
        assertThatThrownBy(() -> Records.read(extra.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DamagedRecordException.class).hasMessageContaining("'engine.signed_by'");
        String top = genuine.replaceFirst("\\{\n", "{\n  \"note\" : \"x\",\n");
        assertThatThrownBy(() -> Records.read(top.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DamagedRecordException.class).hasMessageContaining("'note'");
        String trailing = genuine + "{\"format\" : \"verdant.record/1\"}\n";
        assertThatThrownBy(() -> Records.read(trailing.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DamagedRecordException.class).hasMessageContaining("data after the record");
        assertThat(Records.read(genuine.getBytes(StandardCharsets.UTF_8))).isNotNull();
    }

    @Test
    void anAlteredRulebookFileDigestIsDamageAndNeverIdentical() throws Exception {
        EvaluationRecord genuine = Records.read(genuineRecord().getBytes(StandardCharsets.UTF_8));
        assertThat(Verifier.verify(genuine, TestRulebook.compiled()).identical()).isTrue();
        List<EvaluationRecord.FileDigest> files = new java.util.ArrayList<>(genuine.rulebookFiles());
        EvaluationRecord.FileDigest first = files.get(0);
        files.set(0, new EvaluationRecord.FileDigest(first.path(), "sha256:" + "0".repeat(64)));
        EvaluationRecord altered = new EvaluationRecord(genuine.submissionFile(), genuine.submission(), genuine.submissionSha256(),
                genuine.edition(), genuine.table(), genuine.grading(), genuine.lang(), genuine.rulebookDigest(), files,
                genuine.engineVersion(), genuine.verdictSha256(), genuine.verdict());
        Verification v = Verifier.verify(altered, TestRulebook.compiled());
        assertThat(v.identical()).isFalse();
        assertThat(v.damage()).extracting(t -> t.in("en")).anySatisfy(d -> assertThat(d).contains(first.path()).contains("sha256:" + "0".repeat(64)));
        assertThat(String.join("\n", v.lines("zh"))).contains("已损坏").contains(first.path());
    }
}
