package org.verdant.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.verdant.app.Application;
import org.verdant.app.Settings;
import org.verdant.support.TestRulebook;
import org.verdant.text.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code batch --lines short}: each short line says what the full verdict says, for every fixture. */
public class ShortLineTest {
    private static List<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("fixtures"))) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".expect.yaml"))
                    .filter(p -> !p.toString().contains("/invalid/")).sorted().toList();
        }
    }

    private static Inputs.Item item(Path file) throws IOException {
        return new Inputs.Item(1, file.toString(), 1, false, 1, Files.readAllBytes(file), null, null, 0);
    }

    @Test
    void aShortLineAgreesWithTheFullVerdictForEveryFixture() throws Exception {
        Application app = new Application(TestRulebook.compiled());
        for (String lang : List.of("zh", "en")) {
            Settings settings = new Settings(null, null, null, lang);
            BatchEvaluation full = new BatchEvaluation(app, settings);
            ShortLine shortLine = new ShortLine(ShortLine.evaluateOptions(lang, null, null, null, null, null, null), lang);
            BatchEvaluation brief = new BatchEvaluation(app, settings, false, shortLine);
            List<Path> all = fixtures();
            assertThat(all).hasSizeGreaterThan(40);
            int verdicts = 0;
            for (Path f : all) {
                Outcome a = full.evaluate(item(f));
                Outcome b = brief.evaluate(item(f));
                if (a.failed()) { // an error record is the same whatever the lines
                    assertThat(b.line()).as(f.toString()).isEqualTo(a.line());
                    continue;
                }
                verdicts++;
                assertAgree(f.toString(), Json.read(a.line()), Json.read(b.line()), lang);
                assertThat(new String(b.line(), StandardCharsets.UTF_8)).endsWith("\n").hasLineCount(1);
                assertThat(b.line().length).as(f + ": a short line is short").isLessThan(a.line().length / 5);
                // a resumed batch counts the kept short lines as it counted them when they were written
                Outcome replayed = PartialResults.outcome(item(f), java.util.Arrays.copyOf(b.line(), b.line().length - 1));
                assertThat(counted(replayed)).as(f.toString()).isEqualTo(counted(b)).isEqualTo(counted(a));
                assertThat(List.of(b.scheme(), b.edition(), String.valueOf(b.grade()), String.valueOf(b.score())))
                        .isEqualTo(List.of(a.scheme(), a.edition(), String.valueOf(a.grade()), String.valueOf(a.score())));
            }
            assertThat(verdicts).isGreaterThan(40);
        }
    }

    private static List<String> counted(Outcome o) {
        return List.of(o.status(), o.scheme(), o.edition(), String.valueOf(o.grade()), String.valueOf(o.eligible()), String.valueOf(o.score()));
    }

    /** Every figure of the short line is the full verdict's; every gate and criterion is there, in the verdict's order. */
    public static void assertAgree(String what, JsonNode full, JsonNode brief, String lang) {
        assertThat(brief.path("format").asText()).isEqualTo(ShortLine.FORMAT);
        assertThat(brief.path("scheme")).as(what).isEqualTo(full.path("scheme"));
        assertThat(brief.path("edition")).as(what).isEqualTo(full.path("edition"));
        assertThat(brief.path("lang").asText()).isEqualTo(lang).isEqualTo(full.path("lang").asText());
        assertThat(brief.path("name")).as(what).isEqualTo(full.path("facility").path("name"));
        assertThat(brief.path("credit_code")).as(what).isEqualTo(full.path("facility").path("credit_code"));
        assertThat(brief.path("input_digest")).as(what).isEqualTo(full.path("input").path("digest"));
        assertThat(brief.path("rulebook_digest")).as(what).isEqualTo(full.path("rulebook").path("digest"));
        assertThat(brief.path("eligible")).as(what).isEqualTo(full.path("eligible"));
        assertThat(brief.path("mandatory_met")).as(what).isEqualTo(full.path("mandatory_met"));
        assertThat(brief.path("score")).as(what).isEqualTo(full.path("score"));
        assertThat(brief.path("grade")).as(what).isEqualTo(full.path("grade"));
        Map<String, String> gates = new LinkedHashMap<>();
        full.path("gates").forEach(g -> gates.put(g.path("id").asText(), g.path("status").asText()));
        Map<String, String> shortGates = new LinkedHashMap<>();
        brief.path("gates").fields().forEachRemaining(e -> shortGates.put(e.getKey(), e.getValue().asText()));
        assertThat(List.copyOf(shortGates.entrySet())).as(what).isEqualTo(List.copyOf(gates.entrySet()));
        List<String> criteria = new ArrayList<>();
        full.path("criteria").forEach(c -> criteria.add(c.path("id").asText() + " " + c.path("status").asText() + " "
                + c.path("points").decimalValue().toPlainString() + " " + c.path("max").decimalValue().toPlainString()));
        List<String> shortCriteria = new ArrayList<>();
        brief.path("criteria").fields().forEachRemaining(e -> shortCriteria.add(e.getKey() + " " + e.getValue().get(0).asText() + " "
                + e.getValue().get(1).decimalValue().toPlainString() + " " + e.getValue().get(2).decimalValue().toPlainString()));
        assertThat(shortCriteria).as(what).isEqualTo(criteria).isNotEmpty();
        Map<String, Integer> warnings = new LinkedHashMap<>();
        full.path("warnings").forEach(w -> warnings.merge(w.path("code").asText(), 1, Integer::sum));
        Map<String, Integer> shortWarnings = new LinkedHashMap<>();
        brief.path("warnings").fields().forEachRemaining(e -> shortWarnings.put(e.getKey(), e.getValue().asInt()));
        assertThat(List.copyOf(shortWarnings.entrySet())).as(what).isEqualTo(List.copyOf(warnings.entrySet()));
        assertThat(brief.path("full_verdict").asText()).contains("verdant evaluate ").contains(" --format json");
    }

    @Test
    void theCommandQuotesWhatAShellWouldSplitAndNamesTheBatchOptions() {
        assertThat(ShortLine.quoted("fixtures/a-b_c.yaml")).isEqualTo("fixtures/a-b_c.yaml");
        assertThat(ShortLine.quoted("申报 材料/it's.yaml")).isEqualTo("'申报 材料/it'\\''s.yaml'");
        assertThat(ShortLine.quoted("$HOME")).isEqualTo("'$HOME'");
        assertThat(ShortLine.evaluateOptions("zh", null, null, null, null, null, null)).isEqualTo(" --format json");
        assertThat(ShortLine.evaluateOptions("en", "GB/T 36132-2025", "national-general", "g1", "rules", "scorecards", "data"))
                .isEqualTo(" --format json --lang en --edition 'GB/T 36132-2025' --table national-general --grading g1"
                        + " --rules rules --scorecards scorecards --archive data");
        ShortLine s = new ShortLine(" --format json", "zh");
        byte[] doc = "   \nscheme: green-factory\r\nx: 1".getBytes(StandardCharsets.UTF_8);
        assertThat(ShortLine.lines(doc)).isEqualTo(3);
        assertThat(s.command(new Inputs.Item(1, "in/my stream.yaml", 4, true, 212, doc, null, null, 0)))
                .isEqualTo("d=$(mktemp -d) && sed -n '212,214p;214q' 'in/my stream.yaml' | sed '1s/^---/   /' > \"$d\"/'my stream.yaml'"
                        + " && verdant evaluate \"$d\"/'my stream.yaml' --format json");
        assertThat(s.command(new Inputs.Item(1, "in/a.yaml", 1, false, 1, doc, null, null, 0))).isEqualTo("verdant evaluate in/a.yaml --format json");
    }

    @Test
    void shortLinesAreTheSameBytesForOneTwoAndFourThreads() throws Exception {
        Application app = new Application(TestRulebook.compiled());
        ShortLine shortLine = new ShortLine(" --format json", "zh");
        BatchEvaluation brief = new BatchEvaluation(app, Settings.defaults(), false, shortLine);
        List<Path> all = fixtures();
        byte[] first = null;
        for (int threads : new int[]{1, 2, 4}) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            Iterator<Path> files = all.iterator();
            long[] seq = {0};
            Iterator<Inputs.Item> items = new Iterator<>() {
                public boolean hasNext() {
                    return files.hasNext();
                }

                public Inputs.Item next() {
                    Path f = files.next();
                    try {
                        return new Inputs.Item(seq[0]++, f.toString(), 1, false, 1, Files.readAllBytes(f), null, null, 0);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
            BatchRunner.run(items, brief, threads, BatchRunner.window(threads), out, new Summary(), Progress.NONE);
            if (first == null) first = out.toByteArray(); else assertThat(out.toByteArray()).as(threads + " threads").isEqualTo(first);
        }
        assertThat(new String(first, StandardCharsets.UTF_8).lines().count()).isEqualTo(all.size());
    }
}
