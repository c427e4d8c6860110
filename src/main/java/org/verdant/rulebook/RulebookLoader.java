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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        String origin = (rulesDir == null ? BUILT_IN : rulesDir.toString()) + " + " + (scorecardsDir == null ? BUILT_IN : scorecardsDir.toString());
        return ScorecardReader.assemble(origin, files, digest(files));
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
