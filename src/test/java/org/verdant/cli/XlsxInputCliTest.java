package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** explain, improve and what-if read an .xlsx workbook like evaluate: its figures, and its problems at the sheet and cell. */
class XlsxInputCliTest {
    private static final String CEMENT = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
    private static final List<List<String>> COMMANDS = List.of(
            List.of("explain"), List.of("improve"), List.of("what-if", "--set", "site.land_area=500000 m2"));

    @TempDir
    Path tmp;

    @Test
    void aFilledWorkbookIsExplainedImprovedAndChangedLikeItsYaml() throws Exception {
        Path xlsx = tmp.resolve("水泥.xlsx");
        assertThat(run(withRulebook("template", "green-factory", "--format", "xlsx", "-o", xlsx.toString(), "--from", CEMENT)).code()).isZero();
        for (List<String> command : COMMANDS) {
            CliTest.Run r = run(withRulebook(args(command, xlsx)));
            assertThat(r.code()).as(command + ": " + r.err()).isZero();
            assertThat(r.out()).as(command.get(0)).isNotBlank();
        }
    }

    @Test
    void aBlankWorkbooksMissingFieldsArePlacedAtTheirCellsForEveryCommand() throws Exception {
        Path xlsx = tmp.resolve("blank.xlsx");
        assertThat(run(withRulebook("template", "green-factory", "-o", xlsx.toString(), "--edition", "GB/T 36132-2025")).code()).isZero();
        for (List<String> command : COMMANDS) {
            CliTest.Run r = run(withRulebook(args(command, xlsx)));
            assertThat(r.code()).as(command.get(0)).isEqualTo(ExitCodes.INVALID_SUBMISSION);
            assertThat(r.err()).as(command.get(0)).contains(xlsx + ":申报!C").contains(": evaluation_date: 缺少必填字段")
                    .doesNotContain(".yaml:").doesNotContain("Exception");
            CliTest.Run en = run(withRulebook(args(command, xlsx, "--lang", "en")));
            assertThat(en.err()).as(command.get(0)).contains(xlsx + ":").contains(": evaluation_date: required field is missing");
        }
    }

    @Test
    void aChangeThatMakesTheWorkbookInvalidIsShownAtTheCellOfTheFieldNotAtALineOfYaml() throws Exception {
        Path xlsx = tmp.resolve("水泥.xlsx");
        assertThat(run(withRulebook("template", "green-factory", "--format", "xlsx", "-o", xlsx.toString(), "--from", CEMENT)).code()).isZero();
        CliTest.Run r = run(withRulebook("what-if", xlsx.toString(), "--set", "site.land_area=100000 m2"));
        assertThat(r.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(xlsx.toString()) + ":[^:\\n0-9][^:\\n]*![A-Z]+[0-9]+: site\\.")
                .doesNotContainPattern(java.util.regex.Pattern.quote(xlsx.toString()) + ":[0-9]+:[0-9]+:");
    }

    private static String[] args(List<String> command, Path file, String... more) {
        List<String> all = new java.util.ArrayList<>();
        all.add(command.get(0));
        all.add(file.toString());
        all.addAll(command.subList(1, command.size()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
