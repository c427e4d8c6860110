package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.archive.Stored;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** dispute file / show / rule / report, and archive history showing the dispute. */
class DisputeCommandTest {
    @TempDir
    Path tmp;

    static final String CODE = Stored.creditCode(51);

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aDisputeStartToFinish() throws IOException {
        Path f = write("f.yaml", Stored.factory(2023, CODE, List.of("INF-05")));
        Path fixed = write("fixed.yaml", Stored.factory(2023, CODE, List.of()));
        String data = tmp.resolve("data").toString();
        assertThat(run(withRulebook("evaluate", f.toString(), "--archive", data)).code()).isZero();

        CliTest.Run filed = run(withRulebook("dispute", "file", "1", "--criteria", "INF-05", "--reason", "证书已补齐",
                "--corrected", fixed.toString(), "--evidence", "证书.pdf", "--archive", data));
        assertThat(filed.code()).as(filed.err()).isZero();
        assertThat(filed.err()).contains("已登记异议 1（针对评价记录 1）");
        assertThat(filed.out()).contains("异议 1（评价记录 1", "待裁定", "INF-05  不符合 → 符合");

        CliTest.Run json = run(withRulebook("dispute", "show", "1", "--format", "json", "--archive", data));
        JsonNode d = new ObjectMapper().readTree(json.out());
        assertThat(d.path("format").asText()).isEqualTo("verdant.dispute/1");
        assertThat(d.path("reevaluations")).hasSize(1);
        assertThat(d.path("reevaluations").get(0).path("verdict").path("score").asDouble()).isEqualTo(100.0);
        assertThat(d.path("steps")).hasSize(2);

        CliTest.Run bad = run(withRulebook("dispute", "rule", "1", "--ruling", "maybe", "--reason", "x", "--archive", data, "--lang", "en"));
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("unknown ruling 'maybe'");

        CliTest.Run ruled = run(withRulebook("dispute", "rule", "1", "--ruling", "partly", "--reason", "部分证据有效", "--archive", data, "--lang", "en"));
        assertThat(ruled.code()).as(ruled.err()).isZero();
        assertThat(ruled.out()).contains("objection partly upheld");
        CliTest.Run again = run(withRulebook("dispute", "rule", "1", "--ruling", "upheld", "--reason", "改判", "--archive", data));
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("裁定不能改写");

        Path out = tmp.resolve("dispute.html");
        CliTest.Run report = run(withRulebook("dispute", "report", "1", "-o", out.toString(), "--archive", data));
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(Files.readString(out)).contains("<h2>原评价</h2>", "<h2>异议</h2>", "<h2>复核（原规则库 / 现行规则库）</h2>",
                "<h2>逐项差异及原因</h2>", "<h2>裁定</h2>", "异议部分成立");
        assertThat(run(withRulebook("dispute", "report", "1", "--lang", "en", "--archive", data)).out()).startsWith("# Dispute review report");

        CliTest.Run history = run("archive", "history", CODE, "--data", data);
        assertThat(history.out()).contains("异议 1（记录 1）：异议部分成立；条款 INF-05");
        JsonNode h = new ObjectMapper().readTree(run("archive", "history", CODE, "--data", data, "--format", "json").out());
        assertThat(h.path("disputes").get(0).path("status").asText()).isEqualTo("partly");

        CliTest.Run missing = run(withRulebook("dispute", "show", "9", "--archive", data, "--lang", "en"));
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no dispute 9");
    }
}
