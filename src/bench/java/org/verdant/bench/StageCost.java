package org.verdant.bench;

import org.verdant.evaluation.Evaluator;
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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Where one evaluation's time goes, stage by stage, in CPU time of the measuring thread: on a
 * machine shared with other work the wall clock measures the neighbours, the thread's CPU time
 * does not (much). Not a JMH benchmark: a profile aid.
 *
 * <pre>java -cp … org.verdant.bench.StageCost [WARMUP_SECONDS] [MEASURE_SECONDS]</pre>
 */
public final class StageCost {
    private static final String[] STAGES = {"read YAML", "check", "facts", "session", "verdict", "json line"};

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        CompiledRulebook rulebook = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Path.of("scorecards")));
        Evaluator evaluator = new Evaluator(rulebook);
        Messages messages = new Messages("zh");
        SubmissionGenerator generator = new SubmissionGenerator(rulebook.rulebook(), "green-factory", null, 1, 0);
        byte[][] inputs = new byte[256][];
        for (int i = 0; i < inputs.length; i++) inputs[i] = generator.submission(i).getBytes(StandardCharsets.UTF_8);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[STAGES.length];
        long count = 0;
        boolean measuring = false;
        long until = System.nanoTime() + warmup * 1_000_000_000L;
        long sink = 0;
        for (int n = 0; ; n++) {
            if (System.nanoTime() > until) {
                if (measuring) break;
                measuring = true;
                until = System.nanoTime() + measure * 1_000_000_000L;
                java.util.Arrays.fill(cpu, 0);
                count = 0;
            }
            byte[] input = inputs[n & 255];
            long t0 = threads.getCurrentThreadCpuTime();
            Problems problems = new Problems();
            YamlNode root = YamlReader.read("generated.yaml", input, problems);
            long t1 = threads.getCurrentThreadCpuTime();
            Evaluator.Validated v = evaluator.validate("generated.yaml", root, problems, Evaluator.Options.defaults());
            long t2 = threads.getCurrentThreadCpuTime();
            List<Object> facts = evaluator.facts(v); // as Evaluator.evaluate builds them (the scorecard's own shared)
            long t3 = threads.getCurrentThreadCpuTime();
            List<Finding> findings = RuleSession.run(rulebook, v.scorecard(), facts);
            long t4 = threads.getCurrentThreadCpuTime();
            String gradingId = v.scorecard().defaultGrading();
            GradingTable grading = gradingId == null || gradingId.equals("none") ? null : rulebook.rulebook().gradings().get(gradingId);
            Verdict verdict = VerdictBuilder.build(v.submission(), v.scorecard(), findings, rulebook.rulebook(), grading,
                    Evaluator.sha256(input), Evaluator.version());
            long t5 = threads.getCurrentThreadCpuTime();
            byte[] line = VerdictJson.compact(verdict, messages);
            long t6 = threads.getCurrentThreadCpuTime();
            sink += line.length;
            long[] t = {t0, t1, t2, t3, t4, t5, t6};
            for (int s = 0; s < STAGES.length; s++) cpu[s] += t[s + 1] - t[s];
            count++;
        }
        long total = 0;
        for (long c : cpu) total += c;
        System.out.printf("%d evaluations measured over %d s after %d s of warm-up (%d bytes written)%n", count, measure, warmup, sink);
        for (int s = 0; s < STAGES.length; s++) {
            System.out.printf("%-10s %8.1f µs  %5.1f %%%n", STAGES[s], cpu[s] / 1e3 / count, 100.0 * cpu[s] / total);
        }
        double parse = (cpu[0] + cpu[1]) / 1e3 / count;
        double evaluation = (cpu[0] + cpu[1] + cpu[2] + cpu[3] + cpu[4]) / 1e3 / count;
        double all = total / 1e3 / count;
        System.out.printf("per evaluation (CPU): parse+check %.1f µs, verdict %.1f µs, verdict+json %.1f µs%n", parse, evaluation, all);
        System.out.printf("ratios as JMH states them (throughput ÷ parseAndValidate): fullEvaluation %.2f, fullEvaluationAndJson %.2f%n",
                parse / evaluation, parse / all);
    }
}
