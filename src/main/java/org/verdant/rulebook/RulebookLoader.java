package org.verdant.rulebook;

import org.verdant.text.Location;
import org.verdant.yaml.Problems;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Reads a rulebook: DRL files under a rules directory and YAML scorecards under a scorecards
 * directory, from disk or, by default, from the copy packaged in the jar.
 */
public final class RulebookLoader {
    public static final String BUILT_IN = "<built-in>";

    private RulebookLoader() {
    }

    /** Loads from the given directories; a null directory means the built-in copy. */
    public static Rulebook load(Path rulesDir, Path scorecardsDir) throws RulebookException {
        // waited for first, whatever it reads: two threads opening the jar's file system at once would fail
        Rulebook ahead = readAheadOf(rulesDir, scorecardsDir);
        List<SourceFile> files = read(rulesDir, scorecardsDir);
        if (ahead != null && sameFiles(ahead.files(), files)) return ahead;
        return ScorecardReader.assemble(origin(rulesDir, scorecardsDir), files, digest(files));
    }

    /** Every rule and scorecard file, sorted by logical path. */
    private static List<SourceFile> read(Path rulesDir, Path scorecardsDir) throws RulebookException {
        Problems problems = new Problems();
        List<SourceFile> files = new ArrayList<>();
        try {
            files.addAll(rulesDir == null ? builtIn("rules", ".drl") : fromDisk(rulesDir, "rules", ".drl", problems));
            files.addAll(scorecardsDir == null ? builtIn("scorecards", ".yaml") : fromDisk(scorecardsDir, "scorecards", ".yaml", problems));
        } catch (IOException e) {
            problems.add(Location.unknown(BUILT_IN), "", "cannot read the built-in rulebook: " + e.getMessage());
        }
        if (!problems.isEmpty()) throw new RulebookException(problems.sorted());
        files.sort(Comparator.comparing(SourceFile::logicalPath));
        return files;
    }

    private static String origin(Path rulesDir, Path scorecardsDir) {
        return (rulesDir == null ? BUILT_IN : rulesDir.toString()) + " + " + (scorecardsDir == null ? BUILT_IN : scorecardsDir.toString());
    }

    /** A rulebook being read on another thread for the next {@link #load} of the same directories (one at a time). */
    private record ReadAhead(Path rulesDir, Path scorecardsDir, CompletableFuture<Rulebook> rulebook) {
    }

    private static final AtomicReference<ReadAhead> AHEAD = new AtomicReference<>();

    /**
     * Starts reading and checking the rulebook of these directories on a thread of its own, so that a
     * cold {@code verdant evaluate} parses the scorecards while picocli is still building the command
     * (parsing them was about a fifth of a cold run). The next {@link #load} waits for it and, for
     * the same directories, uses the result only if every file it reads is byte for byte the one read ahead: a file edited
     * in between is read again, so an edit always takes effect. A failed read ahead is forgotten (the
     * load reads again and reports the problems itself).
     */
    public static void readAhead(Path rulesDir, Path scorecardsDir) {
        startReadAhead(rulesDir, scorecardsDir);
    }

    /** {@link #readAhead}, and what it will yield (for the tests). */
    static CompletableFuture<Rulebook> startReadAhead(Path rulesDir, Path scorecardsDir) {
        CompletableFuture<Rulebook> rulebook = new CompletableFuture<>();
        AHEAD.set(new ReadAhead(rulesDir, scorecardsDir, rulebook));
        Thread reader = new Thread(() -> {
            try {
                List<SourceFile> files = read(rulesDir, scorecardsDir);
                rulebook.complete(ScorecardReader.assemble(origin(rulesDir, scorecardsDir), files, digest(files)));
            } catch (Throwable e) {
                rulebook.completeExceptionally(e);
            }
        }, "verdant-rulebook-read-ahead");
        reader.setDaemon(true); // never keeps the process alive
        reader.start();
        return rulebook;
    }

    /** The rulebook read ahead (waited for) if it was for these directories; else null. Used once: a long-running process does not keep it. */
    private static Rulebook readAheadOf(Path rulesDir, Path scorecardsDir) {
        ReadAhead ahead = AHEAD.getAndSet(null);
        if (ahead == null) return null;
        try {
            Rulebook read = ahead.rulebook().get();
            return Objects.equals(ahead.rulesDir(), rulesDir) && Objects.equals(ahead.scorecardsDir(), scorecardsDir) ? read : null;
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static boolean sameFiles(List<SourceFile> a, List<SourceFile> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            SourceFile x = a.get(i);
            SourceFile y = b.get(i);
            if (!x.logicalPath().equals(y.logicalPath()) || !x.displayPath().equals(y.displayPath()) || !Arrays.equals(x.bytes(), y.bytes())) return false;
        }
        return true;
    }

    private static List<SourceFile> fromDisk(Path dir, String root, String ext, Problems problems) throws IOException {
        if (!Files.isDirectory(dir)) {
            problems.add(Location.unknown(dir.toString()), "", "not a directory");
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<SourceFile> out = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(ext)).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                out.add(new SourceFile(root + "/" + rel, display(p), Files.readAllBytes(p)));
            }
            return out;
        }
    }

    /** A path relative to the working directory when it lies below it: shorter messages. */
    private static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : p.toString();
    }

    private static List<SourceFile> builtIn(String root, String ext) throws IOException {
        URL url = RulebookLoader.class.getClassLoader().getResource(root);
        if (url == null) throw new IOException("no '" + root + "' folder on the class path");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = newOrExisting(uri)) {
                    return walk(fs.getPath("/" + root), root, ext);
                }
            }
            return walk(Path.of(uri), root, ext);
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static FileSystem newOrExisting(URI uri) throws IOException {
        return FileSystems.newFileSystem(uri, Map.of());
    }

    private static List<SourceFile> walk(Path dir, String root, String ext) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<SourceFile> out = new ArrayList<>();
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(ext)).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                String logical = root + "/" + rel;
                out.add(new SourceFile(logical, BUILT_IN + "/" + logical, Files.readAllBytes(p)));
            }
            return out;
        }
    }

    /** sha256 over each file's logical path and bytes, in path order. */
    static String digest(List<SourceFile> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (SourceFile f : files) {
                md.update(f.logicalPath().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(normaliseLineEndings(f.bytes()));
                md.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A checkout on Windows must digest the same as one on Linux. */
    private static byte[] normaliseLineEndings(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> none() {
        return new LinkedHashMap<>();
    }
}
