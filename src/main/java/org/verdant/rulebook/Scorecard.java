package org.verdant.rulebook;

import org.verdant.text.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One edition of one scheme: every figure its rules use, with provenance. An eligibility
 * scorecard (the cultivation measures) holds gates only and is layered over the editions of the
 * schemes it names for evaluations on or after its date; {@link #withOverlays} merges them.
 */
public record Scorecard(
        String file,
        String id,
        String version,
        String scheme,
        String edition,
        Text title,
        LocalDate appliesFrom,
        LocalDate appliesUntil,
        String defaultGrading,
        String scoring,
        List<String> overlaysSchemes,
        List<String> notes,
        Map<String, Figure> parameters,
        List<GateSpec> gates,
        List<CategorySpec> categories,
        List<Scorecard> overlays,
        String defaultTable,
        IndicatorTable table,
        String tableChoice) {

    /** Category scores scaled to 100 and weighted (GB/T 36132-2018). */
    public static final String CATEGORY_PERCENT = "category_percent";
    /** The total is the sum of the points earned (GB/T 36132-2025: weights sum to 100). */
    public static final String SUM_OF_POINTS = "sum_of_points";
    /** Each indicator's ratio to its leading value, averaged per year into a park green index (GI). */
    public static final String GREEN_INDEX = "green_index";
    /**
     * GB/T 36132-2025: the dimensions, indicators and added gates come from an indicator table
     * (评价指标表); the result is the sum of the points (6.1), plus bonus items up to their maximum.
     */
    public static final String INDICATOR_TABLE = "indicator_table";
    /** No score: a veto and indicators reported met or not met (zero-carbon parks). */
    public static final String NO_SCORE = "none";
    /** Gate deciders that read the gate's claim (alone or with facts), so a submission may state one. */
    public static final java.util.Set<String> CLAIM_DECIDERS = java.util.Set.of("claim", "claim_and_carbon_trend", "claim_and_accidents");

    public boolean appliesOn(LocalDate date) {
        return (appliesFrom == null || !date.isBefore(appliesFrom)) && (appliesUntil == null || date.isBefore(appliesUntil));
    }

    /**
     * Whether the scheme has mandatory requirements, so that a verdict says whether they are met:
     * mandatory items, performance indicators whose basic level is required (GB/T 36132-2018), or
     * index indicators every park must report. Zero-carbon parks and GB/T 36132-2025 have none.
     */
    public boolean hasMandatoryRequirements() {
        return criteria().stream().anyMatch(c -> "mandatory".equals(c.type()) || "performance".equals(c.type())
                || "index".equals(c.type()) && c.required());
    }

    /** Whether the scheme gives a score (zero-carbon parks: a veto and guidance indicators, no score). */
    public boolean isScored() {
        return !NO_SCORE.equals(scoring);
    }

    public boolean isOverlay() {
        return !overlaysSchemes.isEmpty();
    }

    /** Every criterion, category by category (worked out once per scorecard: verdicts and facts ask for it per evaluation). */
    public List<CriterionSpec> criteria() {
        return derived(CRITERIA, s -> s.categories.stream().flatMap(c -> c.criteria().stream()).toList());
    }

    private static final Object CRITERIA = new Object();

    /**
     * What depends only on this scorecard, worked out once per scorecard <em>instance</em>:
     * {@code key} (compared with equals; callers use a constant of their own, or a record of
     * further instances it depends on) names the value, {@code compute} works it out. A scorecard
     * never changes once made, and {@link #withOverlays} and {@link #withTable} give the same
     * instance for the same parts, so an edition + overlays + table keeps one identity over a
     * run. By identity, not equals: a record's hash walks every gate and category.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, java.util.function.Function<Scorecard, T> compute) {
        Map<Object, Object> values = memo();
        Object known = values.get(key);
        if (known == null) {
            known = compute.apply(this); // outside the map's lock: a value may itself ask for another
            if (values.size() < DERIVED_PER_SCORECARD_MAX) {
                Object raced = values.putIfAbsent(key, known);
                if (raced != null) known = raced;
            }
        }
        return (T) known;
    }

    /**
     * The memos, by scorecard instance. Held strongly but bounded: a rulebook read again (a
     * server reloading) brings new scorecards, and past {@link #MEMOS_MAX} the memos start afresh,
     * so at most a few old rulebooks (about 25 scorecards each: editions, overlays, tables) stay
     * reachable from here.
     */
    private static final Map<Same, Map<Object, Object>> MEMOS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MEMOS_MAX = 256;
    private static final int DERIVED_PER_SCORECARD_MAX = 4_096;

    private Map<Object, Object> memo() {
        Same key = new Same(this);
        Map<Object, Object> m = MEMOS.get(key);
        if (m == null) {
            if (MEMOS.size() >= MEMOS_MAX) MEMOS.clear();
            m = MEMOS.computeIfAbsent(key, k -> new java.util.concurrent.ConcurrentHashMap<>());
        }
        return m;
    }

    /** An object as a key by identity (for {@link #derived} keys that name a further instance). */
    public static final class Same {
        private final Object object;

        public Same(Object object) {
            this.object = object;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }

    private record WithOverlays(List<Same> overlays) {
    }

    private record WithTable(Same table, String choice) {
    }

    /** The scorecards whose rules/&lt;id&gt;/ directories this evaluation compiles. */
    public List<String> ruleSets() {
        List<String> ids = new ArrayList<>();
        ids.add(overlays.isEmpty() ? id : id.substring(0, id.indexOf('+')));
        overlays.forEach(o -> ids.add(o.id()));
        return ids;
    }

    public List<String> files() {
        List<String> files = new ArrayList<>();
        files.add(file);
        overlays.forEach(o -> files.add(o.file()));
        if (table != null && table.file() != null) files.add(table.file());
        return files;
    }

    /** This edition with the overlays' gates and parameters added after its own. */
    public Scorecard withOverlays(List<Scorecard> extra) {
        if (extra.isEmpty()) return this;
        // the same merged scorecard for the same overlays: what depends on it is worked out once
        return derived(new WithOverlays(extra.stream().map(Same::new).toList()), s -> s.mergedWith(extra));
    }

    private Scorecard mergedWith(List<Scorecard> extra) {
        List<GateSpec> allGates = new ArrayList<>(gates);
        Map<String, Figure> allParameters = new LinkedHashMap<>(parameters);
        StringBuilder mergedId = new StringBuilder(id);
        for (Scorecard o : extra) {
            allGates.addAll(o.gates());
            allParameters.putAll(o.parameters());
            mergedId.append('+').append(o.id());
        }
        return new Scorecard(file, mergedId.toString(), version, scheme, edition, title, appliesFrom, appliesUntil,
                defaultGrading, scoring, overlaysSchemes, notes, allParameters, allGates, categories, List.copyOf(extra),
                defaultTable, table, tableChoice);
    }

    public boolean usesIndicatorTables() {
        return INDICATOR_TABLE.equals(scoring);
    }

    /**
     * This edition evaluated against an indicator table: its gates after the edition's own (4.2),
     * its dimensions as the categories, each indicator a criterion, and its bonus items as a last
     * category whose points are capped at the bonus maximum. {@code choice} says how the table
     * was chosen: option (--table), submission (indicator_table) or default.
     */
    public Scorecard withTable(IndicatorTable t, String choice) {
        // the same scorecard for the same table and choice: what depends on it is worked out once
        return derived(new WithTable(new Same(t), choice), s -> s.tabled(t, choice));
    }

    private Scorecard tabled(IndicatorTable t, String choice) {
        List<GateSpec> allGates = new ArrayList<>(gates);
        allGates.addAll(t.gates());
        List<CategorySpec> cats = new ArrayList<>();
        for (IndicatorTable.Dimension d : t.dimensions()) {
            cats.add(new CategorySpec(d.id(), d.name(), d.weight(), d.indicators().stream().map(i -> criterion(i, d.id(), t)).toList(), false));
        }
        if (t.bonus() != null) {
            cats.add(new CategorySpec(BONUS, new org.verdant.text.Text("加分项", "Bonus items"), t.bonus().max(),
                    t.bonus().items().stream().map(i -> criterion(i, BONUS, t)).toList(), true));
        }
        return new Scorecard(file, id, version, scheme, edition, title, appliesFrom, appliesUntil, defaultGrading, scoring,
                overlaysSchemes, notes, parameters, allGates, cats, overlays, defaultTable, t, choice);
    }

    /** The id of the bonus items' category. */
    public static final String BONUS = "BONUS";

    private static CriterionSpec criterion(IndicatorTable.Indicator i, String category, IndicatorTable t) {
        // the criterion types the 2025 verdict already used: downstream (trace, report, plan) reads them
        String type = i.type().quantitative() ? "scaled" : i.rule() instanceof IndicatorTable.Degree ? "graded" : "case";
        String decidedBy = i.type().quantitative() ? "indicator" : "claim";
        // each form as the quantity it measures, for the planner and the edition comparison (levels are the table's)
        List<FormSpec> forms = i.forms().stream()
                .map(f -> new FormSpec(i.forms().size() == 1 ? "single" : f.formula(), IndicatorTable.quantity(f.formula()), f.unit(), null, null))
                .toList();
        // the clause is the row of the table: its id and 序号 (Table A.1 layout)
        String clause = "评价指标表 " + t.id() + " 序号 " + (i.number() == null ? i.id() : i.number());
        return new CriterionSpec(i.id(), category, i.name(), clause, type, i.points(),
                decidedBy, null, null, null, i.type().quantitative() ? i.type().direction() : null, null, null, null, forms,
                false, null, i);
    }


    /** The edition's own id, without overlays. */
    public String editionId() {
        return overlays.isEmpty() ? id : id.substring(0, id.indexOf('+'));
    }

    /**
     * A gate. {@code kind}: {@code gate} (must pass), {@code core} (a veto decided by an indicator
     * against a {@code threshold}; when no threshold is defined for the facility, eligibility is
     * undetermined rather than guessed) or {@code encouraged} (reported, never blocking).
     */
    public record GateSpec(String id, Text name, String clause, String decidedBy, String status, String source,
                           String kind, String indicator, String direction, String unit, ReferenceSpec threshold) {
        public GateSpec(String id, Text name, String clause, String decidedBy, String status, String source) {
            this(id, name, clause, decidedBy, status, source, "gate", null, null, null, null);
        }

        public boolean isBlocking() {
            return !"encouraged".equals(kind);
        }
    }

    /** A first-level category; {@code weight} is null where the scoring does not weigh categories. */
    public record CategorySpec(String id, Text name, Figure weight, List<CriterionSpec> criteria, boolean bonus) {
        public CategorySpec(String id, Text name, Figure weight, List<CriterionSpec> criteria) {
            this(id, name, weight, criteria, false);
        }

        public double maxPoints() {
            return criteria.stream().mapToDouble(CriterionSpec::maxPoints).sum();
        }
    }

    /**
     * A criterion. Performance criteria (2018) have two tiers; scaled criteria (2025) earn
     * {@code points × clamp((x − B)/(L − B), 0, 1)} in one of their {@code forms}; index criteria
     * (parks) compare with a leading value ({@code target}) and carry no fixed points, their share
     * of the index being set by how many indicators are assessed; threshold criteria (guidance)
     * are met or not against {@code target} and carry no points; graded criteria earn
     * {@code points} × an assessed degree; the rest have {@code points}. {@code required}: an index
     * indicator every park must report (mandatory) rather than one it may (optional).
     */
    public record CriterionSpec(String id, String category, Text name, String clause, String type, Figure points,
                                String decidedBy, String system, String aspect, String indicator, String direction,
                                String unit, TierSpec basic, TierSpec advanced, List<FormSpec> forms,
                                boolean required, ReferenceSpec target, IndicatorTable.Indicator tableIndicator) {
        public CriterionSpec(String id, String category, Text name, String clause, String type, Figure points,
                             String decidedBy, String system, String aspect, String indicator, String direction,
                             String unit, TierSpec basic, TierSpec advanced, List<FormSpec> forms,
                             boolean required, ReferenceSpec target) {
            this(id, category, name, clause, type, points, decidedBy, system, aspect, indicator, direction, unit, basic, advanced,
                    forms, required, target, null);
        }

        public double maxPoints() {
            if ("performance".equals(type)) return basic.points().number() + advanced.points().number();
            if ("index".equals(type) || "threshold".equals(type)) return 0;
            return points.number();
        }
    }

    public record TierSpec(Figure points, ReferenceSpec reference) {
    }

    /** One way to compute a scaled indicator: what is measured, in which unit, against which B and L. */
    public record FormSpec(String form, String indicator, String unit, ReferenceSpec baseline, ReferenceSpec leading) {
    }

    /**
     * Where a reference level comes from: {@code fixed} (the figure), {@code submission} (with an
     * optional {@code fallback} figure), {@code factor_of_basic} (factor × the basic level),
     * {@code energy_limit} (a level of the product's energy-limit row), {@code water_quota} (the
     * product's general or advanced quota) or {@code by_annual_energy} (a figure per energy tier).
     */
    public record ReferenceSpec(String form, Figure fixed, Figure factor, Integer level, String quota,
                                List<EnergyTier> tiers) {
        public static ReferenceSpec of(String form, Figure fixed, Figure factor, Integer level) {
            return new ReferenceSpec(form, fixed, factor, level, null, List.of());
        }
    }

    /** A figure that applies from {@code atLeast} (in the figure's energy unit) of annual energy use upward. */
    public record EnergyTier(double atLeast, String unit, Figure figure) {
    }
}
