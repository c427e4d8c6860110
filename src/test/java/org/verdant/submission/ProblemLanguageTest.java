package org.verdant.submission;

import org.junit.jupiter.api.Test;
import org.verdant.yaml.Problems;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission problem is written in the user's language, Chinese by default, at the same
 * {@code file:line:column: path:} in both languages: one case per family of messages.
 */
class ProblemLanguageTest {
    private static final String FACTORY = """
            scheme: green-factory
            evaluation_date: 2026-03-01
            reporting_year: 2025
            facility: {name: 测试工厂, credit_code: 91320500MA1T4K8Q3X, industry: C3011, province: 江苏}
            """;

    private static List<String> problems(String text, String lang) {
        Problems p = new Problems();
        SubmissionReader.read("f.yaml", text.getBytes(StandardCharsets.UTF_8), p);
        return p.sorted().stream().map(x -> x.toString(lang)).toList();
    }

    @Test
    void nodeMessagesAreChineseByDefaultAndEnglishOnRequest() {
        String text = FACTORY + "site: {land_area: -3 亩, land_aera: 5 亩}\n";
        assertThat(problems(text, "zh")).containsExactly(
                "f.yaml:5:19: site.land_area: '-3 亩' 必须大于零",
                "f.yaml:5:25: site.land_aera: 未知的键；是否应为 'land_area'？");
        assertThat(problems(text, "en")).containsExactly(
                "f.yaml:5:19: site.land_area: '-3 亩' must be greater than zero",
                "f.yaml:5:25: site.land_aera: unknown key; did you mean 'land_area'?");
    }

    @Test
    void aMissingFieldAndAWrongKindAreNamedInChinese() {
        String text = FACTORY.replace("reporting_year: 2025\n", "") + "site: [1, 2]\n";
        assertThat(problems(text, "zh")).contains(
                "f.yaml:1:1: reporting_year: 缺少必填字段",
                "f.yaml:4:7: site: 此处应为映射（“键: 值”形式的若干行），实际为列表");
        assertThat(problems(text, "en")).contains(
                "f.yaml:1:1: reporting_year: required field is missing",
                "f.yaml:4:7: site: expected a mapping (key: value lines), found a list");
    }

    @Test
    void yamlSyntaxProblemsAreInTheUsersLanguage() {
        String text = FACTORY + "site:\n  land_area: 5 亩\n  land_area: 6 亩\n";
        assertThat(problems(text, "zh")).containsExactly("f.yaml:7:3: site.land_area: 键重复（首次出现在第 6 行）");
        assertThat(problems(text, "en")).containsExactly("f.yaml:7:3: site.land_area: duplicate key (first at line 6)");
        String tab = FACTORY + "site:\n\tland_area: 5 亩\n";
        assertThat(problems(tab, "zh")).singleElement().asString().startsWith("f.yaml:6:1: 不是有效的 YAML：YAML 在此处需要空格，却出现了制表符");
        assertThat(problems(tab, "en")).singleElement().asString().startsWith("f.yaml:6:1: not valid YAML: a tab character where YAML needs spaces");
    }

    @Test
    void unitProblemsAreInTheUsersLanguage() {
        String text = FACTORY + "site: {land_area: 5 furlongs}\n";
        assertThat(problems(text, "zh")).singleElement().asString()
                .startsWith("f.yaml:5:19: site.land_area: 未知单位 'furlongs'；可用单位为 ");
        assertThat(problems(text, "en")).singleElement().asString()
                .startsWith("f.yaml:5:19: site.land_area: unknown unit 'furlongs'; expected ");
        String separated = FACTORY + "site: {land_area: '98,000 m2'}\n";
        assertThat(problems(separated, "zh")).containsExactly(
                "f.yaml:5:19: site.land_area: '98,000 m2'：不接受千位分隔符；请去掉分隔符书写（例如 98000）");
    }

    @Test
    void aPartOverItsWholeIsInTheUsersLanguage() {
        String text = FACTORY + "materials: {green: 120 t, total: 100 t}\n";
        assertThat(problems(text, "zh")).containsExactly(
                "f.yaml:5:20: materials.green: materials.green（120 t）大于 materials.total（100 t）：部分不能大于整体");
        assertThat(problems(text, "en")).containsExactly(
                "f.yaml:5:20: materials.green: materials.green (120 t) exceeds materials.total (100 t): a part cannot be larger than its whole");
        String waste = FACTORY + "solid_waste: {generated: 100 t, utilised: 810.8 t, utilised_from_stock: 10 t}\n";
        assertThat(problems(waste, "zh")).singleElement().asString().endsWith("：部分不能大于整体；外购的固体废物不计入（B.11）");
    }

    @Test
    void dateProblemsAreInTheUsersLanguage() {
        String text = FACTORY.replace("reporting_year: 2025", "reporting_year: 2027");
        assertThat(problems(text, "zh")).containsExactly("f.yaml:3:17: reporting_year: 报告年度 2027 晚于评价日期 2026-03-01");
        assertThat(problems(text, "en")).containsExactly("f.yaml:3:17: reporting_year: reporting year 2027 is after the evaluation date 2026-03-01");
    }

    @Test
    void theEnglishMessageOfAProblemIsKeptForCodeThatReadsIt() {
        Problems p = new Problems();
        SubmissionReader.read("f.yaml", (FACTORY + "site: {land_aera: 5 亩}\n").getBytes(StandardCharsets.UTF_8), p);
        assertThat(p.sorted()).singleElement().satisfies(x -> {
            assertThat(x.message()).isEqualTo("unknown key; did you mean 'land_area'?");
            assertThat(x.message("zh")).isEqualTo("未知的键；是否应为 'land_area'？");
        });
    }
}
