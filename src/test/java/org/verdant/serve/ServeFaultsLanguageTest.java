package org.verdant.serve;

import org.junit.jupiter.api.Test;
import org.verdant.app.Faults;
import org.verdant.app.TextFault;
import org.verdant.fault.Fault;
import org.verdant.fault.Option;

import static org.assertj.core.api.Assertions.assertThat;

/** A fault written in both languages is answered in the request's language, not in its English log text. */
class ServeFaultsLanguageTest {
    private static ApiException answer(Fault f) {
        return ServeFaults.answer(Faults.of(f), null, null);
    }

    @Test
    void usageNotFoundAndArchiveFaultsAnswerInBothLanguages() {
        ApiException usage = answer(new TextFault(Fault.Kind.USAGE, Option.GRADING, "未知的评级表“x”", "unknown grading table 'x'"));
        assertThat(usage.message().zh()).isEqualTo("grading: 未知的评级表“x”");
        assertThat(usage.message().en()).isEqualTo("grading: unknown grading table 'x'");
        assertThat(ApiJson.error(usage, "zh")).contains("未知的评级表“x”").doesNotContain("unknown");
        assertThat(ApiJson.error(usage, "en")).contains("unknown grading table 'x'");

        ApiException missing = answer(new TextFault(Fault.Kind.NOT_FOUND, null, "档案中没有记录 9", "no record 9 in the archive"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.message().zh()).isEqualTo("档案中没有记录 9");
        assertThat(missing.message().en()).isEqualTo("no record 9 in the archive");

        ApiException archive = answer(new TextFault(Fault.Kind.ARCHIVE, null, "档案库已被锁定", "the archive is locked"));
        assertThat(archive.message().zh()).isEqualTo("档案：档案库已被锁定");
        assertThat(archive.message().en()).isEqualTo("archive: the archive is locked");
    }
}
