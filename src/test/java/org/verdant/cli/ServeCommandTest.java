package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/** verdant serve's options: what it refuses before listening, as usage errors (exit 2) without a stack trace. */
@Timeout(120)
class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void serveIsACommand() {
        CliTest.Run help = run("serve", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--port").contains("--bind").contains("--token-file").contains("--data").contains("--rules");
        assertThat(run("--help").out()).contains("serve");
    }

    @Test
    void aPortOutOfRangeOrATokenFileThatCannotServeIsAUsageError() throws IOException {
        CliTest.Run port = run("serve", "--port", "70000", "--lang", "en");
        assertThat(port.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err()).contains("--port: 70000 is not a port");
        assertThat(run("serve", "--port", "70000").err()).isEqualTo("用法错误：--port: 70000 不是端口（0 到 65535）\n");

        CliTest.Run missing = run("serve", "--port", "0", "--token-file", tmp.resolve("none.txt").toString(), "--lang", "en");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--token-file: cannot read");

        Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n");
        assertThat(run("serve", "--port", "0", "--token-file", empty.toString(), "--lang", "en").err()).contains("is empty");
        assertThat(run("serve", "--port", "0", "--token-file", empty.toString()).err()).contains("是空的");

        Path shortToken = Files.writeString(tmp.resolve("short.txt"), "abc\n");
        CliTest.Run tooShort = run("serve", "--port", "0", "--token-file", shortToken.toString(), "--lang", "en");
        assertThat(tooShort.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooShort.err()).contains("use 16 or more").doesNotContain("abc");

        // Java's own words for a file that is not UTF-8 were "Input length = 1"
        Path binary = Files.write(tmp.resolve("binary.txt"), new byte[]{'a', 'b', (byte) 0xFF, '\n'});
        CliTest.Run notText = run("serve", "--port", "0", "--token-file", binary.toString());
        assertThat(notText.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notText.err()).contains("不是 UTF-8 文本").doesNotContain("Input length");
    }

    @Test
    void aPortInUseIsAUsageErrorNotAStackTrace() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliTest.Run r = run(withRulebook("serve", "--port", String.valueOf(taken.getLocalPort()), "--data", tmp.resolve("data").toString(),
                    "--lang", "en"));
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).startsWith("usage error: cannot listen on 127.0.0.1:" + taken.getLocalPort()).doesNotContain("\tat ");
            CliTest.Run zh = run(withRulebook("serve", "--port", String.valueOf(taken.getLocalPort()), "--data", tmp.resolve("data").toString()));
            assertThat(zh.err()).startsWith("用法错误：无法监听 127.0.0.1:" + taken.getLocalPort());
            assertThat(r.out()).isEmpty();
        }
    }
}
