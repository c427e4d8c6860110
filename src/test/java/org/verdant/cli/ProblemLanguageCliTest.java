package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** The command line writes a submission's problems in --lang, Chinese by default, at the same locations. */
class ProblemLanguageCliTest {
    @TempDir
    Path tmp;

    @Test
    void scorecardAwareChecksFollowTheLanguage() throws IOException {
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, TestRulebook.with(TestRulebook.with(TestRulebook.base(), "claims.INF-99", "{met: true, evidence: [x]}"),
                "claims.MGT-01", "{met: true, evidence: [x]}"), StandardCharsets.UTF_8);
        CliTest.Run zh = run(withRulebook("validate", f.toString()));
        assertThat(zh.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(zh.err()).contains("claims.INF-99: GB/T 36132-2018 中没有这一评价项；是否应为 'INF-09'？")
                .contains("claims.MGT-01: MGT-01 依据 management_systems 判定，不依据自我声明；请填写相应的事实");
        CliTest.Run en = run(withRulebook("validate", f.toString(), "--lang", "en"));
        assertThat(en.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(en.err()).contains("claims.INF-99: no such criterion in GB/T 36132-2018; did you mean 'INF-09'?")
                .contains("claims.MGT-01: MGT-01 is decided from management_systems, not from a claim; give those facts instead");
        assertThat(locations(zh.err())).isEqualTo(locations(en.err()));
    }

    @Test
    void evaluateWritesFieldProblemsInChineseByDefault() throws IOException {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, TestRulebook.with(TestRulebook.base(), "site.land_area", "-3 亩"), StandardCharsets.UTF_8);
        CliTest.Run zh = run(withRulebook("evaluate", f.toString()));
        assertThat(zh.code()).isEqualTo(ExitCodes.INVALID_SUBMISSION);
        assertThat(zh.err()).containsPattern("bad\\.yaml:\\d+:\\d+: site\\.land_area: '-3 亩' 必须大于零");
        CliTest.Run en = run(withRulebook("evaluate", f.toString(), "--lang", "en"));
        assertThat(en.err()).containsPattern("bad\\.yaml:\\d+:\\d+: site\\.land_area: '-3 亩' must be greater than zero");
    }

    /** Each problem line up to its message: {@code file:line:column: path:}. */
    /** The file:line:column of each problem line (the summary line, whose colon follows the language, is not one). */
    private static java.util.List<String> locations(String err) {
        java.util.regex.Pattern at = java.util.regex.Pattern.compile("^(.*\\.yaml:\\d+:\\d+:)");
        return err.lines().map(at::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1)).toList();
    }
}
