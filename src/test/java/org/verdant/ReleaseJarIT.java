package org.verdant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release jar that {@code mvn package} builds, run as a user would: {@code java -jar verdant.jar}
 * from an empty directory, with no lib/ beside it, no checkout rulebook and no cache, so that it can
 * only use what the jar holds (every dependency, Drools' service files, the bundled rulebook, the PDF font).
 */
class ReleaseJarIT {
    private static final Path JAR = Path.of("target/verdant.jar").toAbsolutePath();
    private static final Path FIXTURE = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml").toAbsolutePath();

    @TempDir
    Path elsewhere;

    record Run(int code, String out, String err) {
    }

    private Run java(String... args) throws IOException, InterruptedException {
        Path lone = elsewhere.resolve("verdant.jar");
        if (!Files.exists(lone)) Files.copy(JAR, lone);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", lone.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile());
        pb.environment().remove("VERDANT_RULES");
        pb.environment().remove("VERDANT_SCORECARDS");
        pb.environment().put("VERDANT_CACHE", "off");
        Path out = elsewhere.resolve("out.txt");
        Path err = elsewhere.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theJarAloneEvaluatesWithItsBundledRulebookAndWritesAPdf() throws Exception {
        Run evaluate = java("evaluate", FIXTURE.toString(), "--format", "json");
        assertThat(evaluate.code()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("\"score\" : 98.33");

        Run pdf = java("report", FIXTURE.toString(), "--format", "pdf", "-o", "报告.pdf");
        assertThat(pdf.code()).as(pdf.err()).isZero();
        byte[] bytes = Files.readAllBytes(elsewhere.resolve("报告.pdf"));
        assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }
}
