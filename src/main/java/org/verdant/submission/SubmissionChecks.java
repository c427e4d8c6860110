package org.verdant.submission;

import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.Scorecard;
import org.verdant.units.Units;
import org.verdant.yaml.Location;
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
        Location at = new Location(s.file(), 1, 1);
        List<Scorecard> editions = rulebook.editions(s.scheme());
        if (editions.isEmpty()) {
            List<String> schemes = rulebook.scorecards().values().stream().map(Scorecard::scheme).distinct().sorted().toList();
            String hint = Suggest.nearest(s.scheme(), schemes).map(x -> "; did you mean '" + x + "'?").orElse("");
            problems.add(at, "scheme", "unknown scheme '" + s.scheme() + "'; this rulebook evaluates " + String.join(", ", schemes) + hint);
            return null;
        }
        String wanted = override != null ? override : s.edition();
        if (wanted != null) {
            Optional<Scorecard> chosen = editions.stream().filter(e -> e.edition().equals(wanted)).findFirst();
            if (chosen.isEmpty()) {
                problems.add(at, override != null ? "--edition" : "edition", "unknown edition '" + wanted + "' of " + s.scheme()
                        + "; available: " + String.join(", ", editions.stream().map(Scorecard::edition).toList()));
                return null;
            }
            return chosen.get();
        }
        return editions.stream().filter(e -> e.appliesOn(s.evaluationDate())).findFirst().orElseGet(() -> {
            problems.add(at, "evaluation_date", "no edition of " + s.scheme() + " applies on " + s.evaluationDate()
                    + "; name one with edition:");
            return null;
        });
    }

    /** Claims must name criteria the edition decides by claim; benchmark rows must exist and fit the product. */
    public static void check(Submission s, Scorecard scorecard, Rulebook rulebook, Problems problems) {
        List<String> claimable = new java.util.ArrayList<>();
        scorecard.gates().stream().filter(g -> "claim".equals(g.decidedBy())).forEach(g -> claimable.add(g.id()));
        scorecard.criteria().stream().filter(c -> "claim".equals(c.decidedBy())).forEach(c -> claimable.add(c.id()));
        List<String> otherEditions = new java.util.ArrayList<>();
        for (Scorecard other : rulebook.editions(scorecard.scheme())) {
            if (other.edition().equals(scorecard.edition())) continue;
            other.gates().forEach(g -> otherEditions.add(g.id()));
            other.criteria().forEach(k -> otherEditions.add(k.id()));
        }
        for (Submission.Claim c : s.claims().values()) {
            if (claimable.contains(c.criterionId())) {
                if (Scorecard.SUM_OF_POINTS.equals(scorecard.scoring()) && c.met() == Submission.ClaimStatus.NOT_APPLICABLE
                        && scorecard.criteria().stream().anyMatch(k -> k.id().equals(c.criterionId()))) {
                    problems.add(c.location(), "claims." + c.criterionId() + ".met", scorecard.edition()
                            + " scores every indicator; not_applicable is not accepted (state true or false)");
                }
                continue;
            }
            // A file written for another edition keeps its claims; this edition does not use them (the verdict says so).
            if (otherEditions.contains(c.criterionId())) continue;
            String path = "claims." + c.criterionId();
            Optional<String> decider = scorecard.gates().stream().filter(g -> g.id().equals(c.criterionId())).map(Scorecard.GateSpec::decidedBy)
                    .findFirst().or(() -> scorecard.criteria().stream().filter(k -> k.id().equals(c.criterionId()))
                            .map(Scorecard.CriterionSpec::decidedBy).findFirst());
            if (decider.isPresent()) {
                problems.add(c.location(), path, c.criterionId() + " is decided from " + section(decider.get())
                        + ", not from a claim; give those facts instead");
            } else {
                String hint = Suggest.nearest(c.criterionId(), claimable).map(x -> "; did you mean '" + x + "'?").orElse("");
                problems.add(c.location(), path, "no such criterion in " + scorecard.edition() + hint);
            }
        }
        for (int i = 0; i < s.products().size(); i++) {
            Submission.Product p = s.products().get(i);
            if (p.energyLimit() == null) continue;
            var row = rulebook.benchmarks().row(p.energyLimit());
            if (row.isEmpty()) {
                List<String> ids = rulebook.benchmarks().rows().stream().map(r -> r.id()).toList();
                String hint = Suggest.nearest(p.energyLimit(), ids).map(x -> "; did you mean '" + x + "'?").orElse("");
                problems.add(p.location(), "products[" + i + "].energy_limit",
                        "no energy-limit row '" + p.energyLimit() + "' in " + rulebook.benchmarks().id() + hint);
            } else if (Units.require(row.get().unit()).note() != null) {
                problems.add(p.location(), "products[" + i + "].energy_limit", "row '" + p.energyLimit() + "' limits electricity use ("
                        + row.get().unit() + "), not comprehensive energy; name the product's comprehensive-energy row");
            } else if (p.output() != null) {
                String rowDim = Units.require(row.get().unit()).dimension();
                if (!rowDim.equals("energy/" + p.output().unit().dimension())) {
                    problems.add(p.location(), "products[" + i + "].energy_limit",
                            "row '" + p.energyLimit() + "' is in " + row.get().unit() + " but the output is in " + p.output().unit().symbol());
                }
            }
        }
    }

    private static String section(String decidedBy) {
        return switch (decidedBy) {
            case "accidents" -> "accidents";
            case "management_system" -> "management_systems";
            case "csr_reports" -> "social_responsibility_reports";
            case "indicator" -> "the figures it is computed from";
            default -> decidedBy;
        };
    }
}
