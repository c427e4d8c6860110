package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.text.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code batch --lines short}: the command in each short line gives the full verdict that a full batch writes. */
class BatchShortLinesTest {
    private static final String CEMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
    private static final String PHARMA = "fixtures/green-factory/gbt36132-2025/pharma-zhejiang-5000tce-tier.yaml";
    private static final String PARK = "fixtures/green-park/miit-2016-586/zhenjiang-etdz-national-strong.yaml";
    private static final String NEGATIVE = "fixtures/green-factory/gbt36132-2018/invalid/negative-area.yaml";

    @TempDir
    Path tmp;

    private List<String> lines(String... args) throws IOException {
        BatchCommandTest.Run r = BatchCommandTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return Files.readAllLines(Path.of(args[java.util.Arrays.asList(args).indexOf("--out") + 1]), StandardCharsets.UTF_8);
    }

    /** A stream (a comment, a CRLF document, an invalid one, a park) and a file of its own. */
    private List<String> inputs() throws IOException {
        StringBuilder s = new StringBuilder("# three submissions\n");
        s.append("--- # the first\n").append(Files.readString(Path.of(CEMENT)).replace("\n", "\r\n"));
        for (String f : List.of(NEGATIVE, PARK)) s.append("---\n").append(Files.readString(Path.of(f)));
        Path stream = tmp.resolve("申报 stream.yaml");
        Files.writeString(stream, s.toString(), StandardCharsets.UTF_8);
        return List.of(stream.toString(), PHARMA);
    }

    @Test
    void eachShortLinesCommandGivesTheFullVerdictOfItsInput() throws Exception {
        List<String> in = inputs();
        List<String> full = new ArrayList<>(List.of("batch", "--lang", "en", "--no-progress", "--out", tmp.resolve("full.jsonl").toString()));
        full.addAll(in);
        List<String> brief = new ArrayList<>(List.of("batch", "--lang", "en", "--no-progress", "--lines", "short", "--out", tmp.resolve("short.jsonl").toString()));
        brief.addAll(in);
        List<String> fullLines = lines(full.toArray(String[]::new));
        List<String> shortLines = lines(brief.toArray(String[]::new));
        assertThat(shortLines).hasSameSizeAs(fullLines).hasSize(4);
        int verdicts = 0;
        for (int i = 0; i < fullLines.size(); i++) {
            JsonNode f = Json.read(fullLines.get(i));
            JsonNode s = Json.read(shortLines.get(i));
            if (!"verdant.verdict/1".equals(f.path("format").asText())) {
                assertThat(shortLines.get(i)).isEqualTo(fullLines.get(i)); // error records are the same
                continue;
            }
            verdicts++;
            org.verdant.batch.ShortLineTest.assertAgree("line " + (i + 1), f, s, "en");
            assertThat(Json.read(evaluate(s.path("full_verdict").asText()))).as("line " + (i + 1)).isEqualTo(f);
        }
        assertThat(verdicts).isEqualTo(3);
    }

    /**
     * Runs a short line's command: the shell does what comes before {@code verdant} (writing a
     * stream's document into a file), and the evaluation runs through the command line's classes.
     */
    private String evaluate(String command) throws Exception {
        int at = command.indexOf("verdant evaluate ");
        String prefix = command.substring(0, at);
        List<String> words = words(command.substring(at + "verdant ".length()));
        if (!prefix.isEmpty()) {
            // the prefix ends in "&& ": run it, and print the directory it made
            Process p = new ProcessBuilder("bash", "-c", prefix + "printf %s \"$d\"").start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String d = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
            words.replaceAll(w -> w.replace("$d", d));
        }
        // the batch was given the test's rulebook, so the command names it; BatchCommandTest.run names it again
        int rules = words.indexOf("--rules");
        assertThat(words.subList(rules, rules + 4)).containsExactly("--rules", "rules", "--scorecards", "scorecards");
        words.subList(rules, rules + 4).clear();
        BatchCommandTest.Run r = BatchCommandTest.run(words.toArray(String[]::new));
        assertThat(r.code()).as(command + "\n" + r.err()).isZero();
        return r.out();
    }

    /** A POSIX shell's words for what ShortLine writes: plain words, single quotes, and "$d" (left for the caller). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (w != null) out.add(w.toString());
                w = null;
                continue;
            }
            if (w == null) w = new StringBuilder();
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                w.append(s, i + 1, end);
                i = end;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                w.append(s, i + 1, end);
                i = end;
            } else if (c == '\\') {
                w.append(s.charAt(++i));
            } else {
                w.append(c);
            }
        }
        if (w != null) out.add(w.toString());
        return out;
    }

    @Test
    void anUnknownKindOfLineIsAUsageErrorInTheUsersLanguage() {
        BatchCommandTest.Run zh = BatchCommandTest.run("batch", "--lines", "tiny", CEMENT);
        assertThat(zh.code()).isEqualTo(2);
        assertThat(zh.err()).contains("--lines 只能是 full 或 short，而不是 'tiny'");
        BatchCommandTest.Run en = BatchCommandTest.run("batch", "--lang", "en", "--lines", "tiny", CEMENT);
        assertThat(en.code()).isEqualTo(2);
        assertThat(en.err()).contains("--lines must be full or short, not 'tiny'");
    }

    @Test
    void fullLinesAreTheDefault() throws IOException {
        List<String> in = inputs();
        List<String> a = new ArrayList<>(List.of("batch", "--no-progress", "--out", tmp.resolve("a.jsonl").toString()));
        a.addAll(in);
        List<String> b = new ArrayList<>(List.of("batch", "--no-progress", "--lines", "full", "--out", tmp.resolve("b.jsonl").toString()));
        b.addAll(in);
        assertThat(lines(b.toArray(String[]::new))).isEqualTo(lines(a.toArray(String[]::new)));
    }
}
