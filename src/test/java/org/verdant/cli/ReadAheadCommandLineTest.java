package org.verdant.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which command lines start reading the rulebook ahead: an evaluate whose rulebook the environment names, nothing else. */
class ReadAheadCommandLineTest {
    @Test
    void evaluateWithTheEnvironmentsRulebookReadsAhead() {
        assertThat(VerdantCli.evaluatesWithTheDefaultRulebook("evaluate", "a.yaml", "--format", "json")).isTrue();
        assertThat(VerdantCli.evaluatesWithTheDefaultRulebook("--lang", "en", "evaluate", "a.yaml")).isTrue();
    }

    @Test
    void otherCommandsAndOtherRulebooksDoNot() {
        assertThat(VerdantCli.evaluatesWithTheDefaultRulebook("evaluate", "a.yaml", "--rules", "r")).isFalse();
        assertThat(VerdantCli.evaluatesWithTheDefaultRulebook("evaluate", "a.yaml", "--scorecards=s")).isFalse();
        assertThat(VerdantCli.evaluatesWithTheDefaultRulebook("--version")).isFalse();
        assertThat(VerdantCli.evaluatesWithTheDefaultRulebook("validate", "a.yaml")).isFalse();
        assertThat(VerdantCli.evaluatesWithTheDefaultRulebook("batch", "evaluate")).isFalse();
        assertThat(VerdantCli.evaluatesWithTheDefaultRulebook()).isFalse();
    }
}
