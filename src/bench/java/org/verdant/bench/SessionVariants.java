package org.verdant.bench;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.verdant.evaluation.Evaluator;
import org.verdant.facts.FactBuilder;
import org.verdant.findings.FindingCollector;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.rulebook.Scorecard;
import org.verdant.session.RuleSession;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ways of running one rule session, compared in one JVM on the same inputs, in alternating blocks,
 * by the measuring thread's CPU time: what the verdict's session costs as it is, from a pool of
 * sessions reset between evaluations, and without the listener. A profile aid.
 *
 * <pre>java -cp … org.verdant.bench.SessionVariants [WARMUP_SECONDS] [MEASURE_SECONDS]</pre>
 */
public final class SessionVariants {
    interface Variant {
        Object run(Scorecard scorecard, List<Object> facts) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        CompiledRulebook rulebook = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Path.of("scorecards")));
        Evaluator evaluator = new Evaluator(rulebook);
        SubmissionGenerator generator = new SubmissionGenerator(rulebook.rulebook(), "green-factory", null, 1, 0);
        int n = 128;
        Scorecard[] cards = new Scorecard[n];
        @SuppressWarnings("unchecked") List<Object>[] facts = new List[n];
        for (int i = 0; i < n; i++) {
            Evaluator.Validated v = evaluator.validate("generated.yaml", generator.submission(i).getBytes(StandardCharsets.UTF_8),
                    Evaluator.Options.defaults());
            cards[i] = v.scorecard();
            facts[i] = FactBuilder.facts(v.submission(), v.scorecard(), rulebook.rulebook().benchmarks());
        }
        Map<KieBase, KieSessionsPool> pools = new IdentityHashMap<>();
        String[] names = {"as is (RuleSession.run)", "new session, both listeners", "pooled, both listeners", "new session, no listener",
            "pooled, no listener", "new session, agenda listener only", "pooled, agenda listener only"};
        Variant[] variants = {
            (s, f) -> RuleSession.run(rulebook, s, f),
            (s, f) -> fire(rulebook.kieBase(s).newKieSession(), f, 3),
            (s, f) -> fire(pools.computeIfAbsent(rulebook.kieBase(s), b -> b.newKieSessionsPool(2)).newKieSession(), f, 3),
            (s, f) -> fire(rulebook.kieBase(s).newKieSession(), f, 0),
            (s, f) -> fire(pools.computeIfAbsent(rulebook.kieBase(s), b -> b.newKieSessionsPool(2)).newKieSession(), f, 0),
            (s, f) -> fire(rulebook.kieBase(s).newKieSession(), f, 1),
            (s, f) -> fire(pools.computeIfAbsent(rulebook.kieBase(s), b -> b.newKieSessionsPool(2)).newKieSession(), f, 1),
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[variants.length];
        long[] count = new long[variants.length];
        long start = System.nanoTime();
        boolean measuring = false;
        while (true) {
            long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
            if (!measuring && elapsed >= warmup) {
                measuring = true;
                java.util.Arrays.fill(cpu, 0);
                java.util.Arrays.fill(count, 0);
            }
            if (elapsed >= warmup + measure) break;
            for (int k = 0; k < variants.length; k++) {
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) variants[k].run(cards[i], facts[i]);
                cpu[k] += threads.getCurrentThreadCpuTime() - t0;
                count[k] += n;
            }
        }
        for (int k = 0; k < variants.length; k++) {
            System.out.printf("%-40s %8.1f µs per session (%d sessions), %.2f × as is%n", names[k], cpu[k] / 1e3 / count[k], count[k],
                    (cpu[k] / (double) count[k]) / (cpu[0] / (double) count[0]));
        }
    }

    private static Object fire(KieSession session, List<Object> facts, int listen) {
        FindingCollector findings = new FindingCollector();
        try {
            session.setGlobal("findings", findings);
            if ((listen & 1) != 0) session.addEventListener((org.kie.api.event.rule.AgendaEventListener) findings);
            if ((listen & 2) != 0) session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) findings);
            facts.forEach(session::insert);
            for (int i = RuleSession.PHASES.size() - 1; i >= 0; i--) session.getAgenda().getAgendaGroup(RuleSession.PHASES.get(i)).setFocus();
            session.fireAllRules();
            if ((listen & 1) != 0) session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) findings);
            if ((listen & 2) != 0) session.removeEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) findings);
        } finally {
            session.dispose();
        }
        return findings.all();
    }
}
