package org.verdant.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.verdant.app.Application;
import org.verdant.app.Settings;
import org.verdant.support.TestRulebook;
import org.verdant.text.Json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Batch's one mapping of faults to error records, and its verdict lines. */
class BatchEvaluationTest {
    private static final String FACTORY = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";

    private static Inputs.Item item(String name, byte[] bytes, boolean inStream, int firstLine) {
        return new Inputs.Item(1, name, 1, inStream, firstLine, bytes, null, null, 0);
    }

    private static JsonNode line(Outcome o) throws Exception {
        return Json.read(new String(o.line(), StandardCharsets.UTF_8));
    }

    @Test
    void aVerdictLineIsTheVerdictOnOneLine() throws Exception {
        Application app = new Application(TestRulebook.compiled());
        byte[] bytes = Files.readAllBytes(Path.of(FACTORY));
        Outcome o = new BatchEvaluation(app, Settings.defaults()).evaluate(item(FACTORY, bytes, false, 1));
        assertThat(o.status()).isEqualTo(Outcome.VALID);
        String line = new String(o.line(), StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").doesNotContain("\n  ");
        assertThat(Json.read(line)).isEqualTo(Json.read(app.evaluate(new org.verdant.app.Request(FACTORY, bytes, Settings.defaults())).json()));
    }

    @Test
    void faultsBecomeErrorRecordsWithTheExitCodeEvaluateWouldGive() throws Exception {
        Application app = new Application(TestRulebook.compiled());
        byte[] bytes = Files.readAllBytes(Path.of(FACTORY));
        // a grading table that exists but does not apply: named as the command line names it
        Outcome usage = new BatchEvaluation(app, new Settings(null, null, "gsc-electronics-egsci", "zh")).evaluate(item(FACTORY, bytes, false, 1));
        assertThat(usage.status()).isEqualTo(Outcome.ERROR);
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(line(usage).path("problems").get(0).asText()).startsWith(FACTORY + ": --grading: 评级表“gsc-electronics-egsci”不适用于 green-factory");
        Outcome english = new BatchEvaluation(app, new Settings(null, null, "gsc-electronics-egsci", "en")).evaluate(item(FACTORY, bytes, false, 1));
        assertThat(line(english).path("problems").get(0).asText()).startsWith(FACTORY + ": --grading: table 'gsc-electronics-egsci' does not apply to");

        byte[] bad = "scheme: green-factory\nfacility: [\n".getBytes(StandardCharsets.UTF_8);
        Outcome invalid = new BatchEvaluation(app, Settings.defaults()).evaluate(item("stream.yaml", bad, true, 11));
        assertThat(invalid.status()).isEqualTo(Outcome.INVALID);
        assertThat(invalid.exitCode()).isEqualTo(3);
        assertThat(line(invalid).path("format").asText()).isEqualTo(BatchEvaluation.ERROR_FORMAT);
        // the document's problems at their lines in the stream it sits in
        assertThat(line(invalid).path("problems").get(0).asText()).matches("stream\\.yaml:1[1-9]:.*");
    }

    /**
     * A batch shares one Messages between its inputs and threads: every valid fixture's line, in
     * both languages, must be the bytes that a fresh Messages per input (as evaluate has) writes,
     * with two threads evaluating the fixtures at once through the same BatchEvaluation.
     */
    @Test
    void linesAreTheBytesOfAFreshMessagesPerInputWhenSharedBetweenThreads() throws Exception {
        Application app = new Application(TestRulebook.compiled());
        java.util.List<Path> fixtures;
        try (var walk = Files.walk(Path.of("fixtures"))) {
            fixtures = walk.filter(p -> org.verdant.coverage.Fixture.isSubmission(p) && !p.toString().contains("invalid")).sorted().toList();
        }
        assertThat(fixtures).hasSizeGreaterThan(10);
        for (String lang : java.util.List.of("zh", "en")) {
            Settings settings = new Settings(null, null, null, lang);
            BatchEvaluation batch = new BatchEvaluation(app, settings);
            java.util.Map<Path, byte[]> expected = new java.util.HashMap<>();
            for (Path f : fixtures) {
                byte[] bytes = Files.readAllBytes(f);
                try {
                    var e = app.evaluate(new org.verdant.app.Request(f.toString(), bytes, settings));
                    byte[] json = org.verdant.verdict.VerdictJson.compact(e.verdict(), new org.verdant.text.Messages(lang));
                    byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
                    line[json.length] = '\n';
                    expected.put(f, line);
                } catch (org.verdant.fault.Fault notValidAlone) {
                    // a fixture that needs options (a table, an archive) is not a verdict here
                }
            }
            assertThat(expected).hasSizeGreaterThan(10);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.List<java.util.concurrent.Future<Boolean>> same = new java.util.ArrayList<>();
                for (Path f : expected.keySet()) {
                    same.add(pool.submit(() -> java.util.Arrays.equals(expected.get(f),
                            batch.evaluate(item(f.toString(), Files.readAllBytes(f), false, 1)).line())));
                }
                for (var s : same) assertThat(s.get()).as(lang).isTrue();
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
