package org.verdant.serve;

import org.junit.jupiter.api.Test;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlReader;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A 422 body's problems are written in the request's language, at the same place. */
class ProblemLanguageApiTest {
    @Test
    void problemMessagesFollowTheLanguage() {
        Problems p = new Problems();
        YamlReader.read("s.yaml", "a: 1\na: 2\n".getBytes(StandardCharsets.UTF_8), p);
        var zh = ApiJson.problems(p.sorted(), "zh").get(0);
        var en = ApiJson.problems(p.sorted(), "en").get(0);
        assertThat(zh.get("message").asText()).isEqualTo("键重复（首次出现在第 1 行）");
        assertThat(en.get("message").asText()).isEqualTo("duplicate key (first at line 1)");
        assertThat(zh.get("line").asInt()).isEqualTo(en.get("line").asInt()).isEqualTo(2);
        assertThat(zh.get("path").asText()).isEqualTo(en.get("path").asText()).isEqualTo("a");
    }
}
