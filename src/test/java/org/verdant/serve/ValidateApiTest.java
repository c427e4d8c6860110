package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/validate: the CLI's validate over HTTP, the same located problems, and nothing evaluated. */
class ValidateApiTest {
    static final String INVALID = "fixtures/green-factory/gbt36132-2018/invalid/many-problems";

    @RegisterExtension
    static final ApiServer server = ApiServer.local("verdant-validate-api");

    @Test
    void anInvalidSubmissionAnswersTheSameLocatedProblemsAsTheCli() throws Exception {
        byte[] yaml = Files.readAllBytes(Path.of(INVALID + ".yaml"));
        Http.Answer a = server.post("/api/validate?lang=zh&file=" + URLEncoder.encode("many-problems.yaml", StandardCharsets.UTF_8), ServeApiTest.YAML, yaml);
        ServeApiTest.assertError(a, 422, "invalid_submission");
        List<String> lines = new ArrayList<>();
        for (JsonNode p : a.json().path("problems")) {
            lines.add(p.path("file").asText() + ":" + p.path("line").asText() + ":" + p.path("column").asText() + ": " + p.path("path").asText() + ": "
                    + p.path("message").asText());
        }
        // the CLI's validate wrote these (./verdant test checks them): the exit code, each problem, a summary; the service names the file without its folder
        String folder = INVALID.substring(0, INVALID.lastIndexOf('/') + 1);
        List<String> cli = Files.readAllLines(Path.of(INVALID + ".expected.txt")).stream().filter(l -> l.matches(java.util.regex.Pattern.quote(INVALID) + "\\.yaml:\\d+:.*"))
                .map(l -> l.substring(folder.length())).toList();
        assertThat(cli).hasSize(11);
        assertThat(lines).isEqualTo(cli);
    }

    @Test
    void aValidSubmissionNamesItsSchemeAndEditionAndCarriesNoVerdict() throws Exception {
        byte[] yaml = Files.readAllBytes(Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml"));
        Http.Answer a = server.post("/api/validate?lang=en", ServeApiTest.YAML, yaml);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode v = a.json();
        assertThat(v.path("format").asText()).isEqualTo("verdant.validation/1");
        assertThat(v.path("valid").asBoolean()).isTrue();
        assertThat(v.path("scheme").asText()).isEqualTo("green-factory");
        assertThat(v.path("edition").asText()).isEqualTo("GB/T 36132-2018");
        assertThat(v.has("verdict")).isFalse();
    }

    @Test
    void theEnglishProblemsAreInEnglish() throws Exception {
        Http.Answer a = server.post("/api/validate?lang=en", ServeApiTest.YAML, "scheme: green-factory\nfacility: {}\n");
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().path("problems").toString()).contains("required field is missing");
    }
}
