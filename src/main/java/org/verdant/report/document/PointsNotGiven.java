package org.verdant.report.document;

import org.verdant.text.Numbers;
import org.verdant.plan.Improvement;
import org.verdant.plan.ImprovementAdvisor;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.text.Messages;
import org.verdant.rulebook.Scorecard;
import org.verdant.verdict.DataToCollect;
import org.verdant.verdict.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The simple improvement list, read from the findings alone: every blocking check not passed,
 * then every criterion that did not earn its maximum, largest effect on the total first, each
 * with what would earn the points (reach the next reference value, collect the data, cite the
 * evidence). A scheme without points (zero-carbon parks) lists its guidance indicators not met.
 */
public final class PointsNotGiven implements ImprovementAdvisor {
    private static final double EPS = 1e-9;

    @Override
    public List<Improvement> advise(Verdict v, Messages m) {
        Map<String, List<String>> collect = DataToCollect.of(v, m).stream()
                .collect(Collectors.toMap(DataToCollect.Item::id, DataToCollect.Item::fields, (a, b) -> a));
        List<Improvement> out = new ArrayList<>();
        for (Verdict.Judged g : v.gates()) {
            Status s = g.finding().status();
            boolean undetermined = s == Status.NOT_APPLICABLE && "core".equals(g.type());
            if ("encouraged".equals(g.type()) || s == Status.MET || (s == Status.NOT_APPLICABLE && !undetermined)) continue;
            out.add(new Improvement(g.id(), g.name().in(m.lang()), m.get("type.gate"), true, s.code(),
                    m.get("status." + s.code()), null, null, action(g, collect, m)));
        }
        record Lost(Verdict.Judged j, double lost, Double impact) {
        }
        List<Lost> lost = new ArrayList<>();
        boolean noPoints = Scorecard.NO_SCORE.equals(v.scorecard().scoring());
        Map<String, Verdict.CategoryResult> categories = v.categories().stream()
                .collect(Collectors.toMap(c -> c.spec().id(), Function.identity()));
        for (Verdict.Judged j : v.criteria()) {
            Finding f = j.finding();
            if (f.status() == Status.NOT_APPLICABLE) continue;
            if (noPoints) {
                if (f.status() != Status.MET) lost.add(new Lost(j, 0, null));
                continue;
            }
            double gap = f.max() - f.points();
            if (gap <= EPS) continue;
            lost.add(new Lost(j, gap, impact(v, categories.get(j.category()), gap)));
        }
        lost.sort(Comparator.comparing((Lost l) -> l.impact() == null ? 0 : -l.impact())
                .thenComparing(l -> -l.lost()).thenComparing(l -> l.j().id()));
        for (Lost l : lost) {
            Finding f = l.j().finding();
            Verdict.CategoryResult c = categories.get(l.j().category());
            out.add(new Improvement(l.j().id(), l.j().name().in(m.lang()),
                    c == null ? l.j().category() : c.spec().id() + " " + c.spec().name().in(m.lang()), false,
                    f.status().code(), m.get("status." + f.status().code()),
                    noPoints ? null : m.get("doc.improve.lost", Numbers.rounded(l.lost(), 2), Numbers.rounded(f.max(), 2)),
                    l.impact() == null ? null : Numbers.rounded(l.impact(), 2), action(l.j(), collect, m)));
        }
        return out;
    }

    /**
     * The points the total loses: under category_percent a criterion's points count for the
     * category's weight ÷ its applicable maximum; elsewhere points add up to the total directly.
     */
    static Double impact(Verdict v, Verdict.CategoryResult c, double gap) {
        if (c == null || c.weighted() == null) return null;
        if (Scorecard.CATEGORY_PERCENT.equals(v.scorecard().scoring())) {
            return c.max() > 0 ? c.spec().weight().number() * gap / c.max() : 0.0;
        }
        return gap;
    }

    /** What would earn the points, from what the finding compared. */
    static String action(Verdict.Judged j, Map<String, List<String>> collect, Messages m) {
        Finding f = j.finding();
        Map<String, Object> values = f.values();
        Object unit = values.get("unit");
        Map<String, String> shown = Num.apart(values, List.of("value", "basic", "advanced", "leading", "threshold"), m.lang());
        String now = values.containsKey("value") ? figure(shown, values, "value", unit, m) : "—";
        if (f.status() == Status.MISSING_DATA || values.get("missing_inputs") instanceof List<?> l && !l.isEmpty()) {
            List<String> fields = collect.get(j.id());
            if (fields == null && values.get("missing_inputs") instanceof List<?> missing) {
                fields = missing.stream().map(x -> m.get("phrase.as_is", String.valueOf(x))).toList();
            }
            if (fields != null && !fields.isEmpty()) return m.get("doc.improve.collect", String.join("; ", fields));
        }
        if (f.status() == Status.NOT_APPLICABLE && "core".equals(j.type())) return m.get("doc.improve.undetermined");
        if (values.containsKey("threshold")) return m.get("doc.improve.threshold", figure(shown, values, "threshold", unit, m), now);
        if (values.containsKey("parts")) return m.get("doc.improve.parts");
        if (values.containsKey("leading") && values.containsKey("value")) {
            return m.get("doc.improve.leading", figure(shown, values, "leading", unit, m), now);
        }
        if (values.containsKey("advanced") && f.status() == Status.PARTLY_MET) {
            return m.get("doc.improve.advanced", figure(shown, values, "advanced", unit, m), now);
        }
        if (values.containsKey("basic") && values.containsKey("value")) {
            String advanced = values.containsKey("advanced") ? figure(shown, values, "advanced", unit, m) : "—";
            return m.get("doc.improve.basic", figure(shown, values, "basic", unit, m), advanced, now);
        }
        if (values.get("degree") instanceof Number d) return m.get("doc.improve.degree", Num.value(d, m.lang()));
        String key = f.reasonKey() == null ? "" : f.reasonKey();
        if (key.endsWith("no_evidence")) return m.get("doc.improve.evidence");
        if (key.equals("ms.no_certificate") || key.equals("ms.certificate_expired")) return m.get("doc.improve.certify");
        if (key.equals("claim.absent")) return m.get("doc.improve.claim");
        return m.get("doc.improve.meet");
    }

    private static String figure(Map<String, String> shown, Map<String, Object> values, String role, Object unit, Messages m) {
        Object v = values.get(role);
        return shown.containsKey(role) ? Num.withUnit(shown.get(role), v, unit) : Num.withUnit(v, unit, m.lang());
    }
}
