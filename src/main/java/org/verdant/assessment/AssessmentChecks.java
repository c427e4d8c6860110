package org.verdant.assessment;

import org.verdant.rulebook.IndicatorTable;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.Submission;
import org.verdant.yaml.Problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an assessment against the submission it assesses and the scorecard it is evaluated
 * under: it judges claims, so each id must be a requirement the scorecard decides by claim and
 * the submission claims; a degree only for a graded item (one of its levels' shares where the
 * indicator table names levels).
 */
public final class AssessmentChecks {
    private AssessmentChecks() {
    }

    public static void check(Assessment a, Submission s, Scorecard scorecard, String inputDigest, Problems problems) {
        if (a.submissionDigest() != null && !a.submissionDigest().equals(inputDigest)) {
            problems.say(new org.verdant.text.Location(a.file(), 1, 1), "submission", "problem.assessment.other_submission",
                    a.submissionDigest(), inputDigest);
        }
        Map<String, String> byClaim = new LinkedHashMap<>(); // claim-decided id → type
        for (Scorecard.GateSpec g : scorecard.gates()) if ("claim".equals(g.decidedBy())) byClaim.put(g.id(), "gate");
        for (Scorecard.CriterionSpec c : scorecard.criteria()) if ("claim".equals(c.decidedBy())) byClaim.put(c.id(), c.type());
        String where = scorecard.scheme() + " " + scorecard.edition();
        for (ClaimAssessment c : a.claims()) {
            String path = "criteria." + c.criterionId();
            String type = byClaim.get(c.criterionId());
            if (type == null) {
                List<String> ids = new ArrayList<>(byClaim.keySet());
                String hint = org.verdant.text.Suggest.nearest(c.criterionId(), ids).map(x -> x).orElse(String.join(", ", ids));
                problems.say(c.location(), path, "problem.assessment.not_a_claim", c.criterionId(), where, hint);
                continue;
            }
            if (!s.claims().containsKey(c.criterionId())) {
                problems.say(c.location(), path, "problem.assessment.no_claim", c.criterionId());
                continue;
            }
            if (c.degree() != null) checkDegree(c, type, scorecard, problems);
        }
    }

    private static void checkDegree(ClaimAssessment c, String type, Scorecard scorecard, Problems problems) {
        String path = "criteria." + c.criterionId() + ".degree";
        if (!"graded".equals(type)) {
            problems.say(c.location(), path, "problem.check.degree_not_graded", c.criterionId());
            return;
        }
        scorecard.criteria().stream().filter(k -> k.id().equals(c.criterionId()) && k.tableIndicator() != null)
                .map(k -> k.tableIndicator().rule()).filter(r -> r instanceof IndicatorTable.Degree d && !d.levels().isEmpty())
                .map(r -> ((IndicatorTable.Degree) r).levels()).findFirst().ifPresent(levels -> {
                    if (levels.stream().noneMatch(l -> Math.abs(l.share() - c.degree()) < 1e-9)) {
                        problems.say(c.location(), path, "problem.check.degree_levels", c.criterionId(),
                                String.join(", ", levels.stream().map(l -> l.id() + " = " + org.verdant.text.Numbers.format(l.share())).toList()));
                    }
                });
    }
}
