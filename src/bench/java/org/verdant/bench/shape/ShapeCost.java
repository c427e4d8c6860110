package org.verdant.bench.shape;

import org.verdant.evaluation.Evaluator;
import org.verdant.facts.FactBuilder;
import org.verdant.findings.Finding;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.rulebook.Scorecard;
import org.verdant.session.RuleSession;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the session costs when no rule matches a scorecard fact: the real 2018 rulebook against the
 * shaped one ({@link ShapedRules}), on the same 128 generated GB/T 36132-2018 submissions, in one
 * JVM, in alternating blocks, by the measuring thread's CPU time (as SessionVariants measures).
 * "as is" is RuleSession.run (the product's path, for control); "real" and "shaped" run through
 * the same harness, so only the rules and the facts inserted differ. Before timing, every input's
 * findings are checked to be alike in both (ShapeEquivalence checks far more), and the facts in
 * the session and the matches fired are counted.
 *
 * <pre>java -cp … org.verdant.bench.shape.ShapeCost [WARMUP_SECONDS] [MEASURE_SECONDS] [drl|model]</pre>
 */
public final class ShapeCost {
    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        boolean model = args.length > 2 && args[2].equals("model");
        Rulebook book = RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
        CompiledRulebook rulebook = new CompiledRulebook(book);
        Evaluator evaluator = new Evaluator(rulebook);
        ShapedSessions sessions = new ShapedSessions(rulebook, model);
        SubmissionGenerator generator = new SubmissionGenerator(book, "green-factory", "GB/T 36132-2018", 1, 0);
        int n = 128;
        Scorecard[] cards = new Scorecard[n];
        @SuppressWarnings("unchecked") List<Object>[] facts = new List[n];
        @SuppressWarnings("unchecked") List<Object>[] shapedFacts = new List[n];
        @SuppressWarnings("unchecked") List<Object>[] constants = new List[n];
        Map<String, List<Object>> shared = new HashMap<>();
        int overlaid = 0;
        for (int i = 0; i < n; i++) {
            Evaluator.Validated v = evaluator.validate("generated.yaml", generator.submission(i).getBytes(StandardCharsets.UTF_8),
                    Evaluator.Options.defaults());
            Scorecard card = v.scorecard();
            cards[i] = card;
            constants[i] = shared.computeIfAbsent(card.id(), id -> FactBuilder.constants(card, book.benchmarks()));
            facts[i] = FactBuilder.facts(v.submission(), card, constants[i]);
            shapedFacts[i] = ShapedSessions.shapedFacts(facts[i], constants[i]);
            if (!card.ruleSets().equals(List.of("green-factory/gbt36132-2018"))) overlaid++;
        }
        System.out.printf("%d inputs (%d with the cultivation overlay), rules compiled %s%n", n, overlaid, model ? "to the executable model" : "from DRL");
        long[] census = new long[6]; // facts given real/shaped, facts at the end real/shaped, matches fired real/shaped
        for (int i = 0; i < n; i++) {
            String a = ShapeEquivalence.describe(sessions.real(cards[i], facts[i]));
            String b = ShapeEquivalence.describe(sessions.shaped(cards[i], constants[i], shapedFacts[i]));
            if (!a.equals(b)) throw new IllegalStateException("the shaped rules decide otherwise on input " + i);
            ShapedSessions.Census r = sessions.census(cards[i], constants[i], facts[i], false);
            ShapedSessions.Census s = sessions.census(cards[i], constants[i], shapedFacts[i], true);
            census[0] += facts[i].size();
            census[1] += shapedFacts[i].size();
            census[2] += r.facts();
            census[3] += s.facts();
            census[4] += r.fired();
            census[5] += s.fired();
        }
        System.out.printf("per session: facts inserted %.1f real, %.1f shaped; facts at the end %.1f / %.1f; matches fired %.1f / %.1f%n",
                census[0] / (double) n, census[1] / (double) n, census[2] / (double) n, census[3] / (double) n,
                census[4] / (double) n, census[5] / (double) n);
        String[] names = {"as is (RuleSession.run)", "real rules (harness)", "shaped rules (harness)"};
        interface Run {
            List<Finding> run(int i) throws Exception;
        }
        Run[] runs = {
            i -> RuleSession.run(rulebook, cards[i], facts[i]),
            i -> sessions.real(cards[i], facts[i]),
            i -> sessions.shaped(cards[i], constants[i], shapedFacts[i])};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[runs.length];
        long[] count = new long[runs.length];
        long start = System.nanoTime();
        boolean measuring = false;
        long sink = 0;
        while (true) {
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            if (!measuring && elapsed >= warmup) {
                measuring = true;
                java.util.Arrays.fill(cpu, 0);
                java.util.Arrays.fill(count, 0);
            }
            if (measuring && elapsed >= warmup + measure && count[0] > 0) break;
            for (int k = 0; k < runs.length; k++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) sink += runs[k].run(i).size();
                cpu[k] += threads.getCurrentThreadCpuTime() - t0;
                count[k] += n;
            }
        }
        System.out.printf("measured %d s after %d s of warm-up (%d findings)%n", measure, warmup, sink);
        for (int k = 0; k < runs.length; k++) {
            System.out.printf("%-26s %8.1f µs per session (%d sessions), %.3f × real%n", names[k], cpu[k] / 1e3 / count[k], count[k],
                    (cpu[k] / (double) count[k]) / (cpu[1] / (double) count[1]));
        }
    }
}
