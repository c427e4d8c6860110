package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.verdant.archive.Archive;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field the form's schema exposes has a Chinese (and an English) label and help, answered
 * with the form (GET /api/schema "fields"), so the page shows no bare key and no English-only text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormFieldsTest {
    /** Set by the page's scheme chooser, not fields of the form. */
    private static final Set<String> NOT_FIELDS = Set.of("format", "scheme", "edition");

    Path data;
    VerdantServer server;
    JsonNode form;

    @BeforeAll
    void start() throws IOException {
        data = Files.createTempDirectory("verdant-form-fields");
        server = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), Archive.open(data.resolve("archive")), null), null);
        Http.Answer a = new Http(server.uri(), null).get("/api/schema?scheme=green-factory");
        assertThat(a.status()).isEqualTo(200);
        form = a.json();
    }

    @AfterAll
    void stop() throws IOException {
        if (server != null) server.close();
        ServeApiTest.delete(data);
    }

    @Test
    void everyFieldOfTheSchemaHasAChineseAndAnEnglishLabelAndHelp() {
        Set<String> paths = new LinkedHashSet<>();
        walk(form.path("schema"), form.path("schema").path("$defs"), "", paths, 0);
        paths.removeAll(NOT_FIELDS);
        assertThat(paths).as("the walk found the schema's fields").hasSizeGreaterThan(300).contains("site.land_area", "claims.*.met",
                "products.corrections.altitude", "park.years.statistics.co2", "management_systems.energy.certificate.valid_until");
        JsonNode fields = form.path("fields");
        List<String> without = new ArrayList<>();
        for (String p : paths) {
            JsonNode f = fields.path(p);
            for (String part : List.of("label", "help")) {
                for (String lang : List.of("zh", "en")) {
                    if (f.path(part).path(lang).asText("").isBlank()) without.add(p + " " + part + "." + lang);
                }
            }
            String zh = f.path("help").path("zh").asText("");
            if (!zh.isBlank() && zh.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) without.add(p + " help.zh is not Chinese");
        }
        assertThat(without).as("fields without a label or help").isEmpty();
        List<String> stale = new ArrayList<>();
        fields.fieldNames().forEachRemaining(n -> {
            if (!paths.contains(n)) stale.add(n);
        });
        assertThat(stale).as("labels of fields the schema no longer has").isEmpty();
    }

    @Test
    void aQuantitysHelpNamesItsUnitsAndAnEvidenceFieldsHelpSaysWhatCounts() {
        JsonNode fields = form.path("fields");
        assertThat(fields.path("site.land_area").path("help").path("zh").asText()).contains("亩", "m2");
        assertThat(fields.path("energy.carriers.amount").path("help").path("zh").asText()).contains("折标系数");
        assertThat(fields.path("claims.*.evidence").path("help").path("zh").asText()).contains("不得分");
        assertThat(fields.path("accidents.events.severity").path("help").path("zh").asText()).contains("较大", "serious");
    }

    /** The fields the form lays out: properties, the properties of list items, and those of a keyed mapping's values as "*". */
    private static void walk(JsonNode node, JsonNode defs, String path, Set<String> out, int depth) {
        JsonNode s = resolve(node, defs);
        if (s == null || depth > 10) return;
        Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> e = props.next();
            if (e.getValue().isBoolean()) continue;
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            out.add(p);
            walk(e.getValue(), defs, p, out, depth + 1);
        }
        if (s.path("items").isObject()) walkChildren(resolve(s.path("items"), defs), defs, path, out, depth);
        if (s.path("additionalProperties").isObject()) walkChildren(resolve(s.path("additionalProperties"), defs), defs, path + ".*", out, depth);
    }

    private static void walkChildren(JsonNode s, JsonNode defs, String path, Set<String> out, int depth) {
        if (s == null || !s.has("properties")) return;
        walk(s, defs, path, out, depth + 1);
    }

    private static JsonNode resolve(JsonNode n, JsonNode defs) {
        for (int guard = 0; guard < 20 && n != null && n.isObject(); guard++) {
            if (n.has("$ref")) {
                n = defs.path(n.get("$ref").asText().replace("#/$defs/", ""));
            } else if (n.has("anyOf")) {
                List<JsonNode> branches = new ArrayList<>();
                n.get("anyOf").forEach(b -> {
                    if (!"null".equals(b.path("type").asText())) branches.add(b);
                });
                if (branches.size() != 1) return n;
                n = branches.get(0);
            } else {
                return n;
            }
        }
        return n;
    }
}
