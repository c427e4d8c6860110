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
 * <pre>java -cp … org.verdant.bench.SessionVariants [WARMUP_SECONDS] [MEASURE_SECONDS] [VARIANTS]</pre>
 *
 * VARIANTS: a regular expression; only the variants whose names it finds are timed (the first,
 * "as is", always is: every ratio is to it). Fewer variants, more measured blocks of each.
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
        // knowledge bases compiled from the same DRL with one Drools option changed (the first with none, as a control)
        Map<String, Map<Scorecard, KieBase>> optioned = new java.util.LinkedHashMap<>();
        String[] options = {"default options", "alpha hashing from 2 nodes", "alpha hashing from 16 nodes", "no beta-memory indexing",
            "constraints jitted at once"};
        for (String o : options) optioned.put(o, new IdentityHashMap<>());
        String[] fixed = {"as is (RuleSession.run)", "new session, both listeners", "pooled, both listeners", "new session, no listener",
            "pooled, no listener", "new session, agenda listener only", "pooled, agenda listener only"};
        String[] names = new String[fixed.length + options.length];
        System.arraycopy(fixed, 0, names, 0, fixed.length);
        for (int o = 0; o < options.length; o++) names[fixed.length + o] = "pooled, both listeners, DRL with " + options[o];
        List<Variant> all = new java.util.ArrayList<>(List.of(
            (s, f) -> RuleSession.run(rulebook, s, f),
            (s, f) -> fire(rulebook.kieBase(s).newKieSession(), f, 3),
            (s, f) -> fire(pools.computeIfAbsent(rulebook.kieBase(s), b -> b.newKieSessionsPool(2)).newKieSession(), f, 3),
            (s, f) -> fire(rulebook.kieBase(s).newKieSession(), f, 0),
            (s, f) -> fire(pools.computeIfAbsent(rulebook.kieBase(s), b -> b.newKieSessionsPool(2)).newKieSession(), f, 0),
            (s, f) -> fire(rulebook.kieBase(s).newKieSession(), f, 1),
            (s, f) -> fire(pools.computeIfAbsent(rulebook.kieBase(s), b -> b.newKieSessionsPool(2)).newKieSession(), f, 1)));
        for (int o = 0; o < options.length; o++) {
            int option = o;
            all.add((s, f) -> fire(pools.computeIfAbsent(optioned.get(options[option]).computeIfAbsent(s, c -> compile(rulebook, c, option)),
                    b -> b.newKieSessionsPool(2)).newKieSession(), f, 3));
        }
        Variant[] variants = all.toArray(new Variant[0]);
        java.util.regex.Pattern only = args.length > 2 ? java.util.regex.Pattern.compile(args[2]) : null;
        // every variant must decide the same criteria alike, or its time means nothing; one that cannot run is left out
        boolean[] usable = new boolean[variants.length];
        for (int k = 0; k < variants.length; k++) {
            if (k > 0 && only != null && !only.matcher(names[k]).find()) continue;
            try {
                for (int i = 0; i < 8; i++) {
                    String expected = decided(variants[0].run(cards[i], facts[i]));
                    String got = decided(variants[k].run(cards[i], facts[i]));
                    if (!expected.equals(got)) throw new IllegalStateException("decides otherwise on input " + i);
                }
                usable[k] = true;
            } catch (Exception e) {
                System.out.println(names[k] + ": left out, " + e);
            }
        }
        if (only == null) sequential(rulebook, cards[0], facts[0], decided(variants[0].run(cards[0], facts[0])));
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
            // at least one measured block: on a busy machine one warm-up block can outlast the whole measuring time
            if (elapsed >= warmup + measure && count[0] > 0) break;
            for (int k = 0; k < variants.length; k++) {
                if (!usable[k]) continue;
                long t0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) variants[k].run(cards[i], facts[i]);
                cpu[k] += threads.getCurrentThreadCpuTime() - t0;
                count[k] += n;
            }
        }
        for (int k = 0; k < variants.length; k++) {
            if (!usable[k]) continue;
            System.out.printf("%-40s %8.1f µs per session (%d sessions), %.2f × as is%n", names[k], cpu[k] / 1e3 / count[k], count[k],
                    (cpu[k] / (double) count[k]) / (cpu[0] / (double) count[0]));
        }
    }

    /**
     * Each finding's criterion, status and points, sorted by criterion: what two ways of running must
     * agree on (the listener-free variants name no rule, and a stateless run fires in its own order).
     */
    @SuppressWarnings("unchecked")
    private static String decided(Object findings) {
        return ((List<org.verdant.findings.Finding>) findings).stream().map(f -> f.criterionId() + " " + f.status() + " " + f.points())
                .sorted().collect(java.util.stream.Collectors.joining("\n"));
    }

    private static KieBase compile(CompiledRulebook rulebook, Scorecard scorecard, int option) {
        org.kie.api.KieBaseConfiguration conf = org.kie.api.KieServices.Factory.get().newKieBaseConfiguration();
        switch (option) {
            case 1 -> conf.setOption(org.kie.internal.conf.AlphaThresholdOption.get(2));
            case 2 -> conf.setOption(org.kie.internal.conf.AlphaThresholdOption.get(16));
            case 3 -> {
                conf.setOption(org.kie.internal.conf.IndexLeftBetaMemoryOption.NO);
                conf.setOption(org.kie.internal.conf.IndexRightBetaMemoryOption.NO);
            }
            case 4 -> conf.setOption(org.kie.internal.conf.ConstraintJittingThresholdOption.get(0));
            case 5 -> conf.setOption(org.kie.api.conf.SequentialOption.YES);
            default -> {
            }
        }
        return compile(rulebook, scorecard, conf);
    }

    private static KieBase compile(CompiledRulebook rulebook, Scorecard scorecard, org.kie.api.KieBaseConfiguration conf) {
        org.kie.internal.builder.KnowledgeBuilder builder = org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (org.verdant.rulebook.SourceFile f : rulebook.rulebook().rulesFor(scorecard)) {
            builder.add(org.kie.internal.io.ResourceFactory.newByteArrayResource(f.bytes()).setSourcePath(f.logicalPath()),
                    org.kie.api.io.ResourceType.DRL);
        }
        if (builder.hasErrors()) throw new IllegalStateException(builder.getErrors().toString());
        org.drools.kiesession.rulebase.InternalKnowledgeBase base = org.drools.kiesession.rulebase.KnowledgeBaseFactory.newKnowledgeBase(conf);
        base.addPackages(builder.getKnowledgePackages());
        return base;
    }

    /**
     * Drools' sequential mode (a stateless run where a consequence's inserts reach no rule) cannot
     * run these rules: the derivation and reference rules insert the facts the judging rules match.
     * Shown, not assumed: what it decides on one input against the session as it is.
     */
    private static void sequential(CompiledRulebook rulebook, Scorecard scorecard, List<Object> facts, String expected) {
        String got;
        try {
            org.kie.api.runtime.StatelessKieSession stateless = compile(rulebook, scorecard, 5).newStatelessKieSession();
            FindingCollector findings = new FindingCollector();
            stateless.setGlobal("findings", findings);
            stateless.execute(facts);
            got = findings.all().size() + " findings; " + (decided(findings.all()).equals(expected) ? "the same as" : "not what") + " the session decides";
        } catch (RuntimeException e) {
            got = "failed: " + e;
        }
        System.out.println("drools.sequential (stateless, one input): " + got);
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
