package org.verdant.plan;

import org.verdant.plan.Trial.Attempt;
import org.verdant.rulebook.Scorecard;
import org.verdant.rulebook.Vocabulary;
import org.verdant.yaml.YamlNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The qualitative candidates: the submission edits that state a claim, a management system, a
 * CSR report or the accident history with evidence, keeping what the submission already cites.
 */
final class EvidenceChanges {
    private final PlanContext context;

    EvidenceChanges(PlanContext context) {
        this.context = context;
    }

    private static String evidence(String what) {
        return "[\"evidence for " + what + "\"]";
    }

    /** met: true with evidence (keeping what the claim already cites); a graded item assessed as fully met. */
    Attempt claim(String id) {
        String at = "claims." + id;
        YamlNode node = context.node(at);
        if (!(node instanceof YamlNode.Mapping m)) {
            return new Attempt(List.of(Assignment.of(at, "{met: true, evidence: " + evidence(id) + "}")), Plan.Phrase.of("plan.do.claim", id),
                    Plan.Effort.EVIDENCE);
        }
        List<Assignment> changes = new ArrayList<>();
        changes.add(Assignment.of(at + ".met", "true"));
        if (!(m.get("evidence") instanceof YamlNode.Sequence s) || s.items().isEmpty()) changes.add(Assignment.of(at + ".evidence", evidence(id)));
        boolean graded = m.has("degree");
        if (graded) changes.add(Assignment.of(at + ".degree", "1"));
        return new Attempt(changes, Plan.Phrase.of(graded ? "plan.do.degree" : "plan.do.claim", id), Plan.Effort.EVIDENCE);
    }

    /** A management system established (with evidence) or certified (a certificate valid a year past the evaluation date). */
    Attempt system(Scorecard.CriterionSpec c) {
        String sys = c.system();
        String at = "management_systems." + sys;
        List<Assignment> changes = new ArrayList<>(established(sys));
        if ("certified".equals(c.aspect())) {
            var evaluationDate = context.base().submission().evaluationDate();
            String until = evaluationDate.plusYears(1).toString();
            changes.add(Assignment.of(at + ".certificate", "{body: \"certification body\", number: \"certificate number\", valid_until: " + until + "}"));
            return new Attempt(changes, Plan.Phrase.of("plan.do.system_certified", sys, evaluationDate.toString()), Plan.Effort.EVIDENCE);
        }
        return new Attempt(changes, Plan.Phrase.of("plan.do.system_established", sys), Plan.Effort.EVIDENCE);
    }

    private List<Assignment> established(String sys) {
        String at = "management_systems." + sys;
        YamlNode node = context.node(at);
        if (!(node instanceof YamlNode.Mapping m)) return List.of(Assignment.of(at, "{established: true, evidence: " + evidence(sys + " system") + "}"));
        List<Assignment> changes = new ArrayList<>();
        if (!(m.get("established") instanceof YamlNode.Scalar e && "true".equals(e.text()))) changes.add(Assignment.of(at + ".established", "true"));
        if (!(m.get("evidence") instanceof YamlNode.Sequence s) || s.items().isEmpty()) changes.add(Assignment.of(at + ".evidence", evidence(sys + " system")));
        return changes;
    }

    /** Every management system established with evidence (GB/T 36132-2025 G3). */
    Attempt allSystems() {
        List<Assignment> changes = new ArrayList<>();
        List<String> systems = new ArrayList<>();
        for (String sys : Vocabulary.SYSTEMS) {
            List<Assignment> more = established(sys);
            if (!more.isEmpty()) systems.add(sys);
            changes.addAll(more);
        }
        if (changes.isEmpty()) return null;
        return new Attempt(changes, Plan.Phrase.of("plan.do.systems", String.join(", ", systems)), Plan.Effort.EVIDENCE);
    }

    /**
     * The reports the period still lacks (MGT-09 reads every year of its period): the finding's
     * missing years, or the reporting year when the finding names none.
     */
    Attempt csr(Object missingYears) {
        int reportingYear = context.base().submission().reportingYear();
        List<Integer> years = missingYears instanceof List<?> l && !l.isEmpty()
                ? l.stream().map(y -> ((Number) y).intValue()).toList() : List.of(reportingYear);
        String written = years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        String at = "social_responsibility_reports";
        YamlNode node = context.node(at);
        Plan.Phrase action = Plan.Phrase.of("plan.do.csr", written);
        if (!(node instanceof YamlNode.Mapping m)) {
            return new Attempt(List.of(Assignment.of(at, "{years: [" + written + "], evidence: " + evidence("the " + written + " reports") + "}")), action, Plan.Effort.EVIDENCE);
        }
        List<Assignment> changes = new ArrayList<>();
        if (m.get("years") instanceof YamlNode.Sequence ys) {
            int next = ys.items().size();
            for (int year : years) {
                if (ys.items().stream().noneMatch(y -> y instanceof YamlNode.Scalar s && s.text().equals(String.valueOf(year)))) {
                    changes.add(Assignment.of(at + ".years[" + next++ + "]", String.valueOf(year)));
                }
            }
        } else {
            changes.add(Assignment.of(at + ".years", "[" + written + "]"));
        }
        if (!(m.get("evidence") instanceof YamlNode.Sequence s) || s.items().isEmpty()) changes.add(Assignment.of(at + ".evidence", evidence("the " + written + " reports")));
        return new Attempt(changes, action, Plan.Effort.EVIDENCE);
    }

    /** The accident history stated with evidence; only when it is absent or uncited (never hiding an event). */
    Attempt accidentStatement() {
        YamlNode node = context.node("accidents");
        Plan.Phrase action = Plan.Phrase.of("plan.do.accidents");
        if (!(node instanceof YamlNode.Mapping m)) {
            return new Attempt(List.of(Assignment.of("accidents", "{events: [], evidence: " + evidence("the accident history") + "}")), action, Plan.Effort.DATA);
        }
        if (!(m.get("evidence") instanceof YamlNode.Sequence s) || s.items().isEmpty()) {
            return new Attempt(List.of(Assignment.of("accidents.evidence", evidence("the accident history"))), action, Plan.Effort.DATA);
        }
        return null;
    }
}
