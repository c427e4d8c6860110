package org.verdant.rulebook;

import org.verdant.text.Text;
import org.verdant.yaml.Node;
import org.verdant.yaml.YamlNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks an indicator table (format verdant.indicator-table/1, docs/indicator-tables.md)
 * with the scorecard reader's figures, sources and problems, so every mistake is reported at its
 * file:line in the same run as the rest of the rulebook.
 */
final class IndicatorTableReader {
    /** Appendix B equations and the named quantities the standard's examples and the platform form use. */
    static final Set<String> FORMULAS;
    static {
        Set<String> f = new java.util.TreeSet<>();
        for (int i = 1; i <= 28; i++) f.add("B." + i);
        f.addAll(List.of("energy_carbon_functions", "retrofit_investment_share", "catalogue_technologies",
                "retrofit_projects_per_year", "pollutant_margin", "carbon_footprint_share"));
        FORMULAS = java.util.Collections.unmodifiableSet(f);
    }
    static final Set<String> RULES = Set.of("linear", "step", "range", "banded", "count", "evidence", "degree");
    private static final double EPS = 1e-9;

    private final ScorecardReader r;

    IndicatorTableReader(ScorecardReader r) {
        this.r = r;
    }

    IndicatorTable table(SourceFile f, Node top) {
        String file = f.displayPath();
        String id = top.text("id", true);
        String version = top.text("version", true);
        String edition = top.text("edition", true);
        Text title = r.text(top, "title", true);
        IndicatorTable.Kind kind = enumOf(top, "kind", IndicatorTable.Kind.values());
        String province = top.text("province", false);
        List<String> industries = r.strings(top, "industries");
        Node applies = top.child("applies", false, "from", "until");
        LocalDate from = applies == null ? null : applies.date("from", false);
        LocalDate until = applies == null ? null : applies.date("until", false);
        String status = top.choice("status", true, ScorecardReader.STATUSES);
        String source = top.has("source") ? r.source(top) : null;
        if (kind == IndicatorTable.Kind.PROVINCIAL && province == null) r.problems.add(top.mapping(), "a provincial table names its province");
        Figure passLine = top.has("pass_line") && !isNull(top.value("pass_line", false))
                ? r.figure("pass_line", top.value("pass_line", false), true) : null;
        Set<String> ids = new HashSet<>();
        List<Scorecard.GateSpec> gates = new ArrayList<>();
        for (YamlNode g : r.list(top, "gates")) {
            Scorecard.GateSpec gate = r.criterionReader.gate(g, ids);
            if (gate != null) gates.add(gate);
        }
        List<IndicatorTable.Dimension> dimensions = new ArrayList<>();
        double weightSum = 0;
        for (YamlNode d : r.list(top, "dimensions")) {
            Node n = Node.of(d, r.problems, "id", "name", "weight", "indicators");
            if (n == null) continue;
            String did = n.text("id", true);
            Figure weight = r.figure(did + ".weight", n.value("weight", true), true);
            List<IndicatorTable.Indicator> indicators = new ArrayList<>();
            List<YamlNode> listed = r.list(n, "indicators");
            for (YamlNode i : listed) {
                IndicatorTable.Indicator ind = indicator(did, i, ids);
                if (ind != null) indicators.add(ind);
            }
            if (listed.isEmpty()) r.problems.add(d, "a dimension lists its indicators");
            // an indicator already refused would make the sum misleading
            if (weight != null && indicators.size() == listed.size()) {
                weightSum += weight.number();
                double points = indicators.stream().mapToDouble(x -> x.points().number()).sum();
                if (Math.abs(points - weight.number()) > EPS) {
                    r.problems.add(d.location(), d.path(), "the points of dimension " + did + " sum to " + fmt(points)
                            + ", not its weight " + fmt(weight.number()));
                }
            }
            dimensions.add(new IndicatorTable.Dimension(did, r.text(n, "name", true), weight, indicators));
        }
        if (dimensions.isEmpty()) r.problems.add(top.mapping(), "an indicator table lists its dimensions (一级指标)");
        else if (Math.abs(weightSum - 100) > EPS) {
            r.problems.add(top.raw("dimensions").location(), "dimensions", "the dimension weights sum to " + fmt(weightSum) + ", not 100");
        }
        IndicatorTable.Bonus bonus = bonus(top, ids);
        if (id == null || version == null || edition == null || kind == null || status == null) return null;
        return new IndicatorTable(file, id, version, edition, title, kind, province, industries, from, until, status, source,
                r.strings(top, "notes"), passLine, gates, bonus, dimensions, RulebookLoader.digest(List.of(f)), Sources.NONE);
    }

    private IndicatorTable.Bonus bonus(Node top, Set<String> ids) {
        YamlNode raw = top.value("bonus", false);
        if (raw == null || isNull(raw)) return null;
        Node n = Node.of(raw, r.problems, "max", "items");
        if (n == null) return null;
        Figure max = r.figure("bonus.max", n.value("max", true), true);
        List<IndicatorTable.Indicator> items = new ArrayList<>();
        for (YamlNode i : r.list(n, "items")) {
            IndicatorTable.Indicator ind = indicator(Scorecard.BONUS, i, ids);
            if (ind != null) items.add(ind);
        }
        if (items.isEmpty()) r.problems.add(raw, "bonus lists its items");
        return max == null ? null : new IndicatorTable.Bonus(max, items);
    }

    private IndicatorTable.Indicator indicator(String dimension, YamlNode node, Set<String> ids) {
        Node n = Node.of(node, r.problems, "id", "number", "name", "parent", "type", "points", "rule", "rule_text", "forms",
                "formula", "unit", "inputs", "leading", "baseline", "bands", "items", "levels", "worst", "best");
        if (n == null) return null;
        String id = n.text("id", true);
        if (id != null && !ids.add(id)) r.problems.add(n.raw("id"), "id '" + id + "' is used twice");
        String number = n.text("number", false);
        IndicatorTable.IndicatorType type = enumOf(n, "type", IndicatorTable.IndicatorType.values());
        Figure points = r.figure(id + ".points", n.value("points", true), true);
        IndicatorTable.Rule rule = rule(id, n);
        Text ruleText = n.has("rule_text") ? ruleText(n) : null;
        List<IndicatorTable.Form> forms = new ArrayList<>();
        if (type != null && type.quantitative()) {
            if (n.has("forms")) {
                for (YamlNode fnode : r.list(n, "forms")) {
                    Node fn = Node.of(fnode, r.problems, "formula", "unit", "inputs", "leading", "baseline");
                    if (fn != null) addForm(forms, id, fn, rule);
                }
                if (forms.isEmpty()) r.problems.add(n.raw("forms"), "list at least one form");
                for (String k : List.of("formula", "leading", "baseline")) {
                    if (n.has(k)) r.problems.add(n.raw(k), k + " goes in each form when the indicator lists forms");
                }
            } else {
                addForm(forms, id, n, rule);
            }
            if (rule != null && !(rule instanceof IndicatorTable.Linear || rule instanceof IndicatorTable.Step
                    || rule instanceof IndicatorTable.Range || rule instanceof IndicatorTable.Banded || rule instanceof IndicatorTable.Count)) {
                r.problems.add(n.raw("rule"), "a quantitative indicator is scored linear, step, range, banded or count, not " + rule.code());
            }
        } else if (type != null) {
            for (String k : List.of("forms", "formula", "leading", "baseline")) {
                if (n.has(k)) r.problems.add(n.raw(k), "a qualitative indicator has no " + k + ": it is decided on evidence");
            }
            if (rule != null && !(rule instanceof IndicatorTable.Evidence || rule instanceof IndicatorTable.Degree)) {
                r.problems.add(n.raw("rule"), "a qualitative indicator is scored evidence or degree, not " + rule.code());
            }
        }
        if (rule instanceof IndicatorTable.Banded b && points != null) {
            for (IndicatorTable.Band band : b.bands()) {
                if (band.points() != null && band.points().number() > points.number() + EPS) {
                    r.problems.add(n.raw("bands"), "a band's points (" + fmt(band.points().number()) + ") exceed the indicator's " + fmt(points.number()));
                }
            }
        }
        if (id == null || type == null || points == null || rule == null) return null;
        return new IndicatorTable.Indicator(id, number, r.text(n, "name", true), n.text("parent", false), type, points, rule, ruleText,
                List.copyOf(forms), dimension, n.mapping().location());
    }

    private Text ruleText(Node n) {
        Node t = n.child("rule_text", false, "zh", "en");
        return t == null ? null : new Text(t.text("zh", true), t.text("en", false));
    }

    private void addForm(List<IndicatorTable.Form> forms, String id, Node n, IndicatorTable.Rule rule) {
        String ref = id + (forms.isEmpty() ? "" : "[" + forms.size() + "]");
        String formula = n.text("formula", true);
        if (formula != null && !FORMULAS.contains(formula)) {
            String hint = org.verdant.text.Suggest.nearest(formula, FORMULAS).map(x -> "; did you mean '" + x + "'?").orElse("");
            r.problems.add(n.raw("formula"), "unknown formula '" + formula + "'; the formulas are B.1–B.28 and "
                    + String.join(", ", FORMULAS.stream().filter(x -> !x.startsWith("B.")).toList()) + hint);
            formula = null;
        }
        String unit = n.has("unit") ? n.text("unit", false) : "";
        if (unit == null) unit = "";
        if (!unit.isEmpty() && org.verdant.units.Units.parse(unit).isEmpty()) r.problems.add(n.raw("unit"), "unknown unit '" + unit + "'");
        Map<String, String> inputs = new LinkedHashMap<>();
        YamlNode in = n.value("inputs", false);
        if (in instanceof YamlNode.Mapping m) {
            for (var e : m.entries().values()) {
                if (e.value() instanceof YamlNode.Scalar s) inputs.put(e.key(), s.text());
                else r.problems.add(e.value(), "an input is a single value");
            }
        } else if (in != null) {
            r.problems.add(in, "inputs is a mapping, e.g. {pollutant: COD}");
        }
        boolean banded = rule instanceof IndicatorTable.Banded;
        boolean perProductLevels = n.has("leading") && "energy_limit".equals(refKind(n.value("leading", false)))
                || n.has("baseline") && "energy_limit".equals(refKind(n.value("baseline", false)));
        if (perProductLevels && !(rule instanceof IndicatorTable.Linear || rule instanceof IndicatorTable.Count)) {
            r.problems.add(n.mapping(), "energy-limit levels are scored per covered product by the linear rule (5.2 c), not " + (rule == null ? "?" : rule.code()));
        }
        IndicatorTable.Reference leading = n.has("leading") || !banded ? reference(ref + ".leading", n.value("leading", !banded), false) : null;
        IndicatorTable.Reference baseline = n.has("baseline") || !(banded || rule instanceof IndicatorTable.Step)
                ? reference(ref + ".baseline", n.value("baseline", !(banded || rule instanceof IndicatorTable.Step)), true) : null;
        if (formula != null) forms.add(new IndicatorTable.Form(formula, unit, inputs, leading, baseline));
    }

    private static String refKind(YamlNode node) {
        return node instanceof YamlNode.Mapping m && m.entries().get("ref") != null && m.entries().get("ref").value() instanceof YamlNode.Scalar sc
                ? sc.text() : null;
    }

    private IndicatorTable.Reference reference(String ref, YamlNode node, boolean baseline) {
        if (node == null) return null;
        Node n = Node.of(node, r.problems, "value", "unit", "status", "source", "detail", "clause", "ref", "level", "quota", "fallback", "by", "tiers", "key");
        if (n == null) return null;
        if (n.has("value")) {
            Figure f = r.figure(ref, n.mapping(), true);
            return f == null ? null : new IndicatorTable.Fixed(f);
        }
        if (n.has("by")) {
            String by = n.choice("by", true, Set.of("annual_energy"));
            if (by == null) return null;
            Scorecard.ReferenceSpec spec = r.criterionReader.scaledReference(ref, tiersNode(n));
            return spec == null ? null : new IndicatorTable.ByAnnualEnergy(spec.tiers());
        }
        String kind = n.choice("ref", true, Set.of("energy_limit", "water_quota", "industry_average", "industry_advanced", "submission"));
        if (kind == null) return null;
        return switch (kind) {
            case "energy_limit" -> {
                Integer level = n.integer("level", true, 1, 3);
                yield level == null ? null : new IndicatorTable.EnergyLimit(level);
            }
            case "water_quota" -> {
                String quota = n.choice("quota", true, Set.of("general", "advanced"));
                yield quota == null ? null : new IndicatorTable.WaterQuota(quota.equals("advanced"));
            }
            case "industry_average" -> new IndicatorTable.Industry(false);
            case "industry_advanced" -> new IndicatorTable.Industry(true);
            default -> new IndicatorTable.Stated(n.text("key", false), n.has("fallback") ? r.figure(ref + ".fallback", n.value("fallback", true), true) : null);
        };
    }

    /** The tiers of a by-annual-energy reference, in the shape the scorecard reader reads ({from: annual_energy, tiers}). */
    private YamlNode tiersNode(Node n) {
        YamlNode.Mapping m = n.mapping();
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        YamlNode from = new YamlNode.Scalar(m.location(), m.path() + ".from", "annual_energy", "string");
        entries.put("from", new YamlNode.Entry("from", m.location(), from));
        YamlNode.Entry tiers = m.entries().get("tiers");
        if (tiers != null) entries.put("tiers", tiers);
        return new YamlNode.Mapping(m.location(), m.path(), entries);
    }

    private IndicatorTable.Rule rule(String id, Node n) {
        String code = n.text("rule", true);
        if (code == null) return null;
        if (!RULES.contains(code)) {
            String hint = org.verdant.text.Suggest.nearest(code, RULES).map(x -> "; did you mean '" + x + "'?").orElse("");
            r.problems.add(n.raw("rule"), "unknown scoring rule '" + code + "'; the rules are " + String.join(", ", new java.util.TreeSet<>(RULES)) + hint);
            return null;
        }
        return switch (code) {
            case "linear" -> new IndicatorTable.Linear();
            case "step" -> new IndicatorTable.Step();
            case "range" -> new IndicatorTable.Range(n.has("worst") ? r.figure(id + ".worst", n.value("worst", true), true) : null,
                    n.has("best") ? r.figure(id + ".best", n.value("best", true), true) : null);
            case "banded" -> banded(id, n);
            case "count" -> new IndicatorTable.Count(r.strings(n, "items"));
            case "evidence" -> new IndicatorTable.Evidence();
            default -> degree(n);
        };
    }

    private IndicatorTable.Rule banded(String id, Node n) {
        List<IndicatorTable.Band> bands = new ArrayList<>();
        for (YamlNode b : r.list(n, "bands")) {
            Node bn = Node.of(b, r.problems, "from", "to", "points");
            if (bn == null) continue;
            Double from = r.number(bn, "from", false);
            Double to = r.number(bn, "to", false);
            if (from == null && to == null) r.problems.add(b, "a band has from, to or both");
            if (from != null && to != null && from >= to) r.problems.add(b, "a band's from is below its to");
            Figure points = r.figure(id + ".band[" + bands.size() + "].points", bn.value("points", true), true);
            if (points != null) bands.add(new IndicatorTable.Band(from, to, points));
        }
        if (bands.isEmpty()) r.problems.add(n.mapping(), "a banded rule lists its bands: [{from, to, points}, …]");
        for (int i = 0; i < bands.size(); i++) {
            for (int j = i + 1; j < bands.size(); j++) {
                IndicatorTable.Band a = bands.get(i);
                IndicatorTable.Band b = bands.get(j);
                double aLo = a.from() == null ? -Double.MAX_VALUE : a.from(), aHi = a.to() == null ? Double.MAX_VALUE : a.to();
                double bLo = b.from() == null ? -Double.MAX_VALUE : b.from(), bHi = b.to() == null ? Double.MAX_VALUE : b.to();
                if (aLo < bHi && bLo < aHi) r.problems.add(n.raw("bands"), "bands " + (i + 1) + " and " + (j + 1) + " overlap");
            }
        }
        return new IndicatorTable.Banded(List.copyOf(bands));
    }

    private IndicatorTable.Rule degree(Node n) {
        List<IndicatorTable.Level> levels = new ArrayList<>();
        for (YamlNode l : r.list(n, "levels")) {
            Node ln = Node.of(l, r.problems, "id", "name", "share");
            if (ln == null) continue;
            String lid = ln.text("id", true);
            Double share = r.number(ln, "share", true);
            if (share != null && (share < 0 || share > 1)) r.problems.add(ln.raw("share"), "a share is between 0 and 1");
            if (lid != null && share != null) levels.add(new IndicatorTable.Level(lid, r.text(ln, "name", true), share));
        }
        return new IndicatorTable.Degree(List.copyOf(levels));
    }

    private <E extends Enum<E>> E enumOf(Node n, String key, E[] values) {
        Set<String> codes = new java.util.LinkedHashSet<>();
        for (E e : values) codes.add(e.name().toLowerCase(Locale.ROOT));
        String v = n.choice(key, true, codes);
        if (v == null) return null;
        for (E e : values) if (e.name().toLowerCase(Locale.ROOT).equals(v)) return e;
        return null;
    }

    private static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.isNull();
    }

    private static String fmt(double d) {
        return org.verdant.text.Numbers.format(d);
    }
}
