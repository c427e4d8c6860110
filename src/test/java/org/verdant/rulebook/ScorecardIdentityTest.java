package org.verdant.rulebook;

import org.junit.jupiter.api.Test;
import org.verdant.support.TestRulebook;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edition with the same overlays, or the same indicator table chosen the same way, is the same
 * scorecard instance in every evaluation: what depends only on it ({@link Scorecard#derived}) is
 * then worked out once, not per evaluation.
 */
class ScorecardIdentityTest {
    private static final Rulebook RULEBOOK = TestRulebook.compiled().rulebook();

    @Test
    void theSameOverlaysGiveTheSameScorecard() {
        Scorecard edition = edition("green-factory", "GB/T 36132-2018");
        List<Scorecard> overlays = RULEBOOK.overlays(edition.scheme(), LocalDate.of(2026, 6, 1));
        assertThat(overlays).isNotEmpty();
        Scorecard first = edition.withOverlays(overlays);
        Scorecard second = edition.withOverlays(new ArrayList<>(overlays)); // another list, the same overlays
        assertThat(second).isSameAs(first);
        assertThat(first.gates()).hasSize(edition.gates().size() + overlays.stream().mapToInt(o -> o.gates().size()).sum());
        assertThat(edition.withOverlays(List.of())).isSameAs(edition);
    }

    @Test
    void theSameTableChosenTheSameWayGivesTheSameScorecard() {
        Scorecard edition = edition("green-factory", "GB/T 36132-2025");
        IndicatorTable table = RULEBOOK.tables().values().iterator().next();
        Scorecard byDefault = edition.withTable(table, "default");
        assertThat(edition.withTable(table, "default")).isSameAs(byDefault);
        Scorecard byOption = edition.withTable(table, "option");
        assertThat(byOption).isNotSameAs(byDefault);
        assertThat(byOption.tableChoice()).isEqualTo("option");
        assertThat(byDefault.tableChoice()).isEqualTo("default");
    }

    @Test
    void criteriaAreListedOnce() {
        Scorecard edition = edition("green-factory", "GB/T 36132-2018");
        assertThat(edition.criteria()).isSameAs(edition.criteria());
        assertThat(edition.criteria()).hasSize(edition.categories().stream().mapToInt(c -> c.criteria().size()).sum());
    }

    @Test
    void aValueDerivedFromAScorecardIsWorkedOutOnce() {
        Scorecard edition = edition("green-factory", "GB/T 36132-2018");
        Object key = new Object();
        int[] computed = {0};
        Object first = edition.derived(key, s -> ++computed[0]);
        Object second = edition.derived(key, s -> ++computed[0]);
        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(1);
        assertThat(computed[0]).isEqualTo(1);
    }

    private static Scorecard edition(String scheme, String edition) {
        return RULEBOOK.editions(scheme).stream().filter(s -> s.edition().equals(edition)).findFirst().orElseThrow();
    }
}
