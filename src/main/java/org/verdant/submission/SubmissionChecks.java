package org.verdant.submission;

import org.verdant.text.Suggest;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.Scorecard;
import org.verdant.units.Units;
import org.verdant.text.Location;
import org.verdant.yaml.Msg;
import org.verdant.yaml.Problems;

import java.util.List;
import java.util.Optional;

/**
 * The checks that need the rulebook: which scheme and edition the submission is for, whether
 * its claims name criteria of that edition, and whether its benchmark rows exist.
 */
public final class SubmissionChecks {
    private SubmissionChecks() {
    }

    /**
     * Picks the edition: {@code override} (from the command line) first, then the file's
     * {@code edition}, else the one whose dates cover the evaluation date.
     */
    public static Scorecard edition(Submission s, String override, Rulebook rulebook, Problems problems) {
        List<Scorecard> editions = rulebook.editions(s.scheme());
        Location at = s.locationOf("scheme");
        if (editions.isEmpty()) {
            List<String> schemes = rulebook.scorecards().values().stream().map(Scorecard::scheme).distinct().sorted().toList();
            problems.say(at, "scheme", "problem.check.unknown_scheme", s.scheme(), String.join(", ", schemes), hint(s.scheme(), schemes));
            return null;
        }
        String wanted = override != null ? override : s.edition();
        Location editionAt = override != null ? new Location(s.file(), 1, 1) : s.locationOf("edition");
        if (wanted != null) {
            Optional<Scorecard> chosen = editions.stream().filter(e -> e.edition().equals(wanted)).findFirst();
            if (chosen.isEmpty()) {
                problems.say(editionAt, override != null ? "--edition" : "edition", "problem.check.unknown_edition", wanted, s.scheme(),
                        String.join(", ", editions.stream().map(Scorecard::edition).toList()));
                return null;
            }
            return chosen.get();
        }
        return editions.stream().filter(e -> e.appliesOn(s.evaluationDate())).findFirst().orElseGet(() -> {
            problems.say(s.locationOf("evaluation_date"), "evaluation_date", "problem.check.no_edition_applies", s.scheme(), s.evaluationDate());
            return null;
        });
    }

    /** Claims must name criteria the edition decides by claim; benchmark rows must exist and fit the product. */
    public static void check(Submission s, Scorecard scorecard, Rulebook rulebook, Problems problems) {
        List<String> claimable = new java.util.ArrayList<>();
        scorecard.gates().stream().filter(g -> Scorecard.CLAIM_DECIDERS.contains(g.decidedBy())).forEach(g -> claimable.add(g.id()));
        scorecard.criteria().stream().filter(c -> "claim".equals(c.decidedBy())).forEach(c -> claimable.add(c.id()));
        List<String> otherEditions = new java.util.ArrayList<>();
        for (Scorecard other : rulebook.editions(scorecard.scheme())) {
            if (other.edition().equals(scorecard.edition())) continue;
            other.gates().forEach(g -> otherEditions.add(g.id()));
            other.criteria().forEach(k -> otherEditions.add(k.id()));
        }
        // a file written for another indicator table keeps its claims too: this table does not use them (the verdict says so)
        for (var t : rulebook.tables().values()) {
            if (scorecard.table() != null && t.id().equals(scorecard.table().id())) continue;
            t.gates().forEach(g -> otherEditions.add(g.id()));
            t.indicators().forEach(i -> otherEditions.add(i.id()));
            if (t.bonus() != null) t.bonus().items().forEach(i -> otherEditions.add(i.id()));
        }
        for (Submission.Claim c : s.claims().values()) {
            if (claimable.contains(c.criterionId())) {
                if ((Scorecard.SUM_OF_POINTS.equals(scorecard.scoring()) || scorecard.usesIndicatorTables()) && c.met() == Submission.ClaimStatus.NOT_APPLICABLE
                        && scorecard.criteria().stream().anyMatch(k -> k.id().equals(c.criterionId()))) {
                    problems.say(c.location(), "claims." + c.criterionId() + ".met", "problem.check.not_applicable_refused", scorecard.edition());
                }
                checkDegree(s, c, scorecard, problems);
                continue;
            }
            // A file written for another edition keeps its claims; this edition does not use them (the verdict says so).
            if (otherEditions.contains(c.criterionId())) continue;
            String path = "claims." + c.criterionId();
            Optional<String> decider = scorecard.gates().stream().filter(g -> g.id().equals(c.criterionId())).map(Scorecard.GateSpec::decidedBy)
                    .findFirst().or(() -> scorecard.criteria().stream().filter(k -> k.id().equals(c.criterionId()))
                            .map(Scorecard.CriterionSpec::decidedBy).findFirst());
            if (decider.isPresent()) {
                problems.say(c.location(), path, "problem.check.not_claimable", c.criterionId(), section(decider.get()));
            } else {
                problems.say(c.location(), path, "problem.check.no_such_criterion", scorecard.edition(), hint(c.criterionId(), claimable));
            }
        }
        for (Submission.StatedReference r : s.references().values()) {
            if (ReferenceIndicators.ALL.containsKey(r.indicator())) continue;
            boolean quantitative = scorecard.criteria().stream()
                    .anyMatch(k -> k.id().equals(r.indicator()) && k.tableIndicator() != null && k.tableIndicator().type().quantitative());
            if (!quantitative) {
                List<String> ids = scorecard.criteria().stream().filter(k -> k.tableIndicator() != null && k.tableIndicator().type().quantitative())
                        .map(Scorecard.CriterionSpec::id).toList();
                problems.add(r.location(), "references." + r.indicator(), scorecard.table() == null
                        ? Msg.of("problem.check.reference_without_table", scorecard.edition(), r.indicator())
                        : Msg.of("problem.check.no_such_reference", scorecard.table().id(), r.indicator(), hint(r.indicator(), ids)));
            }
        }
        for (int i = 0; i < s.products().size(); i++) checkEnergyLimit(s.products().get(i), "products[" + i + "]", rulebook, problems);
        if (s.park() != null) {
            for (Submission.EnterpriseProduct e : s.park().enterpriseProducts()) {
                checkEnergyLimit(e.product(), "park.enterprise_products[" + e.index() + "]", rulebook, problems);
            }
            for (Submission.ParkYear y : s.park().years()) {
                for (Submission.StatedIndicator st : y.indicators().values()) checkStated(st, y, scorecard, problems);
            }
        }
    }

    /** A degree of fulfilment is an evaluator's judgement of a graded item; a self-assessment answers yes or no. */
    private static void checkDegree(Submission s, Submission.Claim c, Scorecard scorecard, Problems problems) {
        if (c.degree() == null) return;
        String path = "claims." + c.criterionId() + ".degree";
        boolean graded = scorecard.criteria().stream().anyMatch(k -> k.id().equals(c.criterionId()) && "graded".equals(k.type()));
        if (!graded) {
            problems.say(c.location(), path, "problem.check.degree_not_graded", c.criterionId());
        } else if (s.evaluator() == null || !"third_party".equals(s.evaluator().kind())) {
            problems.say(c.location(), path, "problem.check.degree_third_party_only");
        } else {
            // an indicator table's degree rule names its levels: the degree is one of their shares
            scorecard.criteria().stream().filter(k -> k.id().equals(c.criterionId()) && k.tableIndicator() != null)
                    .map(k -> k.tableIndicator().rule()).filter(r -> r instanceof org.verdant.rulebook.IndicatorTable.Degree d && !d.levels().isEmpty())
                    .map(r -> ((org.verdant.rulebook.IndicatorTable.Degree) r).levels()).findFirst().ifPresent(levels -> {
                        if (levels.stream().noneMatch(l -> Math.abs(l.share() - c.degree()) < 1e-9)) {
                            problems.say(c.location(), path, "problem.check.degree_levels", c.criterionId(), String.join(", ", levels.stream().map(l -> l.id() + " = " + org.verdant.text.Numbers.format(l.share())).toList()));
                        }
                    });
        }
    }

    /**
     * A stated park indicator must be one the scorecard lets the park state (decided_by: stated,
     * or a core gate given directly), in its unit; a computed one is computed from statistics.
     */
    private static void checkStated(Submission.StatedIndicator st, Submission.ParkYear y, Scorecard scorecard, Problems problems) {
        String path = "park.years[" + y.year() + "].indicators." + st.id();
        Optional<Scorecard.CriterionSpec> spec = scorecard.criteria().stream().filter(k -> k.id().equals(st.id())).findFirst();
        Optional<Scorecard.GateSpec> gate = scorecard.gates().stream().filter(g -> g.id().equals(st.id()) && "indicator".equals(g.decidedBy()))
                .findFirst();
        String unit;
        String direction;
        if (spec.isPresent() && "stated".equals(spec.get().decidedBy())) {
            unit = spec.get().unit();
            direction = spec.get().direction();
        } else if (gate.isPresent()) {
            unit = gate.get().unit();
            direction = gate.get().direction();
            if (y.statistic("co2") != null) {
                problems.say(st.location(), path, "problem.check.co2_twice", st.id());
                return;
            }
        } else if (spec.isPresent() || scorecard.gates().stream().anyMatch(g -> g.id().equals(st.id()))) {
            problems.say(st.location(), path, "problem.check.computed_indicator", st.id());
            return;
        } else {
            List<String> statable = scorecard.criteria().stream().filter(k -> "stated".equals(k.decidedBy())).map(Scorecard.CriterionSpec::id).toList();
            problems.say(st.location(), path, "problem.check.no_such_indicator", scorecard.edition(), hint(st.id(), statable));
            return;
        }
        if ("yes_no".equals(direction)) {
            if (st.yes() == null) problems.say(st.location(), path, "problem.check.yes_no_indicator", st.id());
            return;
        }
        if (st.yes() != null) {
            problems.add(st.location(), path, unit.isEmpty() ? Msg.of("problem.check.figure_not_bool", st.id())
                    : Msg.of("problem.check.figure_in_unit_not_bool", st.id(), unit));
        } else if ("%".equals(unit) && !"%".equals(st.quantity().unit().symbol())) {
            problems.say(st.location(), path, "problem.check.share_as_percent", st.id());
        } else if (!Units.require(unit).dimension().equals(st.quantity().unit().dimension())) {
            problems.say(st.location(), path, "problem.check.indicator_unit", st.id(),
                    unit.isEmpty() ? Msg.of("problem.check.plain_numbers") : unit, st.quantity().unit().symbol());
        }
    }

    private static void checkEnergyLimit(Submission.Product p, String at, Rulebook rulebook, Problems problems) {
        if (p.energyLimit() == null) return;
        var row = rulebook.benchmarks().row(p.energyLimit());
        if (row.isEmpty()) {
            List<String> ids = rulebook.benchmarks().rows().stream().map(r -> r.id()).toList();
            problems.say(p.location(), at + ".energy_limit", "problem.check.no_energy_limit_row", p.energyLimit(),
                    rulebook.benchmarks().id(), hint(p.energyLimit(), ids));
        } else if (Units.require(row.get().unit()).note() != null) {
            problems.say(p.location(), at + ".energy_limit", "problem.check.electricity_row", p.energyLimit(), row.get().unit());
        } else if (p.output() != null) {
            String rowDim = Units.require(row.get().unit()).dimension();
            if (!rowDim.equals("energy/" + p.output().unit().dimension())) {
                problems.say(p.location(), at + ".energy_limit", "problem.check.row_unit", p.energyLimit(), row.get().unit(),
                        p.output().unit().symbol());
            }
        }
    }

    /** Where the facts that decide a criterion are given: a section of the submission, or words. */
    private static Object section(String decidedBy) {
        return switch (decidedBy) {
            case "accidents" -> "accidents";
            case "management_system" -> "management_systems";
            case "csr_reports" -> "social_responsibility_reports";
            case "indicator" -> Msg.of("problem.check.section.figures");
            case "park_eligibility", "audit_list", "green_body" -> Msg.of("problem.check.section.park");
            default -> decidedBy;
        };
    }

    /** "; did you mean 'x'?" for the name nearest {@code written}, or nothing (""). */
    private static Object hint(String written, java.util.Collection<String> names) {
        return Suggest.nearest(written, names).<Object>map(x -> Msg.of("problem.hint.did_you_mean", x)).orElse("");
    }
}
