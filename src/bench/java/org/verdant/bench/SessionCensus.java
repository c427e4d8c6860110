package org.verdant.bench;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCancelledEvent;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.runtime.KieSession;
import org.verdant.evaluation.Evaluator;
import org.verdant.facts.FactBuilder;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.session.RuleSession;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one rule session does, averaged over generated submissions: facts inserted by class,
 * matches created, fired and cancelled by rule. Facts no rule needs and matches that never fire
 * are work the network does for nothing. A profile aid, not a benchmark.
 *
 * <pre>java -cp … org.verdant.bench.SessionCensus [COUNT] [EDITION]</pre>
 */
public final class SessionCensus {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        String edition = args.length > 1 ? args[1] : null;
        CompiledRulebook rulebook = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Path.of("scorecards")));
        Evaluator evaluator = new Evaluator(rulebook);
        SubmissionGenerator generator = new SubmissionGenerator(rulebook.rulebook(), "green-factory", edition, 1, 0);
        Map<String, long[]> facts = new TreeMap<>();
        Map<String, long[]> rules = new TreeMap<>(); // created, fired, cancelled
        long inserted = 0;
        for (int i = 0; i < count; i++) {
            byte[] input = generator.submission(i).getBytes(StandardCharsets.UTF_8);
            Evaluator.Validated v = evaluator.validate("generated.yaml", input, Evaluator.Options.defaults());
            List<Object> in = FactBuilder.facts(v.submission(), v.scorecard(), rulebook.rulebook().benchmarks());
            for (Object o : in) facts.computeIfAbsent(v.scorecard().edition() + " " + o.getClass().getSimpleName(), k -> new long[1])[0]++;
            KieSession session = rulebook.kieBase(v.scorecard()).newKieSession();
            session.setGlobal("findings", new org.verdant.findings.FindingCollector());
            String ed = v.scorecard().edition();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void matchCreated(MatchCreatedEvent e) {
                    rules.computeIfAbsent(ed + " " + e.getMatch().getRule().getName(), k -> new long[3])[0]++;
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent e) {
                    rules.computeIfAbsent(ed + " " + e.getMatch().getRule().getName(), k -> new long[3])[1]++;
                }

                @Override
                public void matchCancelled(MatchCancelledEvent e) {
                    rules.computeIfAbsent(ed + " " + e.getMatch().getRule().getName(), k -> new long[3])[2]++;
                }
            });
            in.forEach(session::insert);
            for (int p = RuleSession.PHASES.size() - 1; p >= 0; p--) session.getAgenda().getAgendaGroup(RuleSession.PHASES.get(p)).setFocus();
            session.fireAllRules();
            inserted += session.getFactCount();
            session.dispose();
        }
        System.out.printf("%d sessions, %.1f facts at the end per session%n", count, inserted / (double) count);
        System.out.println("facts inserted per session, by class:");
        facts.forEach((k, c) -> System.out.printf("  %8.2f  %s%n", c[0] / (double) count, k));
        System.out.println("matches per session: created / fired / cancelled, by rule:");
        long[] total = new long[3];
        rules.forEach((k, c) -> {
            System.out.printf("  %7.2f %7.2f %7.2f  %s%n", c[0] / (double) count, c[1] / (double) count, c[2] / (double) count, k);
            for (int j = 0; j < 3; j++) total[j] += c[j];
        });
        System.out.printf("total: %.1f created, %.1f fired, %.1f cancelled per session%n",
                total[0] / (double) count, total[1] / (double) count, total[2] / (double) count);
    }
}
