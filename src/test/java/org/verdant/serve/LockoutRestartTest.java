package org.verdant.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.access.Role;
import org.verdant.accounts.Accounts;
import org.verdant.accounts.SignInLimits;
import org.verdant.archive.Archive;
import org.verdant.support.TestRulebook;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.serve.ServeApiTest.assertError;

/** The lockout's counts are in the archive (V10): restarting the server does not forgive the failures counted before. */
@Timeout(300)
class LockoutRestartTest {
    @TempDir
    Path data;

    private VerdantServer start() {
        Archive archive = Archive.open(data);
        return VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), archive, null)
                .withAccounts(Accounts.of(archive)), null);
    }

    @Test
    void aRestartedServerKeepsTheLockout() throws Exception {
        try (Archive archive = Archive.open(data)) {
            Accounts.of(archive).add("guessed-at", Set.of(Role.REGULATOR), Set.of(), ServeAccountsTest.PASSWORD.toCharArray());
        }
        String wrong = "{\"name\": \"guessed-at\", \"password\": \"not the password\"}";
        String right = "{\"name\": \"guessed-at\", \"password\": \"" + ServeAccountsTest.PASSWORD + "\"}";
        try (VerdantServer server = start()) {
            Http http = new Http(server.uri(), null);
            for (int i = 0; i < SignInLimits.ACCOUNT_FAILURES - 1; i++) assertError(http.post("/api/session", "application/json", wrong), 401, "sign_in_failed");
        }
        try (VerdantServer server = start()) {
            Http http = new Http(server.uri(), null);
            // the fifth failure, counted after the restart with the four before it, locks the account
            assertError(http.post("/api/session", "application/json", wrong), 401, "sign_in_failed");
            assertError(http.post("/api/session", "application/json", right), 429, "locked_out");
        }
        try (VerdantServer server = start()) {
            Http.Answer locked = new Http(server.uri(), null).post("/api/session", "application/json", right);
            assertError(locked, 429, "locked_out");
            assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(800L, 900L);
        }
    }
}
