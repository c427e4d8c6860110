package org.verdant.support;

import org.verdant.coverage.Fixture;
import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.Scorecard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixtures a test runs every edition of: the valid submissions, and for each the editions of
 * its scheme it is valid under (e.g. one marked not_applicable under 2025 is not). The bench's
 * VerdictCorpus walks the corpus the same way.
 */
public final class ValidFixtures {
    private ValidFixtures() {
    }

    /** Every submission under fixtures/ but the invalid ones, sorted. */
    public static List<Path> submissions() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("fixtures"))) {
            return walk.filter(p -> Fixture.isSubmission(p) && !p.toString().contains("invalid")).sorted().toList();
        }
    }

    /** The editions of its scheme {@code f} is valid under; none if it is valid under no edition at all. */
    public static List<String> editions(Evaluator evaluator, Rulebook rulebook, Path f, byte[] bytes) throws RulebookException {
        String scheme;
        try {
            scheme = evaluator.validate(f.toString(), bytes, Evaluator.Options.defaults()).scorecard().scheme();
        } catch (InvalidSubmissionException e) {
            return List.of();
        }
        List<String> editions = new ArrayList<>();
        for (Scorecard s : rulebook.editions(scheme)) {
            try {
                evaluator.validate(f.toString(), bytes, new Evaluator.Options(s.edition(), null));
                editions.add(s.edition());
            } catch (InvalidSubmissionException e) {
                // not valid under that edition: nothing to compare
            }
        }
        return editions;
    }
}
