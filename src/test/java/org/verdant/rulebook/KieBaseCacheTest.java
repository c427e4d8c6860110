package org.verdant.rulebook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.verdant.evaluation.Evaluator;
import org.verdant.verdict.VerdictJson;
import org.verdant.support.ValidFixtures;
import org.verdant.text.Messages;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiled rules kept on disk give the same verdicts as rules compiled afresh, and only for the same rules. */
class KieBaseCacheTest {
    @TempDir
    Path cacheDir;

    @Test
    void everyValidFixtureGivesTheSameVerdictFromACachedKnowledgeBase() throws Exception {
        Rulebook rulebook = RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
        KieBaseCache cache = new KieBaseCache(cacheDir);
        Evaluator fresh = new Evaluator(new CompiledRulebook(rulebook, cache)); // compiles, writes the cache
        Evaluator fromCache = new Evaluator(new CompiledRulebook(rulebook, cache)); // reads it
        Evaluator uncached = new Evaluator(new CompiledRulebook(rulebook));
        List<Path> fixtures = ValidFixtures.submissions();
        assertThat(fixtures).hasSizeGreaterThan(20);
        List<String> checked = new ArrayList<>();
        for (Path f : fixtures) {
            byte[] bytes = Files.readAllBytes(f);
            for (String edition : ValidFixtures.editions(fresh, rulebook, f, bytes)) {
                Evaluator.Options options = new Evaluator.Options(edition, "none");
                String expected = json(uncached, f, bytes, options);
                assertThat(json(fresh, f, bytes, options)).as(f + " " + edition + " (compiled, cache written)").isEqualTo(expected);
                assertThat(json(fromCache, f, bytes, options)).as(f + " " + edition + " (from the cache)").isEqualTo(expected);
                checked.add(f + " " + edition);
            }
        }
        try (Stream<Path> entries = Files.list(cacheDir)) {
            assertThat(entries.filter(p -> p.getFileName().toString().startsWith("kiebase-")).count())
                    .as("one entry per edition-with-overlays compiled").isGreaterThanOrEqualTo(5);
        }
        assertThat(checked).hasSizeGreaterThan(25);
    }

    @Test
    void aChangedRuleFileNamesAnotherEntryAndABrokenEntryIsIgnored() throws Exception {
        Rulebook rulebook = RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
        Scorecard edition = rulebook.scorecard("green-factory", "GB/T 36132-2018").orElseThrow();
        List<SourceFile> files = rulebook.rulesFor(edition);
        KieBaseCache cache = new KieBaseCache(cacheDir);
        new CompiledRulebook(rulebook, cache).kieBase(edition);
        Path entry = cache.entry(files);
        assertThat(entry).exists();
        assertThat(cache.load(files, getClass().getClassLoader())).isNotNull();

        List<SourceFile> edited = new ArrayList<>(files);
        SourceFile first = edited.get(0);
        edited.set(0, new SourceFile(first.logicalPath(), first.displayPath(),
                (new String(first.bytes(), StandardCharsets.UTF_8) + "\n// an edit\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(cache.entry(edited)).isNotEqualTo(entry);
        assertThat(cache.load(edited, getClass().getClassLoader())).as("never used for other rules").isNull();

        Files.write(entry, "not a knowledge base".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.load(files, getClass().getClassLoader())).isNull();
        KieBase recompiled = new CompiledRulebook(rulebook, cache).kieBase(edition);
        assertThat(recompiled.getKiePackages()).isNotEmpty();
        assertThat(cache.load(files, getClass().getClassLoader())).as("rewritten after the compile").isNotNull();
    }

    /** Each edit of a rule file names a new entry; the cache keeps the most recent KEEP, not every one ever written. */
    @Test
    void writingAnEntryDeletesAllButTheMostRecentlyWrittenOrUsed() throws Exception {
        KieBaseCache cache = new KieBaseCache(cacheDir);
        List<Path> old = new ArrayList<>();
        for (int i = 0; i < KieBaseCache.KEEP + 8; i++) {
            Path p = Files.writeString(cacheDir.resolve("kiebase-old" + (100 + i) + ".bin"), "old");
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L + i * 60_000L));
            old.add(p);
        }
        Path archive = Files.writeString(cacheDir.resolve("cds-1-2.jsa"), "not ours");
        List<SourceFile> oldestFiles = List.of(new SourceFile("rules/x.drl", "rules/x.drl", "package x;".getBytes(StandardCharsets.UTF_8)));
        // an old entry read again counts as used and outlives the ones written after it
        Path used = cache.entry(oldestFiles);
        Files.writeString(used, "unreadable");
        Files.setLastModifiedTime(used, java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L));
        assertThat(cache.load(oldestFiles, getClass().getClassLoader())).isNull();

        List<SourceFile> files = List.of(new SourceFile("rules/y.drl", "rules/y.drl", "package y;".getBytes(StandardCharsets.UTF_8)));
        cache.store(files, List.of());
        try (Stream<Path> entries = Files.list(cacheDir)) {
            List<Path> left = entries.filter(p -> p.getFileName().toString().startsWith("kiebase-")).toList();
            assertThat(left).hasSize(KieBaseCache.KEEP).contains(cache.entry(files), used)
                    .containsAll(old.subList(old.size() - (KieBaseCache.KEEP - 2), old.size()))
                    .doesNotContainAnyElementsOf(old.subList(0, old.size() - (KieBaseCache.KEEP - 2)));
        }
        assertThat(archive).as("the launcher's archives are not this cache's").exists();
    }

    private static String json(Evaluator evaluator, Path f, byte[] bytes, Evaluator.Options options) throws Exception {
        return VerdictJson.write(evaluator.evaluate(f.toString(), bytes, options), new Messages("en"));
    }

    /** In the shaded jar the manifest is Verdant's: the Drools version comes from drools-core's own Maven metadata. */
    @Test
    void theDroolsVersionComesFromDroolsOwnMetadataAndNamesTheEntry() throws Exception {
        assertThat(KieBaseCache.droolsVersion(KieBaseCache.class.getClassLoader()))
                .isEqualTo(readVersion())
                .matches("\\d+\\.\\d+.*");
        // a class path whose drools-core says another version (as after an upgrade) is read as that version
        Path fake = cacheDir.resolve("fake");
        Path pom = fake.resolve(KieBaseCache.DROOLS_POM);
        Files.createDirectories(pom.getParent());
        Files.writeString(pom, "groupId=org.drools\nartifactId=drools-core\nversion=99.0.0\n");
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {fake.toUri().toURL()}, null)) {
            assertThat(KieBaseCache.droolsVersion(loader)).isEqualTo("99.0.0");
        }
        Rulebook rulebook = RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
        List<SourceFile> files = rulebook.rulesFor(rulebook.scorecard("green-factory", "GB/T 36132-2018").orElseThrow());
        String now = new KieBaseCache(cacheDir).key(files);
        assertThat(new KieBaseCache(cacheDir, readVersion()).key(files)).isEqualTo(now);
        assertThat(new KieBaseCache(cacheDir, "99.0.0").key(files)).as("a Drools upgrade names another entry").isNotEqualTo(now);
    }

    /** The jar's identity follows every entry's content, not the jar's timestamps. */
    @Test
    void aJarWithOneChangedClassHasAnotherIdentityAndARebuiltIdenticalJarTheSame() throws Exception {
        Path a = jar("a.jar", "org/verdant/X.class", "class bytes one", 1_000_000_000_000L);
        Path same = jar("same.jar", "org/verdant/X.class", "class bytes one", 1_700_000_000_000L);
        Path changed = jar("changed.jar", "org/verdant/X.class", "class bytes two", 1_000_000_000_000L);
        Path renamed = jar("renamed.jar", "org/verdant/Y.class", "class bytes one", 1_000_000_000_000L);
        String identity = KieBaseCache.jarIdentity(a);
        assertThat(identity).matches("[0-9a-f]{64}");
        assertThat(KieBaseCache.jarIdentity(same)).as("rebuilt at another time, same content").isEqualTo(identity);
        assertThat(KieBaseCache.jarIdentity(changed)).as("same size, other bytes").isNotEqualTo(identity);
        assertThat(KieBaseCache.jarIdentity(renamed)).as("same bytes, other class").isNotEqualTo(identity);
    }

    private Path jar(String name, String entry, String content, long time) throws Exception {
        Path jar = cacheDir.resolve(name);
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            var e = new java.util.zip.ZipEntry(entry);
            e.setTime(time);
            out.putNextEntry(e);
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** drools-core's version as its jar on the class path states it. */
    private static String readVersion() throws Exception {
        try (var in = KieBaseCache.class.getClassLoader().getResourceAsStream(KieBaseCache.DROOLS_POM)) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }
}
