package org.verdant.serve;

import org.junit.jupiter.api.Test;
import org.verdant.app.Faults;
import org.verdant.fault.Fault;
import org.verdant.fault.Option;
import org.verdant.text.Location;
import org.verdant.yaml.Problem;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's one mapping of faults to statuses and {@code verdant.error/1} answers. */
class ServeFaultsTest {
    private static final Problem PROBLEM = new Problem(new Location("f.yaml", 3, 5), "site.area", "must be a number");

    private static ApiException answer(Throwable t) {
        return ServeFaults.answer(Faults.of(t), null, null);
    }

    @Test
    void usageNamesTheOptionAsItsParameter() {
        ApiException e = answer(new Fault(Fault.Kind.USAGE, Option.GRADING, "unknown grading table 'x'"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.error()).isEqualTo("bad_request");
        assertThat(e.getMessage()).isEqualTo("grading: unknown grading table 'x'");
        assertThat(e.message().zh()).isEqualTo("grading: unknown grading table 'x'"); // the application's sentence as it wrote it
        assertThat(answer(new Fault(Fault.Kind.NOT_FOUND, "no record 9")).status()).isEqualTo(404);
    }

    @Test
    void eachKindHasItsStatus() {
        ApiException invalid = answer(new Fault(Fault.Kind.INVALID_SUBMISSION, null, "", List.of(PROBLEM), 4));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.getMessage()).isEqualTo("invalid submission (4 problem(s)); nothing was scored");
        assertThat(invalid.message().zh()).isEqualTo("申报材料无效（4 个问题），未评分");
        assertThat(ApiJson.error(invalid, "zh")).contains("\"message\" : \"申报材料无效（4 个问题），未评分\"");
        assertThat(ApiJson.error(invalid, "en")).contains("\"message\" : \"invalid submission (4 problem(s)); nothing was scored\"");
        assertThat(invalid.problems()).containsExactly(PROBLEM);
        ApiException rulebook = answer(new org.verdant.rulebook.RulebookException(List.of(PROBLEM)));
        assertThat(rulebook.status()).isEqualTo(500);
        assertThat(rulebook.error()).isEqualTo("invalid_rulebook");
        ApiException archive = answer(new org.verdant.archive.ArchiveException("locked"));
        assertThat(archive.status()).isEqualTo(500);
        assertThat(archive.getMessage()).isEqualTo("archive: locked");
        assertThat(archive.message().zh()).isEqualTo("档案：locked");
        ApiException differs = answer(new Fault(Fault.Kind.NOT_REPRODUCED, "x", List.of(new Fault.Difference("score", "98", "99"))));
        assertThat(differs.status()).isEqualTo(409);
        assertThat(differs.error()).isEqualTo("not_reproduced");
        assertThat(ApiJson.error(differs, "zh")).contains("\"archived\" : \"98\"").contains("\"now\" : \"99\"");
        ApiException bug = answer(new IllegalStateException("boom"));
        assertThat(bug.status()).isEqualTo(500);
        assertThat(bug.getMessage()).isEqualTo("internal error: IllegalStateException (please report it with the input that caused it)");
        assertThat(bug.message().zh()).isEqualTo("内部错误：IllegalStateException（请连同引发它的输入一起报告此问题）");
    }

    @Test
    void theAnswersLanguageIsTheLangParameterElseAcceptLanguageElseChinese() {
        assertThat(ServeLang.fromAcceptLanguage(null)).isEqualTo("zh");
        assertThat(ServeLang.fromAcceptLanguage("")).isEqualTo("zh");
        assertThat(ServeLang.fromAcceptLanguage("en-US,en;q=0.9")).isEqualTo("en");
        assertThat(ServeLang.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo("zh");
        assertThat(ServeLang.fromAcceptLanguage("en;q=0.5,zh;q=0.8")).isEqualTo("zh");
        assertThat(ServeLang.fromAcceptLanguage("fr-FR,en;q=0.7")).isEqualTo("en");
        assertThat(ServeLang.fromAcceptLanguage("en,zh")).isEqualTo("en");
        assertThat(ServeLang.fromAcceptLanguage("zh,en")).isEqualTo("zh");
        assertThat(ServeLang.fromAcceptLanguage("en;q=0,fr")).isEqualTo("zh");
        assertThat(ServeLang.fromAcceptLanguage("de, *;q=0.1")).isEqualTo("zh");
    }
}
