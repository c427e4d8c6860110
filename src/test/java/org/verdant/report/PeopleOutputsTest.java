package org.verdant.report;

import org.junit.jupiter.api.Test;
import org.verdant.coverage.Fixture;
import org.verdant.evaluation.Evaluator;
import org.verdant.report.document.ReportDocument;
import org.verdant.report.document.ReportFormat;
import org.verdant.support.TestRulebook;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture's text verdict and report as people read them in Chinese: no figure in scientific
 * notation and no raw enum value (an evaluator kind, a status code) in place of its words.
 */
class PeopleOutputsTest {
    static final Messages ZH = new Messages("zh");
    /** A figure in scientific notation standing alone (not inside a digest or a code). */
    static final Pattern SCIENTIFIC = Pattern.compile("(?<![-0-9A-Za-z])\\d+(\\.\\d+)?[eE][+-]?\\d+(?![0-9A-Za-z])");
    /** Codes of the enums a verdict carries that people must read as words. */
    static final Pattern RAW_ENUM = Pattern.compile("\\((third_party|self)\\)|\\[(placeholder|provisional|verified)\\]|(?<![-\\w.])(not_met|partly_met|missing_data|not_applicable)(?![-\\w])");

    static List<Path> fixtures() throws Exception {
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            return walk.filter(p -> Fixture.isSubmission(p) && !p.toString().contains("invalid")).sorted().toList();
        }
    }

    static Verdict evaluate(Path f) throws Exception {
        return new Evaluator(TestRulebook.compiled()).evaluate(f.toString(), Files.readAllBytes(f), new Evaluator.Options(null, null));
    }

    @Test
    void noChineseTextVerdictOrReportWritesScientificNotationOrARawEnumValue() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Path> fixtures = fixtures();
        assertThat(fixtures).hasSizeGreaterThan(20);
        for (Path f : fixtures) {
            Verdict v = evaluate(f);
            check(problems, f + " text", TextVerdictRenderer.render(v, ZH));
            check(problems, f + " report", ReportDocument.render(v, ZH, ReportFormat.md));
        }
        assertThat(problems).isEmpty();
    }

    static void check(List<String> problems, String what, String text) {
        for (String line : text.split("\n")) {
            Matcher s = SCIENTIFIC.matcher(line);
            if (s.find()) problems.add(what + ": scientific notation " + s.group() + " in: " + line.strip());
            Matcher e = RAW_ENUM.matcher(line);
            if (e.find()) problems.add(what + ": raw value " + e.group() + " in: " + line.strip());
        }
    }
}
