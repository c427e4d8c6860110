package org.verdant.accounts;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.verdant.access.Actor;
import org.verdant.access.Role;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveLocation;
import org.verdant.fault.Fault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The accounts of the archive at one location (its tables come with the archive's migration V6).
 * Each call opens its own connection, so one {@code Accounts} may be shared between threads.
 */
public final class Accounts {
    /** A sign-in lasts this long; then the person signs in again. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final int MIN_PASSWORD = 10;
    /** So "aaaaaaaaaa" or "1212121212" is refused: a password has at least this many different characters. */
    public static final int MIN_DISTINCT = 5;
    /** bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-Z]{18}");
    private static final DateTimeFormatter TIME = Archive.TIME;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** bcrypt's work factor: 2^10 rounds, OWASP's minimum and Spring's default (about 0.1 s a check on one core). */
    private static final int BCRYPT_COST = 10;
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(BCRYPT_COST);
    /** Checked when no account has the name, so a wrong name takes as long as a wrong password. */
    private static final String DUMMY_HASH = BCRYPT.encode("no such account, no such password");

    private final ArchiveLocation location;
    private final Tables db;

    private Accounts(ArchiveLocation location) {
        this.location = location;
        this.db = new Tables(location, "账户表", "accounts", true);
    }

    /** The accounts of an open (so migrated) archive. */
    public static Accounts of(Archive archive) {
        return new Accounts(archive.location());
    }

    /** A signed-in browser: the session id (the cookie), its CSRF token and who it is. */
    public record Session(String id, String csrfToken, Actor actor) {
    }

    // ---- managing accounts --------------------------------------------------------------

    public boolean any() {
        return db.query("SELECT COUNT(*) FROM account", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    public Account add(String name, Set<Role> roles, Set<String> creditCodes, char[] password) throws Fault {
        checkName(name);
        if (roles.isEmpty()) throw new AccountException(Fault.Kind.USAGE, "账户须有至少一个角色（--role）", "an account needs at least one role (--role)");
        Set<String> codes = new TreeSet<>();
        for (String c : creditCodes) codes.add(creditCode(c));
        if (roles.contains(Role.ENTERPRISE) && codes.isEmpty()) {
            throw new AccountException(Fault.Kind.USAGE, "企业账户须给出其统一社会信用代码（--credit-code）",
                    "an enterprise account needs its credit code(s) (--credit-code)");
        }
        String hash = BCRYPT.encode(checkedPassword(name, password));
        String at = now();
        boolean added = db.query("INSERT INTO account (name, roles, credit_codes, password_hash, created_at) "
                + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM account WHERE name = ?)", ps -> {
            ps.setString(1, name);
            ps.setString(2, String.join(",", roles.stream().map(Enum::name).sorted().toList()));
            ps.setString(3, String.join(",", codes));
            ps.setString(4, hash);
            ps.setString(5, at);
            ps.setString(6, name);
            return ps.executeUpdate() == 1;
        });
        if (!added) throw new AccountException(Fault.Kind.USAGE, "已有名为“" + name + "”的账户", "there is already an account named '" + name + "'");
        return new Account(name, roles, codes, at);
    }

    public List<Account> list() {
        return db.query("SELECT name, roles, credit_codes, created_at FROM account ORDER BY name", ps -> {
            List<Account> all = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) all.add(account(rs));
            }
            return all;
        });
    }

    public Optional<Account> find(String name) {
        return db.query("SELECT name, roles, credit_codes, created_at FROM account WHERE name = ?", ps -> {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
        });
    }

    /** The account named, or the NOT_FOUND fault naming it. */
    public Account existing(String name) throws Fault {
        return find(name).orElseThrow(() -> unknown(name));
    }

    /** Removes an account with its tokens and sessions (its lines in the access log stay). */
    public void remove(String name) throws Fault {
        boolean removed = db.transaction(c -> {
            for (String table : List.of("api_token", "web_session")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE account = ?")) {
                    ps.setString(1, name);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM account WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        });
        if (!removed) throw unknown(name);
    }

    /** A new API token for {@code name}: shown once, stored only as its digest. */
    public String newToken(String name) throws Fault {
        if (find(name).isEmpty()) throw unknown(name);
        String token = "vdt_" + random(32);
        db.query("INSERT INTO api_token (token_digest, account, created_at) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, digest(token));
            ps.setString(2, name);
            ps.setString(3, now());
            return ps.executeUpdate();
        });
        return token;
    }

    // ---- signing in ---------------------------------------------------------------------

    /** The account a bearer token belongs to. */
    public Optional<Actor> byToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) return Optional.empty();
        return db.query("SELECT a.name, a.roles, a.credit_codes, a.created_at FROM api_token t JOIN account a ON a.name = t.account "
                + "WHERE t.token_digest = ?", ps -> {
            ps.setString(1, digest(token));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(account(rs).actor()) : Optional.empty();
            }
        });
    }

    /**
     * Sets an account's password (its own change, an administrator's reset, {@code users passwd}),
     * ends all its sessions and revokes all its API tokens: a password is changed after it may have
     * leaked, and whoever had it could have made tokens with it, which would outlive the change.
     * The account's owner makes new tokens for its scripts (a token is shown once anyway).
     *
     * @return how many API tokens were revoked, to tell the person
     */
    public int setPassword(String name, char[] password) throws Fault {
        String hash = BCRYPT.encode(checkedPassword(name, password));
        int revoked = db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE account SET password_hash = ? WHERE name = ?")) {
                ps.setString(1, hash);
                ps.setString(2, name);
                if (ps.executeUpdate() != 1) return -1;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE account = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM api_token WHERE account = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate();
            }
        });
        if (revoked < 0) throw unknown(name);
        return revoked;
    }

    /** Whether {@code password} is this account's (as slow for an unknown name as for a wrong password). */
    public boolean passwordMatches(String name, char[] password) {
        Optional<String> hash = name == null || !NAME.matcher(name).matches() ? Optional.empty()
                : db.query("SELECT password_hash FROM account WHERE name = ?", ps -> {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
        boolean matches = password != null && password.length > 0 && BCRYPT.matches(new String(password), hash.orElse(DUMMY_HASH));
        return hash.isPresent() && matches;
    }

    /** Checks a name and password and starts a session; empty when they do not match (in the same time either way). */
    public Optional<Session> signIn(String name, char[] password) {
        if (!passwordMatches(name, password)) return Optional.empty();
        return Optional.of(startSession(name));
    }

    /** A new session for an account whose password was just checked (a sign-in, or a password change in this browser). */
    public Session startSession(String name) {
        Actor actor = find(name).orElseThrow().actor();
        String id = random(32);
        String csrf = random(32);
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE expires_at < ?")) {
                ps.setString(1, now());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_session (session_digest, account, csrf_token, expires_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, digest(id));
                ps.setString(2, name);
                ps.setString(3, csrf);
                ps.setString(4, TIME.format(Instant.now().plus(SESSION_LIFETIME)));
                return ps.executeUpdate();
            }
        });
        return new Session(id, csrf, actor);
    }

    /** The live session with this id. */
    public Optional<Session> session(String id) {
        if (id == null || id.isEmpty() || id.length() > 200) return Optional.empty();
        return db.query("SELECT a.name, a.roles, a.credit_codes, a.created_at, s.csrf_token FROM web_session s JOIN account a ON a.name = s.account "
                + "WHERE s.session_digest = ? AND s.expires_at > ?", ps -> {
            ps.setString(1, digest(id));
            ps.setString(2, now());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Session(id, rs.getString(5), account(rs).actor())) : Optional.empty();
            }
        });
    }

    public void signOut(String id) {
        if (id == null) return;
        db.query("DELETE FROM web_session WHERE session_digest = ?", ps -> {
            ps.setString(1, digest(id));
            return ps.executeUpdate();
        });
    }

    // ---- the lockout's counts (V10) -------------------------------------------------------

    /** What {@link SignInLimits} counted for an account name or address, if anything. */
    Optional<SignInLimits.Count> signInFailures(String counted) {
        return db.query("SELECT window_start, failures, locked_until FROM sign_in_failure WHERE counted = ?", ps -> {
            ps.setString(1, counted);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                SignInLimits.Count c = new SignInLimits.Count();
                c.windowStart = Instant.parse(rs.getString(1));
                c.failures = rs.getInt(2);
                c.lockedUntil = rs.getString(3) == null ? null : Instant.parse(rs.getString(3));
                return Optional.of(c);
            }
        });
    }

    void saveSignInFailures(String counted, SignInLimits.Count c) {
        String now = now();
        String windowOpened = TIME.format(Instant.now().minus(SignInLimits.WINDOW));
        db.transaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sign_in_failure WHERE counted = ?")) {
                ps.setString(1, counted);
                ps.executeUpdate();
            }
            // counts whose window and lock are over count nothing: gone, so made-up names cannot fill the table
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sign_in_failure WHERE window_start < ? AND (locked_until IS NULL OR locked_until < ?)")) {
                ps.setString(1, windowOpened);
                ps.setString(2, now);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO sign_in_failure (counted, window_start, failures, locked_until) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, counted);
                ps.setString(2, TIME.format(c.windowStart));
                ps.setInt(3, c.failures);
                ps.setString(4, c.lockedUntil == null ? null : TIME.format(c.lockedUntil));
                return ps.executeUpdate();
            }
        });
    }

    void forgetSignInFailures(String counted) {
        db.query("DELETE FROM sign_in_failure WHERE counted = ?", ps -> {
            ps.setString(1, counted);
            return ps.executeUpdate();
        });
    }

    // ---- the access log -----------------------------------------------------------------

    public void log(String actor, String action, String what, Long recordId, String creditCode, String outcome) {
        java.util.Map<String, Object> row = new java.util.HashMap<>();
        row.put("at", now());
        row.put("actor", clip(actor, 64));
        row.put("action", clip(action, 20));
        row.put("what", clip(what, 200));
        row.put("record_id", recordId);
        row.put("credit_code", creditCode == null ? null : clip(creditCode, 32));
        row.put("outcome", clip(outcome, 20));
        // in the archive's hash chain (V8): written by the chain, which gives the id and the hashes
        db.transaction(c -> {
            org.verdant.archive.TableChain.insert(c, org.verdant.archive.TableChain.Table.ACCESS_LOG, row);
            return null;
        });
    }

    /** The newest {@code limit} lines of the access log, newest first. */
    public List<AccessEntry> accessLog(int limit) {
        return db.query("SELECT id, at, actor, action, what, record_id, credit_code, outcome FROM access_log ORDER BY id DESC LIMIT ?", ps -> {
            ps.setInt(1, limit);
            List<AccessEntry> all = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long record = rs.getLong(6);
                    Long recordId = rs.wasNull() ? null : record;
                    all.add(new AccessEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), recordId,
                            rs.getString(7), rs.getString(8)));
                }
            }
            return all;
        });
    }

    // ---------------------------------------------------------------------------------------

    /** A role as the CLI names it (enterprise, evaluator, regulator, administrator). */
    public static Role role(String name) throws Fault {
        for (Role r : Role.values()) {
            if (r.name().equalsIgnoreCase(name.strip())) return r;
        }
        String all = String.join(", ", Arrays.stream(Role.values()).map(r -> r.name().toLowerCase(Locale.ROOT)).toList());
        throw new AccountException(Fault.Kind.USAGE, "没有角色“" + name + "”；角色为 " + all, "no role '" + name + "'; the roles are " + all);
    }

    private static void checkName(String name) throws Fault {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AccountException(Fault.Kind.USAGE, "账户名须为 1 至 64 个字母、数字或 . _ @ -，以字母或数字开头",
                    "an account name is 1 to 64 letters, digits or . _ @ -, starting with a letter or digit");
        }
    }

    private static String creditCode(String code) throws Fault {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (!CREDIT_CODE.matcher(c).matches()) {
            throw new AccountException(Fault.Kind.USAGE, "“" + clip(code, 40) + "”不是统一社会信用代码（18 位数字或大写字母）",
                    "'" + clip(code, 40) + "' is not a unified social credit code (18 digits or capital letters)");
        }
        return c;
    }

    /** The password rule: 10 characters to 72 bytes, 5 different characters at least, and not containing the account name. */
    private static String checkedPassword(String name, char[] password) throws Fault {
        String p = password == null ? "" : new String(password);
        if (p.codePointCount(0, p.length()) < MIN_PASSWORD) {
            throw new AccountException(Fault.Kind.USAGE, "密码须至少 " + MIN_PASSWORD + " 个字符", "a password has at least " + MIN_PASSWORD + " characters");
        }
        if (p.codePoints().distinct().count() < MIN_DISTINCT) {
            throw new AccountException(Fault.Kind.USAGE, "密码须含至少 " + MIN_DISTINCT + " 个不同的字符（不能是重复的一两个字符）",
                    "a password has at least " + MIN_DISTINCT + " different characters (not one or two repeated)");
        }
        if (name != null && name.length() >= 3 && p.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
            throw new AccountException(Fault.Kind.USAGE, "密码不能包含账户名", "a password may not contain the account name");
        }
        if (p.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountException(Fault.Kind.USAGE, "密码不得超过 " + MAX_PASSWORD_BYTES + " 字节（UTF-8）",
                    "a password has at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
        }
        return p;
    }

    private static AccountException unknown(String name) {
        return new AccountException(Fault.Kind.NOT_FOUND, "没有名为“" + clip(String.valueOf(name), 64) + "”的账户",
                "no account named '" + clip(String.valueOf(name), 64) + "'");
    }

    private static Account account(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : rs.getString(2).split(",")) {
            if (!r.isBlank()) roles.add(Role.valueOf(r));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String c : rs.getString(3).split(",")) {
            if (!c.isBlank()) codes.add(c);
        }
        return new Account(rs.getString(1), roles, codes, rs.getString(4));
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String now() {
        return TIME.format(Instant.now());
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

}
