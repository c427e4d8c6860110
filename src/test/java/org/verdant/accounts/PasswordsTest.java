package org.verdant.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.access.Role;
import org.verdant.archive.Archive;
import org.verdant.fault.Fault;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password rule, a password set ending every session, and the lockout after failed sign-ins. */
class PasswordsTest {
    @TempDir
    Path tmp;

    /** A clock the test moves by hand. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void thePasswordRuleRefusesShortRepeatedAndNameContainingPasswords() throws Fault {
        Accounts accounts = Accounts.of(Archive.open(tmp));
        assertThatThrownBy(() -> accounts.add("cement-co", Set.of(Role.REGULATOR), Set.of(), "short".toCharArray()))
                .hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> accounts.add("cement-co", Set.of(Role.REGULATOR), Set.of(), "abababababab".toCharArray()))
                .hasMessageContaining("at least 5 different characters");
        assertThatThrownBy(() -> accounts.add("cement-co", Set.of(Role.REGULATOR), Set.of(), "my-Cement-Co-2026".toCharArray()))
                .hasMessageContaining("may not contain the account name");
        accounts.add("cement-co", Set.of(Role.REGULATOR), Set.of(), "correct horse battery".toCharArray());
        assertThatThrownBy(() -> accounts.setPassword("cement-co", "aaaaaaaaaaaa".toCharArray())).hasMessageContaining("different characters");
        assertThatThrownBy(() -> accounts.setPassword("nobody", "correct horse battery".toCharArray())).hasMessageContaining("no account named 'nobody'");
    }

    @Test
    void settingAPasswordEndsEverySessionOfTheAccount() throws Fault {
        Accounts accounts = Accounts.of(Archive.open(tmp));
        accounts.add("miit", Set.of(Role.REGULATOR), Set.of(), "correct horse battery".toCharArray());
        accounts.add("admin", Set.of(Role.ADMINISTRATOR), Set.of(), "correct horse battery".toCharArray());
        Accounts.Session one = accounts.signIn("miit", "correct horse battery".toCharArray()).orElseThrow();
        Accounts.Session two = accounts.signIn("miit", "correct horse battery".toCharArray()).orElseThrow();
        Accounts.Session other = accounts.signIn("admin", "correct horse battery".toCharArray()).orElseThrow();
        accounts.setPassword("miit", "a new and longer secret".toCharArray());
        assertThat(accounts.session(one.id())).isEmpty();
        assertThat(accounts.session(two.id())).isEmpty();
        assertThat(accounts.session(other.id())).isPresent();
        assertThat(accounts.signIn("miit", "correct horse battery".toCharArray())).isEmpty();
        assertThat(accounts.signIn("miit", "a new and longer secret".toCharArray())).isPresent();
    }

    @Test
    void fiveFailuresLockAnAccountNameForAQuarterOfAnHour() {
        Hands clock = new Hands();
        SignInLimits limits = new SignInLimits(clock);
        for (int i = 0; i < SignInLimits.ACCOUNT_FAILURES - 1; i++) limits.failed("miit", "10.0.0.1");
        assertThat(limits.retryAfter("miit", "10.0.0.1")).isEmpty();
        limits.failed("miit", "10.0.0.1");
        assertThat(limits.retryAfter("miit", "10.0.0.2")).contains(Duration.ofMinutes(15));
        assertThat(limits.retryAfter("admin", "10.0.0.1")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(limits.retryAfter("miit", "10.0.0.2")).contains(Duration.ofMinutes(5));
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(limits.retryAfter("miit", "10.0.0.2")).isEmpty();
        // failures spread beyond the window do not add up; a success forgets them
        for (int i = 0; i < SignInLimits.ACCOUNT_FAILURES - 1; i++) limits.failed("miit", "10.0.0.3");
        limits.succeeded("miit");
        limits.failed("miit", "10.0.0.3");
        assertThat(limits.retryAfter("miit", "10.0.0.3")).isEmpty();
    }

    @Test
    void oneAddressTryingManyNamesIsLockedToo() {
        SignInLimits limits = new SignInLimits(new Hands());
        for (int i = 0; i < SignInLimits.ADDRESS_FAILURES; i++) limits.failed("name-" + i, "10.0.0.9");
        assertThat(limits.retryAfter("someone-else", "10.0.0.9")).isPresent();
        assertThat(limits.retryAfter("someone-else", "10.0.0.8")).isEmpty();
    }
}
