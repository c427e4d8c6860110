package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/**
 * {@code diff} of two verdict files: a level whose origin changed while the level stayed the same
 * shows (the origin is compared where both verdicts are in one language), and the same verdict in
 * Chinese and in English shows no criterion changed.
 */
class DiffOriginTest {
    private static final String FIXTURE = "fixtures/green-factory/gbt36132-2025/pharma-zhejiang-5000tce-tier.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path verdict(String lang) throws Exception {
        CliTest.Run r = run(withRulebook("evaluate", FIXTURE, "--format", "json", "--lang", lang));
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        Path f = tmp.resolve("verdict-" + lang + ".json");
        Files.writeString(f, r.out(), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void anOriginOnlyChangeShowsAndALanguageChangeDoesNot() throws Exception {
        Path zh = verdict("zh");
        JsonNode root = JSON.readTree(Files.readString(zh, StandardCharsets.UTF_8));
        String id = null;
        for (JsonNode c : root.path("criteria")) {
            if (c.path("values").has("baseline_from") && c.path("values").has("baseline")) {
                ((ObjectNode) c.path("values")).put("baseline_from", "申报材料（references.plot_ratio.basic = 0.7）");
                id = c.path("id").asText();
                break;
            }
        }
        assertThat(id).as("a criterion with a baseline and its origin").isNotNull();
        Path changed = tmp.resolve("changed.json");
        Files.writeString(changed, JSON.writeValueAsString(root), StandardCharsets.UTF_8);

        CliTest.Run originOnly = run(withRulebook("diff", zh.toString(), changed.toString()));
        assertThat(originOnly.code()).as(originOnly.err()).isZero();
        assertThat(originOnly.out()).contains(id).contains("基准值来源").contains("references.plot_ratio.basic");

        CliTest.Run language = run(withRulebook("diff", zh.toString(), verdict("en").toString()));
        assertThat(language.code()).as(language.err()).isZero();
        assertThat(language.out()).doesNotContain("基准值来源").doesNotContain("引领值来源");
    }

    /** what-if (the README's example): a computation that differs is written with its figures as people write them. */
    @Test
    void aComputationsFiguresAreWrittenAsPeopleWriteThem() {
        CliTest.Run r = run(withRulebook("what-if", "fixtures/green-factory/gbt36132-2018/autoparts-anhui-self-assessment-gaps.yaml",
                "--set", "products[0].energy=7920 tce"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("860 万 m3").doesNotContain("8.6e6");
    }
}
