package org.verdant.bench;

import org.verdant.evaluation.Evaluator;
import org.verdant.facts.FactBuilder;
import org.verdant.findings.Finding;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.GradingTable;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.session.RuleSession;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictBuilder;
import org.verdant.verdict.VerdictJson;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Only the stages after the session (the verdict, its compact line, the indented JSON), in CPU
 * time of the measuring thread, over findings worked out once: in {@link StageCost} these stages
 * are a quarter of an evaluation, so a profile of it samples them too rarely (h17-verdict).
 *
 * <pre>java -cp … org.verdant.bench.VerdictStagesH17Verdict [WARMUP_SECONDS] [MEASURE_SECONDS] [fresh]</pre>
 *
 * {@code fresh}: a new {@link Messages} for each verdict, as batch makes one per evaluation.
 */
public final class VerdictStagesH17Verdict {
    private static final String[] STAGES = {"verdict", "json line", "json indented (en)"};

    private record Judged(Evaluator.Validated validated, List<Finding> findings, GradingTable grading, String digest) {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean fresh = args.length > 2 && args[2].equals("fresh");
        CompiledRulebook rulebook = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Path.of("scorecards")));
        Evaluator evaluator = new Evaluator(rulebook);
        Messages zh = new Messages("zh");
        Messages en = new Messages("en");
        SubmissionGenerator generator = new SubmissionGenerator(rulebook.rulebook(), "green-factory", null, 1, 0);
        Judged[] inputs = new Judged[128];
        for (int i = 0; i < inputs.length; i++) {
            byte[] input = generator.submission(i).getBytes(StandardCharsets.UTF_8);
            Problems problems = new Problems();
            YamlNode root = YamlReader.read("generated.yaml", input, problems);
            Evaluator.Validated v = evaluator.validate("generated.yaml", root, problems, Evaluator.Options.defaults());
            List<Object> facts = FactBuilder.facts(v.submission(), v.scorecard(), rulebook.rulebook().benchmarks());
            List<Finding> findings = RuleSession.run(rulebook, v.scorecard(), facts);
            String gradingId = v.scorecard().defaultGrading();
            GradingTable grading = gradingId == null || gradingId.equals("none") ? null : rulebook.rulebook().gradings().get(gradingId);
            inputs[i] = new Judged(v, findings, grading, Evaluator.sha256(input));
        }
        CpuStageLoop.Result r = CpuStageLoop.run(warmup, measure, STAGES.length, (n, loop) -> {
            Judged j = inputs[n & 127];
            Verdict verdict = VerdictBuilder.build(j.validated().submission(), j.validated().scorecard(), j.findings(),
                    rulebook.rulebook(), j.grading(), j.digest(), Evaluator.version());
            loop.lap();
            byte[] line = VerdictJson.compact(verdict, fresh ? new Messages("zh") : zh);
            loop.lap();
            String indented = VerdictJson.write(verdict, fresh ? new Messages("en") : en);
            loop.lap();
            return line.length + indented.length();
        });
        System.out.printf("%d verdicts measured over %d s after %d s of warm-up (%d bytes/chars written)%n", r.count(), measure, warmup, r.written());
        for (int s = 0; s < STAGES.length; s++) System.out.printf("%-20s %8.1f µs%n", STAGES[s], r.microsPerRound(s));
    }
}
