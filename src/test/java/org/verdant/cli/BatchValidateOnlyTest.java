package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.BatchCommandTest.run;

/** {@code verdant batch --validate-only}: every document read and checked, none scored. */
class BatchValidateOnlyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CEMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
    private static final String PARK = "fixtures/green-park/miit-2016-586/zhenjiang-etdz-national-strong.yaml";
    private static final String NEGATIVE = "fixtures/green-factory/gbt36132-2018/invalid/negative-area.yaml";

    @TempDir
    Path tmp;

    private Path stream() throws IOException {
        StringBuilder s = new StringBuilder("# three submissions\n");
        for (String f : List.of(CEMENT, NEGATIVE, PARK)) s.append("---\n").append(Files.readString(Path.of(f), StandardCharsets.UTF_8));
        s.append(generated());
        Path p = tmp.resolve("stream.yaml");
        Files.writeString(p, s.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static String generated() {
        var r = run("generate", "--scheme", "green-factory", "--count", "24", "--seed", "7", "--invalid-share", "0.25");
        assertThat(r.code()).as(r.err()).isZero();
        return r.out();
    }

    @Test
    void checksEveryDocumentWithTheSameErrorRecordsAsBatchAndTheSameBytesForAnyThreadCount() throws IOException {
        Path stream = stream();
        Path full = tmp.resolve("full.jsonl");
        Path one = tmp.resolve("one.jsonl");
        Path four = tmp.resolve("four.jsonl");
        var f = run("batch", "--lang", "en", "--threads", "2", "--out", full.toString(), stream.toString());
        var r1 = run("batch", "--validate-only", "--lang", "en", "--threads", "1", "--out", one.toString(), stream.toString());
        var r4 = run("batch", "--validate-only", "--lang", "en", "--threads", "4", "--out", four.toString(), stream.toString());
        assertThat(f.code()).as(f.err()).isZero();
        assertThat(r1.code()).as(r1.err()).isZero();
        assertThat(r4.code()).as(r4.err()).isZero();
        assertThat(Files.readAllBytes(four)).as("byte-identical for 1 and 4 threads").isEqualTo(Files.readAllBytes(one));

        List<String> checked = Files.readAllLines(one, StandardCharsets.UTF_8);
        List<String> evaluated = Files.readAllLines(full, StandardCharsets.UTF_8);
        assertThat(checked).hasSameSizeAs(evaluated).hasSize(3 + 24);
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < checked.size(); i++) {
            JsonNode c = JSON.readTree(checked.get(i));
            JsonNode e = JSON.readTree(evaluated.get(i));
            if (e.path("format").asText().equals("verdant.batch-error/1")) {
                invalid++;
                assertThat(checked.get(i)).as("line %d: the very error record batch writes", i + 1).isEqualTo(evaluated.get(i));
            } else {
                valid++;
                assertThat(c.path("format").asText()).isEqualTo("verdant.batch-check/1");
                assertThat(c.path("status").asText()).isEqualTo("valid");
                assertThat(c.path("input").asText()).isEqualTo(stream.toString());
                assertThat(c.path("document").asInt()).isEqualTo(i + 1);
                assertThat(c.path("scheme").asText()).isEqualTo(e.path("scheme").asText());
                assertThat(c.path("edition").asText()).isEqualTo(e.path("edition").asText());
                assertThat(c.has("score")).as("nothing is scored").isFalse();
            }
        }
        assertThat(invalid).isGreaterThan(1);
        assertThat(r1.err()).contains("valid " + valid).contains("invalid " + invalid).contains("checked, not scored")
                .doesNotContain("score ").doesNotContain("grade ");
        // the same summary for any thread count (its first line has the time)
        assertThat(r4.err().lines().skip(1).toList()).isEqualTo(r1.err().lines().skip(1).toList());
    }

    @Test
    void theSummaryIsChineseByDefault() throws IOException {
        var r = run("batch", "--validate-only", "--no-progress", CEMENT, NEGATIVE);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.err()).contains("有效 1").contains("无效 1").contains("只检查，未评分");
    }
}
