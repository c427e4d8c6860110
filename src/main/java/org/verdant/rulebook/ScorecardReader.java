package org.verdant.rulebook;

import org.verdant.text.Text;
import org.verdant.yaml.Node;
import org.verdant.text.Location;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Parses and checks scorecards, benchmark tables and grading tables. */
final class ScorecardReader {
    static final Set<String> STATUSES = Set.of("verified", "provisional", "placeholder", "calibrated");
    static final Set<String> GATE_DECIDERS = Set.of("claim", "accidents", "management_systems", "standing", "violations", "application",
            "park_eligibility", "claim_and_carbon_trend", "audit_list", "green_body", "indicator", "claim_and_accidents");
    static final Set<String> CRITERION_DECIDERS = Set.of("claim", "management_system", "csr_reports", "indicator", "stated");
    static final Set<String> TYPES = Set.of("mandatory", "optional", "performance", "scaled", "case", "index", "threshold", "graded");
    static final Set<String> SCORINGS = Set.of(Scorecard.CATEGORY_PERCENT, Scorecard.SUM_OF_POINTS, Scorecard.GREEN_INDEX,
            Scorecard.NO_SCORE, Scorecard.INDICATOR_TABLE);
    private static final double EPS = 1e-9;

    final Problems problems = new Problems();
    /** The gates and criteria of a scorecard (and an indicator table's added gates). */
    final CriterionReader criterionReader = new CriterionReader(this);
    /** The sources of the file being read, by id: each figure's {@code source} names one of them. */
    private Map<String, Source> sources = Map.of();
    /** Every citation and title read, in both languages: the rulebook's (or the one table's) {@link Sources}. */
    final Sources.Builder citations = new Sources.Builder();

    private ScorecardReader() {
    }

    static Rulebook assemble(String origin, List<SourceFile> files, String digest) throws RulebookException {
        ScorecardReader r = new ScorecardReader();
        Map<String, Scorecard> scorecards = new TreeMap<>();
        Map<String, GradingTable> gradings = new TreeMap<>();
        Map<String, IndicatorTable> tables = new TreeMap<>();
        Benchmarks benchmarks = Benchmarks.empty();
        for (SourceFile f : files) {
            if (!f.logicalPath().startsWith("scorecards/")) continue;
            YamlNode root = YamlReader.read(f.displayPath(), f.bytes(), r.problems);
            if (root == null) continue;
            Node top = Node.of(root, r.problems, List.of("format", "id", "version", "scheme", "edition", "title", "applies",
                    "default_grading", "notes", "parameters", "gates", "categories", "rows", "applies_to", "requires",
                    "status", "source", "detail", "bands", "scoring", "overlays", "sources", "default_table",
                    "kind", "province", "industries", "pass_line", "bonus", "dimensions", "calibrated_from"));
            if (top == null) continue;
            String format = top.text("format", true);
            if (format == null) continue;
            r.sources = r.sources(top);
            switch (format) {
                case "verdant.scorecard/1" -> {
                    Scorecard s = r.scorecard(f.displayPath(), top);
                    if (s != null && scorecards.put(s.id(), s) != null) {
                        r.problems.add(top.raw("id"), "scorecard id '" + s.id() + "' is used twice");
                    }
                }
                case "verdant.benchmarks/1" -> benchmarks = new BenchmarksReader(r, r.problems).read(f.displayPath(), top);
                case "verdant.indicator-table/1" -> {
                    IndicatorTable t = new IndicatorTableReader(r).table(f, top);
                    if (t != null && tables.put(t.id(), t) != null) {
                        r.problems.add(top.raw("id"), "indicator table id '" + t.id() + "' is used twice");
                    }
                }
                case "verdant.grading/1" -> {
                    GradingTable g = new GradingTableReader(r).read(f.displayPath(), top);
                    if (g != null) gradings.put(g.id(), g);
                }
                default -> r.problems.add(top.raw("format"), "unknown format '" + format
                        + "'; expected verdant.scorecard/1, verdant.indicator-table/1, verdant.benchmarks/1 or verdant.grading/1");
            }
        }
        for (Scorecard s : scorecards.values()) {
            boolean hasRules = files.stream().anyMatch(f -> f.logicalPath().startsWith("rules/" + s.id() + "/"));
            if (!hasRules) {
                r.problems.add(new Location(s.file(), 1, 1), "id", "no rules for scorecard '" + s.id() + "': expected .drl files in rules/" + s.id() + "/");
            }
            if (s.defaultGrading() != null && !gradings.containsKey(s.defaultGrading())) {
                r.problems.add(new Location(s.file(), 1, 1), "default_grading", "no grading table '" + s.defaultGrading() + "'");
            }
        }
        if (scorecards.isEmpty() && r.problems.isEmpty()) {
            r.problems.add(Location.unknown(origin), "", "no scorecards found");
        }
        if (!r.problems.isEmpty()) throw new RulebookException(r.problems.sorted());
        for (IndicatorTable t : tables.values()) {
            boolean edition = scorecards.values().stream().anyMatch(s -> s.edition().equals(t.edition()) && s.usesIndicatorTables());
            if (!edition) r.problems.add(new Location(t.file(), 1, 1), "edition", "no edition '" + t.edition() + "' evaluates indicator tables");
        }
        for (Scorecard s : scorecards.values()) {
            if (s.usesIndicatorTables() && !tables.containsKey(s.defaultTable())) {
                r.problems.add(new Location(s.file(), 1, 1), "default_table", "no indicator table '" + s.defaultTable() + "'");
            }
        }
        if (!r.problems.isEmpty()) throw new RulebookException(r.problems.sorted());
        return new Rulebook(origin, scorecards, tables, benchmarks, gradings,
                files.stream().filter(f -> f.logicalPath().startsWith("rules/")).toList(), files, digest, r.citations.build());
    }

    /** An indicator table given as a file of its own (--table FILE), checked like the rulebook's. */
    static IndicatorTable table(SourceFile f) throws RulebookException {
        ScorecardReader r = new ScorecardReader();
        IndicatorTable t = null;
        YamlNode root = YamlReader.read(f.displayPath(), f.bytes(), r.problems);
        Node top = root == null ? null : Node.of(root, r.problems, List.of("format", "id", "version", "edition", "title", "kind", "province",
                "industries", "applies", "status", "sources", "source", "detail", "notes", "pass_line", "gates", "bonus", "dimensions",
                "calibrated_from"));
        if (top != null) {
            String format = top.text("format", true);
            if (format != null && !format.equals("verdant.indicator-table/1")) {
                r.problems.add(top.raw("format"), "an indicator table has format verdant.indicator-table/1, not '" + format + "'");
            } else if (format != null) {
                r.sources = r.sources(top);
                t = new IndicatorTableReader(r).table(f, top);
                if (t != null) t = t.withSources(r.citations.build());
            }
        }
        if (!r.problems.isEmpty() || t == null) throw new RulebookException(r.problems.isEmpty()
                ? List.of(new org.verdant.yaml.Problem(Location.unknown(f.displayPath()), "", "not an indicator table")) : r.problems.sorted());
        return t;
    }

    private Scorecard scorecard(String file, Node top) {
        String id = top.text("id", true);
        String version = top.text("version", true);
        String scheme = top.text("scheme", true);
        String edition = top.text("edition", true);
        Text title = text(top, "title", true);
        Node applies = top.child("applies", true, "from", "until");
        LocalDate from = applies == null ? null : applies.date("from", false);
        LocalDate until = applies == null ? null : applies.date("until", false);
        String grading = top.text("default_grading", false);
        String scoring = top.has("scoring") ? top.choice("scoring", true, SCORINGS) : Scorecard.CATEGORY_PERCENT;
        boolean weighted = Scorecard.CATEGORY_PERCENT.equals(scoring) || Scorecard.SUM_OF_POINTS.equals(scoring);
        String defaultTable = top.text("default_table", Scorecard.INDICATOR_TABLE.equals(scoring));
        List<String> overlays = strings(top, "overlays");
        List<String> notes = strings(top, "notes");
        Map<String, Figure> parameters = new LinkedHashMap<>();
        YamlNode paramsNode = top.value("parameters", false);
        if (paramsNode instanceof YamlNode.Mapping pm) {
            for (var e : pm.entries().values()) {
                Figure f = figure("parameters." + e.key(), e.value(), false);
                if (f != null) parameters.put(e.key(), f);
            }
        } else if (paramsNode != null) {
            problems.add(paramsNode, "expected a mapping of named figures");
        }
        Set<String> ids = new HashSet<>();
        List<Scorecard.GateSpec> gates = new ArrayList<>();
        for (YamlNode g : list(top, "gates")) {
            Scorecard.GateSpec gate = criterionReader.gate(g, ids);
            if (gate != null) gates.add(gate);
        }
        List<Scorecard.CategorySpec> categories = new ArrayList<>();
        double weightSum = 0;
        for (YamlNode c : list(top, "categories")) {
            Node n = Node.of(c, problems, "id", "name", "weight", "criteria");
            if (n == null) continue;
            String cid = n.text("id", true);
            Figure weight = figure(cid + ".weight", n.value("weight", weighted), true);
            if (weight != null) weightSum += weight.number();
            if (weight != null && Scorecard.NO_SCORE.equals(scoring)) problems.add(n.raw("weight"), "a scorecard with scoring: none weighs nothing");
            List<Scorecard.CriterionSpec> criteria = new ArrayList<>();
            for (YamlNode k : list(n, "criteria")) {
                Scorecard.CriterionSpec spec = criterionReader.criterion(cid, k, ids);
                if (spec != null) criteria.add(spec);
            }
            Scorecard.CategorySpec cat = new Scorecard.CategorySpec(cid, text(n, "name", true), weight, criteria);
            double points;
            try {
                points = cat.maxPoints();
            } catch (RuntimeException e) {
                points = Double.NaN; // a criterion's points were already reported as missing
            }
            if (!weighted) {
                // green index and no-score scorecards give no fixed points to sum
            } else if (Scorecard.SUM_OF_POINTS.equals(scoring)) {
                if (!Double.isNaN(points) && weight != null && Math.abs(points - weight.number()) > EPS) {
                    problems.add(c.location(), c.path(), "the points of category " + cid + " sum to " + fmt(points)
                            + ", not its weight " + fmt(weight.number()));
                }
            } else if (!Double.isNaN(points) && Math.abs(points - 100) > EPS) {
                problems.add(c.location(), c.path(), "the points of category " + cid + " sum to " + fmt(points) + ", not 100");
            }
            categories.add(cat);
        }
        boolean anyWeight = categories.stream().anyMatch(c -> c.weight() != null);
        if (!weighted && anyWeight && categories.stream().anyMatch(c -> c.weight() == null)) {
            problems.add(top.raw("categories").location(), "categories", "give every category a weight, or none");
        }
        if ((weighted || anyWeight) && !categories.isEmpty() && Math.abs(weightSum - 100) > EPS) {
            problems.add(top.raw("categories").location(), "categories", "the category weights sum to " + fmt(weightSum) + ", not 100");
        }
        Figure weighting = parameters.get("category_weighting");
        if (Scorecard.GREEN_INDEX.equals(scoring) && weighting != null) {
            if (!Set.of("none", "category_weights").contains(weighting.word())) {
                problems.add(weighting.location(), "parameters.category_weighting", "category_weighting is none or category_weights, found '"
                        + weighting.word() + "'");
            } else if (weighting.word().equals("category_weights") && categories.stream().anyMatch(c -> c.weight() == null)) {
                problems.add(weighting.location(), "parameters.category_weighting",
                        "category_weights needs a weight on every category (summing to 100)");
            }
        }
        if (categories.isEmpty() && overlays.isEmpty() && !Scorecard.INDICATOR_TABLE.equals(scoring)) {
            problems.add(top.mapping(), "a scorecard has categories, unless it overlays other schemes (overlays: [...]) with gates only");
        }
        if (!categories.isEmpty() && !overlays.isEmpty()) {
            problems.add(top.raw("overlays"), "an overlay holds gates only; it cannot have categories");
        }
        if (Scorecard.INDICATOR_TABLE.equals(scoring) && !categories.isEmpty()) {
            problems.add(top.raw("categories"), "an edition scored by indicator tables takes its dimensions from the table");
        }
        return new Scorecard(file, id, version, scheme, edition, title, from, until, grading, scoring, overlays, notes,
                parameters, gates, categories, List.of(), defaultTable, null, null);
    }

    /** A figure object {value, status, source[, unit, clause]}; numeric when {@code numeric}. */
    Figure figure(String ref, YamlNode node, boolean numeric) {
        if (node == null) return null;
        Node n = Node.of(node, problems, "value", "unit", "status", "source", "detail", "clause");
        if (n == null) return null;
        return figureFrom(ref, n, numeric);
    }

    Figure figureFrom(String ref, Node n, boolean numeric) {
        YamlNode node = n.mapping();
        YamlNode v = n.value("value", true);
        String status = n.choice("status", true, STATUSES);
        String sourceId = n.text("source", true);
        String source = source(n);
        if (v == null || status == null || source == null) return null;
        Object value;
        if (!(v instanceof YamlNode.Scalar s)) {
            problems.add(v, "expected a single value, found " + v.kind());
            return null;
        }
        if (numeric || s.type().equals("int") || s.type().equals("float")) {
            try {
                double d = Double.parseDouble(s.text());
                if (!Double.isFinite(d) || !(s.type().equals("int") || s.type().equals("float"))) throw new NumberFormatException();
                value = d;
            } catch (NumberFormatException e) {
                problems.add(s, "'" + s.text() + "' is not a number");
                return null;
            }
        } else {
            value = s.text();
        }
        return new Figure(ref, value, n.text("unit", false), status, source, n.text("clause", false), node.location(),
                sources.containsKey(sourceId) ? sourceId : null);
    }

    /**
     * A file's {@code sources:}: each provenance written once, by id, with what it is and where
     * in the repository it is described ({@code see}, a path relative to the repository).
     */
    private Map<String, Source> sources(Node top) {
        Map<String, Source> out = new LinkedHashMap<>();
        YamlNode raw = top.value("sources", false);
        if (raw == null) return out;
        if (!(raw instanceof YamlNode.Mapping m)) {
            problems.add(raw, "expected a mapping of source ids to {title, see}");
            return out;
        }
        for (var e : m.entries().values()) {
            Node n = Node.of(e.value(), problems, "title", "see");
            if (n == null) continue;
            Text title = sourceTitle(n);
            String see = n.text("see", false);
            if (title != null) {
                citations.add(title);
                out.put(e.key(), new Source(e.key(), title, see));
            }
        }
        return out;
    }

    /**
     * A source's title: {@code {zh: …, en: …}}, or a plain string (a user-written table's), shown
     * as written in either language.
     */
    private Text sourceTitle(Node n) {
        if (n.raw("title") instanceof YamlNode.Mapping) {
            Text t = text(n, "title", true);
            return t.zh() == null || t.en() == null ? null : t;
        }
        String plain = n.text("title", true);
        return plain == null ? null : new Text(plain, plain);
    }

    /**
     * The provenance of a figure, gate or row, as a verdict prints it. In a file with
     * {@code sources:}, {@code source} names one of them (and {@code detail} says where in it);
     * a file without sources may give the text itself.
     */
    String source(Node n) {
        String id = n.text("source", true);
        if (id == null) return null;
        Text detail = detail(n);
        if (sources.isEmpty()) {
            if (detail != null) problems.add(n.raw("detail"), "detail goes with a source id from the file's sources:");
            return id;
        }
        Source s = sources.get(id);
        if (s == null) {
            String hint = org.verdant.text.Suggest.nearest(id, sources.keySet()).map(x -> "; did you mean '" + x + "'?")
                    .orElse("; the sources are " + String.join(", ", sources.keySet()));
            problems.add(n.raw("source"), "unknown source '" + id + "'" + hint);
            return null;
        }
        Text cited = s.cite(detail);
        citations.add(s, cited);
        return cited.en();
    }

    /**
     * Where in its source a figure is: {@code {zh: …, en: …}}, or a plain text (a user-written
     * table's or scorecard's), shown as written in either language; null when not given.
     */
    private Text detail(Node n) {
        YamlNode raw = n.raw("detail");
        if (raw == null) return null;
        if (raw instanceof YamlNode.Mapping) {
            Text t = text(n, "detail", true);
            return t.zh() == null || t.en() == null ? null : t;
        }
        String plain = n.text("detail", false);
        return plain == null ? null : new Text(plain, plain);
    }

    Double number(Node n, String key, boolean required) {
        YamlNode v = n.value(key, required);
        if (v == null) return null;
        if (v instanceof YamlNode.Scalar s && (s.type().equals("int") || s.type().equals("float"))) return Double.parseDouble(s.text());
        problems.add(v, "expected a number");
        return null;
    }

    Text text(Node n, String key, boolean required) {
        Node t = n.child(key, required, "zh", "en");
        if (t == null) return new Text(null, null);
        return new Text(t.text("zh", true), t.text("en", true));
    }

    List<YamlNode> list(Node n, String key) {
        List<YamlNode> l = n.list(key, false);
        return l == null ? List.of() : l;
    }

    List<String> strings(Node n, String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode item : list(n, key)) {
            if (item instanceof YamlNode.Scalar s && !s.isNull()) out.add(s.text());
            else problems.add(item, "expected text");
        }
        return out;
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
