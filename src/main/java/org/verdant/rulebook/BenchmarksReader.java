package org.verdant.rulebook;

import org.verdant.yaml.Node;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a benchmarks file ({@code format: verdant.benchmarks/1}): the energy-limit rows and the
 * corrections each applies. Shares the scorecard reader's problems and sources, so that every
 * mistake is reported with its file:line like any other rulebook problem.
 */
final class BenchmarksReader {
    /** The correction kinds a benchmarks file may write, with the keys each takes besides the common ones. */
    enum Kind {
        PER_POINT_BELOW("per_point_below", "pivot", "per_point", "max_points", "scale"),
        PER_POINT_ABOVE("per_point_above", "pivot", "per_point", "max_points", "scale"),
        PER_POINT_AWAY("per_point_away", "pivot", "per_point", "max_points", "scale"),
        PER_PERCENT("per_percent", "per_point", "max_points", "scale"),
        FACTOR_ABOVE("factor_above", "pivot", "factor_input", "factor_range"),
        INTERPOLATED("interpolated", "points"),
        BANDS("bands", "bands"),
        ADDITION_IF("addition_if", "add"),
        MULTIPLIER_IF("multiplier_if", "when", "factor");

        final String name;
        final Set<String> keys;

        Kind(String name, String... keys) {
            this.name = name;
            this.keys = Set.of(keys);
        }

        static final Map<String, Kind> BY_NAME = new LinkedHashMap<>();

        static {
            for (Kind k : values()) BY_NAME.put(k.name, k);
        }

        boolean takesWord() {
            return this == ADDITION_IF || this == MULTIPLIER_IF;
        }
    }

    private static final Set<String> COMMON_KEYS = Set.of("input", "kind", "levels", "clause", "table", "status", "source", "detail");

    private final ScorecardReader reader;
    private final Problems problems;

    BenchmarksReader(ScorecardReader reader, Problems problems) {
        this.reader = reader;
        this.problems = problems;
    }

    Benchmarks read(String file, Node top) {
        List<Benchmarks.EnergyLimitRow> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode item : reader.list(top, "rows")) {
            Node n = Node.of(item, problems, "id", "standard", "clause", "product", "unit", "levels", "status", "source", "detail", "corrections",
                    "adjustments");
            if (n == null) continue;
            String id = n.text("id", true);
            if (id != null && !ids.add(id)) problems.add(n.raw("id"), "row id '" + id + "' is used twice");
            Map<Integer, Double> levels = new TreeMap<>();
            Node lv = n.child("levels", true, "1", "2", "3");
            if (lv != null) {
                for (int level = 1; level <= 3; level++) {
                    YamlNode v = lv.value(String.valueOf(level), true);
                    if (v instanceof YamlNode.Scalar s && (s.type().equals("int") || s.type().equals("float"))) {
                        levels.put(level, Double.parseDouble(s.text()));
                    } else if (v != null) {
                        problems.add(v, "a level is a number");
                    }
                }
                if (levels.size() == 3 && !(levels.get(1) <= levels.get(2) && levels.get(2) <= levels.get(3))) {
                    problems.add(lv.mapping(), "levels must not increase in strictness from 1 to 3 (level 1 ≤ level 2 ≤ level 3)");
                }
            }
            String unit = n.text("unit", true);
            if (unit != null && org.verdant.units.Units.parse(unit).isEmpty()) problems.add(n.raw("unit"), "unknown unit '" + unit + "'");
            List<Benchmarks.Adjustment> adjustments = new ArrayList<>();
            for (YamlNode a : reader.list(n, "adjustments")) {
                Benchmarks.Adjustment adj = adjustment(a);
                if (adj != null) adjustments.add(adj);
            }
            rows.add(new Benchmarks.EnergyLimitRow(id, n.text("standard", true), n.text("clause", true), reader.text(n, "product", true),
                    unit, levels, n.choice("status", true, ScorecardReader.STATUSES), reader.source(n), n.text("corrections", false),
                    adjustments, item.location()));
        }
        return new Benchmarks(file, top.text("id", true), top.text("version", true), reader.strings(top, "notes"), rows);
    }

    private Benchmarks.Adjustment adjustment(YamlNode a) {
        Set<String> allKeys = new HashSet<>(COMMON_KEYS);
        for (Kind k : Kind.values()) allKeys.addAll(k.keys);
        Node n = Node.of(a, problems, allKeys);
        if (n == null) return null;
        String input = n.choice("input", true, Vocabulary.CORRECTION_INPUTS.keySet());
        String kindName = n.choice("kind", true, Kind.BY_NAME.keySet());
        Kind kind = kindName == null ? null : Kind.BY_NAME.get(kindName);
        if (kind != null) {
            for (String key : n.mapping().entries().keySet()) {
                if (!COMMON_KEYS.contains(key) && !kind.keys.contains(key)) {
                    problems.add(n.raw(key), "'" + key + "' does not go with kind " + kind.name + "; it takes "
                            + String.join(", ", kind.keys.stream().sorted().toList()));
                }
            }
        }
        if (input != null && kind != null) {
            boolean word = Vocabulary.WORD.equals(Vocabulary.CORRECTION_INPUTS.get(input));
            if (word != kind.takesWord()) {
                problems.add(n.raw("input"), kind.takesWord()
                        ? "kind " + kind.name + " needs a word input (" + String.join(", ", Vocabulary.CORRECTION_CHOICES.keySet().stream().sorted().toList()) + ")"
                        : "'" + input + "' is a word (" + String.join(", ", Vocabulary.CORRECTION_CHOICES.get(input)) + "); kind " + kind.name + " needs a number");
                return null;
            }
        }
        List<Integer> levels = new ArrayList<>();
        for (YamlNode l : reader.list(n, "levels")) {
            if (l instanceof YamlNode.Scalar s && s.type().equals("int") && Set.of("1", "2", "3").contains(s.text())) {
                levels.add(Integer.parseInt(s.text()));
            } else {
                problems.add(l, "a level is 1, 2 or 3");
            }
        }
        if (levels.isEmpty()) problems.add(n.mapping(), "name the levels the adjustment corrects (levels: [1, 2, 3])");
        String clause = n.text("clause", true);
        String status = n.choice("status", true, ScorecardReader.STATUSES);
        String source = reader.source(n);
        if (input == null || kind == null) return null;
        Benchmarks.Citation citation = new Benchmarks.Citation(clause, n.text("table", false), status, source, n.mapping().location());
        // the kind's own fields are checked even when a common one is wrong, so that one pass reports every problem
        Benchmarks.Adjustment adjustment = switch (kind) {
            case PER_POINT_BELOW, PER_POINT_ABOVE, PER_POINT_AWAY, PER_PERCENT -> perPoint(n, input, kind, levels, citation);
            case FACTOR_ABOVE -> factorAbove(n, input, levels, citation);
            case INTERPOLATED -> interpolated(n, input, levels, citation);
            case BANDS -> bands(n, input, levels, citation);
            case ADDITION_IF -> additionIf(n, input, levels, citation);
            case MULTIPLIER_IF -> multiplierIf(n, input, levels, citation);
        };
        return clause == null || status == null || source == null ? null : adjustment;
    }

    private Benchmarks.PerPoint perPoint(Node n, String input, Kind kind, List<Integer> levels, Benchmarks.Citation citation) {
        Double pivot = kind == Kind.PER_PERCENT ? Double.valueOf(0) : reader.number(n, "pivot", true);
        Map<Integer, Double> perPoint = new TreeMap<>();
        YamlNode pp = n.value("per_point", true);
        if (pp instanceof YamlNode.Scalar) {
            Double v = reader.number(n, "per_point", true);
            if (v != null) levels.forEach(l -> perPoint.put(l, v));
        } else if (pp != null) {
            Node byLevel = n.child("per_point", true, "1", "2", "3");
            if (byLevel != null) {
                for (int l : levels) {
                    Double v = reader.number(byLevel, String.valueOf(l), true);
                    if (v != null) perPoint.put(l, v);
                }
                for (String key : byLevel.mapping().entries().keySet()) {
                    if (Set.of("1", "2", "3").contains(key) && !levels.contains(Integer.parseInt(key))) { // other keys are reported as unknown
                        problems.add(byLevel.raw(key), "level " + key + " is not among the levels the adjustment corrects " + levels);
                    }
                }
            }
        }
        Double max = reader.number(n, "max_points", false);
        if (max != null && max <= 0) problems.add(n.raw("max_points"), "max_points is a number of points greater than zero");
        Benchmarks.Scale scale = Benchmarks.Scale.POINTS;
        if (n.has("scale")) {
            String s = n.choice("scale", true, Set.of("points", "fraction"));
            if ("fraction".equals(s)) scale = Benchmarks.Scale.FRACTION;
        }
        if (!Vocabulary.CORRECTION_SHARES.contains(input) && n.has("scale")) {
            problems.add(n.raw("scale"), "scale is for shares written in %; '" + input + "' is not one");
        }
        if (pivot == null || perPoint.size() != levels.size()) return null;
        Benchmarks.Direction direction = switch (kind) {
            case PER_POINT_BELOW -> Benchmarks.Direction.BELOW;
            case PER_POINT_AWAY -> Benchmarks.Direction.AWAY;
            default -> Benchmarks.Direction.ABOVE;
        };
        return new Benchmarks.PerPoint(input, direction, pivot, perPoint, max, scale, levels, citation);
    }

    private Benchmarks.FactorAbove factorAbove(Node n, String input, List<Integer> levels, Benchmarks.Citation citation) {
        Double pivot = reader.number(n, "pivot", true);
        String factorInput = n.choice("factor_input", true, Vocabulary.CORRECTION_INPUTS.keySet());
        List<YamlNode> range = reader.list(n, "factor_range");
        double[] bounds = range.stream().mapToDouble(r -> r instanceof YamlNode.Scalar s
                && (s.type().equals("int") || s.type().equals("float")) ? Double.parseDouble(s.text()) : Double.NaN).toArray();
        if (!n.has("factor_range") || bounds.length != 2 || Arrays.stream(bounds).anyMatch(Double::isNaN) || bounds[0] > bounds[1]) {
            problems.add(n.has("factor_range") ? n.raw("factor_range") : n.mapping(),
                    "factor_range is [lowest, highest], the factors the standard's formula can give (e.g. [1, 1.179])");
            return null;
        }
        if (pivot == null || factorInput == null) return null;
        if (Vocabulary.WORD.equals(Vocabulary.CORRECTION_INPUTS.get(factorInput))) {
            problems.add(n.raw("factor_input"), "'" + factorInput + "' is a word, not a factor");
            return null;
        }
        return new Benchmarks.FactorAbove(input, pivot, factorInput, bounds[0], bounds[1], levels, citation);
    }

    private Benchmarks.Interpolated interpolated(Node n, String input, List<Integer> levels, Benchmarks.Citation citation) {
        YamlNode raw = n.value("points", true);
        if (raw == null) return null;
        if (!(raw instanceof YamlNode.Mapping m)) {
            problems.add(raw, "expected points of input → addition, e.g. {23: 0, 24: 4.25}");
            return null;
        }
        TreeMap<Double, Double> table = new TreeMap<>();
        for (var e : m.entries().values()) {
            double x;
            try {
                x = Double.parseDouble(e.key());
            } catch (NumberFormatException ex) {
                problems.add(e.value(), "'" + e.key() + "' is not a number: the table's keys are values of " + input);
                continue;
            }
            if (e.value() instanceof YamlNode.Scalar s && (s.type().equals("int") || s.type().equals("float"))) {
                table.put(x, Double.parseDouble(s.text()));
            } else {
                problems.add(e.value(), "expected a number");
            }
        }
        if (table.size() < 2) {
            problems.add(raw, "an interpolated correction needs at least two points");
            return null;
        }
        return new Benchmarks.Interpolated(input, table, levels, citation);
    }

    private Benchmarks.Bands bands(Node n, String input, List<Integer> levels, Benchmarks.Citation citation) {
        List<Benchmarks.Band> bands = new ArrayList<>();
        for (YamlNode b : reader.list(n, "bands")) {
            Node bn = Node.of(b, problems, "above", "up_to", "add");
            if (bn == null) continue;
            Double above = reader.number(bn, "above", true);
            Double upTo = reader.number(bn, "up_to", false);
            Double add = reader.number(bn, "add", true);
            if (above == null || add == null) continue;
            if (upTo != null && upTo <= above) {
                problems.add(bn.raw("up_to"), "up_to must be greater than above (" + ScorecardReader.fmt(above) + ")");
                continue;
            }
            Benchmarks.Band band = new Benchmarks.Band(above, upTo, add);
            for (Benchmarks.Band other : bands) {
                double top = upTo == null ? Double.MAX_VALUE : upTo;
                double otherTop = other.upTo() == null ? Double.MAX_VALUE : other.upTo();
                if (above < otherTop && other.above() < top) problems.add(bn.mapping(), "this band overlaps the band above "
                        + ScorecardReader.fmt(other.above()));
            }
            bands.add(band);
        }
        if (bands.isEmpty()) {
            problems.add(n.mapping(), "name the bands: [{above, up_to, add}, …]");
            return null;
        }
        return new Benchmarks.Bands(input, bands, levels, citation);
    }

    private Benchmarks.AdditionIf additionIf(Node n, String input, List<Integer> levels, Benchmarks.Citation citation) {
        Node add = n.child("add", true, Vocabulary.CORRECTION_CHOICES.get(input));
        if (add == null) return null;
        Map<String, Double> additions = new LinkedHashMap<>();
        for (String word : add.mapping().entries().keySet()) {
            Double v = reader.number(add, word, true);
            if (v != null) additions.put(word, v);
        }
        if (additions.isEmpty()) {
            problems.add(add.mapping(), "name at least one " + input + " and its addition");
            return null;
        }
        return new Benchmarks.AdditionIf(input, additions, levels, citation);
    }

    private Benchmarks.MultiplierIf multiplierIf(Node n, String input, List<Integer> levels, Benchmarks.Citation citation) {
        String when = n.choice("when", true, new java.util.LinkedHashSet<>(Vocabulary.CORRECTION_CHOICES.get(input)));
        Double factor = reader.number(n, "factor", true);
        if (factor != null && factor <= 0) problems.add(n.raw("factor"), "a multiplier is greater than zero");
        if (when == null || factor == null || factor <= 0) return null;
        return new Benchmarks.MultiplierIf(input, when, factor, levels, citation);
    }
}
