package org.verdant.record;

import org.verdant.verdict.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Evidence files a verdict relies on by digest. A verdict reached without an archive to look the
 * digests up in says so (warning {@value #UNCHECKED}): the files were named, not shown to exist.
 */
public final class EvidenceBinding {
    public static final String UNCHECKED = "evidence_unchecked";

    private EvidenceBinding() {
    }

    /** {@code verdict} with the warning that its {@code count} cited files were not checked against an archive. */
    public static Verdict unchecked(Verdict verdict, int count) {
        List<Verdict.Warning> warnings = new ArrayList<>(verdict.warnings());
        warnings.add(new Verdict.Warning(UNCHECKED, null, null, "warning.evidence_unchecked", List.of(count)));
        Verdict v = verdict;
        return new Verdict(v.submission(), v.scorecard(), v.eligible(), v.mandatoryMet(), v.score(), v.grade(), v.categories(), v.gates(),
                v.criteria(), List.copyOf(warnings), v.rulebookDigest(), v.rulebookParts(), v.rulebookFiles(), v.inputDigest(),
                v.engineVersion(), v.greenIndex(), v.rulebookIndex(), v.sources(), v.assessment());
    }
}
