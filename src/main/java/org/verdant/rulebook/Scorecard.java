package org.verdant.rulebook;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One edition of one scheme: every figure its rules use, with provenance. */
public record Scorecard(
        String file,
        String id,
        String version,
        String scheme,
        String edition,
        Text title,
        LocalDate appliesFrom,
        LocalDate appliesUntil,
        String defaultGrading,
        List<String> notes,
        Map<String, Figure> parameters,
        List<GateSpec> gates,
        List<CategorySpec> categories) {

    public boolean appliesOn(LocalDate date) {
        return (appliesFrom == null || !date.isBefore(appliesFrom)) && (appliesUntil == null || date.isBefore(appliesUntil));
    }

    public List<CriterionSpec> criteria() {
        return categories.stream().flatMap(c -> c.criteria().stream()).toList();
    }

    public record GateSpec(String id, Text name, String clause, String decidedBy, String status, String source) {
    }

    public record CategorySpec(String id, Text name, Figure weight, List<CriterionSpec> criteria) {
        public double maxPoints() {
            return criteria.stream().mapToDouble(CriterionSpec::maxPoints).sum();
        }
    }

    /** A scored criterion. Performance criteria have two tiers; others have {@code points}. */
    public record CriterionSpec(String id, String category, Text name, String clause, String type, Figure points,
                                String decidedBy, String system, String aspect, String indicator, String direction,
                                String unit, TierSpec basic, TierSpec advanced) {
        public double maxPoints() {
            if ("performance".equals(type)) return basic.points().number() + advanced.points().number();
            return points.number();
        }
    }

    public record TierSpec(Figure points, ReferenceSpec reference) {
    }

    /**
     * Where a tier's reference level comes from: {@code fixed} (the figure), {@code submission},
     * {@code factor_of_basic} (factor × the basic level) or {@code energy_limit} (a level of the
     * product's energy-limit row).
     */
    public record ReferenceSpec(String form, Figure fixed, Figure factor, Integer level) {
    }
}
