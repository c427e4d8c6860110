package org.verdant.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.accounts.Accounts;
import org.verdant.archive.Archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/**
 * verdant users (accounts for serve, kept in the archive, password never an argument), and what
 * serve refuses: listening beyond loopback without accounts, --local beyond loopback, a token file
 * of more than one line.
 */
@Timeout(120)
class UsersCommandTest {
    @TempDir
    Path tmp;

    @AfterEach
    void consoleBack() {
        UsersCommand.passwordInput = null;
    }

    static void password(String line) {
        UsersCommand.passwordInput = new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void addListTokenAndRemoveAnAccount() {
        String data = tmp.resolve("data").toString();
        password("a long enough password");
        CliTest.Run add = run("users", "add", "cement-co", "--role", "enterprise", "--credit-code", "91321183788362137d", "--data", data, "--lang", "en");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("added account cement-co").contains("enterprise").contains("91321183788362137D");

        password("a long enough password");
        CliTest.Run again = run("users", "add", "cement-co", "--role", "regulator", "--data", data);
        assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("已有名为“cement-co”的账户");

        password("short");
        assertThat(run("users", "add", "x", "--role", "regulator", "--data", data, "--lang", "en").err()).contains("at least 10 characters");
        password("a long enough password");
        assertThat(run("users", "add", "y", "--role", "enterprise", "--data", data, "--lang", "en").err()).contains("needs its credit code");
        password("a long enough password");
        assertThat(run("users", "add", "z", "--role", "boss", "--data", data, "--lang", "en").err()).contains("no role 'boss'");

        CliTest.Run list = run("users", "list", "--data", data);
        assertThat(list.out()).contains("cement-co\tenterprise\t91321183788362137D");
        assertThat(list.out()).doesNotContain("password");

        CliTest.Run token = run("users", "token", "cement-co", "--data", data, "--lang", "en");
        assertThat(token.code()).isZero();
        String t = token.out().strip();
        assertThat(t).startsWith("vdt_").hasSizeGreaterThan(40);
        assertThat(token.err()).contains("shown this once");
        Accounts accounts = Accounts.of(Archive.open(Path.of(data)));
        assertThat(accounts.byToken(t)).isPresent();
        assertThat(accounts.signIn("cement-co", "a long enough password".toCharArray())).isPresent();
        assertThat(accounts.signIn("cement-co", "not the password".toCharArray())).isEmpty();

        assertThat(run("users", "remove", "cement-co", "--data", data).code()).isZero();
        assertThat(accounts.byToken(t)).isEmpty();
        CliTest.Run gone = run("users", "remove", "cement-co", "--data", data, "--lang", "en");
        assertThat(gone.err()).contains("no account named 'cement-co'");
        assertThat(run("users", "list", "--data", data, "--lang", "en").out()).contains("no accounts");
    }

    @Test
    void aPasswordIsNeverAnArgument() {
        password("a long enough password");
        CliTest.Run r = run("users", "add", "u", "--role", "regulator", "--password", "secret-secret", "--data", tmp.resolve("d").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void serveRefusesToListenBeyondLoopbackWithoutAccounts() {
        String data = tmp.resolve("data").toString();
        CliTest.Run open = run(withRulebook("serve", "--bind", "0.0.0.0", "--port", "0", "--data", data, "--lang", "en"));
        assertThat(open.code()).as(open.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(open.err()).contains("refusing to listen on 0.0.0.0").contains("verdant users add").doesNotContain("\tat ");
        assertThat(run(withRulebook("serve", "--bind", "0.0.0.0", "--port", "0", "--data", data)).err()).contains("拒绝在 0.0.0.0 上监听");

        password("a long enough password");
        assertThat(run("users", "add", "miit", "--role", "regulator", "--data", data).code()).isZero();
        CliTest.Run local = run(withRulebook("serve", "--local", "--bind", "0.0.0.0", "--port", "0", "--data", data, "--lang", "en"));
        assertThat(local.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(local.err()).contains("--local (the local single-user mode) is for this machine only");
    }

    @Test
    void aTokenFileOfMoreThanOneLineIsRefused() throws IOException {
        Path two = Files.writeString(tmp.resolve("two.txt"), "first-line-0123456789\nsecond-line-0123456789\n");
        CliTest.Run r = run("serve", "--port", "0", "--token-file", two.toString(), "--lang", "en");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("has more than one line").doesNotContain("first-line");
    }
}
