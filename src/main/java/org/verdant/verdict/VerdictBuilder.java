package org.verdant.verdict;

import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.rulebook.Figure;
import org.verdant.rulebook.GradingTable;
import org.verdant.rulebook.Rulebook;
import org.verdant.text.Messages;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.Submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 4: findings to a verdict. A category scores the points earned out of the points of its
 * applicable criteria (not-applicable criteria leave the maximum), scaled to 100; the total is
 * the weighted sum of category scores.
 */
public final class VerdictBuilder {
    private VerdictBuilder() {
    }

    public static Verdict build(Submission submission, Scorecard scorecard, List<Finding> findings, Rulebook rulebook,
                                GradingTable grading, String inputDigest, String engineVersion) {
        Map<String, Finding> byId = new LinkedHashMap<>();
        findings.forEach(f -> byId.put(f.criterionId(), f));

        List<Verdict.Judged> gates = new ArrayList<>();
        for (Scorecard.GateSpec g : scorecard.gates()) {
            gates.add(new Verdict.Judged(g.id(), "gate", g.kind(), g.name(), g.clause(), byId.get(g.id()), null));
        }
        List<Verdict.Judged> criteria = new ArrayList<>();
        for (Scorecard.CategorySpec cat : scorecard.categories()) {
            for (Scorecard.CriterionSpec c : cat.criteria()) {
                criteria.add(new Verdict.Judged(c.id(), cat.id(), c.type(), c.name(), c.clause(), byId.get(c.id()), c.points()));
            }
        }
        GreenIndex index = null;
        if (Scorecard.GREEN_INDEX.equals(scorecard.scoring())) {
            index = GreenIndex.compute(scorecard, byId, reportingYears(submission));
            giveIndexPoints(index.last(), byId);
        }
        List<Verdict.CategoryResult> categories = new ArrayList<>();
        List<Scorecard.CategorySpec> notApplicable = new ArrayList<>();
        double total = 0;
        double applicableWeight = 0;
        boolean mandatoryMet = true;
        for (Scorecard.CategorySpec cat : scorecard.categories()) {
            double points = 0;
            double max = 0;
            boolean allNotApplicable = !cat.criteria().isEmpty();
            for (Scorecard.CriterionSpec c : cat.criteria()) {
                Finding f = byId.get(c.id());
                if (f.status() != Status.NOT_APPLICABLE) {
                    points += f.points();
                    max += f.max();
                    allNotApplicable = false;
                }
                if (!meetsMandatoryPart(c, f)) mandatoryMet = false;
            }
            if (allNotApplicable && !Scorecard.GREEN_INDEX.equals(scorecard.scoring())) notApplicable.add(cat);
            Double score = null;
            Double weighted = null;
            switch (scorecard.scoring()) {
                // a category wholly not applicable leaves the total (CategoryApplicability)
                case Scorecard.CATEGORY_PERCENT -> {
                    if (!allNotApplicable) {
                        score = max > 0 ? 100.0 * points / max : 0;
                        weighted = cat.weight().number() * score / 100.0;
                        applicableWeight += cat.weight().number();
                    }
                }
                // a category's maximum is its weight: the points add up
                case Scorecard.SUM_OF_POINTS -> {
                    score = max > 0 ? 100.0 * points / max : 0;
                    weighted = points;
                }
                // 6.1: the sum of the dimensions' points; bonus items count up to their maximum
                case Scorecard.INDICATOR_TABLE -> {
                    weighted = cat.bonus() ? Math.min(points, cat.weight().number()) : points;
                    score = max > 0 ? 100.0 * weighted / (cat.bonus() ? cat.weight().number() : max) : 0;
                }
                // the category's share of the last year's index
                case Scorecard.GREEN_INDEX -> weighted = points;
                default -> {
                }
            }
            if (weighted != null) total += weighted;
            categories.add(new Verdict.CategoryResult(cat, points, max, score, weighted));
        }
        if (Scorecard.CATEGORY_PERCENT.equals(scorecard.scoring()) && !notApplicable.isEmpty()) {
            total = CategoryApplicability.renormalised(total, applicableWeight, scorecard.categories());
        }
        if (index != null) {
            total = index.last().gi();
            mandatoryMet = index.years().stream().allMatch(y -> y.mandatoryMissing().isEmpty());
        }
        Double score = Scorecard.NO_SCORE.equals(scorecard.scoring()) ? null : total;
        Boolean eligible = eligibility(gates);
        Verdict.Grade grade = grade(grading, submission, eligible, mandatoryMet, score);
        VerdictConstants known = VerdictConstants.of(scorecard, rulebook, grading);
        List<Verdict.Warning> warnings = new ArrayList<>();
        if (known.tableDefault != null) warnings.add(known.tableDefault);
        warnings.addAll(warnings(scorecard, known, gates, criteria, categories, submission.claims().keySet()));
        if (grading != null) warnings.addAll(GradingScope.warnings(grading, grade, submission));
        if (index != null) indexWarnings(index, warnings);
        warnings.addAll(CategoryApplicability.warnings(scorecard, notApplicable, applicableWeight));
        warnings.addAll(ReferenceUse.warnings(submission, scorecard, concat(gates, criteria)));
        Rulebook.Use use = known.use;
        List<Verdict.Warning> shown = new ArrayList<>(warnings.size());
        for (Verdict.Warning w : warnings) shown.add(cited(w, known.sources, known.shownSources)); // the kept ones are cited already
        return new Verdict(submission, scorecard, eligible, mandatoryMet, score, grade, categories, gates, criteria,
                java.util.Collections.unmodifiableList(shown), use.digest(), new ArrayList<>(known.parts), use.logicalPaths(), inputDigest,
                engineVersion, index, use.ruleIndex(), known.sources, null);
    }

    /**
     * A warning that names its figure's source names it in the reader's language: the source
     * argument becomes a message ({@code source.cited}) holding its Chinese and English texts.
     */
    private static final Messages ZH = new Messages("zh");

    /**
     * Each cited source in Chinese, by the sources it was shown with: the same few texts in every
     * verdict under one rulebook, and showing one (regexes, every title tried) cost more than the rest
     * of a warning. The texts are the rulebook's own figures' sources, so their number is bounded; the
     * sources are held weakly, so a rulebook read again brings its own.
     */
    private static final Map<org.verdant.rulebook.Sources, Map<String, Messages.Phrase>> SHOWN_SOURCES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static final int SHOWN_SOURCES_MAX = 10_000;

    static Map<String, Messages.Phrase> shownSources(org.verdant.rulebook.Sources sources) {
        return SHOWN_SOURCES.computeIfAbsent(sources, s -> new java.util.concurrent.ConcurrentHashMap<>());
    }

    static Verdict.Warning cited(Verdict.Warning w, org.verdant.rulebook.Sources sources, Map<String, Messages.Phrase> shownSources) {
        if (w.figure() == null || w.figure().source() == null || !w.args().contains(w.figure().source())) return w;
        String en = w.figure().source();
        // the phrase too is kept: the same instance in every verdict, so a warning's text is found by it quickly
        Messages.Phrase both = shownSources.get(en);
        if (both == null) {
            both = new Messages.Phrase("source.cited", List.of(Provenance.shown(en, ZH, sources), en));
            if (shownSources.size() < SHOWN_SOURCES_MAX) shownSources.put(en, both); // past that, shown each time
        }
        List<Object> args = new ArrayList<>(w.args().size());
        for (Object a : w.args()) args.add(en.equals(a) ? both : a);
        return new Verdict.Warning(w.code(), w.criterion(), w.figure(), w.key(), java.util.Collections.unmodifiableList(args));
    }

    /**
     * Every blocking gate met (or not applicable): eligible; one not met or lacking data: not
     * eligible; otherwise a core gate with no threshold for this facility leaves it undetermined.
     */
    static Boolean eligibility(List<Verdict.Judged> gates) {
        boolean undetermined = false;
        for (Verdict.Judged g : gates) {
            if ("encouraged".equals(g.type())) continue;
            Status s = g.finding().status();
            if (s == Status.NOT_MET || s == Status.MISSING_DATA || s == Status.PARTLY_MET) return false;
            if (s == Status.NOT_APPLICABLE && "core".equals(g.type())) undetermined = true;
        }
        return undetermined ? null : true;
    }

    /** The years a park's index is computed for: the reporting year and the two before it. */
    static List<Integer> reportingYears(Submission s) {
        return List.of(s.reportingYear() - 2, s.reportingYear() - 1, s.reportingYear());
    }

    /** Each index indicator's points are its share of the last reporting year's index. */
    private static void giveIndexPoints(GreenIndex.Year last, Map<String, Finding> byId) {
        for (var e : last.shares().entrySet()) {
            Finding f = byId.get(e.getKey());
            f.status(f.status(), e.getValue()[0], e.getValue()[1]);
        }
    }

    private static void indexWarnings(GreenIndex index, List<Verdict.Warning> out) {
        for (GreenIndex.Year y : index.years()) {
            if (!y.mandatoryMissing().isEmpty()) {
                out.add(new Verdict.Warning("index_incomplete", null, null, "warning.index_mandatory_missing",
                        List.of(y.year(), String.join(", ", y.mandatoryMissing()))));
            }
            if (!y.enoughOptional()) {
                out.add(new Verdict.Warning("index_incomplete", null, null, "warning.index_optional_short",
                        List.of(y.year(), y.optionalReported(), index.switchValue(GreenIndex.MINIMUM_OPTIONAL))));
            }
        }
        for (GreenIndex.Switch s : index.switches()) {
            if (s.figure() != null && s.figure().isProvisional()) {
                out.add(new Verdict.Warning(s.figure().status() + "_figure", null, s.figure(), "warning.figure",
                        List.of(s.figure().ref(), s.figure().status(), inWords(s.figure().value()), s.figure().source())));
            }
        }
    }

    /** Mandatory requirements must be met (or not apply); performance criteria must reach the basic tier. */
    public static boolean meetsMandatoryPart(Scorecard.CriterionSpec c, Finding f) {
        return switch (c.type()) {
            case "mandatory" -> f.status() == Status.MET || f.status() == Status.NOT_APPLICABLE;
            case "performance" -> f.status() == Status.MET || f.status() == Status.PARTLY_MET;
            // 2025 has no mandatory scored items: its indicators earn between 0 and their weight.
            default -> true;
        };
    }

    private static Verdict.Grade grade(GradingTable table, Submission submission, Boolean eligible, boolean mandatoryMet, Double total) {
        if (table == null) return new Verdict.Grade(null, null, null, "grade.no_table");
        // a regional table grades its own province's facilities, and only from the day it took effect
        if (!table.coversProvince(submission.facility().province())) {
            return new Verdict.Grade(table.id(), table.title(), null, "grade.outside_province");
        }
        if (submission.evaluationDate() != null && !table.inForceOn(submission.evaluationDate())) {
            return new Verdict.Grade(table.id(), table.title(), null, "grade.not_in_force");
        }
        if (table.requires().contains("eligible") && !Boolean.TRUE.equals(eligible)) {
            return new Verdict.Grade(table.id(), table.title(), null, eligible == null ? "grade.eligibility_undetermined" : "grade.not_eligible");
        }
        if (table.requires().contains("mandatory_met") && !mandatoryMet) {
            return new Verdict.Grade(table.id(), table.title(), null, "grade.mandatory_unmet");
        }
        double rounded = Math.round(total * 100) / 100.0; // bands compare the published (2-decimal) score
        for (GradingTable.Band b : table.bands()) {
            if (b.contains(rounded)) return new Verdict.Grade(table.id(), table.title(), b.label(), null);
        }
        return new Verdict.Grade(table.id(), table.title(), null, "grade.below_bands");
    }

    /** The tiers a finding may lack a reference level for ({@code <tier>_missing}), in the order warned of. */
    private static final List<String> TIERS = List.of("basic", "advanced", "baseline", "leading", "threshold");
    private static final List<String> TIERS_MISSING = TIERS.stream().map(t -> t + "_missing").toList();
    /** The criterion types whose finding notes are assumptions the reader must know of. */
    private static final Set<String> ASSUMING = Set.of("performance", "scaled", "index", "threshold");

    /**
     * The figures relied on (each provisional one once, by ref: the scored categories' weights, the
     * criteria's points, then the findings' figures), what a finding lacked or assumed, claims
     * naming no criterion, and the grading table's status. The criteria's points' warnings are the
     * scorecard's own ({@link VerdictConstants#pointWarnings}).
     */
    private static List<Verdict.Warning> warnings(Scorecard scorecard, VerdictConstants known, List<Verdict.Judged> gates,
                                                  List<Verdict.Judged> criteria, List<Verdict.CategoryResult> categories,
                                                  java.util.Collection<String> submissionClaims) {
        List<Verdict.Warning> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Verdict.CategoryResult c : categories) {
            if (c.weighted() != null) provisional(out, seen, known, null, c.spec().weight());
        }
        Set<String> pointRefs = known.pointWarnings == null ? java.util.Collections.<String>emptySet() : known.pointRefs;
        if (known.pointWarnings != null) {
            out.addAll(known.pointWarnings); // none shares a figure with a weight, so none was seen above
        } else {
            for (Verdict.Judged j : criteria) {
                Scorecard.CriterionSpec spec = java.util.Objects.requireNonNull(known.specs.get(j.id()));
                if ("performance".equals(spec.type())) {
                    provisional(out, seen, known, j.id(), spec.basic().points());
                    provisional(out, seen, known, j.id(), spec.advanced().points());
                } else if (spec.points() != null) {
                    provisional(out, seen, known, j.id(), spec.points());
                }
            }
        }
        for (List<Verdict.Judged> list : List.of(gates, criteria)) {
            for (Verdict.Judged j : list) {
                for (Figure f : j.finding().figures()) {
                    if (f != null && !pointRefs.contains(f.ref())) provisional(out, seen, known, j.id(), f);
                }
            }
        }
        for (List<Verdict.Judged> list : List.of(gates, criteria)) {
            for (Verdict.Judged j : list) {
                Finding f = j.finding();
                for (int t = 0; t < TIERS.size(); t++) {
                    Object missing = f.values().get(TIERS_MISSING.get(t));
                    if (missing != null) {
                        out.add(new Verdict.Warning("missing_reference", j.id(), null, "warning.missing_reference",
                                List.of(j.id(), TIERS.get(t), missing)));
                    }
                }
                for (Messages.Phrase w : f.warnings()) {
                    out.add(new Verdict.Warning("correction_not_applied", j.id(), null, "warning.assumption", List.of(j.id(), w)));
                }
                if (ASSUMING.contains(j.type())) {
                    for (Messages.Phrase note : f.notes()) {
                        out.add(new Verdict.Warning("assumption", j.id(), null, "warning.assumption", List.of(j.id(), note)));
                    }
                }
            }
        }
        List<String> unused = new ArrayList<>();
        for (String id : submissionClaims) {
            if (!known.judgedIds.contains(id)) unused.add(id);
        }
        if (!unused.isEmpty()) {
            out.add(new Verdict.Warning("claims_not_used", null, null, "warning.claims_not_used",
                    List.of(String.join(", ", unused), scorecard.edition())));
        }
        if (known.gradingProvisional != null) out.add(known.gradingProvisional);
        return out;
    }

    private static void provisional(List<Verdict.Warning> out, Set<String> seen, VerdictConstants known, String criterion, Figure f) {
        if (f == null || !f.isProvisional() || !seen.add(f.ref())) return;
        out.add(known.figureWarning(criterion, f));
    }

    /** The warning that {@code criterion} (null: the scorecard) relies on the provisional figure {@code f}. */
    static Verdict.Warning figureWarning(String criterion, Figure f) {
        return new Verdict.Warning(f.status() + "_figure", criterion, f, "warning.figure",
                List.of(f.ref(), f.status(), inWords(f.value()), f.source()));
    }

    /** A figure's value as a warning says it: a switch's yes or no and the word none in words; numbers and other codes as they are. */
    static Object inWords(Object value) {
        // a switch reads true or false from its YAML as a boolean or as the scalar's text
        if (value instanceof Boolean || "true".equals(value) || "false".equals(value)) {
            return new Messages.Phrase(Boolean.parseBoolean(String.valueOf(value)) ? "doc.yes" : "doc.no", List.of());
        }
        if ("none".equals(value)) return new Messages.Phrase("value.none", List.of());
        return value;
    }

    /** A name in both languages, each reader getting their own (a table's title). */
    static Messages.Phrase bilingual(org.verdant.text.Text name) {
        return new Messages.Phrase("phrase.bilingual", List.of(name.zh(), name.en() == null ? name.zh() : name.en()));
    }

    private static List<Verdict.Judged> concat(List<Verdict.Judged> a, List<Verdict.Judged> b) {
        List<Verdict.Judged> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
