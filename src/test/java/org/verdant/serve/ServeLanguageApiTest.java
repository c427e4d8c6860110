package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.verdant.archive.Archive;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's 400 and 422 answers in the request's language (lang parameter, else Accept-Language, else Chinese). */
@Timeout(300)
class ServeLanguageApiTest {
    private static final String TOKEN = "test-token-0123456789abcdef";

    @Test
    void usageAndInvalidSubmissionAnswersFollowTheLanguage() throws IOException {
        Path data = Files.createTempDirectory("verdant-serve-lang");
        String ok = Files.readString(ServeApiTest.CEMENT);
        String bad = ok.replace("  land_area:", "  land_aera:");
        try (VerdantServer server = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), Archive.open(data), TOKEN), null)) {
            Http http = new Http(server.uri(), TOKEN);
            JsonNode zh = http.post("/api/evaluate?file=f.yaml&grading=nowhere", ServeApiTest.YAML, ok).json();
            assertThat(zh.path("message").asText()).isEqualTo("grading: 未知的评级表“nowhere”；可用的有：gsc-electronics-egsci, hebei-db13t6005-2024");
            JsonNode en = http.post("/api/evaluate?file=f.yaml&grading=nowhere&lang=en", ServeApiTest.YAML, ok).json();
            assertThat(en.path("message").asText()).isEqualTo("grading: unknown grading table 'nowhere'; available: gsc-electronics-egsci, hebei-db13t6005-2024");

            Http.Answer zh422 = http.post("/api/evaluate?file=f.yaml&lang=zh", ServeApiTest.YAML, bad);
            assertThat(zh422.status()).isEqualTo(422);
            assertThat(zh422.json().path("message").asText()).isEqualTo("申报材料无效（1 个问题），未评分");
            assertThat(zh422.json().path("problems").get(0).path("message").asText()).isEqualTo("未知的键；是否应为 'land_area'？");
            Http.Answer en422 = http.post("/api/evaluate?file=f.yaml&lang=en", ServeApiTest.YAML, bad);
            assertThat(en422.status()).isEqualTo(422);
            assertThat(en422.json().path("message").asText()).isEqualTo("invalid submission (1 problem(s)); nothing was scored");
            assertThat(en422.json().path("problems").get(0).path("message").asText()).isEqualTo("unknown key; did you mean 'land_area'?");
        }
    }
}
