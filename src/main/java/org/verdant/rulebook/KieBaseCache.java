package org.verdant.rulebook;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiled DRL kept on disk between runs, so a cold {@code verdant evaluate} does not compile the
 * rules again (compiling is most of a cold start). What is stored is Drools' own serialized form
 * of the compiled packages; a new knowledge base is assembled from them.
 *
 * <p>An entry's name is a digest over everything the compiled form depends on: each DRL file's
 * path and bytes, in the order they are compiled, the Verdant code that the rules call (the
 * digest of the jar's table of contents, every entry's name, size and CRC-32, or of the class
 * files when run from a build directory), the Drools version
 * (from drools-core's Maven metadata, which the shaded jar keeps)
 * and the Java version. A different rulebook, an edited rule or a rebuilt jar therefore names a
 * different entry, and a cached form is never used for rules it was not compiled from. An entry
 * that cannot be read is ignored (the rules are compiled and the entry written again).
 *
 * <p>Where: {@code $VERDANT_CACHE_DIR}, else {@code $XDG_CACHE_HOME/verdant}, else
 * {@code ~/.cache/verdant}; {@code VERDANT_CACHE=off} (or the system property
 * {@code verdant.cache=off}) turns it off. Entries are {@code kiebase-<digest>.bin}, written to a
 * temporary file and renamed, so concurrent runs never read half an entry. The {@value #KEEP} entries
 * most recently written or read are kept; older ones are deleted when a new one is written.
 */
public final class KieBaseCache {
    /** Bumped when the entry layout changes. */
    private static final String LAYOUT = "verdant.kiebase/1";

    /** Entries kept (each 0.3–1 MB): a rulebook's every edition with its overlays several times over. */
    static final int KEEP = 32;

    /** Where Drools' own Maven metadata is, in its jar and in the shaded one alike. */
    static final String DROOLS_POM = "META-INF/maven/org.drools/drools-core/pom.properties";

    private final Path dir;
    private final String codeIdentity;
    private final String droolsVersion;

    public KieBaseCache(Path dir) {
        this(dir, droolsVersion(KieBaseCache.class.getClassLoader()));
    }

    KieBaseCache(Path dir, String droolsVersion) {
        this.dir = dir;
        this.codeIdentity = codeIdentity();
        this.droolsVersion = droolsVersion;
    }

    /**
     * The Drools version the rules are compiled with, from drools-core's Maven metadata. Not the
     * jar manifest's: in the one self-contained jar the manifest (and every package's
     * implementation version) is Verdant's, so a Drools upgrade would not change the entry name.
     */
    static String droolsVersion(ClassLoader loader) {
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(DROOLS_POM)) {
            if (in == null) return "unknown";
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The cache the environment asks for, or null when it is turned off or has no place to live. */
    public static KieBaseCache fromEnvironment() {
        String off = firstNonBlank(System.getProperty("verdant.cache"), System.getenv("VERDANT_CACHE"));
        if (off != null && (off.equalsIgnoreCase("off") || off.equalsIgnoreCase("false") || off.equals("0"))) return null;
        String explicit = firstNonBlank(System.getProperty("verdant.cache.dir"), System.getenv("VERDANT_CACHE_DIR"));
        if (explicit != null) return new KieBaseCache(Path.of(explicit));
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return new KieBaseCache(Path.of(xdg, "verdant"));
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank() || home.equals("?")) return null;
        return new KieBaseCache(Path.of(home, ".cache", "verdant"));
    }

    public Path dir() {
        return dir;
    }

    /** The entry for these rule files: where it is (or would be) on disk. */
    public Path entry(List<SourceFile> ruleFiles) {
        return dir.resolve("kiebase-" + key(ruleFiles) + ".bin");
    }

    /** The knowledge base stored for exactly these rule files, or null. */
    public KieBase load(List<SourceFile> ruleFiles, ClassLoader classLoader) {
        if (codeIdentity == null) return null;
        Path entry = entry(ruleFiles);
        if (!Files.isRegularFile(entry)) return null;
        markUsed(entry);
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(Files.readAllBytes(entry)), classLoader)) {
            Object header = in.readObject();
            if (!LAYOUT.equals(header)) return null;
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) in.readObject();
            var base = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase();
            base.addPackages(new ArrayList<>(packages));
            return base;
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            return null; // unreadable or stale entry: compile instead, and overwrite it
        }
    }

    /** Stores the compiled packages of these rule files; a failure to write only costs the next run a compile. */
    public void store(List<SourceFile> ruleFiles, Collection<KiePackage> packages) {
        if (codeIdentity == null) return;
        Path entry = entry(ruleFiles);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(LAYOUT);
                out.writeObject(new ArrayList<>(packages));
            }
            Files.createDirectories(dir);
            org.verdant.files.SafeFile.write(entry, bytes.toByteArray()); // whole or not at all: a concurrent run never reads half an entry
        } catch (IOException | RuntimeException e) {
            // read-only home, full disk, a package Drools cannot serialize: run without the cache
            return;
        }
        prune(entry);
    }

    /** A hit counts as a use, so the entries a user's rulebooks still need are the last to go. */
    private static void markUsed(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            // a read-only cache is still read; it only ages
        }
    }

    /**
     * Every edit of a rule file names a new entry and nothing ever names the old one again: without
     * this the cache grew by an entry per edit and per rebuilt jar (216 entries, 170 MB, were found
     * in one). The {@value #KEEP} most recently written or used stay; a deleted one costs a compile.
     */
    void prune(Path keep) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> entries = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("kiebase-") && n.endsWith(".bin") && !p.equals(keep);
            }).toList();
            if (entries.size() < KEEP) return;
            record Aged(Path path, long modified) {
            }
            List<Aged> aged = new ArrayList<>();
            for (Path p : entries) {
                try {
                    aged.add(new Aged(p, Files.getLastModifiedTime(p).toMillis()));
                } catch (IOException e) {
                    // gone already (another run pruned it)
                }
            }
            aged.sort(java.util.Comparator.comparingLong(Aged::modified).reversed());
            for (Aged a : aged.subList(Math.min(KEEP - 1, aged.size()), aged.size())) Files.deleteIfExists(a.path());
        } catch (IOException | RuntimeException e) {
            // another run pruning at the same time, a read-only entry: the next store tries again
        }
    }

    String key(List<SourceFile> ruleFiles) {
        MessageDigest md = sha256();
        update(md, LAYOUT);
        update(md, codeIdentity);
        update(md, droolsVersion);
        update(md, System.getProperty("java.vm.version", ""));
        for (SourceFile f : ruleFiles) {
            update(md, f.logicalPath());
            md.update(f.bytes());
            md.update((byte) 0);
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    }

    /**
     * The digest of the code the compiled rules link against: the jar this class was loaded from,
     * or every class file under the directory it was loaded from. Null when neither can be read
     * (then nothing is cached).
     */
    private static String codeIdentity() {
        try {
            var source = KieBaseCache.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            Path where = Path.of(source.getLocation().toURI());
            MessageDigest md = sha256();
            if (Files.isRegularFile(where)) {
                return jarIdentity(where);
            } else if (Files.isDirectory(where)) {
                try (Stream<Path> files = Files.walk(where)) {
                    for (Path p : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        update(md, where.relativize(p).toString());
                        md.update(Files.readAllBytes(p));
                    }
                }
            } else {
                return null;
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A jar's identity from its table of contents: every entry's name, size and CRC-32, which the
     * zip format records for each entry's content. Hashing the whole 70 MB jar instead took a third
     * of a cold {@code evaluate} (SHA-256 runs without its intrinsic under the launcher's C1-only
     * flags: about 0.2 s on an idle core, seconds on a loaded one); this reads a few kilobytes and
     * still names another entry when any class changes.
     */
    static String jarIdentity(Path jar) throws IOException {
        MessageDigest md = sha256();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                var e = entries.nextElement();
                update(md, e.getName());
                update(md, e.getSize() + ":" + Long.toHexString(e.getCrc()));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) return a;
        if (b != null && !b.isBlank()) return b;
        return null;
    }
}
