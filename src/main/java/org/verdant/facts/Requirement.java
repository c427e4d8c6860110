package org.verdant.facts;

/**
 * A criterion decided by evidence rather than a calculation: a gate (type "gate", never scored)
 * or a mandatory/optional requirement worth {@code maxPoints}.
 */
public record Requirement(String id, String category, String type, double maxPoints, String decidedBy,
                          String system, String aspect) {

    public boolean isGate() {
        return "gate".equals(type);
    }
}
