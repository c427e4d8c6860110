package org.verdant.rulebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A note under the cache directory that the rulebook with digest D was read and checked in full,
 * by this build of Verdant, and found valid, with what each scorecard and indicator table file
 * holds (scheme, edition, the schemes an overlay applies to). With a note for the rulebook on
 * disk, an evaluation parses only the files its submission's scheme needs; without one, the whole
 * rulebook is read and checked (so a broken edit is reported) and the note written.
 *
 * <p>The note's name and its first lines name the rulebook's digest and the code's identity: a
 * note is never used for another rulebook or another build (whose checks may differ). Written to a
 * temporary file and renamed, so a concurrent start reads a whole note or none.
 */
final class CheckedRulebook {
    /** Bumped when the note's layout changes. */
    static final String LAYOUT = "verdant.checked-rulebook/1";

    /** A scorecard file (scheme, edition, overlaid schemes) or an indicator table file (edition only). */
    record Entry(String kind, String logicalPath, String scheme, String edition, List<String> overlays) {
    }

    private final List<Entry> entries;

    private CheckedRulebook(List<Entry> entries) {
        this.entries = entries;
    }

    /** Where the note for this rulebook and code lives. */
    static Path file(Path dir, String digest, String code) {
        return dir.resolve("checked-" + sha256(LAYOUT + "\0" + digest + "\0" + code).substring(0, 32) + ".txt");
    }

    /** The note for {@code digest} and {@code code}, or null when there is none, or it is for anything else, or unreadable. */
    static CheckedRulebook read(Path dir, String digest, String code) {
        if (dir == null || code == null) return null;
        List<String> lines;
        try {
            lines = Files.readAllLines(file(dir, digest, code), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (lines.size() < 4 || !lines.get(0).equals(LAYOUT) || !lines.get(1).equals("digest\t" + digest)
                || !lines.get(2).equals("code\t" + code) || !lines.get(lines.size() - 1).equals("end")) return null;
        List<Entry> entries = new ArrayList<>();
        for (String line : lines.subList(3, lines.size() - 1)) {
            String[] f = line.split("\t", -1);
            if (f.length != 5) return null;
            entries.add(new Entry(f[0], f[1], f[2], f[3], f[4].isEmpty() ? List.of() : List.of(f[4].split(","))));
        }
        return new CheckedRulebook(entries);
    }

    /** Writes the note for a rulebook read and checked in full; a note that cannot be written is left out (the next run checks again). */
    static void write(Path dir, String code, Rulebook rulebook) {
        if (dir == null || code == null) return;
        Map<String, String> logical = new java.util.HashMap<>();
        for (SourceFile f : rulebook.files()) logical.put(f.displayPath(), f.logicalPath());
        StringBuilder out = new StringBuilder(LAYOUT).append('\n').append("digest\t").append(rulebook.digest()).append('\n')
                .append("code\t").append(code).append('\n');
        for (Scorecard s : rulebook.scorecards().values()) {
            String path = logical.get(s.file());
            if (path == null || clash(s.scheme(), s.edition(), path) || s.overlaysSchemes().stream().anyMatch(x -> clash(x) || x.contains(","))) return;
            out.append("scorecard\t").append(path).append('\t').append(s.scheme()).append('\t').append(s.edition()).append('\t')
                    .append(String.join(",", s.overlaysSchemes())).append('\n');
        }
        for (IndicatorTable t : rulebook.tables().values()) {
            String path = logical.get(t.file());
            if (path == null || clash(t.edition(), path)) return;
            out.append("table\t").append(path).append("\t\t").append(t.edition()).append("\t\n");
        }
        out.append("end\n");
        Path target = file(dir, rulebook.digest(), code);
        Path tmp = dir.resolve(".checked-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing left to do: the note is only a shortcut
            }
        }
    }

    /** A value the note's tab-separated lines cannot hold. */
    private static boolean clash(String... values) {
        for (String v : values) if (v == null || v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) return true;
        return false;
    }

    /**
     * The scorecard files (logical paths) an evaluation of {@code scheme} does not read: the other
     * schemes' scorecards and overlays, and the indicator tables of editions not among the ones
     * read. Null when the rulebook has no edition of {@code scheme} (then everything is read, and
     * the evaluation names every scheme there is).
     */
    Set<String> unusedBy(String scheme) {
        Set<String> editions = new HashSet<>();
        boolean known = false;
        for (Entry e : entries) {
            if (!e.kind().equals("scorecard")) continue;
            if (e.scheme().equals(scheme) && e.overlays().isEmpty()) known = true;
            if (e.scheme().equals(scheme) || e.overlays().contains(scheme)) editions.add(e.edition());
        }
        if (!known) return null;
        Set<String> unused = new HashSet<>();
        for (Entry e : entries) {
            boolean used = e.kind().equals("scorecard") ? e.scheme().equals(scheme) || e.overlays().contains(scheme) : editions.contains(e.edition());
            if (!used) unused.add(e.logicalPath());
        }
        return unused;
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
