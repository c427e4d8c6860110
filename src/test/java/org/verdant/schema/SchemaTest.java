package org.verdant.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.submission.SubmissionReader;
import org.verdant.support.TestRulebook;
import org.verdant.yaml.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The published JSON Schemas (schemas/) against the files Verdant ships: every valid fixture and
 * template is a valid submission, every scorecard, benchmarks, grading and indicator-table file is
 * valid against its schema, and broken copies the readers refuse are refused by the schemas too,
 * so that the schemas an editor completes from cannot drift far from the readers.
 */
class SchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema SUBMISSION = schema("submission.schema.json");
    private static final JsonSchema SCORECARD = schema("scorecard.schema.json");
    private static final JsonSchema TABLE = schema("indicator-table.schema.json");
    private static final Path GOOD_FACTORY = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    private static final Path TABLE_C1 = Path.of("scorecards/green-factory/gbt36132-2025/tables/gbt36132-2025-c1.yaml");
    private static final Path SCORECARD_2018 = Path.of("scorecards/green-factory/gbt36132-2018.yaml");

    @TempDir
    Path tmp;

    private static JsonSchema schema(String name) {
        // from its file, so that a relative $ref (scorecard → indicator table) resolves as an editor resolves it
        return FACTORY.getSchema(SchemaLocation.of(Path.of("schemas", name).toAbsolutePath().toUri().toString()));
    }

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> errors(JsonSchema schema, String text) {
        return schema.validate(yaml(text)).stream().map(ValidationMessage::toString).collect(Collectors.toSet());
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The fixtures a reader accepts: not the invalid ones, not the expectations. */
    static List<Path> validFixtures() throws IOException {
        return yamlFiles(Path.of("fixtures")).stream()
                .filter(p -> !p.toString().replace('\\', '/').contains("/invalid/"))
                .filter(org.verdant.coverage.Fixture::isSubmission) // not expectations, not assessments
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> everyValidFixtureAndTemplateIsAValidSubmission() throws IOException {
        List<Path> files = new java.util.ArrayList<>(validFixtures());
        files.addAll(yamlFiles(Path.of("src/main/resources/org/verdant/web/templates")));
        assertThat(files).as("fixtures and templates found").hasSizeGreaterThanOrEqualTo(40);
        return files.stream().map(p -> DynamicTest.dynamicTest(p.toString(),
                () -> assertThat(errors(SUBMISSION, read(p))).as(p.toString()).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyShippedRulebookFileIsValidAgainstItsSchema() throws IOException {
        List<Path> files = yamlFiles(Path.of("scorecards"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(11);
        return files.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
            String text = read(p);
            // scorecard.schema.json serves every file under scorecards/ (tables through its $ref); tables also have their own
            assertThat(errors(SCORECARD, text)).as(p.toString()).isEmpty();
            if ("verdant.indicator-table/1".equals(yaml(text).path("format").asText())) {
                assertThat(errors(TABLE, text)).as(p.toString()).isEmpty();
            }
        }));
    }

    @Test
    void theShippedRulebookUsesEveryFormatTheSchemasDescribe() throws IOException {
        Set<String> formats = yamlFiles(Path.of("scorecards")).stream().map(p -> yaml(read(p)).path("format").asText())
                .collect(Collectors.toSet());
        assertThat(formats).containsExactlyInAnyOrder("verdant.scorecard/1", "verdant.benchmarks/1", "verdant.grading/1",
                "verdant.indicator-table/1");
    }

    /** A broken submission: refused by the reader and by the schema. */
    private void bothRefuseSubmission(String broken, String readerSays, String schemaSays) {
        Problems problems = new Problems();
        SubmissionReader.read("broken.yaml", broken.getBytes(StandardCharsets.UTF_8), problems);
        assertThat(problems.sorted().stream().map(Object::toString).collect(Collectors.joining("\n"))).contains(readerSays);
        assertThat(errors(SUBMISSION, broken)).anySatisfy(e -> assertThat(e).contains(schemaSays));
    }

    @Test
    void aSubmissionWithAnUnknownKeyIsRefused() {
        String text = read(GOOD_FACTORY);
        assertThat(errors(SUBMISSION, text)).isEmpty();
        bothRefuseSubmission(text.replaceFirst("land_area:", "land_aera:"), "site.land_aera: unknown key", "land_aera");
    }

    @Test
    void aSubmissionWithAMisspeltWordIsRefused() {
        String text = read(GOOD_FACTORY);
        assertThat(text).contains("kind: third_party");
        bothRefuseSubmission(text.replaceFirst("kind: third_party", "kind: thirdparty"), "'thirdparty' is not one of", "evaluator.kind");
    }

    @Test
    void aSubmissionWithTextForAYearOrAQuantityWithoutItsUnitIsRefused() {
        String text = read(GOOD_FACTORY);
        assertThat(text).containsPattern("(?m)^reporting_year: \\d{4}$");
        bothRefuseSubmission(text.replaceFirst("(?m)^reporting_year: (\\d{4})$", "reporting_year: \"$1 年\""),
                "reporting_year: expected a whole number", "reporting_year");
        bothRefuseSubmission(text.replaceFirst("land_area: (\\d+) 亩", "land_area: $1"), "needs a unit", "site.land_area");
        bothRefuseSubmission(text.replaceFirst("land_area: (\\d+) 亩", "land_area: $1 acres"), "unknown unit 'acres'", "site.land_area");
    }

    @Test
    void aSectionOfAnotherSchemeIsRefused() {
        String text = read(GOOD_FACTORY);
        bothRefuseSubmission(text + "\nsupply_chain:\n  suppliers: {total: 10, low_risk: 8}\n",
                "'supply_chain' is a section of green-supply-chain submissions", "supply_chain");
    }

    /** A broken rulebook file, written over its copy: refused by the loader and by the schema. */
    private void bothRefuseRulebookFile(Path file, JsonSchema schema, String broken, String readerSays, String schemaSays) throws IOException {
        assertThat(broken).isNotEqualTo(read(file));
        Path scorecards = TestRulebook.copyScorecards(Files.createTempDirectory(tmp, "copy"));
        Path copy = scorecards.resolve(Path.of("scorecards").relativize(file));
        Files.writeString(copy, broken, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RulebookLoader.load(Path.of("rules"), scorecards))
                .isInstanceOfSatisfying(RulebookException.class, e -> assertThat(e.problems().stream().map(Object::toString)
                        .collect(Collectors.joining("\n"))).contains(readerSays));
        assertThat(errors(schema, broken)).anySatisfy(e -> assertThat(e).contains(schemaSays));
    }

    @Test
    void aMisspeltStatusIsRefused() throws IOException {
        String text = read(SCORECARD_2018);
        bothRefuseRulebookFile(SCORECARD_2018, SCORECARD, text.replaceFirst("status: verified", "status: verifed"),
                "'verifed' is not one of", "status");
    }

    @Test
    void anUnknownScoringRuleIsRefused() throws IOException {
        String text = read(TABLE_C1);
        String broken = text.replaceFirst("rule: count", "rule: counted");
        bothRefuseRulebookFile(TABLE_C1, TABLE, broken, "unknown scoring rule 'counted'", "rule");
        assertThat(errors(SCORECARD, broken)).as("through scorecard.schema.json's $ref").anySatisfy(e -> assertThat(e).contains("rule"));
    }

    @Test
    void anUnknownFormulaIsRefused() throws IOException {
        String text = read(TABLE_C1);
        bothRefuseRulebookFile(TABLE_C1, TABLE, text.replaceFirst("formula: B.26", "formula: B.29"),
                "unknown formula 'B.29'", "formula");
    }

    @Test
    void textWhereAPointsFigureNeedsANumberIsRefused() throws IOException {
        String text = read(TABLE_C1);
        String broken = text.replaceFirst("points: \\{value: (\\d+),", "points: {value: \"$1 分\",");
        bothRefuseRulebookFile(TABLE_C1, TABLE, broken, "is not a number", "points.value");
        String scorecard = read(SCORECARD_2018);
        bothRefuseRulebookFile(SCORECARD_2018, SCORECARD, scorecard.replaceFirst("weight: \\{value: (\\d+),", "weight: {value: ten,"),
                "'ten' is not a number", "weight.value");
    }

    @Test
    void anUnknownKeyInAScorecardIsRefused() throws IOException {
        String text = read(SCORECARD_2018);
        bothRefuseRulebookFile(SCORECARD_2018, SCORECARD, text.replaceFirst("decided_by: claim", "decided_by: claim\n    decided: claim"),
                "unknown key", "decided");
    }

    /**
     * Invalid fixtures whose fault needs more than the file's shape, with the reader's reason: the
     * schema accepts them and only the reader refuses them. Every other invalid fixture must be
     * refused by the schema as well.
     */
    private static final java.util.Map<String, String> READER_ONLY = java.util.Map.of(
            "bad-credit-code.yaml", "the credit code's check character (GB 32100)",
            "duplicate-key.yaml", "duplicate keys (Jackson keeps the last one)",
            "unknown-claim.yaml", "claim ids are the edition scorecard's",
            "yaml-alias.yaml", "aliases (Jackson expands them)",
            "not-applicable.yaml", "not_applicable is refused by the edition that the evaluation date picks",
            "stated-computed-indicator.yaml", "which indicators may be stated is the scorecard's",
            "unknown-item.yaml", "claim ids are the edition scorecard's",
            "co2-and-stated-z0.yaml", "a stated indicator that the statistics also compute is the scorecard's",
            "unknown-energy-limit.yaml", "energy-limit row ids are the benchmarks file's",
            "indicator-table-unknown.yaml", "indicator table ids are the rulebook's (a user may add a table)");
    /** Faults between two fields (a part over its whole, a date against another): the reader's alone. */
    private static final java.util.Map<String, String> READER_ONLY_PAIRS = java.util.Map.of(
            "wastewater-reused-over-treated.yaml", "a part over its whole compares two figures",
            "solid-waste-utilised-over-generated.yaml", "a part over its whole compares two figures",
            "packaging-recovered-over-used.yaml", "a part over its whole compares two figures",
            "evaluation-date-years-late.yaml", "the evaluation date is bounded by the reporting year",
            "accident-after-evaluation.yaml", "an event date is bounded by the evaluation date");

    @TestFactory
    Stream<DynamicTest> invalidFixturesAreRefusedByTheSchemaUnlessTheReaderAloneCanTell() throws IOException {
        List<Path> invalid = yamlFiles(Path.of("fixtures")).stream()
                .filter(p -> p.toString().replace('\\', '/').contains("/invalid/"))
                .filter(p -> !p.getFileName().toString().endsWith(".expect.yaml"))
                .toList();
        assertThat(invalid).hasSizeGreaterThanOrEqualTo(20);
        return invalid.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
            JsonNode doc = yaml(read(p));
            Set<String> errors = doc == null || doc.isMissingNode() ? Set.of("empty")
                    : SUBMISSION.validate(doc).stream().map(ValidationMessage::toString).collect(Collectors.toSet());
            String reason = READER_ONLY.getOrDefault(p.getFileName().toString(), READER_ONLY_PAIRS.get(p.getFileName().toString()));
            if (reason == null) assertThat(errors).as(p + " is refused by the schema").isNotEmpty();
            else assertThat(errors).as(p + " is the reader's alone (" + reason + ")").isEmpty();
        }));
    }

    /**
     * The units each quantity pattern names are exactly the reader's: every symbol in a pattern is a
     * unit of that dimension, and every unit of the dimension is in the pattern.
     */
    @Test
    void theQuantityPatternsNameTheReadersUnits() throws IOException {
        JsonNode defs = YAML.readTree(Files.readString(Path.of("schemas/submission.schema.json"))).path("$defs");
        java.util.regex.Pattern group = java.util.regex.Pattern.compile("\\(\\?:([^()]*)\\)\\\\s\\*\\$$");
        for (String dim : List.of("area", "mass", "energy", "money", "volume", "ghg", "length")) {
            String pattern = defs.path(dim).path("pattern").asText();
            var m = group.matcher(pattern);
            assertThat(m.find()).as(dim + ": " + pattern).isTrue();
            Set<String> symbols = Stream.of(m.group(1).split("\\|")).map(x -> x.replace("\\", "")).collect(Collectors.toSet());
            for (String symbol : symbols) {
                assertThat(org.verdant.units.Units.parse(symbol)).as(dim + " unit " + symbol)
                        .hasValueSatisfying(u -> assertThat(u.dimension()).isEqualTo(dim));
            }
            assertThat(symbols).as(dim).containsAll(org.verdant.units.Units.symbolsFor(dim));
            java.util.regex.Pattern quantity = java.util.regex.Pattern.compile(pattern);
            for (String symbol : symbols) assertThat(quantity.matcher("1.5e3 " + symbol).matches()).as(symbol).isTrue();
            assertThat(quantity.matcher("1,500 " + symbols.iterator().next()).matches()).isFalse();
            assertThat(quantity.matcher("1500").matches()).as("a number without its unit").isFalse();
        }
    }
}
