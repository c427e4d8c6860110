package org.verdant.accounts;

import org.verdant.access.Access;
import org.verdant.access.Actor;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveLocation;
import org.verdant.fault.Fault;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The page's drafts kept on the server for a signed-in person (migration V7). A draft is a working
 * copy, not a record: it is changed in place and deleted at will, sits in no hash chain and is
 * never evaluated until it is submitted. Every call names the {@link Actor} and reaches only that
 * actor's own drafts; {@link Access} decides who may keep drafts at all.
 */
public final class Drafts {
    /** A draft holds at most this much text (UTF-8): half a submission's limit, so its JSON request stays under the body limit. */
    public static final int MAX_TEXT_BYTES = 1024 * 1024;
    /** Drafts per person: enough for every scheme and a few facilities, and a bound on what one account can store. */
    public static final int MAX_DRAFTS = 50;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ArchiveLocation location;
    private final Tables db;

    private Drafts(ArchiveLocation location) {
        this.location = location;
        this.db = new Tables(location, "草稿表", "drafts", false);
    }

    /** The drafts of an open (so migrated) archive. */
    public static Drafts of(Archive archive) {
        return new Drafts(archive.location());
    }

    /** A draft as saved: its text, the file name the page showed, how many saves it has had, when it was last saved. */
    public record Draft(String name, String fileName, String text, long revision, String savedAt) {
    }

    /** Whether {@code name} may name a draft (letters, digits, '.', '_', '-'; at most 64). */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The actor's drafts, by name, without their texts. */
    public List<Draft> list(Actor actor) throws Fault {
        Access.require(actor, Access.Action.KEEP_DRAFTS, null);
        return db.query("SELECT name, file_name, revision, saved_at FROM draft WHERE account = ? ORDER BY name", ps -> {
            ps.setString(1, actor.id());
            List<Draft> all = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) all.add(new Draft(rs.getString(1), rs.getString(2), null, rs.getLong(3), rs.getString(4)));
            }
            return all;
        });
    }

    /** The actor's draft {@code name}. */
    public Optional<Draft> get(Actor actor, String name) throws Fault {
        Access.require(actor, Access.Action.KEEP_DRAFTS, null);
        checkName(name);
        return db.query("SELECT name, file_name, content, revision, saved_at FROM draft WHERE account = ? AND name = ?", ps -> {
            ps.setString(1, actor.id());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Draft(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                        : Optional.<Draft>empty();
            }
        });
    }

    /** What a conditional save found instead of the version it was based on. */
    public static final class Newer extends Exception {
        private final transient Draft stored;

        Newer(Draft stored) {
            super("a newer draft is stored", null, false, false);
            this.stored = stored;
        }

        /** The stored draft (with its text), or null when the save expected one and there is none. */
        public Draft stored() {
            return stored;
        }
    }

    /**
     * Saves the actor's draft {@code name}. With {@code conditional}, only over the version
     * {@code basedOn} (null: over no draft at all); otherwise whatever is stored is replaced (the
     * person confirmed).
     *
     * @throws Newer when the stored version is not the one the save was based on
     */
    public Draft put(Actor actor, String name, String fileName, String text, boolean conditional, Long basedOn) throws Fault, Newer {
        Access.require(actor, Access.Action.KEEP_DRAFTS, null);
        checkName(name);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw new AccountException(Fault.Kind.USAGE, "草稿超过 " + MAX_TEXT_BYTES + " 字节（1 MiB）的上限", "a draft is larger than " + MAX_TEXT_BYTES + " bytes (1 MiB), the limit");
        }
        String file = fileName == null || fileName.isBlank() ? null : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        String at = TIME.format(Instant.now());
        Object outcome = db.transaction(c -> {
            Draft stored = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT name, file_name, content, revision, saved_at FROM draft WHERE account = ? AND name = ?")) {
                ps.setString(1, actor.id());
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) stored = new Draft(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5));
                }
            }
            if (conditional && (stored == null ? basedOn != null : basedOn == null || stored.revision() != basedOn)) return new Newer(stored);
            if (stored == null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM draft WHERE account = ?")) {
                    ps.setString(1, actor.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) >= MAX_DRAFTS) return tooMany();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO draft (account, name, file_name, content, revision, saved_at) VALUES (?, ?, ?, ?, 1, ?)")) {
                    ps.setString(1, actor.id());
                    ps.setString(2, name);
                    ps.setString(3, file);
                    ps.setString(4, text);
                    ps.setString(5, at);
                    ps.executeUpdate();
                }
                return new Draft(name, file, text, 1, at);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE draft SET file_name = ?, content = ?, revision = ?, saved_at = ? WHERE account = ? AND name = ?")) {
                ps.setString(1, file);
                ps.setString(2, text);
                ps.setLong(3, stored.revision() + 1);
                ps.setString(4, at);
                ps.setString(5, actor.id());
                ps.setString(6, name);
                ps.executeUpdate();
            }
            return new Draft(name, file, text, stored.revision() + 1, at);
        });
        if (outcome instanceof Newer n) throw n;
        if (outcome instanceof AccountException e) throw e;
        return (Draft) outcome;
    }

    /** Deletes the actor's draft {@code name}; false when there was none. */
    public boolean delete(Actor actor, String name) throws Fault {
        Access.require(actor, Access.Action.KEEP_DRAFTS, null);
        checkName(name);
        return db.query("DELETE FROM draft WHERE account = ? AND name = ?", ps -> {
            ps.setString(1, actor.id());
            ps.setString(2, name);
            return ps.executeUpdate() == 1;
        });
    }

    private static AccountException tooMany() {
        return new AccountException(Fault.Kind.USAGE, "每个账户最多保存 " + MAX_DRAFTS + " 份草稿；请先删除不再需要的草稿",
                "an account keeps at most " + MAX_DRAFTS + " drafts; delete one you no longer need first");
    }

    private static void checkName(String name) throws Fault {
        if (!validName(name)) {
            throw new AccountException(Fault.Kind.USAGE, "草稿名称只能由字母、数字和 . _ - 组成，至多 64 个字符",
                    "a draft's name has letters, digits, '.', '_' and '-' only, at most 64 of them");
        }
    }

}
