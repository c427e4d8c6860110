package org.verdant.verdict;

import org.verdant.rulebook.Figure;
import org.verdant.rulebook.GradingTable;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.Scorecard;
import org.verdant.rulebook.Sources;
import org.verdant.text.Messages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a verdict takes from its scorecard (with overlays and table), rulebook and grading table
 * alone, worked out once per their identity ({@link Scorecard#derived}): the rulebook's use and
 * sources, the parts named, the criterion specs, and the figure warnings of the scorecard's own
 * points (about 80 in a GB/T 36132-2018 verdict, the same in each). Building these per verdict
 * was half of the verdict stage. The per-verdict part ({@link VerdictBuilder}) only adds what
 * depends on the findings.
 */
final class VerdictConstants {
    final Rulebook.Use use;
    final Sources sources;
    final Map<String, Messages.Phrase> shownSources;
    final List<String> parts;
    /** The warning that the indicator table was the default one (null: not so). */
    final Verdict.Warning tableDefault;
    /** The grading table's own provisional status (null: verified or none). */
    final Verdict.Warning gradingProvisional;
    /** By criterion id, the first spec with it (as a search from the top finds). */
    final Map<String, Scorecard.CriterionSpec> specs;
    /** The ids of every gate and criterion (a claim naming none of them is not used). */
    final Set<String> judgedIds;
    /**
     * The figure warnings of the criteria's points, in the order {@code VerdictBuilder} gives
     * them; null when some category weight shares a figure with them (then which comes first
     * depends on the categories scored, and the verdict works them out itself).
     */
    final List<Verdict.Warning> pointWarnings;
    /** Every provisional figure of the criteria's points (by ref): a later figure with one of these is not warned of again. */
    final Set<String> pointRefs;

    /**
     * Figure warnings by criterion and figure instance, for the scorecard's own figures only
     * ({@link #own}): a finding may also cite a figure made for its evaluation (an energy-limit
     * level, a benchmark row), whose warning is made for that verdict alone.
     */
    private final Map<FigureUse, Verdict.Warning> figureWarnings = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int FIGURE_WARNINGS_MAX = 4_096;
    /** The scorecard's own figures, by identity: its parameters, weights, points and fixed reference levels. */
    private final Set<Scorecard.Same> own;

    private record Key(Scorecard.Same rulebook, Scorecard.Same grading) {
    }

    private record FigureUse(String criterion, Scorecard.Same figure) {
    }

    static VerdictConstants of(Scorecard scorecard, Rulebook rulebook, GradingTable grading) {
        return scorecard.derived(new Key(new Scorecard.Same(rulebook), new Scorecard.Same(grading)),
                s -> new VerdictConstants(s, rulebook, grading));
    }

    private VerdictConstants(Scorecard scorecard, Rulebook rulebook, GradingTable grading) {
        use = rulebook.useFor(scorecard, grading);
        sources = rulebook.sourcesFor(scorecard);
        shownSources = VerdictBuilder.shownSources(sources);
        List<String> p = new ArrayList<>();
        p.add(scorecard.editionId() + "@" + scorecard.version());
        if (scorecard.table() != null) p.add("table/" + scorecard.table().id() + "@" + scorecard.table().version());
        scorecard.overlays().forEach(o -> p.add(o.id() + "@" + o.version()));
        if (!rulebook.benchmarks().rows().isEmpty()) p.add(rulebook.benchmarks().id() + "@" + rulebook.benchmarks().version());
        if (grading != null) p.add("grading/" + grading.id());
        parts = Collections.unmodifiableList(p);
        tableDefault = scorecard.table() != null && "default".equals(scorecard.tableChoice())
                ? new Verdict.Warning("table_default", null, null, "warning.table_default",
                        List.of(scorecard.table().id(), VerdictBuilder.bilingual(scorecard.table().title())))
                : null;
        gradingProvisional = grading != null && !"verified".equals(grading.status())
                ? new Verdict.Warning(grading.status() + "_figure", null, null, "warning.grading_provisional",
                        List.of(grading.id(), grading.status()))
                : null;
        Map<String, Scorecard.CriterionSpec> byId = new HashMap<>();
        for (Scorecard.CriterionSpec c : scorecard.criteria()) byId.putIfAbsent(c.id(), c);
        specs = Collections.unmodifiableMap(byId);
        Set<String> ids = new HashSet<>();
        scorecard.gates().forEach(g -> ids.add(g.id()));
        scorecard.criteria().forEach(c -> ids.add(c.id()));
        judgedIds = Collections.unmodifiableSet(ids);
        own = ownFigures(scorecard); // before the points' warnings below, which are kept by it
        List<Verdict.Warning> points = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Scorecard.CategorySpec cat : scorecard.categories()) {
            for (Scorecard.CriterionSpec c : cat.criteria()) {
                Scorecard.CriterionSpec spec = byId.get(c.id());
                if ("performance".equals(spec.type())) {
                    point(points, seen, c.id(), spec.basic().points());
                    point(points, seen, c.id(), spec.advanced().points());
                } else if (spec.points() != null) {
                    point(points, seen, c.id(), spec.points());
                }
            }
        }
        pointRefs = Collections.unmodifiableSet(seen);
        boolean weightsApart = scorecard.categories().stream()
                .noneMatch(c -> c.weight() != null && c.weight().isProvisional() && seen.contains(c.weight().ref()));
        pointWarnings = weightsApart ? List.copyOf(points) : null;
    }

    private static Set<Scorecard.Same> ownFigures(Scorecard scorecard) {
        List<Figure> figures = new ArrayList<>(scorecard.parameters().values());
        for (Scorecard.GateSpec g : scorecard.gates()) reference(g.threshold(), figures);
        for (Scorecard.CategorySpec c : scorecard.categories()) {
            figures.add(c.weight());
            for (Scorecard.CriterionSpec k : c.criteria()) {
                figures.add(k.points());
                for (Scorecard.TierSpec t : java.util.Arrays.asList(k.basic(), k.advanced())) {
                    if (t != null) {
                        figures.add(t.points());
                        reference(t.reference(), figures);
                    }
                }
                reference(k.target(), figures);
                if (k.forms() != null) {
                    for (Scorecard.FormSpec f : k.forms()) {
                        reference(f.baseline(), figures);
                        reference(f.leading(), figures);
                    }
                }
            }
        }
        Set<Scorecard.Same> out = new HashSet<>();
        for (Figure f : figures) if (f != null) out.add(new Scorecard.Same(f));
        return Collections.unmodifiableSet(out);
    }

    private static void reference(Scorecard.ReferenceSpec r, List<Figure> out) {
        if (r == null) return;
        out.add(r.fixed());
        out.add(r.factor());
        if (r.tiers() != null) r.tiers().forEach(t -> out.add(t.figure()));
    }

    private void point(List<Verdict.Warning> out, Set<String> seen, String criterion, Figure f) {
        if (f == null || !f.isProvisional() || !seen.add(f.ref())) return;
        out.add(figureWarning(criterion, f));
    }

    /** The warning that {@code criterion} relies on the provisional figure {@code f}, its source shown in the reader's language. */
    Verdict.Warning figureWarning(String criterion, Figure f) {
        Scorecard.Same figure = new Scorecard.Same(f);
        if (!own.contains(figure)) return VerdictBuilder.cited(VerdictBuilder.figureWarning(criterion, f), sources, shownSources);
        FigureUse key = new FigureUse(criterion, figure);
        Verdict.Warning w = figureWarnings.get(key);
        if (w == null) {
            w = VerdictBuilder.cited(VerdictBuilder.figureWarning(criterion, f), sources, shownSources);
            if (figureWarnings.size() < FIGURE_WARNINGS_MAX) {
                Verdict.Warning raced = figureWarnings.putIfAbsent(key, w);
                if (raced != null) w = raced;
                VerdictStream.keep(w);
            }
        }
        return w;
    }
}
