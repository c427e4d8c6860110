package org.verdant.facts;

import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.IndicatorTable;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.Submission;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 2: a validated submission and an edition's scorecard become the facts the rules match.
 * Sections the submission leaves out are inserted empty, so a rule can say which field is
 * missing instead of silently not firing.
 */
public final class FactBuilder {
    private FactBuilder() {
    }

    public static List<Object> facts(Submission s, Scorecard scorecard, Benchmarks benchmarks) {
        return facts(s, scorecard, constants(scorecard, benchmarks));
    }

    /**
     * The same facts, with {@code constants} as {@link #constants} built them for this scorecard
     * (shared: the same for every submission evaluated under it). The order is the one the rules
     * have always seen: the evaluation's context, the scorecard's facts, then the submission's.
     */
    public static List<Object> facts(Submission s, Scorecard scorecard, List<Object> constants) {
        List<Object> facts = new ArrayList<>(constants.size() + 128);
        facts.add(new EvaluationContext(s.evaluationDate(), s.reportingYear(), scorecard.scheme(), scorecard.edition()));
        facts.addAll(constants);
        facts.addAll(s.claims().values());
        if (s.accidents() != null) {
            facts.add(s.accidents());
            facts.addAll(s.accidents().events());
        }
        if (s.park() != null) facts.addAll(park(s.park()));
        if (s.supplyChain() != null) facts.add(s.supplyChain());
        // the cultivation gates' facts, for every scheme whose submission may state them
        if (s.application() != null) facts.add(s.application());
        if (s.standing() != null) facts.add(s.standing());
        if ("green-factory".equals(scorecard.scheme())) facts.addAll(factory(s));
        return facts;
    }

    /**
     * The facts of the scorecard alone, no submission's: its parameters, gates, criteria with their
     * references, and the energy-limit rows. Immutable records, so one list can serve every
     * evaluation under the scorecard ({@link ScorecardFacts} keeps them).
     */
    public static List<Object> constants(Scorecard scorecard, Benchmarks benchmarks) {
        List<Object> facts = new ArrayList<>();
        scorecard.parameters().forEach((name, figure) -> facts.add(new Parameter(name, figure)));
        for (Scorecard.GateSpec g : scorecard.gates()) {
            if ("indicator".equals(g.decidedBy())) {
                facts.add(new ThresholdIndicator(g.id(), g.indicator(), g.direction(), true));
                facts.add(scaledReference(g.id(), g.indicator(), "threshold", g.threshold()));
            } else {
                facts.add(new Requirement(g.id(), "gate", "gate", 0, g.decidedBy(), null, null));
            }
        }
        for (Scorecard.CriterionSpec c : scorecard.criteria()) facts.addAll(criterion(c));
        benchmarks.rows().forEach(facts::add);
        return List.copyOf(facts);
    }

    private static List<Object> criterion(Scorecard.CriterionSpec c) {
        List<Object> facts = new ArrayList<>();
        if (c.tableIndicator() != null) return tableIndicator(c, c.tableIndicator());
        switch (c.type()) {
            case "performance" -> {
                facts.add(new PerformanceIndicator(c.id(), c.indicator(), c.direction(),
                        c.basic().points().number(), c.advanced().points().number()));
                facts.add(referenceSpec(c, "basic", c.basic()));
                facts.add(referenceSpec(c, "advanced", c.advanced()));
            }
            case "scaled" -> {
                facts.add(new ScaledIndicator(c.id(), c.direction(), c.points().number(), c.points()));
                for (Scorecard.FormSpec f : c.forms()) {
                    facts.add(new ScaledForm(c.id(), f.form(), f.indicator(), f.unit()));
                    facts.add(scaledReference(c.id(), f.indicator(), "baseline", f.baseline()));
                    facts.add(scaledReference(c.id(), f.indicator(), "leading", f.leading()));
                }
            }
            case "index" -> facts.add(new IndexIndicator(c.id(), c.indicator(), c.direction(), c.required(), c.decidedBy(), c.unit(),
                    c.target() == null ? null : c.target().fixed()));
            case "threshold" -> {
                facts.add(new ThresholdIndicator(c.id(), c.indicator(), c.direction(), false));
                facts.add(scaledReference(c.id(), c.indicator(), "threshold", c.target()));
            }
            default -> facts.add(new Requirement(c.id(), c.category(), c.type(), c.points().number(), c.decidedBy(), c.system(), c.aspect()));
        }
        return facts;
    }

    /**
     * An indicator of the indicator table in force. Quantitative: the indicator, each form (what
     * the Appendix B rules compute) and each form's references; a linear or count rule also as a
     * scaled indicator, which the 5.2 c rules score. Qualitative: a requirement decided by claim.
     */
    private static List<Object> tableIndicator(Scorecard.CriterionSpec c, IndicatorTable.Indicator i) {
        List<Object> facts = new ArrayList<>();
        if (!i.type().quantitative()) {
            String type = i.rule() instanceof IndicatorTable.Degree ? "graded" : "case";
            facts.add(new Requirement(c.id(), c.category(), type, c.points().number(), "claim", null, null));
            return facts;
        }
        TableIndicator t = new TableIndicator(i.id(), i.rule().code(), i.rule(), i.type().direction(), i.points().number(), i.points(), i.forms());
        facts.add(t);
        if (i.rule() instanceof IndicatorTable.Linear || i.rule() instanceof IndicatorTable.Count) {
            facts.add(new ScaledIndicator(i.id(), i.type().direction(), i.points().number(), i.points()));
        }
        for (int n = 0; n < i.forms().size(); n++) {
            IndicatorTable.Form f = i.forms().get(n);
            TableForm form = new TableForm(i.id(), n, f.formula(), f.unit(), f.inputs());
            facts.add(form);
            if (f.baseline() != null) facts.add(tableReference(form, "baseline", f.baseline()));
            if (f.leading() != null) facts.add(tableReference(form, "leading", f.leading()));
        }
        return facts;
    }

    private static ReferenceSpec tableReference(TableForm form, String tier, IndicatorTable.Reference r) {
        String id = form.indicatorId();
        String key = form.key();
        if (r instanceof IndicatorTable.Fixed x) return new ReferenceSpec(id, key, tier, "fixed", x.figure(), null, null, null, List.of(), id);
        if (r instanceof IndicatorTable.EnergyLimit x) return new ReferenceSpec(id, key, tier, "energy_limit", null, null, x.level(), null, List.of(), id);
        if (r instanceof IndicatorTable.WaterQuota x) {
            return new ReferenceSpec(id, key, tier, "water_quota", null, null, null, x.advanced() ? "advanced" : "general", List.of(), id);
        }
        if (r instanceof IndicatorTable.Industry x) return new ReferenceSpec(id, key, tier, x.code(), null, null, null, null, List.of(), id);
        if (r instanceof IndicatorTable.Stated x) {
            return new ReferenceSpec(id, key, tier, "submission", x.fallback(), null, null, null, List.of(), x.key() == null ? id : x.key());
        }
        IndicatorTable.ByAnnualEnergy x = (IndicatorTable.ByAnnualEnergy) r;
        return new ReferenceSpec(id, key, tier, "annual_energy", null, null, null, null, x.tiers(), id);
    }

    /** A park, each year of its statistics, the indicators it states, and its enterprises' products. */
    private static List<Object> park(Submission.Park park) {
        List<Object> facts = new ArrayList<>();
        facts.add(park);
        for (Submission.ParkYear y : park.years()) {
            facts.add(y);
            facts.addAll(y.indicators().values());
        }
        park.enterpriseProducts().forEach(e -> facts.add(ProductLine.ofEnterprise(e)));
        return facts;
    }

    /**
     * A factory's sections. Those the submission leaves out are inserted empty, so a rule can say
     * which field is missing instead of silently not firing.
     */
    private static List<Object> factory(Submission s) {
        List<Object> facts = new ArrayList<>();
        facts.add(s.site() != null ? s.site() : new Submission.Site(null, null, null, null));
        facts.add(s.economics() != null ? s.economics() : new Submission.Economics(null));
        facts.add(s.energy() != null ? s.energy() : new Submission.Energy(null, List.of()));
        facts.add(s.materials() != null ? s.materials() : new Submission.Materials(null, null));
        facts.add(s.water() != null ? s.water() : new Submission.Water(null, null, null, null, null));
        facts.add(s.solidWaste() != null ? s.solidWaste() : new Submission.SolidWaste(null, null, null));
        facts.add(s.emissions() != null ? s.emissions() : new Submission.Emissions(null, null, null, List.of()));
        facts.add(mainProduct(s.products()));
        facts.add(new FactoryProducts(s.products()));
        for (int i = 0; i < s.products().size(); i++) facts.add(ProductLine.of(s.products().get(i), i));
        facts.add(s.energyCarbonManagement() != null ? s.energyCarbonManagement()
                : new Submission.EnergyCarbonManagement(null, List.of()));
        facts.add(s.cleanerProduction() != null ? s.cleanerProduction()
                : new Submission.CleanerProduction(null, null, null, null));
        facts.add(s.carbonFootprint() != null ? s.carbonFootprint() : new Submission.CarbonFootprint(null, null, List.of()));
        facts.addAll(s.references().values());
        facts.addAll(s.managementSystems().values());
        if (s.csrReports() != null) facts.add(s.csrReports());
        if (s.facility() != null) facts.add(s.facility()); // its founding date shortens an "every year" period
        return facts;
    }

    private static ReferenceSpec referenceSpec(Scorecard.CriterionSpec c, String tier, Scorecard.TierSpec spec) {
        Scorecard.ReferenceSpec r = spec.reference();
        return new ReferenceSpec(c.id(), c.indicator(), tier, r.form(), r.fixed(), r.factor(), r.level(), null, List.of());
    }

    private static ReferenceSpec scaledReference(String id, String indicator, String role, Scorecard.ReferenceSpec r) {
        return new ReferenceSpec(id, indicator, role, r.form(), r.fixed(), r.factor(), r.level(), r.quota(), r.tiers());
    }

    static MainProduct mainProduct(List<Submission.Product> products) {
        for (int i = 0; i < products.size(); i++) {
            Submission.Product p = products.get(i);
            if (p.main() || products.size() == 1) {
                return new MainProduct(p.name(), p.output(), p.energy(), p.energyPerUnit(), p.energyLimit(),
                        p.rawMaterial() == null ? null : p.rawMaterial().consumption(), products.size() == 1, i,
                        p.corrections(), p.waterQuota());
            }
        }
        return new MainProduct(null, null, null, null, null, null, false, 0, java.util.Map.of(), null);
    }
}
