package org.verdant.findings;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.verdant.facts.IndicatorValue;
import org.verdant.facts.PerformanceIndicator;
import org.verdant.facts.ReferenceLevel;
import org.verdant.facts.Requirement;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules' global {@code findings}: each rule that decides a criterion records its finding
 * here. It listens to the agenda so every finding names the rule that produced it.
 */
public final class FindingCollector extends DefaultAgendaEventListener {
    private final List<Finding> findings = new ArrayList<>();
    private String currentRule = "";

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        currentRule = event.getMatch().getRule().getName();
    }

    public List<Finding> all() {
        return findings;
    }

    private Finding start(String criterionId) {
        Finding f = new Finding(criterionId, currentRule);
        findings.add(f);
        return f;
    }

    /** Full points for a requirement (a gate has none). */
    public Finding met(Requirement r) {
        return start(r.id()).status(Status.MET, r.maxPoints(), r.maxPoints());
    }

    public Finding notMet(Requirement r) {
        return start(r.id()).status(Status.NOT_MET, 0, r.maxPoints());
    }

    public Finding notApplicable(Requirement r) {
        return start(r.id()).status(Status.NOT_APPLICABLE, 0, r.maxPoints());
    }

    public Finding missingData(Requirement r) {
        return start(r.id()).status(Status.MISSING_DATA, 0, r.maxPoints());
    }

    /** Both tiers reached: basic and advanced points. */
    public Finding advancedTier(PerformanceIndicator p, IndicatorValue v, ReferenceLevel basic, ReferenceLevel advanced) {
        return compared(start(p.id()).status(Status.MET, p.maxPoints(), p.maxPoints()), v, basic, advanced);
    }

    /** Basic tier only: the basic points. */
    public Finding basicTier(PerformanceIndicator p, IndicatorValue v, ReferenceLevel basic, ReferenceLevel advanced) {
        return compared(start(p.id()).status(Status.PARTLY_MET, p.basicPoints(), p.maxPoints()), v, basic, advanced);
    }

    public Finding belowBasicTier(PerformanceIndicator p, IndicatorValue v, ReferenceLevel basic, ReferenceLevel advanced) {
        return compared(start(p.id()).status(Status.NOT_MET, 0, p.maxPoints()), v, basic, advanced);
    }

    public Finding missingData(PerformanceIndicator p, IndicatorValue v, ReferenceLevel basic, ReferenceLevel advanced) {
        return compared(start(p.id()).status(Status.MISSING_DATA, 0, p.maxPoints()), v, basic, advanced);
    }

    /** Records the value, its computation and both reference levels the rule compared. */
    private static Finding compared(Finding f, IndicatorValue v, ReferenceLevel basic, ReferenceLevel advanced) {
        if (v != null) {
            f.value("value", v.value()).value("unit", v.unit()).value("formula", v.formula())
                    .value("computation", v.computation());
            if (!v.missingInputs().isEmpty()) f.value("missing_inputs", v.missingInputs());
            f.notes(v.notes());
        }
        level(f, "basic", basic);
        level(f, "advanced", advanced);
        return f;
    }

    private static void level(Finding f, String tier, ReferenceLevel r) {
        if (r == null) return;
        if (r.isAvailable()) {
            f.value(tier, r.value()).value(tier + "_from", r.origin());
            if (r.source() != null) f.value(tier + "_source", r.source());
            f.figures(r.figures());
        } else {
            f.value(tier + "_missing", r.missing());
        }
    }
}
