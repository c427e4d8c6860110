package org.verdant.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code verdant batch}: order, determinism across thread counts, error records with locations, the summary. */
class BatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of(args), Stream.of("--rules", "rules", "--scorecards", "scorecards")).toArray(String[]::new);
        int code = VerdantCli.run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir
    Path tmp;

    private static final String CEMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
    private static final String PHARMA = "fixtures/green-factory/gbt36132-2025/pharma-zhejiang-5000tce-tier.yaml";
    private static final String PARK = "fixtures/green-park/miit-2016-586/zhenjiang-etdz-national-strong.yaml";
    private static final String NEGATIVE = "fixtures/green-factory/gbt36132-2018/invalid/negative-area.yaml"; // site.footprint_area at 15:19

    /** A stream: comment, cement, the invalid file, the park; with the line each document starts on. */
    private Path stream() throws IOException {
        StringBuilder s = new StringBuilder("# three submissions\n");
        for (String f : List.of(CEMENT, NEGATIVE, PARK)) s.append("---\n").append(Files.readString(Path.of(f), StandardCharsets.UTF_8));
        Path p = tmp.resolve("stream.yaml");
        Files.writeString(p, s.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static int lineOf(Path file, String text, int occurrence) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).equals(text) && ++seen == occurrence) return i + 1;
        throw new AssertionError("no " + text);
    }

    private Path mixedDirectory() throws IOException {
        Path dir = tmp.resolve("in");
        Files.createDirectories(dir.resolve("b-sub"));
        Files.copy(Path.of(PHARMA), dir.resolve("a-pharma.yaml"));
        Files.copy(Path.of(NEGATIVE), dir.resolve("b-sub").resolve("negative.yml"));
        Files.copy(Path.of(CEMENT), dir.resolve("b-sub").resolve("cement.json")); // YAML is read whatever the extension
        Files.writeString(dir.resolve("notes.txt"), "not a submission: skipped in a directory");
        Files.writeString(dir.resolve("c-broken.yaml"), "scheme: [green-factory\n");
        return dir;
    }

    @Test
    void linesComeInInputOrderAndAreTheSameForOneAndFourThreads() throws IOException {
        Path dir = mixedDirectory();
        Path generated = tmp.resolve("generated.yaml");
        Run gen = run("generate", "--scheme", "green-factory", "--count", "40", "--seed", "5", "--invalid-share", "0.2");
        assertThat(gen.code()).as(gen.err()).isZero();
        Files.writeString(generated, gen.out(), StandardCharsets.UTF_8);
        List<String> inputs = List.of(dir.toString(), stream().toString(), generated.toString(), tmp.resolve("missing.yaml").toString());

        List<String> one = new ArrayList<>(List.of("batch", "--lang", "en", "--threads", "1", "--out", tmp.resolve("one.jsonl").toString(),
                "--summary", tmp.resolve("one.csv").toString()));
        one.addAll(inputs);
        List<String> four = new ArrayList<>(List.of("batch", "--lang", "en", "--threads", "4", "--out", tmp.resolve("four.jsonl").toString(),
                "--summary", tmp.resolve("four.csv").toString()));
        four.addAll(inputs);
        // two: what a 2-core machine runs by default, a worker per core beside the reader and the writer
        List<String> two = new ArrayList<>(List.of("batch", "--lang", "en", "--threads", "2", "--out", tmp.resolve("two.jsonl").toString()));
        two.addAll(inputs);
        Run r1 = run(one.toArray(String[]::new));
        Run r4 = run(four.toArray(String[]::new));
        Run r2 = run(two.toArray(String[]::new));
        assertThat(r1.code()).as(r1.err()).isZero();
        assertThat(r4.code()).as(r4.err()).isZero();
        assertThat(r2.code()).as(r2.err()).isZero();

        byte[] a = Files.readAllBytes(tmp.resolve("one.jsonl"));
        byte[] b = Files.readAllBytes(tmp.resolve("four.jsonl"));
        assertThat(b).as("byte-identical results for 1 and 4 threads").isEqualTo(a);
        assertThat(Files.readAllBytes(tmp.resolve("two.jsonl"))).as("byte-identical results for 1 and 2 threads").isEqualTo(a);
        assertThat(Files.readAllBytes(tmp.resolve("four.csv"))).isEqualTo(Files.readAllBytes(tmp.resolve("one.csv")));

        List<String> lines = Files.readAllLines(tmp.resolve("one.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4 + 3 + 40 + 1);
        // directory: files in name order, depth first; notes.txt skipped
        assertThat(JSON.readTree(lines.get(0)).path("input").path("file").asText()).isEqualTo("a-pharma.yaml");
        assertThat(JSON.readTree(lines.get(1)).path("input").path("file").asText()).isEqualTo("cement.json");
        assertThat(JSON.readTree(lines.get(2)).path("input").asText()).endsWith("negative.yml");
        assertThat(JSON.readTree(lines.get(3)).path("input").asText()).endsWith("c-broken.yaml");
        assertThat(JSON.readTree(lines.get(4)).path("scheme").asText()).isEqualTo("green-factory");
        assertThat(JSON.readTree(lines.get(5)).path("status").asText()).isEqualTo("invalid");
        assertThat(JSON.readTree(lines.get(6)).path("scheme").asText()).isEqualTo("green-park");
        for (int i = 7; i < 47; i++) {
            JsonNode n = JSON.readTree(lines.get(i));
            assertThat(n.path("format").asText()).isIn("verdant.verdict/1", "verdant.batch-error/1");
            if (n.has("document")) assertThat(n.get("document").asInt()).isEqualTo(i - 6);
        }
        JsonNode missing = JSON.readTree(lines.get(47));
        assertThat(missing.path("status").asText()).isEqualTo("error");
        assertThat(missing.path("exit_code").asInt()).isEqualTo(2);
        assertThat(missing.path("problems").get(0).asText()).endsWith("missing.yaml: no such file or directory");
        assertThat(r1.err()).contains("inputs     48").contains("failed (first error):");
    }

    @Test
    void aVerdictLineIsTheEvaluateJsonOnOneLine() throws IOException {
        Run batch = run("batch", "--no-progress", CEMENT, PHARMA, "--lang", "en");
        Run cement = run("evaluate", CEMENT, "--format", "json", "--lang", "en");
        Run pharma = run("evaluate", PHARMA, "--format", "json", "--lang", "en");
        assertThat(batch.code()).as(batch.err()).isZero();
        String[] lines = batch.out().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).doesNotContain("\n");
        assertThat(JSON.readTree(lines[0])).isEqualTo(JSON.readTree(cement.out()));
        assertThat(JSON.readTree(lines[1])).isEqualTo(JSON.readTree(pharma.out()));
        assertThat(lines[0]).isEqualTo(JSON.writeValueAsString(JSON.readTree(cement.out())));
    }

    @Test
    void errorRecordsLocateProblemsInAFileAndInADocumentOfAStream() throws IOException {
        Path stream = stream();
        Path out = tmp.resolve("r.jsonl");
        Run r = run("batch", NEGATIVE, stream.toString(), "--out", out.toString(), "--lang", "en");
        assertThat(r.code()).as("the batch ran, whatever the inputs held; " + r.err()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);

        JsonNode file = JSON.readTree(lines.get(0));
        assertThat(file.path("format").asText()).isEqualTo("verdant.batch-error/1");
        assertThat(file.path("input").asText()).isEqualTo(NEGATIVE);
        assertThat(file.path("document").asInt()).isEqualTo(1);
        assertThat(file.path("line").asInt()).isEqualTo(1);
        assertThat(file.path("status").asText()).isEqualTo("invalid");
        assertThat(file.path("exit_code").asInt()).isEqualTo(3);
        assertThat(file.path("problems").get(0).asText())
                .isEqualTo(NEGATIVE + ":15:19: site.footprint_area: '-41000 m2' must not be negative");

        int marker = lineOf(stream, "---", 2); // the invalid document's marker
        JsonNode doc = JSON.readTree(lines.get(2));
        assertThat(doc.path("input").asText()).isEqualTo(stream.toString());
        assertThat(doc.path("document").asInt()).isEqualTo(2);
        assertThat(doc.path("line").asInt()).isEqualTo(marker);
        assertThat(doc.path("status").asText()).isEqualTo("invalid");
        assertThat(doc.path("problems").get(0).asText())
                .isEqualTo(stream + ":" + (marker + 15) + ":19: site.footprint_area: '-41000 m2' must not be negative");
        assertThat(Files.readAllLines(stream).get(marker + 15 - 1)).contains("footprint_area: -41000 m2");

        assertThat(JSON.readTree(lines.get(1)).path("format").asText()).isEqualTo("verdant.verdict/1");
        assertThat(JSON.readTree(lines.get(3)).path("format").asText()).isEqualTo("verdant.verdict/1");
        assertThat(r.err()).contains("[invalid] " + NEGATIVE + ":15:19")
                .contains("[invalid] " + stream + "#2: " + stream + ":" + (marker + 15) + ":19");
    }

    @Test
    void theSummaryCountsStatusesSchemesEditionsAndScores() throws IOException {
        Path csv = tmp.resolve("s.csv");
        Path stream = stream();
        Run r = run("batch", CEMENT, PHARMA, stream.toString(), "--out", tmp.resolve("r.jsonl").toString(), "--summary", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        double cement = JSON.readTree(run("evaluate", CEMENT, "--format", "json").out()).get("score").asDouble();
        double pharma = JSON.readTree(run("evaluate", PHARMA, "--format", "json").out()).get("score").asDouble();
        double park = JSON.readTree(run("evaluate", PARK, "--format", "json").out()).get("score").asDouble();
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(rows.get(0)).as("UTF-8 with a BOM, for Excel").isEqualTo("\uFEFFsection,key,value,detail");
        assertThat(rows).contains("inputs,total,5,", "status,valid,4,", "status,invalid,1,", "status,error,0,",
                "scheme,green-factory,3,", "scheme,green-park,1,",
                "edition,GB/T 36132-2018,2,", "edition,GB/T 36132-2025,1,", "edition,MIIT-2016-586-park,1,",
                "grade,(none),4,", "score,count,4,");
        double[] scores = {cement, cement, pharma, park};
        java.util.Arrays.sort(scores);
        assertThat(value(rows, "score", "min")).isEqualTo(scores[0]);
        assertThat(value(rows, "score", "max")).isEqualTo(scores[3]);
        assertThat(value(rows, "score", "median")).isCloseTo((scores[1] + scores[2]) / 2, org.assertj.core.data.Offset.offset(0.006));
        long binned = rows.stream().filter(l -> l.startsWith("histogram,")).mapToLong(l -> Long.parseLong(l.split(",")[2])).sum();
        assertThat(binned).isEqualTo(4);
        int bin = (int) Math.min(9, Math.floor(cement / 10));
        assertThat(rows).anyMatch(l -> l.startsWith("histogram," + bin * 10 + "-" + (bin * 10 + 10) + ","));
        assertThat(rows).anyMatch(l -> l.startsWith("failed," + stream + "#2,invalid,") && l.contains("site.footprint_area"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("batch", CEMENT, "--grading", "nope").code()).isEqualTo(2);
        assertThat(run("batch", CEMENT, "--out", tmp.resolve("no/such/dir/r.jsonl").toString()).code()).isEqualTo(2);
        assertThat(run("batch").code()).isEqualTo(2);
    }

    private static double value(List<String> rows, String section, String key) {
        return rows.stream().filter(l -> l.startsWith(section + "," + key + ",")).map(l -> Double.parseDouble(l.split(",")[2]))
                .findFirst().orElseThrow();
    }

    @Test
    void tableScoresEveryGbt361322025InputAgainstTheNamedIndicatorTable() throws IOException {
        Run r = run("batch", PHARMA, CEMENT, "--table", "jiangsu-2025", "--no-progress");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        JsonNode pharma = JSON.readTree(lines.get(0));
        assertThat(pharma.path("indicator_table").path("id").asText()).isEqualTo("jiangsu-2025");
        assertThat(pharma.path("indicator_table").path("chosen_by").asText()).isEqualTo("option");
        // a GB/T 36132-2018 input has no indicator table: the option leaves it as it is
        assertThat(JSON.readTree(lines.get(1)).has("indicator_table")).isFalse();
    }
}
