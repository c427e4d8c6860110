package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.evaluation.Evaluator;
import org.verdant.coverage.Fixture;
import org.verdant.coverage.FixtureRunner;
import org.verdant.record.EvaluationRecord;
import org.verdant.record.InvalidRecordException;
import org.verdant.record.Records;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** evaluate --record and verify: a record reproduces its verdict, and every kind of difference is named. */
class RecordCliTest {
    private static final Path CEMENT = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    private static final Path FOOD = Path.of("fixtures/green-factory/gbt36132-2018/food-hebei-star-rated.yaml");
    private static final String SCORECARD_2018 = "scorecards/green-factory/gbt36132-2018.yaml";
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerdantCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static String[] withRulebook(String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--rules", "rules", "--scorecards", "scorecards")).toArray(String[]::new);
    }

    private Path record(Path fixture, String... options) {
        Path rec = tmp.resolve(fixture.getFileName() + ".record.json");
        String[] args = Stream.concat(Stream.of("evaluate", fixture.toString(), "--record", rec.toString()), Stream.of(options)).toArray(String[]::new);
        Run r = run(withRulebook(args));
        assertThat(r.code()).as(r.err()).isZero();
        return rec;
    }

    /** A copy of the project rulebook to edit: tmp/rb/rules and tmp/rb/scorecards. */
    private Path rulebookCopy() throws IOException {
        Path root = tmp.resolve("rb");
        for (String dir : new String[]{"rules", "scorecards"}) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                for (Path p : walk.toList()) {
                    Path target = root.resolve(p.toString());
                    if (Files.isDirectory(p)) Files.createDirectories(target);
                    else Files.copy(p, target);
                }
            }
        }
        return root;
    }

    private static Run verify(Path record, Path rulebookRoot) {
        return run("verify", record.toString(), "--lang", "en", "--rules", rulebookRoot.resolve("rules").toString(),
                "--scorecards", rulebookRoot.resolve("scorecards").toString());
    }

    @Test
    void aRecordHoldsTheVerdictTheSubmissionTheOptionsAndEachFilesDigest() throws IOException {
        Path out = tmp.resolve("verdict.json");
        Path rec = record(CEMENT, "--format", "json", "-o", out.toString());
        JsonNode r = JSON.readTree(rec.toFile());
        assertThat(r.get("format").asText()).isEqualTo("verdant.record/1");
        byte[] submission = Files.readAllBytes(CEMENT);
        assertThat(Base64.getDecoder().decode(r.at("/submission/base64").asText())).isEqualTo(submission);
        assertThat(r.at("/submission/sha256").asText()).isEqualTo(Evaluator.sha256(submission));
        assertThat(r.at("/submission/file").asText()).isEqualTo(CEMENT.getFileName().toString());
        assertThat(r.at("/options/edition").isNull()).isTrue();
        assertThat(r.at("/options/grading").isNull()).isTrue();
        assertThat(r.at("/options/lang").asText()).isEqualTo("zh");
        assertThat(r.at("/engine/version").asText()).isEqualTo(Evaluator.version());
        // the verdict is the one evaluate --format json prints, and verdict_sha256 is its file's sha256
        assertThat(r.get("verdict_sha256").asText()).isEqualTo(Evaluator.sha256(Files.readAllBytes(out)));
        assertThat(r.get("verdict")).isEqualTo(JSON.readTree(out.toFile()));
        assertThat(r.at("/rulebook/digest").asText()).isEqualTo(r.at("/verdict/rulebook/digest").asText());
        assertThat(r.at("/rulebook/files")).hasSize(r.at("/verdict/rulebook/files").size());
        for (JsonNode f : r.at("/rulebook/files")) {
            assertThat(f.get("sha256").asText()).as(f.get("path").asText())
                    .isEqualTo(Evaluator.sha256(Files.readAllBytes(Path.of(f.get("path").asText()))));
        }
        // byte-identical for the same input and rulebook
        Path again = tmp.resolve("again.json");
        assertThat(run(withRulebook("evaluate", CEMENT.toString(), "--record", again.toString())).code()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(rec));
    }

    @Test
    void verifyConfirmsAnIdenticalVerdictWithTheRecordedOptions() {
        Path rec = record(CEMENT, "--edition", "GB/T 36132-2025", "--lang", "en");
        Run v = run(withRulebook("verify", rec.toString(), "--lang", "en"));
        assertThat(v.code()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).contains("options: --edition \"GB/T 36132-2025\", default grading, --lang en")
                .contains("files unchanged").contains("identical: the recorded verdict is reproduced byte for byte");
        Path graded = record(FOOD, "--grading", "hebei-db13t6005-2024");
        assertThat(run(withRulebook("verify", graded.toString(), "--lang", "en")).code()).isZero();
    }

    /** Every fixture, of every scheme and with its options, is reproduced from its record, and the record holds its golden verdict. */
    @Test
    void everyFixtureIsReproducedFromItsRecord() throws IOException, InvalidRecordException {
        for (Fixture f : Fixture.discover(Path.of("fixtures"))) {
            if (f.invalid()) continue;
            Path rec = tmp.resolve(f.expectation() + ".record.json");
            List<String> args = new ArrayList<>(List.of(withRulebook("evaluate", f.yaml().toString(), "--record", rec.toString())));
            args.addAll(f.args());
            Run e = run(args.toArray(String[]::new));
            assertThat(e.code()).as(f.label() + ": " + e.err()).isZero();
            Run v = run(withRulebook("verify", rec.toString(), "--lang", "en"));
            assertThat(v.code()).as(f.label() + ":\n" + v.out() + v.err()).isZero();
            String verdict = Records.verdictText(Records.read(Files.readAllBytes(rec)).verdict());
            assertThat(FixtureRunner.snapshot(verdict)).as(f.label()).isEqualTo(Files.readString(f.expected(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void verifyAgainstAChangedRulebookNamesTheFilesAndTheCriteriaAffected() throws IOException {
        Path rec = record(CEMENT);
        Path rb = rulebookCopy();
        // raise PRF-02's advanced building density from 40 % to 50 %: the factory's 44 % falls to the basic tier
        Path card = rb.resolve(SCORECARD_2018);
        String text = Files.readString(card, StandardCharsets.UTF_8);
        String advanced = "reference: {value: 40, unit: \"%\", status: provisional, source: performance-levels, detail: {zh: \"PRF-02 先进值";
        assertThat(text).contains(advanced);
        Files.writeString(card, text.replace(advanced, advanced.replace("value: 40", "value: 50")), StandardCharsets.UTF_8);
        Files.writeString(rb.resolve("rules/green-factory/gbt36132-2018/zz-added.drl"), "package verdant.greenfactory.added;\n", StandardCharsets.UTF_8);

        Run v = verify(rec, rb);
        assertThat(v.code()).as(v.out() + v.err()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(v.out())
                .contains("changed  " + SCORECARD_2018)
                .contains("added    rules/green-factory/gbt36132-2018/zz-added.drl")
                .contains("PRF-02: met 8/8 → partly_met 5/8")
                .contains("score: 98.33 → 97.43")
                .contains("engine      " + Evaluator.version() + " (as recorded)")
                .contains("differs: the verdict is not the recorded one")
                .doesNotContain("DAMAGED")
                .doesNotContain("changed  rules/common/claims.drl");
    }

    @Test
    void aFileRemovedFromTheRulebookIsNamedAndTheVerdictCannotBeReproduced() throws IOException {
        Path rec = record(FOOD, "--grading", "hebei-db13t6005-2024");
        Path rb = rulebookCopy();
        Files.delete(rb.resolve("scorecards/grading/hebei-db13t6005-2024.yaml"));
        Run v = verify(rec, rb);
        assertThat(v.code()).as(v.out() + v.err()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(v.out()).contains("removed  scorecards/grading/hebei-db13t6005-2024.yaml")
                .contains("cannot be reproduced: --grading: unknown grading table 'hebei-db13t6005-2024'");
    }

    @Test
    void aRecordFromAnotherEngineVersionIsNamed() throws Exception {
        Path rec = record(CEMENT);
        EvaluationRecord r = Records.read(Files.readAllBytes(rec));
        ((ObjectNode) r.verdict().get("engine")).put("version", "0.0.9");
        // as an older engine would have written it: its version in both places, the digest of its own verdict text
        EvaluationRecord older = new EvaluationRecord(r.submissionFile(), r.submission(), r.submissionSha256(), r.edition(), r.table(), r.grading(),
                r.lang(), r.rulebookDigest(), r.rulebookFiles(), "0.0.9",
                Evaluator.sha256(Records.verdictText(r.verdict()).getBytes(StandardCharsets.UTF_8)), r.verdict());
        Files.writeString(rec, Records.toJson(older), StandardCharsets.UTF_8);
        Run v = run(withRulebook("verify", rec.toString(), "--lang", "en"));
        assertThat(v.code()).as(v.out() + v.err()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(v.out()).contains("engine      recorded 0.0.9, now " + Evaluator.version())
                .contains("no gate or criterion changed; differs only in: engine").doesNotContain("DAMAGED").doesNotContain(" → ");
    }

    @Test
    void anAlteredSubmissionIsReportedAsADamagedRecordAndNotReRun() throws IOException {
        Path rec = record(CEMENT);
        ObjectNode r = (ObjectNode) JSON.readTree(rec.toFile());
        String yaml = Files.readString(CEMENT, StandardCharsets.UTF_8).replace("output_value: 186000 万元", "output_value: 286000 万元");
        ((ObjectNode) r.get("submission")).put("base64", Base64.getEncoder().encodeToString(yaml.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(rec, JSON.writeValueAsString(r), StandardCharsets.UTF_8);
        Run v = run(withRulebook("verify", rec.toString(), "--lang", "en"));
        assertThat(v.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(v.out()).contains("DAMAGED     submission: its bytes hash to").contains("it was not re-run");
    }

    @Test
    void anEditedVerdictIsReportedAsDamagedAndTheEditShows() throws IOException {
        Path rec = record(CEMENT);
        ObjectNode r = (ObjectNode) JSON.readTree(rec.toFile());
        ((ObjectNode) r.get("verdict")).put("score", 99.5);
        Files.writeString(rec, JSON.writeValueAsString(r), StandardCharsets.UTF_8);
        Run v = run(withRulebook("verify", rec.toString(), "--lang", "en"));
        assertThat(v.code()).isEqualTo(ExitCodes.DIFFERS);
        assertThat(v.out()).contains("DAMAGED     verdict: its text hashes to").contains("score: 99.5 → 98.33")
                .contains("(and the record is damaged)");
    }

    @Test
    void somethingThatIsNotARecordIsAUsageError() throws IOException {
        Run missing = run(withRulebook("verify", tmp.resolve("none.json").toString()));
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).isEqualTo("用法错误：" + tmp.resolve("none.json") + "：没有此文件\n");
        assertThat(run(withRulebook("verify", tmp.resolve("none.json").toString(), "--lang", "en")).err()).contains("none.json: no such file");
        Path verdict = tmp.resolve("v.json");
        assertThat(run(withRulebook("evaluate", CEMENT.toString(), "--format", "json", "-o", verdict.toString())).code()).isZero();
        Run notRecord = run(withRulebook("verify", verdict.toString(), "--lang", "en"));
        assertThat(notRecord.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notRecord.err()).contains("not a Verdant record").contains("this is a verdict");
        Path garbage = Files.writeString(tmp.resolve("g.json"), "{ not json", StandardCharsets.UTF_8);
        Run bad = run(withRulebook("verify", garbage.toString(), "--lang", "en"));
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("not a Verdant record: not JSON").doesNotContain("Exception");
    }

    @Test
    void anUnwritableRecordPathIsAUsageError() {
        Run r = run(withRulebook("evaluate", CEMENT.toString(), "--record", tmp.resolve("no/such/dir/r.json").toString(), "--lang", "en"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("cannot write");
    }
}
