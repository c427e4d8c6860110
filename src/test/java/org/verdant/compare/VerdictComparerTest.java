package org.verdant.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.verdant.text.Json;

import static org.assertj.core.api.Assertions.assertThat;

/** The one verdict comparer, and the two renderings built on it agreeing on what changed. */
class VerdictComparerTest {
    private static JsonNode verdict(String criteria, String score) throws Exception {
        return Json.read("{\"format\": \"verdant.verdict/1\", \"scheme\": \"green-factory\", \"score\": " + score
                + ", \"rulebook\": {\"digest\": \"sha256:a\"}, \"gates\": [{\"id\": \"B1\", \"status\": \"met\"}], \"criteria\": [" + criteria
                + "], \"warnings\": []}");
    }

    @Test
    void pairsEveryItemByIdInTheEarlierVerdictsOrderThenTheNewOnes() throws Exception {
        JsonNode before = verdict("{\"id\": \"A\", \"status\": \"met\", \"points\": 5, \"max\": 5}", "90");
        JsonNode after = verdict("{\"id\": \"C\", \"status\": \"met\", \"points\": 1, \"max\": 1},"
                + "{\"id\": \"A\", \"status\": \"not met\", \"points\": 0, \"max\": 5}", "85.50");
        VerdictComparer.Pairs p = VerdictComparer.compare(before, after);
        assertThat(p.criteria()).extracting(VerdictComparer.Judged::id).containsExactly("A", "C");
        assertThat(p.criteria().get(1).onlyAfter()).isTrue();
        assertThat(p.criteria().get(1).pair().before().isMissingNode()).isTrue();
        assertThat(p.headline("score").differs()).isTrue();
        assertThat(p.headline("rulebook.digest").differs()).isFalse();
        assertThat(p.gates().get(0).pair().differs()).isFalse();

        assertThat(VerdictDiff.compare(before, after).lines("en"))
                .containsExactly("score: 90 → 85.50", "A: met 5/5 → not met 0/5", "C: absent → met 1/1");
        assertThat(VerdictDiff.compare(before, after).lines("zh")).containsExactly("得分：90 → 85.50", "A：符合 5/5 → not met 0/5", "C：无 → 符合 1/1");
        assertThat(VerdictComparison.compare(before.toString(), after.toString()).differences()).extracting(Object::toString)
                .containsExactly("score: 90 → 85.5", "criterion A status: met → not met", "criterion A points: 5 → 0",
                        "criterion C: — → present");
        assertThat(VerdictComparison.compare(before.toString(), after.toString()).differences()).extracting(d -> d.in("zh"))
                .containsExactly("得分：90 → 85.5", "指标 A 状态：met → not met", "指标 A 得分：5 → 0", "指标 C：— → 有");
    }
}
