package org.verdant.submission;

import org.verdant.text.Location;
import org.verdant.text.Numbers;
import org.verdant.units.Quantity;
import org.verdant.units.Units;
import org.verdant.yaml.Node;
import org.verdant.yaml.Msg;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;

/**
 * The one check that a part is not larger than its whole (green ≤ all material, reused ≤ treated
 * wastewater, low-risk ≤ all suppliers, a park's renewable ≤ all energy, …). A part over its whole
 * makes a share over 100 % that earns points no figure supports, so it is refused where it is
 * written, naming both fields by their paths. Every reader uses this check; none writes its own.
 */
final class Parts {
    /** Relative slack, so that one figure written in two units (1.8 万t and 18000 t) is equal. */
    private static final double SLACK = 1e-9;

    private Parts() {
    }

    /** Whether {@code part} is larger than {@code whole}, beyond rounding. */
    static boolean exceeds(double part, double whole) {
        return part > whole + SLACK * Math.abs(whole);
    }

    /**
     * {@code n.partKey} must not exceed {@code n.wholeKey}. Wastewater may be in t on one side and
     * m3 on the other: compared at 1 t = 1 m3, which is how the base units stand (both factor 1).
     */
    static boolean check(Node n, String partKey, Quantity part, String wholeKey, Quantity whole, Problems problems) {
        return check(n, partKey, part, wholeKey, whole, null, problems);
    }

    /** As {@link #check(Node, String, Quantity, String, Quantity, Problems)}, with a reason the standard gives ({@code because}, a bundle key). */
    static boolean check(Node n, String partKey, Quantity part, String wholeKey, Quantity whole, String because, Problems problems) {
        if (part == null || whole == null) return false;
        YamlNode at = n.raw(partKey);
        return check(problems, at.location(), at.path(), at.path(), part.text(), part.base(), pathOf(n, wholeKey), whole.text(),
                whole.base(), because);
    }

    /** Counts (suppliers, audits, product categories): {@code n.partKey} ≤ {@code n.wholeKey}. */
    static boolean check(Node n, String partKey, Integer part, String wholeKey, Integer whole, Problems problems) {
        if (part == null || whole == null) return false;
        YamlNode at = n.raw(partKey);
        return check(problems, at.location(), at.path(), at.path(), String.valueOf(part), part, pathOf(n, wholeKey),
                String.valueOf(whole), whole, null);
    }

    /**
     * The general form, for parts and wholes that are sums of several fields: {@code partName}
     * and {@code wholeName} say what was added up; {@code partBase}/{@code wholeBase} in base units.
     */
    static boolean check(Problems problems, Location at, String path, String partName, String partText, double partBase,
                         Object wholeName, String wholeText, double wholeBase, String because) {
        if (!exceeds(partBase, wholeBase)) return false;
        problems.add(at, path, because == null ? Msg.of("problem.part_exceeds_whole", partName, partText, wholeName, wholeText)
                : Msg.of("problem.part_exceeds_whole_because", partName, partText, wholeName, wholeText, Msg.of(because)));
        return true;
    }

    /** A sum written in base units of {@code dimension}, as the problem shows it. */
    static String sumText(double base, String dimension) {
        return Numbers.format(base) + " " + Units.base(dimension).symbol();
    }

    static String pathOf(Node n, String key) {
        String at = n.mapping().path();
        return at.isEmpty() ? key : at + "." + key;
    }
}
