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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture against its checked-in expectation: a valid submission's JSON verdict
 * (NAME.expected.json) or an invalid one's exit code and messages (NAME.expected.txt).
 * To rewrite expectations deliberately: mvn -B verify -Dverdant.golden.update=true, then review
 * the diff before committing it. A fixture may carry extra command-line options in NAME.args
 * (one line, e.g. {@code --grading hebei-db13t6005-2024}; double quotes keep a value with spaces
 * together). A variant NAME.VARIANT.args evaluates the same file again with its options and
 * compares with NAME.VARIANT.expected.json (e.g. a 2018 submission re-benchmarked under 2025).
 */
class GoldenFixturesTest {
    private static final boolean UPDATE = Boolean.getBoolean("verdant.golden.update");
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).as("fixtures").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            String name = baseName(f);
            tests.add(DynamicTest.dynamicTest(f.toString(), () -> check(f, name)));
            for (Path variant : variants(f, name)) {
                String variantName = variant.getFileName().toString().replaceFirst("\\.args$", "");
                tests.add(DynamicTest.dynamicTest(f + " [" + variantName.substring(name.length() + 1) + "]",
                        () -> check(f, variantName)));
            }
        }
        return tests.stream();
    }

    private static String baseName(Path fixture) {
        return fixture.getFileName().toString().replaceFirst("\\.yaml$", "");
    }

    private static List<Path> variants(Path fixture, String name) throws IOException {
        Pattern variant = Pattern.compile(Pattern.quote(name) + "\\.[^.]+\\.args");
        try (Stream<Path> siblings = Files.list(fixture.getParent())) {
            return siblings.filter(p -> variant.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /** Evaluates {@code fixture} with the options of {@code expectation}.args (if any) against {@code expectation}.expected.*. */
    private static void check(Path fixture, String expectation) throws IOException {
        boolean invalid = fixture.startsWith(Path.of("fixtures", "invalid"));
        Path expected = fixture.resolveSibling(expectation + (invalid ? ".expected.txt" : ".expected.json"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("evaluate", fixture.toString(),
                "--format", "json", "--rules", "rules", "--scorecards", "scorecards"));
        Path extra = fixture.resolveSibling(expectation + ".args");
        if (Files.exists(extra)) args.addAll(tokens(Files.readString(extra, StandardCharsets.UTF_8)));
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

    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(line.strip());
        while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
        return out;
    }
}
