package org.verdant.tables;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.cli.VerdantCli;
import org.verdant.coverage.FixtureRunner;
import org.verdant.text.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole 4.4.3 loop as a user runs it: batch the national form's fixtures, calibrate the table
 * from their verdicts, and evaluate a factory against the calibrated table the calibration wrote:
 * the rulebook's reader accepts it, and the verdict names it as calibrated.
 */
class CalibratedTableEvaluatesTest {
    @TempDir
    Path tmp;

    @Test
    void aCalibratedTableIsReadByTheRulebookAndScoresAFactory() throws Exception {
        List<String> batch = new ArrayList<>(List.of("batch"));
        try (Stream<Path> s = Files.list(Path.of("fixtures/green-factory/gbt36132-2025"))) {
            s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".expect.yaml")).sorted().forEach(p -> batch.add(p.toString()));
        }
        Path results = tmp.resolve("results.jsonl");
        batch.addAll(List.of("--out", results.toString(), "--rules", "rules", "--scorecards", "scorecards"));
        FixtureRunner.Output b = VerdantCli.runCaptured(batch);
        assertThat(b.code()).as(b.err()).isZero();

        Path calibrated = tmp.resolve("calibrated.yaml");
        FixtureRunner.Output c = VerdantCli.runCaptured(List.of("table", "calibrate", "national-general", "--from", results.toString(),
                "--min-cohort", "5", "--scorecards", "scorecards", "-o", calibrated.toString()));
        assertThat(c.code()).as(c.err()).isZero();

        FixtureRunner.Output e = VerdantCli.runCaptured(List.of("evaluate", "fixtures/green-factory/gbt36132-2025/pharma-zhejiang-5000tce-tier.yaml",
                "--table", calibrated.toString(), "--format", "json", "--rules", "rules", "--scorecards", "scorecards"));
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode table = Json.read(e.out()).path("indicator_table");
        assertThat(table.path("kind").asText()).isEqualTo("calibrated");
        assertThat(table.path("chosen_by").asText()).isEqualTo("option");
        assertThat(table.path("version").asText()).startsWith("2026.12.0+cal.");
        assertThat(e.out()).contains("\"status\" : \"calibrated\"");
    }
}
