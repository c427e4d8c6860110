package org.verdant.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists in the JSON verdict are JSON arrays, never the text of a list ("[2021, 2023]"). */
class VerdictJsonListsTest {
    @Test
    void collectionsAndArraysAreWrittenAsArrays() {
        assertThat(VerdictJson.value(new LinkedHashSet<>(List.of(2021, 2023))).toString()).isEqualTo("[2021,2023]");
        assertThat(VerdictJson.value(List.of(1.5, 2.0)).isArray()).isTrue();
    }

    @Test
    void noFixtureVerdictWritesAListAsText() throws IOException {
        List<String> found = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(Path.of("fixtures"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".expected.json")).sorted().toList()) {
                JsonNode root = json.readTree(p.toFile());
                for (String part : List.of("gates", "criteria")) {
                    for (JsonNode j : root.path(part)) {
                        j.path("values").fields().forEachRemaining(e -> {
                            String t = e.getValue().isTextual() ? e.getValue().asText() : "";
                            if (t.startsWith("[") && t.endsWith("]")) found.add(p + " " + j.path("id").asText() + " values." + e.getKey() + " = " + t);
                        });
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
