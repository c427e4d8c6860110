package org.verdant.batch;

import org.verdant.coverage.Fixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files the fixture conventions (fixtures/README.md) keep beside a submission, which are YAML or
 * JSON but not submissions: its expectations ({@code NAME.expect.yaml}), its verdict snapshot
 * ({@code NAME.expected.json}), a variant's assessment ({@code NAME.VARIANT.assessment.yaml}), each
 * also for a variant, {@code NAME.VARIANT.…}. A file counts as one only when the submission
 * {@code NAME.yaml} it belongs to is beside it, so a user's own {@code x.expected.json} with no
 * {@code x.yaml} is still read. An invalid fixture's {@code NAME.expected.txt} is never read anyway
 * (not YAML or JSON); an invalid fixture itself is a submission, and its error record is wanted.
 */
final class FixtureSidecars {
    static final List<String> SUFFIXES = List.of(Fixture.EXPECT_SUFFIX, ".expected.json", Fixture.ASSESSMENT_SUFFIX);

    private FixtureSidecars() {
    }

    static boolean is(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : SUFFIXES) {
            if (!name.endsWith(suffix) || name.length() == suffix.length()) continue;
            String stem = name.substring(0, name.length() - suffix.length());
            if (beside(file, stem)) return true;
            int dot = stem.lastIndexOf('.'); // NAME.VARIANT (a variant's name has no dot)
            if (dot > 0 && beside(file, stem.substring(0, dot))) return true;
        }
        return false;
    }

    private static boolean beside(Path file, String submission) {
        return Files.isRegularFile(file.resolveSibling(submission + ".yaml"));
    }
}
