package org.verdant.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lockout after failed sign-ins, so a password cannot be guessed at bcrypt's speed: after
 * {@value #ACCOUNT_FAILURES} failures for one account name within {@link #WINDOW}, or
 * {@value #ADDRESS_FAILURES} from one address, further attempts are refused for {@link #LOCK}
 * without checking the password (a right one too). Unknown names count like known ones, so the
 * lockout tells nothing about which names exist. With the archive's accounts the counts are kept
 * in its {@code sign_in_failure} table (V10), so a restart of the server forgets nothing; without
 * (a test's clock), in memory.
 */
public final class SignInLimits {
    public static final int ACCOUNT_FAILURES = 5;
    public static final int ADDRESS_FAILURES = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);
    /** Names and addresses remembered at most; beyond it the oldest are forgotten first. */
    static final int KEPT = 10_000;

    private final Clock clock;
    private final Map<String, Count> counts = new LinkedHashMap<>();
    /** Where the counts are kept across restarts; null: in memory only. */
    private final Accounts store;

    public SignInLimits() {
        this(Clock.systemUTC());
    }

    public SignInLimits(Clock clock) {
        this(clock, null);
    }

    /** Counts kept in the archive's table beside {@code accounts}, read and written at every attempt. */
    public SignInLimits(Clock clock, Accounts accounts) {
        this.clock = clock;
        this.store = accounts;
    }

    /** One name's or address's failures in the current window, and until when it is locked (null: not). */
    static final class Count {
        Instant windowStart;
        int failures;
        Instant lockedUntil;
    }

    private Count get(String key) {
        return store == null ? counts.get(key) : store.signInFailures(key).orElse(null);
    }

    private void put(String key, Count c) {
        if (store != null) {
            store.saveSignInFailures(key, c);
            return;
        }
        counts.remove(key);
        counts.put(key, c);
        forgetOldest();
    }

    /** How long until this account name (or this address) may try again; empty: it may now. */
    public synchronized Optional<Duration> retryAfter(String account, String address) {
        Instant now = clock.instant();
        Duration a = wait(key("account", account), now);
        Duration b = wait(key("address", address), now);
        Duration longer = a.compareTo(b) >= 0 ? a : b;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    /** A failed attempt (wrong name or password). */
    public synchronized void failed(String account, String address) {
        Instant now = clock.instant();
        count(key("account", account), ACCOUNT_FAILURES, now);
        count(key("address", address), ADDRESS_FAILURES, now);
    }

    /** A right password: the account's failures are forgotten (the address's stay, as another account may be under attack from it). */
    public synchronized void succeeded(String account) {
        if (store != null) store.forgetSignInFailures(key("account", account));
        else counts.remove(key("account", account));
    }

    private Duration wait(String key, Instant now) {
        Count c = get(key);
        if (c == null || c.lockedUntil == null || !c.lockedUntil.isAfter(now)) return Duration.ZERO;
        return Duration.between(now, c.lockedUntil);
    }

    private void count(String key, int limit, Instant now) {
        Count c = get(key);
        if (c == null || c.windowStart.plus(WINDOW).isBefore(now) && (c.lockedUntil == null || !c.lockedUntil.isAfter(now))) {
            c = new Count();
            c.windowStart = now;
        }
        c.failures++;
        if (c.failures >= limit) {
            c.lockedUntil = now.plus(LOCK);
            c.failures = 0;
            c.windowStart = now;
        }
        put(key, c);
    }

    private void forgetOldest() {
        Iterator<String> it = counts.keySet().iterator();
        while (counts.size() > KEPT && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.length() > 200 ? value.substring(0, 200) : value);
    }
}
