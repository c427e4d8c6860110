package org.verdant.rulebook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Names both a submission and a scorecard use, so that each checks the other's words against one list. */
public final class Vocabulary {
    private Vocabulary() {
    }

    /** The management systems a factory reports (quality, OHS, environmental, energy). */
    public static final List<String> SYSTEMS = List.of("quality", "occupational_health_safety", "environmental", "energy");

    /** The dimension of a correction input that is a word from {@link #CORRECTION_CHOICES}, not a number. */
    public static final String WORD = "word";

    /**
     * Inputs an energy-limit standard corrects its levels by, with their dimensions ("1" a bare
     * number or a share, "length", or {@link #WORD}).
     */
    public static final Map<String, String> CORRECTION_INPUTS;

    /** The correction inputs that are shares, written as a percentage (0–100 %). */
    public static final Set<String> CORRECTION_SHARES = Set.of("feed_grade", "clinker_ratio", "rare_earth_ore", "vti_magnetite",
            "laterite_nickel_ore", "scrap_ratio", "hot_metal_ratio", "mixed_gas_share", "volatile_matter", "coal_moisture",
            "ore_grade");

    /** The words a {@link #WORD} correction input may take. */
    public static final Map<String, List<String>> CORRECTION_CHOICES = Map.of(
            "quenching", List.of("dry", "wet"),
            "steel_grade", List.of("ordinary", "quality_carbon_structural", "bearing_gear_wire_tool_die",
                    "deep_drawing_pipeline", "stainless"));

    static {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("altitude", "length");
        inputs.put("altitude_factor", "1");
        CORRECTION_SHARES.stream().sorted().forEach(s -> inputs.put(s, "1"));
        inputs.put("oven_age", "1");
        CORRECTION_CHOICES.keySet().stream().sorted().forEach(w -> inputs.put(w, WORD));
        CORRECTION_INPUTS = java.util.Collections.unmodifiableMap(inputs);
    }
}
