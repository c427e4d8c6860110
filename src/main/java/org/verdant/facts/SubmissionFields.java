package org.verdant.facts;

import org.verdant.submission.Submission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The submission fields (paths such as {@code site.land_area} or {@code claims.B1}) behind the
 * facts a rule matched, so that a finding can name the lines of the file its rule looked at.
 * Computed facts carry the paths they were computed from; submission sections map to their key.
 */
public final class SubmissionFields {
    /** The park fields its eligibility is decided from. */
    private static final List<String> PARK_STANDING = List.of("park.level", "park.legal_boundary", "park.single_management_body",
            "park.main_function", "park.development_zone_catalogue", "park.park_within_park", "park.clear_boundary");

    private SubmissionFields() {
    }

    /** The fields behind every fact in {@code matched}, in order, without repeats. */
    public static List<String> of(Collection<?> matched) {
        // A rule that looks into the park's green body or audit list matches the park only to reach it.
        boolean parkPartMatched = matched.stream().anyMatch(o -> o instanceof Submission.GreenBody || o instanceof Submission.AuditList);
        Set<String> out = new LinkedHashSet<>();
        for (Object fact : matched) {
            if (fact instanceof Submission.Park && parkPartMatched) continue;
            out.addAll(of(fact));
        }
        return List.copyOf(out);
    }

    static List<String> of(Object fact) {
        if (fact instanceof Collection<?> many) return of(many); // from collect / accumulate
        if (fact instanceof IndicatorValue v) return v.inputs();
        if (fact instanceof YearValue y) return y.value().inputs();
        if (fact instanceof ReferenceLevel r) return r.inputs();
        if (fact instanceof IndexRatios r) return r.years().stream().flatMap(y -> y.inputs().stream()).toList();
        if (fact instanceof ScaledParts p) return p.parts().stream().flatMap(x -> x.inputs().stream()).toList();
        if (fact instanceof CarbonTrend t) return t.inputs();
        if (fact instanceof EvaluationContext) return List.of("evaluation_date", "reporting_year");
        if (fact instanceof Submission.Claim c) return List.of("claims." + c.criterionId());
        if (fact instanceof Submission.AccidentHistory h) return accidents(h);
        if (fact instanceof Submission.Standing) return List.of("standing");
        if (fact instanceof Submission.ManagementSystem m) return List.of("management_systems." + m.system());
        if (fact instanceof Submission.CsrReports) return List.of("social_responsibility_reports");
        if (fact instanceof Submission.Facility) return List.of("facility.founded");
        if (fact instanceof Submission.Application) return List.of("application");
        if (fact instanceof Submission.AuditList) return List.of("park.key_enterprise_audits");
        if (fact instanceof Submission.GreenBody) return List.of("park.green_body");
        if (fact instanceof Submission.Park) return PARK_STANDING;
        return List.of();
    }

    /** Every event is compared with the window and the severity bar, so every event is an input. */
    private static List<String> accidents(Submission.AccidentHistory h) {
        List<String> out = new ArrayList<>(List.of("accidents.evidence"));
        if (h.events().isEmpty()) out.add("accidents.events");
        for (int i = 0; i < h.events().size(); i++) out.add("accidents.events[" + i + "]");
        return out;
    }
}
