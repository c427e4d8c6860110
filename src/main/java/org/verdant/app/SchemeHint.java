package org.verdant.app;

import org.verdant.submission.SubmissionReader;
import org.verdant.yaml.Problems;

/**
 * The scheme a submission names, read before the rulebook is loaded so that a cold evaluation need
 * parse only that scheme's scorecards (RulebookLoader, with a note that the whole rulebook was
 * checked). Only a hint: null when the file names none or is not YAML, and the evaluation reads the
 * submission again in full.
 */
public final class SchemeHint {
    private SchemeHint() {
    }

    public static String of(Request request) {
        try {
            var partial = SubmissionReader.readPartial(request.file(), request.bytes(), new Problems());
            return partial == null ? null : partial.scheme();
        } catch (RuntimeException e) {
            return null; // the evaluation reports what is wrong with the file
        }
    }
}
