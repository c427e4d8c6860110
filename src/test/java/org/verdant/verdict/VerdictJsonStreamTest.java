package org.verdant.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;
import org.verdant.explain.TraceBuilder;
import org.verdant.explain.TraceJson;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.support.ValidFixtures;
import org.verdant.text.Json;
import org.verdant.text.Messages;
import org.verdant.yaml.PathIndex;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict is streamed to JSON without building its tree ({@link VerdictJson#write},
 * {@link VerdictJson#compact}); the tree ({@link VerdictJson#toJson}) stays for the callers that
 * read it. Both must give the same bytes for every verdict: every valid fixture under every
 * edition it is valid for, generated submissions, both languages, with and without a trace.
 */
class VerdictJsonStreamTest {
    private static final Rulebook RULEBOOK = load();
    private static final Evaluator EVALUATOR = new Evaluator(new CompiledRulebook(RULEBOOK));

    private static Rulebook load() {
        try {
            return RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyValidFixtureStreamsTheBytesItsTreeWrites() throws Exception {
        List<Path> fixtures = ValidFixtures.submissions();
        List<String> checked = new ArrayList<>();
        for (Path f : fixtures) {
            byte[] bytes = Files.readAllBytes(f);
            for (String edition : ValidFixtures.editions(EVALUATOR, RULEBOOK, f, bytes)) {
                sameBytes(f.toString(), bytes, new Evaluator.Options(edition, null), f + " " + edition);
                checked.add(f + " " + edition);
            }
        }
        assertThat(checked).hasSizeGreaterThan(25);
    }

    @Test
    void generatedSubmissionsStreamTheBytesTheirTreeWrites() throws Exception {
        SubmissionGenerator generator = new SubmissionGenerator(RULEBOOK, "green-factory", null, 7, 0); // both editions
        for (int i = 0; i < 40; i++) {
            byte[] bytes = generator.submission(i).getBytes(StandardCharsets.UTF_8);
            sameBytes("generated-" + i + ".yaml", bytes, Evaluator.Options.defaults(), "generated #" + i);
        }
    }

    private static void sameBytes(String file, byte[] bytes, Evaluator.Options options, String what) throws Exception {
        Problems problems = new Problems();
        YamlNode root = YamlReader.read(file, bytes, problems);
        Verdict v = EVALUATOR.evaluate(file, root, problems, Evaluator.sha256(bytes), options);
        for (String lang : List.of("zh", "en")) {
            Messages m = new Messages(lang);
            assertThat(VerdictJson.write(v, m)).as(what + " " + lang).isEqualTo(VerdictJson.text(VerdictJson.toJson(v, m)));
            String compact = new String(Json.compact(VerdictJson.toJson(v, m)), StandardCharsets.UTF_8);
            assertThat(new String(VerdictJson.compact(v, m), StandardCharsets.UTF_8)).as(what + " " + lang + " compact")
                    .isEqualTo(compact);
            // batch's line: the same bytes and one newline, from the thread's reused buffer (twice: the second reuses it)
            for (int round = 0; round < 2; round++) {
                assertThat(new String(VerdictJson.compactLine(v, m), StandardCharsets.UTF_8)).as(what + " " + lang + " line " + round)
                        .isEqualTo(compact + "\n");
            }
            Map<String, JsonNode> traces = TraceJson.nodes(TraceBuilder.all(v, new PathIndex(root), m));
            assertThat(VerdictJson.write(v, m, traces)).as(what + " " + lang + " with a trace")
                    .isEqualTo(VerdictJson.text(VerdictJson.toJson(v, m, traces)));
        }
    }
}
