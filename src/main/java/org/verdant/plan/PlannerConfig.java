package org.verdant.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the planner takes as one year's plausible change ({@link Cap}) and what a change costs
 * ({@link #effort}), read from {@code planner.yaml} next to this class. Every figure there is a
 * project figure with a status and a source, like a scorecard's; a plan lists the caps it applied.
 */
record PlannerConfig(String version, Map<String, Cap> caps, Map<String, Figure> effort) {
    static final String FILE = "planner.yaml";
    static final String DEFAULT = "default";

    /** A figure of the planner config: its value, status and source. */
    record Figure(double value, String status, String source) {
    }

    /**
     * The most one year changes a lever, in the direction that improves its indicator: a share of
     * its current value ({@code relative}, in %) or a number of units (a count).
     */
    record Cap(String key, double amount, boolean relative, String status, String source) {
        /** The farthest a figure now at {@code current} moves in a year, in direction {@code up}. */
        double limit(double current, boolean up) {
            double step = relative ? Math.abs(current) * amount / 100 : amount;
            return up ? current + step : current - step;
        }

        /** How much of the cap a move from {@code current} to {@code proposed} uses (1 = all of it). */
        double share(double current, double proposed) {
            double step = relative ? Math.abs(current) * amount / 100 : amount;
            if (step == 0) return proposed == current ? 0 : Double.POSITIVE_INFINITY;
            return Math.abs(proposed - current) / step;
        }

        /** "15 %" or "2" (a count), as the plan shows it. */
        String shown() {
            return org.verdant.text.Numbers.format(amount) + (relative ? " %" : "");
        }
    }

    private static final PlannerConfig BUILT_IN = read();

    static PlannerConfig builtIn() {
        return BUILT_IN;
    }

    /** The cap of a lever: its own or the default. */
    Cap cap(String leverPath) {
        Cap c = caps.get(key(leverPath));
        return c != null ? c : caps.get(DEFAULT);
    }

    /** products[0].energy → products[].energy; park.years[2025].statistics.co2 → park.years[].statistics.co2. */
    static String key(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }

    double effort(String name) {
        Figure f = effort.get(name);
        if (f == null) throw new IllegalStateException(FILE + ": no effort." + name);
        return f.value();
    }

    private static PlannerConfig read() {
        try (InputStream in = PlannerConfig.class.getResourceAsStream(FILE)) {
            if (in == null) throw new IllegalStateException("the planner config " + FILE + " is missing from the jar");
            JsonNode root = new YAMLMapper().readTree(in);
            Map<String, Cap> caps = new LinkedHashMap<>();
            root.path("caps").fields().forEachRemaining(e -> {
                JsonNode n = e.getValue();
                String unit = n.path("unit").asText();
                if (!unit.equals("%") && !unit.equals("count")) {
                    throw new IllegalStateException(FILE + ": caps." + e.getKey() + ".unit must be % or count, not '" + unit + "'");
                }
                caps.put(e.getKey(), new Cap(e.getKey(), n.path("value").asDouble(), unit.equals("%"), n.path("status").asText(),
                        n.path("source").asText()));
            });
            if (!caps.containsKey(DEFAULT)) throw new IllegalStateException(FILE + ": caps.default is missing");
            Map<String, Figure> effort = new LinkedHashMap<>();
            root.path("effort").fields().forEachRemaining(e -> effort.put(e.getKey(),
                    new Figure(e.getValue().path("value").asDouble(), e.getValue().path("status").asText(), e.getValue().path("source").asText())));
            return new PlannerConfig(root.path("version").asText(), caps, effort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
