package org.verdant.xlsx;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verdant.app.Application;
import org.verdant.app.Settings;
import org.verdant.app.Workbooks;
import org.verdant.support.TestRulebook;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A bundled fixture written into the template by the writer and read back gives the YAML file's verdict. */
class WorkbookRoundTripTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "fixtures/green-factory/gbt36132-2025/cement-yunnan-high-altitude.yaml",
            "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml",
            "fixtures/green-factory/gbt36132-2018/textile-dyeing-zhejiang-accident-veto.yaml",
            "fixtures/green-park/miit-2016-586/zhejiang-tongxiang-water-outstanding.yaml",
            "fixtures/green-supply-chain/miit-2016-586/aircon-guangdong-branch-not-legal-person.yaml",
            "fixtures/zero-carbon-park/ndrc-2025-910/baotou-1500k-at-threshold.yaml"})
    void theWorkbookGivesTheYamlVerdict(String fixture) throws Exception {
        Path yaml = Path.of(fixture);
        byte[] bytes = Files.readAllBytes(yaml);
        Application app = new Application(TestRulebook.compiled());
        String scheme = fixture.split("/")[1];
        byte[] xlsx = Workbooks.template(TestRulebook.compiled(), scheme, null, null, "zh", yaml.toString(), bytes);

        String fromYaml = app.evaluate(new org.verdant.app.Request(yaml.getFileName().toString(), bytes, Settings.defaults())).json();
        Workbooks.Input input = Workbooks.input("filled.xlsx", xlsx, Settings.defaults());
        String fromXlsx;
        try {
            fromXlsx = input.run(app::evaluate).json();
        } catch (org.verdant.fault.Fault f) {
            throw new AssertionError(f.problems() + "\n" + new String(input.request().bytes(), java.nio.charset.StandardCharsets.UTF_8), f);
        }

        // a cell holds a number, not its notation: 1.5e6 comes back as 1500000, so the computations' text and the
        // input digest differ while every figure is the same
        assertThat(figures(fromXlsx.replace("\"filled.xlsx\"", "\"" + yaml.getFileName() + "\""))).isEqualTo(figures(fromYaml));
        assertThat(fromXlsx).contains("\"filled.xlsx\"");
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w.])");

    /** The verdict with every number written one way and the input digest left out. */
    private static String figures(String json) {
        String noDigest = json.replaceAll("\"digest\" : \"sha256:[0-9a-f]+\"", "\"digest\" : \"…\"");
        return NUMBER.matcher(noDigest).replaceAll(m -> new java.math.BigDecimal(m.group()).stripTrailingZeros().toPlainString());
    }
}
