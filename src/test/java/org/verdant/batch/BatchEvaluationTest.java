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
}
