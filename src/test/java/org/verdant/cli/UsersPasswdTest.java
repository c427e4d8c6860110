package org.verdant.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.accounts.Accounts;
import org.verdant.archive.Archive;
import org.verdant.fault.Fault;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.UsersCommandTest.password;

/** verdant users passwd: a new password, read as for add, checked by the rule, every session ended. */
@Timeout(120)
class UsersPasswdTest {
    @TempDir
    Path tmp;

    @AfterEach
    void consoleBack() {
        UsersCommand.passwordInput = null;
    }

    @Test
    void passwdSetsANewPasswordAndEndsTheSessions() throws Fault {
        String data = tmp.resolve("data").toString();
        password("a long enough password");
        assertThat(run("users", "add", "miit", "--role", "regulator", "--data", data).code()).isZero();
        Accounts accounts = Accounts.of(Archive.open(tmp.resolve("data")));
        Accounts.Session before = accounts.signIn("miit", "a long enough password".toCharArray()).orElseThrow();
        String token = accounts.newToken("miit");

        password("aaaaaaaaaaaa");
        CliTest.Run weak = run("users", "passwd", "miit", "--data", data, "--lang", "en");
        assertThat(weak.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(weak.err()).contains("at least 5 different characters");
        assertThat(accounts.session(before.id())).isPresent();

        password("another fine secret");
        CliTest.Run set = run("users", "passwd", "miit", "--data", data);
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("已为账户 miit 设置新密码").contains("已吊销该账户的 1 个 API 令牌");
        assertThat(accounts.session(before.id())).isEmpty();
        assertThat(accounts.byToken(token)).as("a token made with the old password ends with it").isEmpty();
        assertThat(accounts.signIn("miit", "another fine secret".toCharArray())).isPresent();

        CliTest.Run unknown = run("users", "passwd", "nobody", "--data", data, "--lang", "en");
        assertThat(unknown.err()).contains("no account named 'nobody'");
        assertThat(run("users").err()).contains("passwd");
    }
}
