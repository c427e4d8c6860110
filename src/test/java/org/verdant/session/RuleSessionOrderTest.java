package org.verdant.session;

import org.junit.jupiter.api.Test;
import org.verdant.facts.Requirement;
import org.verdant.findings.Finding;
import org.verdant.findings.FindingCollector;
import org.verdant.rulebook.RulebookException;
import org.verdant.yaml.Problem;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The findings of a session in scorecard order, one per criterion, and every way a rulebook can
 * break that (no rule deciding a criterion, two deciding it, a rule deciding one the scorecard
 * does not have), reported together in the scorecard's order, then the strays in firing order.
 */
class RuleSessionOrderTest {
    private static final FindingCollector FOUND = new FindingCollector();

    private static Finding decided(String id) {
        return FOUND.met(new Requirement(id, "c", "qualitative", 1, "claim", null, null));
    }

    @Test
    void findingsComeInTheScorecardsOrderWhateverOrderTheyFiredIn() throws RulebookException {
        Finding a = decided("A");
        Finding b = decided("B");
        Finding c = decided("C");
        assertThat(RuleSession.inOrder(List.of("C", "A", "B"), List.of(a, b, c), "rules/x")).containsExactly(c, a, b);
    }

    @Test
    void everyDefectIsReportedInOneGoInTheScorecardsOrderThenTheStraysAsTheyFired() {
        List<Finding> found = List.of(decided("Z2"), decided("B"), decided("B"), decided("Z1"), decided("Z2"), decided("D"));
        assertThatThrownBy(() -> RuleSession.inOrder(List.of("A", "B", "C", "D"), found, "rules/x"))
                .isInstanceOfSatisfying(RulebookException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::path).containsExactly("A", "B", "C", "Z2", "Z1");
                    assertThat(e.problems()).extracting(p -> p.text().key())
                            .containsExactly("rulebook.undecided", "rulebook.decided_twice", "rulebook.undecided",
                                    "rulebook.stray_criterion", "rulebook.stray_criterion");
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo("rules/x"));
                });
    }

    @Test
    void aCriterionDecidedThreeTimesNamesAllThreeRules() {
        List<Finding> found = List.of(decided("A"), decided("A"), decided("A"));
        assertThatThrownBy(() -> RuleSession.inOrder(List.of("A"), found, "rules/x"))
                .isInstanceOfSatisfying(RulebookException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).text().args()).containsExactly("; ; ");
                });
    }
}
