package org.verdant.submission;

import org.junit.jupiter.api.Test;
import org.verdant.yaml.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** The problems at {@code path} in {@code lang}, each as {@code file:line:column: path: message}. */
    private static List<String> at(String text, String path, String lang) {
        return problems(text, lang).stream().filter(x -> x.contains(": " + path + ": ")).toList();
    }

    /** An English sentence: four Latin words in a row (a list of keys is comma-separated), outside quoted values ('…'). */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]+(?: +[A-Za-z]+){3,}");

    private static boolean hasEnglishSentence(String message) {
        return ENGLISH.matcher(message.replaceAll("'[^']*'", "''")).find();
    }

    /**
     * One problem at {@code path}: in Chinese by default with {@code zh} in it and no English sentence,
     * in English with {@code en}, at the same {@code file:line:column: path:}.
     */
    private static void saysInBoth(String text, String path, String zh, String en) {
        List<String> zhs = at(text, path, "zh");
        List<String> ens = at(text, path, "en");
        assertThat(zhs).as(String.join("\n", problems(text, "zh"))).hasSize(1);
        assertThat(ens).hasSize(1);
        String zhLine = zhs.get(0);
        String enLine = ens.get(0);
        String prefix = zhLine.substring(0, zhLine.indexOf(": " + path + ": ") + path.length() + 4);
        assertThat(enLine).startsWith(prefix).contains(en);
        assertThat(zhLine).contains(zh);
        assertThat(hasEnglishSentence(zhLine.substring(prefix.length()))).as(zhLine).isFalse();
    }

    @Test
    void aSectionOfAnotherSchemeIsNamedInChinese() {
        saysInBoth(FACTORY + "park: {level: national}\n", "park",
                "'park' 是 green-park, zero-carbon-park 申报材料的部分，不属于 green-factory",
                "'park' is a section of green-park, zero-carbon-park submissions, not of green-factory");
    }

    @Test
    void aBadCreditCodeIsExplainedInChinese() {
        saysInBoth(FACTORY.replace("Q3X", "Q3Y"), "facility.credit_code",
                "'91320500MA1T4K8Q3Y' 不是有效的统一社会信用代码：校验码为 'Y'，但按前 17 位计算应为 'X'",
                "is not a valid unified social credit code: check character is 'Y' but the first 17 characters give 'X'");
        saysInBoth(FACTORY.replace("91320500MA1T4K8Q3X", "9132050"), "facility.credit_code",
                "统一社会信用代码共 18 位，此处为 7 位", "a credit code has 18 characters, this has 7");
        saysInBoth(FACTORY.replace("91320500MA1T4K8Q3X", "91320500MA1T4K8QIX"), "facility.credit_code",
                "第 17 位（'I'）不是允许的字符", "character 17 ('I') is not allowed");
    }

    @Test
    void claimsSeverityLevelsAndDegreesAreInChinese() {
        saysInBoth(FACTORY + "accidents: {events: [{date: 2025-05-01, kind: safety, severity: minor}]}\n",
                "accidents.events[0].severity", "'minor' 不是事故等级", "'minor' is not a severity");
        saysInBoth(FACTORY + "references: {Z1: {industry_average: 5 %, basic: 5 %, source: 行业报告}}\n",
                "references.Z1.basic", "industry_average 与 basic 是同一水平：只填其一", "industry_average and basic are the same level: state one");
        saysInBoth(FACTORY + "claims: {'4.1.1': {met: true, degree: 1.5}}\n", "claims.4.1.1.degree",
                "符合程度应大于 0 且不超过 1（或 100 %），实际为 1.5", "the degree of fulfilment is more than 0 and at most 1");
    }

    @Test
    void renewableElectricityAndCertificatesAreInChinese() {
        saysInBoth(FACTORY + "energy: {carriers: [{type: 风电, amount: 100 kWh, obtained: dedicated_line}]}\n",
                "energy.carriers[0].obtained", "请在 proof 下列出合同", "B.5 counts dedicated_line renewable electricity on its proof");
        saysInBoth(FACTORY + "energy: {carriers: [{type: 光伏, amount: 100 kWh, obtained: self_generated, certificates: 1}]}\n",
                "energy.carriers[0].certificates", "绿证须与电力获得方式对应", "green certificates go with electricity obtained");
        saysInBoth(FACTORY + "energy: {carriers: [{type: 风电, amount: 100 kWh, obtained: green_certificates, certificates: 1, proof: [绿证.pdf]}]}\n",
                "energy.carriers[0].certificates", "1 张绿证对应 1000 kWh", "1 certificates stand for 1000 kWh");
    }

    @Test
    void productsAndTheirMethodsAreInChinese() {
        String two = "products:\n  - {name: A, output: 10 t, main: true}\n  - {name: B, output: 10 t, main: true}\n";
        saysInBoth(FACTORY + two, "products", "只能有一种产品标记为 main: true", "only one product may be marked main: true");
        String allocated = FACTORY + "energy: {comprehensive: 100 tce, multi_product_method: allocated}\n"
                + "products:\n  - {name: A, output: 10 t, main: true, energy_share: 60 %}\n  - {name: B, output: 10 t, energy_share: 30 %}\n";
        saysInBoth(allocated, "energy.multi_product_method", "各产品的能耗比例合计为 90 %，而非 100 %",
                "the products' energy shares add up to 90 %, not 100 %");
        String both = FACTORY + "products:\n  - {name: A, output: 10 t, energy: 5 tce, energy_per_unit: 0.5 tce/t}\n";
        saysInBoth(both, "products[0].energy_per_unit", "energy 与 energy_per_unit 只填其一", "give either energy or energy_per_unit, not both");
    }

    @Test
    void aMainPollutantListedTwiceIsInChinese() {
        saysInBoth(FACTORY + "emissions: {main_pollutant: {name: SO2, generated: 10 t}, pollutants: [{name: SO2, generated: 12 t}]}\n",
                "emissions.main_pollutant", "主要污染物 SO2 也列在 pollutants 下，且数据不同",
                "the main pollutant SO2 is also listed under pollutants with other figures");
    }

    @Test
    void parkProblemsAreInChinese() {
        String park = FACTORY.replace("green-factory", "green-park")
                + "park:\n  level: national\n  enterprise_products: []\n  years:\n    - {year: 2024}\n    - {year: 2024}\n";
        saysInBoth(park, "park.enterprise_products", "'enterprise_products' 不属于 green-park 的申报材料",
                "'enterprise_products' is not part of a green-park submission");
        saysInBoth(park, "park.years[1].year", "年份 2024 重复列出", "year 2024 is listed twice");
        saysInBoth(park, "park.years", "缺少报告年度 2025 的条目", "no entry for the reporting year 2025");
    }

    /** Every problem a submission reader makes is put into words by a bundle key, never passed as a finished English string. */
    @Test
    void noReaderProblemIsAPlainString() throws IOException {
        Pattern call = Pattern.compile("problems\\.add\\((.*?)\\);", Pattern.DOTALL);
        Pattern sentence = Pattern.compile("\"(?:'|[^\"]*[A-Za-z]+ [A-Za-z]+)");
        List<String> plain = new java.util.ArrayList<>();
        for (String dir : List.of("src/main/java/org/verdant/submission", "src/main/java/org/verdant/yaml")) {
            try (var files = Files.list(Path.of(dir))) {
                for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                    Matcher m = call.matcher(Files.readString(f));
                    while (m.find()) {
                        if (sentence.matcher(m.group(1)).find() && !m.group(1).contains("Msg.of(")) {
                            plain.add(f.getFileName() + ": " + m.group(1).strip());
                        }
                    }
                }
            }
        }
        assertThat(plain).isEmpty();
    }

    /** What the readers say about every invalid fixture, in Chinese, holds no English sentence. */
    @Test
    void everyInvalidFixtureReadsInChinese() throws IOException {
        List<String> english = new java.util.ArrayList<>();
        int read = 0;
        try (var files = Files.walk(Path.of("fixtures"))) {
            for (Path f : files.filter(x -> x.getParent() != null && x.getParent().endsWith("invalid") && x.toString().endsWith(".yaml")).sorted().toList()) {
                Problems p = new Problems();
                SubmissionReader.read(f.toString(), Files.readAllBytes(f), p);
                read++;
                p.sorted().stream().map(x -> x.message("zh")).filter(ProblemLanguageTest::hasEnglishSentence)
                        .forEach(m -> english.add(f + ": " + m));
            }
        }
        assertThat(read).isGreaterThan(20);
        assertThat(english).isEmpty();
    }
}
