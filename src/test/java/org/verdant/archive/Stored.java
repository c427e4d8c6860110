package org.verdant.archive;

import org.verdant.evaluation.Evaluator;
import org.verdant.verdict.VerdictJson;
import org.verdant.text.Messages;
import org.verdant.submission.CreditCode;
import org.verdant.support.TestRulebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Submissions made by editing the all-met test submission, evaluated and stored as the CLI would. */
public final class Stored {
    public static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private Stored() {
    }

    /** A valid credit code, different for each i. */
    public static String creditCode(int i) {
        String first17 = String.format("91320500MA%07d", i);
        return first17 + CreditCode.checkCharacter(first17);
    }

    /**
     * The all-met green factory (score 100) for a reporting year (evaluated the next June), under
     * another credit code, name and industry, with the listed claims declared not met.
     */
    public static String factory(int year, String code, String name, String industry, Collection<String> notMet) {
        String y = TestRulebook.base();
        y = TestRulebook.with(y, "evaluation_date", (year + 1) + "-06-30");
        y = TestRulebook.with(y, "reporting_year", String.valueOf(year));
        y = TestRulebook.with(y, "social_responsibility_reports.years", "[" + (year - 2) + ", " + (year - 1) + ", " + year + "]");
        y = TestRulebook.with(y, "facility.credit_code", code);
        y = TestRulebook.with(y, "facility.name", name);
        y = TestRulebook.with(y, "facility.industry", industry);
        for (String id : notMet) y = TestRulebook.with(y, "claims." + id, "{met: false}");
        return y;
    }

    public static String factory(int year, String code, Collection<String> notMet) {
        return factory(year, code, "测试工厂 " + code.substring(10, 17), "C3011", notMet);
    }

    /** The verdict JSON (zh) of a submission, as {@code evaluate --format json} prints it. */
    public static String verdictJson(String yaml, String file) {
        try {
            var verdict = new Evaluator(TestRulebook.compiled()).evaluate(file, yaml.getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults());
            return VerdictJson.write(verdict, new Messages("zh"));
        } catch (Exception e) {
            throw new AssertionError("evaluation failed: " + e, e);
        }
    }

    public static ArchiveInput input(String yaml, String file, Instant at) {
        return new ArchiveInput(yaml.getBytes(StandardCharsets.UTF_8), file, verdictJson(yaml, file), null, null, at);
    }

    public static ArchiveEntry store(Archive archive, String yaml, Instant at) {
        return archive.store(input(yaml, "submission.yaml", at));
    }

    public static ArchiveEntry store(Archive archive, String yaml) {
        return store(archive, yaml, T0);
    }

    public static List<String> none() {
        return List.of();
    }

    /** A copy of scorecards/ with 5 of INF-05's 10 points moved to INF-06 (the category still sums to 100). */
    public static Path changedScorecards(Path into) throws IOException {
        Path copy = into.resolve("scorecards");
        try (Stream<Path> files = Files.walk(Path.of("scorecards"))) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(Path.of("scorecards").relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target); else Files.copy(p, target);
            }
        }
        Path card = copy.resolve("green-factory/gbt36132-2018.yaml");
        String text = Files.readString(card, StandardCharsets.UTF_8);
        String inf05 = "id: INF-05";
        String inf06 = "id: INF-06";
        int at05 = text.indexOf("points: {value: 10,", text.indexOf(inf05));
        int at06 = text.indexOf("points: {value: 5,", text.indexOf(inf06));
        if (at05 < 0 || at05 > text.indexOf(inf06) || at06 < 0) throw new AssertionError("INF-05/INF-06 points not found in " + card);
        text = text.substring(0, at05) + "points: {value: 5," + text.substring(at05 + "points: {value: 10,".length());
        at06 = text.indexOf("points: {value: 5,", text.indexOf(inf06));
        text = text.substring(0, at06) + "points: {value: 10," + text.substring(at06 + "points: {value: 5,".length());
        Files.writeString(card, text, StandardCharsets.UTF_8);
        return copy;
    }

}
