package org.verdant.compare;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.UsageException;
import org.verdant.verdict.VerdictJson;
import org.verdant.text.Messages;
import org.verdant.support.TestRulebook;
import org.verdant.verdict.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Two verdicts compared: from submissions just evaluated and from JSON verdicts written earlier. */
class ComparisonTest {
    private static final Messages EN = new Messages("en");

    @Test
    void twoSubmissionsDifferInInputsAndInTheCriteriaThoseInputsDecide() {
        String a = TestRulebook.base();
        String b = TestRulebook.with(TestRulebook.with(a, "claims.INF-05", "{met: false}"), "products.0.energy", "110000 tce");
        Verdict va = TestRulebook.evaluate(a);
        Verdict vb = TestRulebook.evaluate(b);
        var inputs = TreeDiff.between(
                org.verdant.yaml.YamlReader.read("a", a.getBytes(), new org.verdant.yaml.Problems()),
                org.verdant.yaml.YamlReader.read("b", b.getBytes(), new org.verdant.yaml.Problems()));
        Comparison c = Comparison.of(VerdictView.of(va, EN), VerdictView.of(vb, EN), inputs);
        assertThat(c.inputs()).contains(new TreeDiff.Leaf("products[0].energy", "98000 tce", "110000 tce"),
                new TreeDiff.Leaf("claims.INF-05.met", "true", "false"));
        assertThat(c.items()).extracting(Comparison.ItemChange::id).contains("INF-05", "PRF-11");
        // the total moves by exactly the categories' weighted deltas
        double categories = c.categories().stream().mapToDouble(k -> k.weightedB() - k.weightedA()).sum();
        assertThat(c.scoreDelta()).isCloseTo(categories, within(1e-6));
        assertThat(c.scoreDelta()).isLessThan(0);
    }

    @Test
    void verdictFilesCompareTheirCriterionValuesAndFigures() throws UsageException {
        Verdict va = TestRulebook.evaluate(TestRulebook.base());
        Verdict vb = TestRulebook.evaluate(TestRulebook.with(TestRulebook.base(), "materials.green", "40 t"));
        String ja = VerdictJson.write(va, EN);
        String jb = VerdictJson.write(vb, new Messages("zh"));
        Comparison c = Comparison.of(VerdictView.parse("a.json", ja), VerdictView.parse("b.json", jb), null);
        assertThat(c.inputsKnown()).isFalse();
        assertThat(c.items()).extracting(Comparison.ItemChange::id).containsExactly("PRF-04");
        assertThat(c.items().get(0).values()).contains(new TreeDiff.Leaf("value", "60", "40"));
        assertThat(c.parameters()).isEmpty(); // the language of a verdict file is not a difference
        // a figure that differs is named with both values
        String changed = ja.replace("\"figure\" : \"PRF-04.basic.reference\",\n    \"value\" : 30", "\"figure\" : \"PRF-04.basic.reference\",\n    \"value\" : 35");
        assertThat(changed).isNotEqualTo(ja);
        Comparison f = Comparison.of(VerdictView.parse("a.json", ja), VerdictView.parse("c.json", changed), null);
        assertThat(f.parameters()).extracting(p -> p.what() + " | " + p.a() + " | " + p.b())
                .contains("PRF-04.basic.reference | 30 % (provisional) | 35 % (provisional)");
        assertThatThrownBy(() -> VerdictView.parse("x.json", "{\"format\": \"other\"}")).hasMessageContaining("not a verdict");
        assertThatThrownBy(() -> VerdictView.parse("x.json", "{")).hasMessageContaining("not a JSON verdict");
    }

    /** A corrected claim re-evaluated under a changed rulebook has two causes, and both are named. */
    @Test
    void aChangeWithoutDifferingFiguresNamesItsOwnInputsAndTheRulebook() throws UsageException {
        String a = TestRulebook.base();
        String b = TestRulebook.with(a, "claims.INF-05", "{met: false}");
        var inputs = TreeDiff.between(
                org.verdant.yaml.YamlReader.read("a", a.getBytes(), new org.verdant.yaml.Problems()),
                org.verdant.yaml.YamlReader.read("b", b.getBytes(), new org.verdant.yaml.Problems()));
        String ja = VerdictJson.write(TestRulebook.evaluate(a), EN);
        String jb = VerdictJson.write(TestRulebook.evaluate(b), EN);
        Comparison sameRulebook = Comparison.of(VerdictView.parse("a.json", ja), VerdictView.parse("b.json", jb), inputs);
        Comparison.ItemChange inf05 = sameRulebook.items().stream().filter(i -> i.id().equals("INF-05")).findFirst().orElseThrow();
        assertThat(inf05.values()).as("a claim compares no figure").isEmpty();
        assertThat(sameRulebook.causes(inf05)).extracting(Comparison.Cause::kind).containsExactly(Comparison.Cause.Kind.INPUTS);
        assertThat(sameRulebook.causes(inf05).get(0).leaves()).extracting(TreeDiff.Leaf::path)
                .containsExactly("claims.INF-05.met", "claims.INF-05.evidence[0]");

        String newerRulebook = jb.replace("\"figure\" : \"PRF-04.basic.reference\",\n    \"value\" : 30", "\"figure\" : \"PRF-04.basic.reference\",\n    \"value\" : 35");
        assertThat(newerRulebook).isNotEqualTo(jb);
        Comparison changed = Comparison.of(VerdictView.parse("a.json", ja), VerdictView.parse("b.json", newerRulebook), inputs);
        assertThat(changed.rulebookChanged()).isTrue();
        assertThat(changed.causes(inf05)).extracting(Comparison.Cause::kind)
                .containsExactly(Comparison.Cause.Kind.INPUTS, Comparison.Cause.Kind.RULEBOOK);
        // an input not named after the item is not its cause, and INF-050 is not INF-05
        Comparison.ItemChange other = new Comparison.ItemChange("INF-050", "x", false, "met", "not_met", 1.0, 0.0, 1.0, 1.0, java.util.List.of());
        assertThat(sameRulebook.causes(other)).extracting(Comparison.Cause::kind).containsExactly(Comparison.Cause.Kind.OTHER_INPUTS);
        assertThat(Comparison.of(VerdictView.parse("a.json", ja), VerdictView.parse("b.json", ja), java.util.List.of()).causes(other))
                .extracting(Comparison.Cause::kind).containsExactly(Comparison.Cause.Kind.UNKNOWN);
    }
}
