package org.verdant.submission;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names of the same pollutant written differently (an indicator table names "COD", a submission
 * "化学需氧量"): compared case- and space-insensitively within each group.
 */
public final class PollutantNames {
    private static final List<Set<String>> SAME = List.of(
            Set.of("cod", "化学需氧量", "codcr"),
            Set.of("氨氮", "nh3-n", "nh3n"),
            Set.of("总磷", "tp"),
            Set.of("总氮", "tn"),
            Set.of("so2", "二氧化硫"),
            Set.of("nox", "氮氧化物"),
            Set.of("颗粒物", "pm"),
            Set.of("vocs", "挥发性有机物"));

    private PollutantNames() {
    }

    public static boolean same(String a, String b) {
        if (a == null || b == null) return false;
        String x = normal(a);
        String y = normal(b);
        return x.equals(y) || SAME.stream().anyMatch(g -> g.contains(x) && g.contains(y));
    }

    private static String normal(String s) {
        return s.strip().replace(" ", "").replace("₂", "2").replace("ₓ", "x").toLowerCase(Locale.ROOT);
    }
}
