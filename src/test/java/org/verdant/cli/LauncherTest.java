package org.verdant.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        script(bin.resolve("mvn"), """
                #!/bin/sh
                echo "[INFO] Building verdant 0.1.0"
                sleep 3
                echo "[INFO] --- jar:3.4.1:jar (default-jar) @ verdant ---"
                mkdir -p target && touch target/verdant.jar
                """);
        script(bin.resolve("java"), """
                #!/bin/sh
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

    private Ran launch(Path root, Map<String, String> locale) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(root.resolve("verdant").toString(), "schemes"));
        pb.environment().clear();
        pb.environment().put("PATH", tmp.resolve("bin") + ":/usr/bin:/bin");
        pb.environment().put("HOME", tmp.toString());
        pb.environment().putAll(locale);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), out, err);
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
}
