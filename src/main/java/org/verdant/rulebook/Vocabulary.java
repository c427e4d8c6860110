package org.verdant.rulebook;

import java.util.List;
import java.util.Map;

/** Names both a submission and a scorecard use, so that each checks the other's words against one list. */
public final class Vocabulary {
    private Vocabulary() {
    }

    /** The management systems a factory reports (quality, OHS, environmental, energy). */
    public static final List<String> SYSTEMS = List.of("quality", "occupational_health_safety", "environmental", "energy");

    /** Inputs an energy-limit standard corrects its levels by, with their dimensions. */
    public static final Map<String, String> CORRECTION_INPUTS = Map.of(
            "feed_grade", "1", "clinker_ratio", "1", "altitude", "length", "altitude_factor", "1");
}
