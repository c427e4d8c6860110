package org.verdant.golden;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.verdant.cli.VerdantCli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture against its checked-in expectation: a valid submission's JSON verdict
 * (NAME.expected.json) or an invalid one's exit code and messages (NAME.expected.txt).
 * To rewrite expectations deliberately: mvn -B verify -Dverdant.golden.update=true, then review
 * the diff before committing it. A fixture may carry extra command-line options in NAME.args
 * (one line, e.g. {@code --grading hebei-db13t6005-2024}).
 */
class GoldenFixturesTest {
    private static final boolean UPDATE = Boolean.getBoolean("verdant.golden.update");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).as("fixtures").isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> check(f)));
    }

    private static void check(Path fixture) throws IOException {
        boolean invalid = fixture.startsWith(Path.of("fixtures", "invalid"));
        String name = fixture.getFileName().toString().replaceFirst("\\.yaml$", "");
        Path expected = fixture.resolveSibling(name + (invalid ? ".expected.txt" : ".expected.json"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", fixture.toString(),
                "--format", "json", "--rules", "rules", "--scorecards", "scorecards"));
        Path extra = fixture.resolveSibling(name + ".args");
        if (Files.exists(extra)) args.addAll(List.of(Files.readString(extra, StandardCharsets.UTF_8).trim().split("\\s+")));
        int code = VerdantCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        String actual = invalid ? "exit " + code + "\n" + err : out.toString();
        if (!invalid) assertThat(code).as("exit code; stderr: " + err).isZero();
        if (invalid) assertThat(code).as("exit code of an invalid fixture").isEqualTo(3);
        if (UPDATE) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(expected).as("expected verdict for " + fixture + " (create it with -Dverdant.golden.update=true and review it)").exists();
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
