package org.verdant.bench.shape;

import org.verdant.facts.Parameter;
import org.verdant.facts.PerformanceIndicator;
import org.verdant.facts.ReferenceSpec;
import org.verdant.facts.Requirement;
import org.verdant.rulebook.Benchmarks.EnergyLimitRow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecard's own facts by key, as the shaped rules' global {@code sc}: what the rules of
 * rules/ find by joining Parameter, Requirement, PerformanceIndicator, ReferenceSpec and
 * EnergyLimitRow facts, the shaped rules look up by the literal their specialised copy names. The
 * same objects FactBuilder.constants built, so a finding holds the very records it would have.
 */
public final class ScorecardView {
    private final Map<String, Requirement> requirements = new HashMap<>();
    private final Map<String, Parameter> parameters = new HashMap<>();
    private final Map<String, PerformanceIndicator> indicators = new HashMap<>();
    private final Map<String, ReferenceSpec> specs = new HashMap<>();
    private final Map<String, EnergyLimitRow> limits = new HashMap<>();

    /** The criteria decided by claim, in scorecard order (the generic claim rules' "no claim" rule walks them). */
    private final List<String> claimIds = new java.util.ArrayList<>();

    public ScorecardView(List<Object> constants) {
        for (Object o : constants) {
            if (o instanceof Requirement r && "claim".equals(r.decidedBy())) claimIds.add(r.id());
            if (o instanceof Requirement r) requirements.put(r.id(), r);
            else if (o instanceof Parameter p) parameters.put(p.name(), p);
            else if (o instanceof PerformanceIndicator p) indicators.put(p.id(), p);
            else if (o instanceof ReferenceSpec s) specs.put(s.criterionId() + "/" + s.tier(), s);
            else if (o instanceof EnergyLimitRow row) limits.put(row.id(), row);
        }
    }

    public Requirement requirement(String id) {
        return known(requirements.get(id), id);
    }

    public Parameter parameter(String name) {
        return known(parameters.get(name), name);
    }

    public PerformanceIndicator indicator(String id) {
        return known(indicators.get(id), id);
    }

    public ReferenceSpec spec(String criterionId, String tier) {
        return known(specs.get(criterionId + "/" + tier), criterionId + "/" + tier);
    }

    /** The energy-limit row of that id, or null: the real rule joins EnergyLimitRow( id == $row ) and does not fire without one. */
    public EnergyLimitRow limit(String id) {
        return limits.get(id);
    }

    public List<String> claimIds() {
        return claimIds;
    }

    /** Whether a claim for this id is one the claim rules decide (some gate, or a scored requirement). */
    public boolean claimDecided(String id) {
        Requirement r = requirements.get(id);
        return r != null && "claim".equals(r.decidedBy());
    }

    public boolean claimGate(String id) {
        return claimDecided(id) && requirements.get(id).isGate();
    }

    public boolean claimScored(String id) {
        return claimDecided(id) && !requirements.get(id).isGate();
    }

    /** A generated rule naming a key the scorecard lacks is a generator defect: fail loudly, never decide on null. */
    private static <T> T known(T value, String key) {
        if (value == null) throw new IllegalStateException("the scorecard has no " + key);
        return value;
    }
}
