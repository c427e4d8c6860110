package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.verdant.text.Json;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The form's API: the schema narrowed to a scheme, edition and table; the blank templates; YAML read for the form; the PDF report. */
class SchemaApiTest {
    static final String SMALL_FACTORY = """
            scheme: green-factory
            evaluation_date: 2026-03-01
            reporting_year: 2025
            facility:
              name: 示例小厂
              credit_code: 91331000MA0000000K
              industry: C2927
              province: 浙江
            site:
              land_area: 30 亩
            """;

    @RegisterExtension
    static final ApiServer server = ApiServer.local("verdant-schema-api");

    @Test
    void aGreenFactoryFormHasItsSectionsInTheOrderOfTheStandardTheClaimsThatExistAndTheEnergyLimitRows() throws Exception {
        Http.Answer a = server.get("/api/schema?scheme=green-factory");
        assertThat(a.status()).isEqualTo(200);
        JsonNode form = a.json();
        assertThat(form.path("format").asText()).isEqualTo("verdant.form/1");
        assertThat(form.path("edition").asText()).as("the latest edition by default").isEqualTo("GB/T 36132-2025");
        assertThat(form.path("table").asText()).isEqualTo("national-general");
        List<String> sections = texts(form.path("sections"));
        assertThat(sections).startsWith("evaluation_date", "reporting_year", "indicator_table", "evaluator", "facility")
                .contains("claims", "site", "energy", "products").doesNotContain("park", "supply_chain", "scheme", "format");
        assertThat(sections.indexOf("accidents")).isLessThan(sections.indexOf("site"));
        assertThat(sections.indexOf("energy")).isLessThan(sections.indexOf("emissions"));
        assertThat(texts(form.path("excluded"))).contains("park", "supply_chain");
        assertThat(texts(form.path("required"))).contains("evaluation_date", "facility.name", "facility.credit_code", "facility.industry");
        assertThat(form.path("not_applicable_allowed").asBoolean()).as("GB/T 36132-2025 scores every indicator").isFalse();

        JsonNode g2 = criterion(form, "G2");
        assertThat(g2.path("claim").asBoolean()).isTrue();
        assertThat(g2.path("name").path("zh").asText()).isNotBlank();
        JsonNode e1 = criterion(form, "E1");
        assertThat(e1.path("claim").asBoolean()).as("E1 is computed from the figures").isFalse();
        assertThat(e1.path("forms")).isNotEmpty();
        assertThat(form.path("energy_limits").findValuesAsText("id")).contains("cement-clinker");
        assertThat(form.path("schema").path("properties").has("facility")).isTrue();
        // the schema served is the one the validator tests use
        assertThat(form.path("schema")).isEqualTo(Json.read(Files.readAllBytes(Path.of("schemas/submission.schema.json"))));
    }

    @Test
    void theOlderEditionAndAParkHaveTheirOwnForms() throws Exception {
        JsonNode old = server.get("/api/schema?scheme=green-factory&edition=GB/T%2036132-2018").json();
        assertThat(old.path("edition").asText()).isEqualTo("GB/T 36132-2018");
        assertThat(old.path("table").isNull()).isTrue();
        assertThat(texts(old.path("sections"))).doesNotContain("indicator_table");
        assertThat(old.path("not_applicable_allowed").asBoolean()).isTrue();
        assertThat(criterion(old, "INF-12").path("claim").asBoolean()).isTrue();

        JsonNode park = server.get("/api/schema?scheme=green-park").json();
        assertThat(texts(park.path("sections"))).contains("park", "claims").doesNotContain("site", "energy", "products", "supply_chain");

        JsonNode jiangsu = server.get("/api/schema?scheme=green-factory&table=jiangsu-2025").json();
        assertThat(jiangsu.path("table").asText()).isEqualTo("jiangsu-2025");
        assertThat(jiangsu.path("tables").findValuesAsText("id")).contains("national-general", "jiangsu-2025");
    }

    @Test
    void anUnknownSchemeEditionOrTableIsABadRequestInTheAskedLanguage() {
        Http.Answer a = server.get("/api/schema?scheme=green-farm");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().path("message").asText()).contains("没有评价类型 'green-farm'");
        assertThat(server.get("/api/schema?scheme=green-factory&edition=GB/T%2036132-2099&lang=en").json().path("message").asText())
                .contains("has no edition 'GB/T 36132-2099'");
        assertThat(server.get("/api/schema?scheme=green-factory&table=jiangsu-2024").status()).isEqualTo(400);
    }

    @Test
    void everyBlankTemplateHasGuidanceAndNoFigures() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        // the words a blank template may hold: the scheme, its edition and default table
        Set<String> allowed = Set.of("green-factory", "green-park", "zero-carbon-park", "green-supply-chain", "GB/T 36132-2018",
                "national-general");
        for (Templates.Template t : Templates.all()) {
            Http.Answer a = server.get("/api/templates/" + t.name() + "/blank");
            assertThat(a.status()).as(t.name()).isEqualTo(200);
            assertThat(a.header("Content-Disposition")).contains(t.name() + ".blank.yaml");
            assertThat(a.body()).startsWith("# Verdant 空白申报模板 / blank submission template").contains("载入示例");
            List<String> values = new ArrayList<>();
            leaves(yaml.readTree(a.body()), values);
            assertThat(values).as(t.name() + ": no figures").allMatch(allowed::contains);
            assertThat(yaml.readTree(a.body()).path("scheme").asText()).isEqualTo(t.scheme());
            // the example is still there, and differs
            assertThat(server.get("/api/templates/" + t.name()).body()).startsWith("# Verdant 申报模板 / submission template");
        }
        assertThat(server.get("/api/templates/no-such/blank").status()).isEqualTo(404);
    }

    @Test
    void theYamlViewIsReadAsJsonForTheForm() throws Exception {
        Http.Answer a = server.post("/api/parse", "application/yaml", SMALL_FACTORY);
        assertThat(a.status()).isEqualTo(200);
        JsonNode v = a.json();
        assertThat(v.path("facility").path("name").asText()).isEqualTo("示例小厂");
        assertThat(v.path("evaluation_date").asText()).as("a date stays the text it is").isEqualTo("2026-03-01");
        assertThat(v.path("site").path("land_area").asText()).isEqualTo("30 亩");
        assertThat(server.post("/api/parse", "application/yaml", "").json().isObject()).isTrue();
        Http.Answer bad = server.post("/api/parse", "application/yaml", "facility: [unclosed\n  name: x");
        assertThat(bad.status()).isEqualTo(422);
    }

    @Test
    void theReportDownloadsAsAPdf() {
        Http.Answer a = server.post("/api/report?format=pdf", "application/yaml", SMALL_FACTORY);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("application/pdf");
        assertThat(a.body()).startsWith("%PDF");
        assertThat(server.post("/api/report?format=docx", "application/yaml", SMALL_FACTORY).status()).isEqualTo(400);

        Http.Answer stored = server.post("/api/evaluations", "application/yaml", SMALL_FACTORY);
        assertThat(stored.status()).isEqualTo(201);
        String id = stored.header("X-Verdant-Record");
        Http.Answer pdf = server.get("/api/evaluations/" + id + "/report?format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
    }

    @Test
    void thePageServesItsScriptsUnderItsPolicy() {
        for (String name : List.of("/app.js", "/form.js", "/yaml.js")) {
            Http.Answer a = server.get(name);
            assertThat(a.status()).as(name).isEqualTo(200);
            assertThat(a.header("Content-Type")).startsWith("text/javascript");
            assertThat(a.header("Content-Security-Policy")).isEqualTo(VerdantServer.PAGE_CSP);
        }
        assertThat(server.get("/").body()).contains("src=\"/form.js\"").contains("src=\"/yaml.js\"").contains("<nav id=\"pages\"");
    }

    private static JsonNode criterion(JsonNode form, String id) {
        for (JsonNode c : form.path("criteria")) if (c.path("id").asText().equals(id)) return c;
        throw new AssertionError("no criterion " + id + " in the form");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void leaves(JsonNode n, List<String> out) {
        if (n.isContainerNode()) {
            n.forEach(c -> leaves(c, out));
        } else if (!n.isNull()) {
            out.add(n.asText());
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
