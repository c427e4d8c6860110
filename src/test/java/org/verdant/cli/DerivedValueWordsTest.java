package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/**
 * Derived values' notes and missing inputs (issue 14): a note is written in the verdict's language,
 * and a missing input in the JSON is a field path (or alternatives "A | B"), never an English hint.
 */
class DerivedValueWordsTest {
    private static final String SINGLE_PRODUCT = "fixtures/green-factory/gbt36132-2018/autoparts-anhui-self-assessment-gaps.yaml";
    private static final String NO_POLLUTANT = "fixtures/green-factory/gbt36132-2025/c1/meters-wuxi-missing-references.yaml";
    private static final String NO_INVESTMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
    /** A field path, with alternatives joined by " | " and a year's entry named "(year: 2022, output_value)". */
    private static final String FIELD = "[a-z][a-z0-9_]*(?:\\[\\d*])?(?:\\.[A-Za-z0-9_-]+(?:\\[\\d*])?)*(?: \\(year: \\d{4}, [a-z_]+\\))?";

    private static JsonNode verdict(String lang, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("evaluate"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json", "--lang", lang));
        CliTest.Run r = run(withRulebook(all.toArray(String[]::new)));
        assertThat(r.code()).as(r.err()).isIn(0, 1);
        return new ObjectMapper().readTree(r.out());
    }

    private static JsonNode criterion(JsonNode verdict, String id) {
        for (JsonNode c : verdict.path("criteria")) if (c.path("id").asText().equals(id)) return c;
        throw new AssertionError("no criterion " + id);
    }

    @Test
    void aSingleProductFactorysNotesAreInTheVerdictsLanguage() throws Exception {
        JsonNode zh = criterion(verdict("zh", SINGLE_PRODUCT), "PRF-11");
        JsonNode en = criterion(verdict("en", SINGLE_PRODUCT), "PRF-11");
        assertThat(zh.path("notes").toString()).contains("单一产品工厂").doesNotContain("single-product").contains("0.1229 kgce/kWh");
        assertThat(en.path("notes").toString()).contains("single-product factory").contains("0.1229 kgce/kWh")
                .doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void missingInputsAreFieldPathsAndTheReasonSaysOrInWords() throws Exception {
        for (String[] c : List.of(new String[]{"C1-11", NO_POLLUTANT}, new String[]{"C3", NO_INVESTMENT, "--edition", "GB/T 36132-2025"})) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            JsonNode zh = criterion(verdict("zh", args), c[0]);
            JsonNode en = criterion(verdict("en", args), c[0]);
            assertThat(zh.path("values").path("missing_inputs")).as(c[0]).isNotEmpty();
            for (JsonNode m : zh.path("values").path("missing_inputs")) {
                assertThat(m.asText()).as(c[0] + " missing input").matches(FIELD + "(?: \\| " + FIELD + ")*");
            }
            assertThat(zh.path("values").path("missing_inputs")).isEqualTo(en.path("values").path("missing_inputs"));
            assertThat(zh.path("reason").asText()).as(c[0]).contains("或").doesNotContain("(or ");
            assertThat(en.path("reason").asText()).as(c[0]).contains(" or ");
        }
    }
}
