package org.verdant;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real ./verdant launcher with the built jar: the first {@code evaluate} writes a class-data
 * archive beside the compiled-rules cache, later starts map it, nothing it logs reaches standard
 * output, and a rule file edited on disk takes effect at the very next run.
 */
class LauncherCdsIT {
    private static final String FIXTURE = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";

    @TempDir
    Path tmp;

    record Ran(int code, String out, String err) {
    }

    private Path checkout() throws IOException {
        Path root = tmp.resolve("checkout");
        Files.createDirectories(root.resolve("src/main"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.copy(Path.of("verdant"), root.resolve("verdant"));
        root.resolve("verdant").toFile().setExecutable(true);
        for (String dir : List.of("rules", "scorecards")) copyTree(Path.of(dir), root.resolve(dir));
        Files.createDirectories(root.resolve("target"));
        Files.copy(Path.of("target/verdant.jar"), root.resolve("target/verdant.jar")); // newer than the sources: no build
        return root;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private Ran launch(Path root, String javaOpts, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(root.resolve("verdant").toString()), Stream.of(args)).toList());
        pb.environment().remove("VERDANT_RULES");
        pb.environment().remove("VERDANT_SCORECARDS");
        pb.environment().remove("VERDANT_CDS");
        pb.environment().put("VERDANT_CACHE_DIR", tmp.resolve("cache").toString());
        if (javaOpts != null) pb.environment().put("VERDANT_JAVA_OPTS", javaOpts);
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void theFirstEvaluateWritesAClassArchiveLaterRunsMapItAndEditedRulesTakeEffectAtOnce() throws Exception {
        Path root = checkout();
        Path fixture = Path.of(FIXTURE).toAbsolutePath();
        Ran first = launch(root, null, "evaluate", fixture.toString(), "--format", "json");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(new ObjectMapper().readTree(first.out()).path("score").asDouble()).as("standard output is the verdict alone").isEqualTo(98.33);
        assertThat(archives()).as("one archive, complete (no temporary left)").hasSize(1)
                .allMatch(p -> p.getFileName().toString().startsWith("cds-"));

        Path loaded = tmp.resolve("classes.log");
        Ran second = launch(root, "-Xlog:class+load=info:file=" + loaded, "evaluate", fixture.toString(), "--format", "json");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.readAllLines(loaded)).as("our classes come from the archive")
                .anyMatch(l -> l.contains("org.verdant.cli.VerdantCli ") && l.contains("shared objects file"));

        // a rule file edited on disk: the very next run reads it (here: a DRL that no longer compiles)
        try (Stream<Path> drl = Files.walk(root.resolve("rules"))) {
            Path one = drl.filter(p -> p.toString().endsWith(".drl") && p.toString().contains("green-factory")).findFirst().orElseThrow();
            Files.writeString(one, Files.readString(one) + "\nrule \"broken\" when then this is not DRL end\n");
        }
        Ran edited = launch(root, null, "evaluate", fixture.toString(), "--format", "json");
        assertThat(edited.code()).as("the edited rulebook is the one used: " + edited.err()).isEqualTo(4);
    }

    /** Scorecards are read on every run (only compiled rules and classes are cached): an edited scorecard is the one the next run uses. */
    @Test
    void aScorecardEditedBetweenTwoRunsIsTheOneTheNextRunUses() throws Exception {
        Path root = checkout();
        Path fixture = Path.of(FIXTURE).toAbsolutePath();
        Ran first = launch(root, null, "evaluate", fixture.toString(), "--format", "json");
        assertThat(first.code()).as(first.err()).isZero();
        var parts = new ObjectMapper().readTree(first.out()).path("rulebook").path("parts");
        assertThat(parts.toString()).contains("green-factory/gbt36132-2018@2026.12.1");

        Path scorecard = root.resolve("scorecards/green-factory/gbt36132-2018.yaml");
        String text = Files.readString(scorecard, StandardCharsets.UTF_8);
        assertThat(text).contains("version: \"2026.12.1\"");
        Files.writeString(scorecard, text.replace("version: \"2026.12.1\"", "version: \"2026.12.99\""), StandardCharsets.UTF_8);
        Ran edited = launch(root, null, "evaluate", fixture.toString(), "--format", "json");
        assertThat(edited.code()).as(edited.err()).isZero();
        var after = new ObjectMapper().readTree(edited.out()).path("rulebook");
        assertThat(after.path("parts").toString()).contains("green-factory/gbt36132-2018@2026.12.99");
        assertThat(after.path("digest").asText()).isNotEqualTo(new ObjectMapper().readTree(first.out()).path("rulebook").path("digest").asText());

        Files.writeString(scorecard, text.replace("format: verdant.scorecard/1", "format: [unclosed"), StandardCharsets.UTF_8);
        Ran broken = launch(root, null, "evaluate", fixture.toString(), "--format", "json");
        assertThat(broken.code()).as("a broken scorecard is refused: " + broken.err()).isEqualTo(4);
        assertThat(broken.err()).contains("gbt36132-2018.yaml");
    }

    /** An archive written by a failed evaluate would hold a fraction of the classes, and every later start would map it. */
    @Test
    void aFailedEvaluateWritesNoArchiveAndTheNextGoodOneDoes() throws Exception {
        Path root = checkout();
        Ran missing = launch(root, null, "evaluate", tmp.resolve("no-such-file.yaml").toString(), "--format", "json");
        assertThat(missing.code()).as(missing.err()).isNotZero();
        Files.createDirectories(tmp.resolve("cache"));
        assertThat(archives()).as("nothing kept from a failed run").isEmpty();
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith(".cds-")).toList()).as("no temporary left").isEmpty();
        }
        Ran good = launch(root, null, "evaluate", Path.of(FIXTURE).toAbsolutePath().toString(), "--format", "json");
        assertThat(good.code()).as(good.err()).isZero();
        assertThat(archives()).hasSize(1);
    }
}
