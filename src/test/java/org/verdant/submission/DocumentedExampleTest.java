package org.verdant.submission;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;
import org.verdant.support.TestRulebook;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The complete example in docs/submission-format.md must stay a valid submission. */
class DocumentedExampleTest {
    @Test
    void theDocumentedExampleIsValidAndEvaluates() {
        String doc = TestRulebook.read("docs/submission-format.md");
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        assertThat(yaml).contains("scheme: green-factory");
        assertThatCode(() -> new Evaluator(TestRulebook.compiled())
                .validate("example.yaml", yaml.getBytes(StandardCharsets.UTF_8), Evaluator.Options.defaults()))
                .doesNotThrowAnyException();
        assertThat(TestRulebook.evaluate(yaml).criteria()).hasSize(57);
    }
}
