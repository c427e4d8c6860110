package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ./verdant launcher, run with stand-ins for mvn and java that report what they were given:
 * a UTF-8 locale when none is set, UTF-8 streams for Java, and a first build that says what it does.
 */
class LauncherTest {
    @TempDir
    Path tmp;

    private Path checkout() throws IOException {
        Path root = tmp.resolve("checkout");
        Files.createDirectories(root.resolve("src/main"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.copy(Path.of("verdant"), root.resolve("verdant"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        // Maven as the launcher runs it: "clean package" into the build directory it is given (target/ unless told),
        // the jar written in two steps, so a run that starts java on it in between finds half a jar
        script(bin.resolve("mvn"), """
                #!/bin/sh
                dir=target
                for a in "$@"; do case "$a" in -Dverdant.build.directory=*) dir="${a#*=}" ;; esac; done
                echo "$$" >>"${MVN_RUNS:-/dev/null}"
                echo "[INFO] Building verdant 0.1.0"
                sleep 3
                rm -rf "$dir" && mkdir -p "$dir"
                echo "[INFO] --- jar:3.4.1:jar (default-jar) @ verdant ---"
                echo half >"$dir/verdant.jar"
                sleep 3
                echo whole >>"$dir/verdant.jar"
                """);
        // java that fails as the JVM does on a jar being rewritten (NoClassDefFoundError) unless the jar is whole
        script(bin.resolve("java"), """
                #!/bin/sh
                jar=""
                prev=""
                for a in "$@"; do [ "$prev" = -jar ] && jar="$a"; prev="$a"; done
                if [ -n "$jar" ] && ! grep -q whole "$jar" 2>/dev/null; then
                  echo "Exception in thread main java.lang.NoClassDefFoundError: half a jar: $jar" >&2
                  exit 1
                fi
                # the class-data archive a first evaluate writes at exit (JDK 17's -XX:ArchiveClassesAtExit)
                for a in "$@"; do case "$a" in -XX:ArchiveClassesAtExit=*) echo archive >"${a#*=}" ;; esac; done
                echo "LC_ALL=${LC_ALL:-unset} $*"
                """);
        script(root.resolve("verdant"), Files.readString(root.resolve("verdant")));
        return root;
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Ran(int code, String out, String err) {
    }

    private Ran launch(Path root, Map<String, String> env) throws Exception {
        return start(root, env, tmp.resolve("bin") + ":/usr/bin:/bin").finish();
    }

    /** A launcher running, its output going to files (two at once must not wait on each other's pipes). */
    private record Running(Process process, Path out, Path err) {
        Ran finish() throws Exception {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Ran(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    /** The launcher with {@code path} as PATH (the stand-ins for mvn and java first). */
    private Running start(Path root, Map<String, String> env, String path) throws IOException {
        return start(root, env, path, "schemes");
    }

    private Running start(Path root, Map<String, String> env, String path, String command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(root.resolve("verdant").toString(), command));
        pb.environment().clear();
        pb.environment().put("PATH", path);
        pb.environment().put("HOME", tmp.toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        return new Running(pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }

    @Test
    void withNoLocaleTheLauncherSetsCUtf8AndJavaGetsUtf8Streams() throws Exception {
        Path root = checkout();
        Ran r = launch(root, Map.of());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("LC_ALL=C.UTF-8 ").contains("-Dfile.encoding=UTF-8").contains("-Dsun.stdout.encoding=UTF-8")
                .contains("-Dsun.stderr.encoding=UTF-8").endsWith("schemes\n");
        // a UTF-8 locale of the user's own is left alone
        Ran own = launch(root, Map.of("LC_ALL", "C.UTF-8", "LANG", "C.UTF-8"));
        assertThat(own.out()).startsWith("LC_ALL=C.UTF-8 ");
    }

    /** A batch runs with C2 and its smaller inlining budget (bench/notes-h18-jit.md); every other command with C1 alone. */
    @Test
    void aBatchGetsC2WithTheSmallerInliningBudgetAndOtherCommandsC1Only() throws Exception {
        Path root = checkout();
        String path = tmp.resolve("bin") + ":/usr/bin:/bin";
        Ran batch = start(root, Map.of(), path, "batch").finish();
        assertThat(batch.code()).as(batch.err()).isZero();
        assertThat(batch.out()).contains(" -XX:FreqInlineSize=150 -XX:InlineSmallCode=1500 ").doesNotContain("TieredStopAtLevel");
        Ran other = start(root, Map.of(), path, "schemes").finish();
        assertThat(other.out()).contains(" -XX:TieredStopAtLevel=1 ").doesNotContain("FreqInlineSize").doesNotContain("InlineSmallCode");
    }

    /** Each rebuilt jar gets an archive of its own; they must not pile up in the user's cache (10 were found there, 20 MB each). */
    @Test
    void aNewClassDataArchiveLeavesTheThreeMostRecentOthersAndNoMore() throws Exception {
        Path root = checkout();
        Path cache = Files.createDirectories(tmp.resolve(".cache/verdant"));
        for (int i = 0; i < 6; i++) {
            Path old = cache.resolve("cds-old" + i + ".jsa");
            Files.writeString(old, "old");
            Files.setLastModifiedTime(old, FileTime.fromMillis(1_700_000_000_000L + i * 60_000L));
        }
        Path compiled = Files.writeString(cache.resolve("kiebase-0123.bin"), "compiled rules");
        Ran r = start(root, Map.of(), tmp.resolve("bin") + ":/usr/bin:/bin", "evaluate").finish();
        assertThat(r.code()).as(r.err()).isZero();
        try (Stream<Path> files = Files.list(cache)) {
            List<String> archives = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cds-")).sorted().toList();
            assertThat(archives).hasSize(4).contains("cds-old3.jsa", "cds-old4.jsa", "cds-old5.jsa");
            assertThat(archives.stream().filter(n -> !n.startsWith("cds-old"))).as("the new archive").hasSize(1);
        }
        assertThat(compiled).as("the compiled-rules cache is not the launcher's to prune").exists();
        // a later start maps the archive it finds and writes none: nothing more is deleted
        Ran again = start(root, Map.of(), tmp.resolve("bin") + ":/usr/bin:/bin", "evaluate").finish();
        assertThat(again.out()).contains("-XX:SharedArchiveFile=").doesNotContain("ArchiveClassesAtExit");
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("cds-")).count()).isEqualTo(4);
        }
    }

    /** The first evaluate ever, with no cache directory yet, writes the first archive (nothing to prune must not fail). */
    @Test
    void theFirstEvaluateWithNoArchiveYetWritesOne() throws Exception {
        Path root = checkout();
        Ran r = start(root, Map.of(), tmp.resolve("bin") + ":/usr/bin:/bin", "evaluate").finish();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("-XX:ArchiveClassesAtExit=");
        try (Stream<Path> files = Files.list(tmp.resolve(".cache/verdant"))) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("cds-")).count()).isEqualTo(1);
        }
    }

    @Test
    void theFirstBuildSaysWhatItIsDoingAndWhy() throws Exception {
        Path root = checkout();
        Ran r = launch(root, Map.of());
        assertThat(r.err()).contains("正在用 Maven 构建（尚无 target/verdant.jar）")
                .contains("首次构建需从 Maven Central 下载依赖")
                .contains("verdant:   [INFO] Building verdant 0.1.0")
                .contains("构建完成");
        Ran again = launch(root, Map.of());
        assertThat(again.err()).as("built once: nothing to say").isEmpty();
    }

    @Test
    void twoLaunchersStartedAtOnceOnACheckoutThatNeedsABuildBuildOnceAndBothRun() throws Exception {
        twoAtOnce(tmp.resolve("bin") + ":/usr/bin:/bin");
    }

    /** Where there is no flock(1) (macOS), the launcher's own lock (a directory) does the same. */
    @Test
    void withoutFlockTheFallbackLockDoesTheSame() throws Exception {
        // a PATH of its own holding every tool the launcher uses except flock
        Path tools = Files.createDirectories(tmp.resolve("noflock"));
        for (String tool : List.of("bash", "sh", "dirname", "cat", "mkdir", "rm", "mv", "find", "grep", "tail", "cut", "sleep", "mktemp",
                "stat", "sed", "readlink", "locale", "env", "echo", "touch", "kill")) {
            for (String dir : List.of("/usr/bin", "/bin")) {
                Path real = Path.of(dir, tool);
                if (Files.isExecutable(real) && !Files.exists(tools.resolve(tool))) Files.createSymbolicLink(tools.resolve(tool), real);
            }
        }
        twoAtOnce(tmp.resolve("bin") + ":" + tools);
    }

    private void twoAtOnce(String path) throws Exception {
        Path root = checkout();
        Path runs = tmp.resolve("mvn-runs.txt");
        Map<String, String> env = Map.of("MVN_RUNS", runs.toString());
        Running first = start(root, env, path);
        Running second = start(root, env, path);
        Ran a = first.finish();
        Ran b = second.finish();
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(a.out()).endsWith("schemes\n");
        assertThat(b.out()).endsWith("schemes\n");
        assertThat(Files.readAllLines(runs)).as("one build, the other launcher waited for it").hasSize(1);
        assertThat(a.err() + b.err()).contains("另一个 verdant 正在构建");
        assertThat(root.resolve("target/verdant.jar")).content().contains("whole");
        try (var left = Files.list(root.resolve("target"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no build directory left behind").noneMatch(n -> n.startsWith(".build-"));
        }
    }
}
