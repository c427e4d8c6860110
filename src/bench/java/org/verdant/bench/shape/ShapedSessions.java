package org.verdant.bench.shape;

import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.verdant.findings.Finding;
import org.verdant.findings.FindingCollector;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.Scorecard;
import org.verdant.rulebook.SourceFile;
import org.verdant.session.RuleSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real and the shaped rulebook of a scorecard, each compiled from DRL the same way
 * (KnowledgeBuilder, default options) and run the same way as RuleSession.run: a pooled session,
 * both listeners, the three agenda groups. Only the rules and the scorecard facts inserted differ.
 */
public final class ShapedSessions {
    private final CompiledRulebook rulebook;
    private final Map<String, KieSessionsPool> real = new ConcurrentHashMap<>();
    private final Map<String, KieSessionsPool> shaped = new ConcurrentHashMap<>();
    private final Map<String, ScorecardView> views = new ConcurrentHashMap<>();

    /** Whether both rulebooks are compiled to Drools' executable model (as the jar ships them) instead of from DRL. */
    private final boolean model;

    public ShapedSessions(CompiledRulebook rulebook) {
        this(rulebook, false);
    }

    public ShapedSessions(CompiledRulebook rulebook, boolean model) {
        this.rulebook = rulebook;
        this.model = model;
    }

    /** The facts for the shaped session: the real list without the scorecard facts its rules read through {@code sc}. */
    public static List<Object> shapedFacts(List<Object> facts, List<Object> constants) {
        java.util.Set<Object> scorecard = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        scorecard.addAll(constants);
        List<Object> out = new ArrayList<>(facts.size());
        for (Object o : facts) if (!scorecard.contains(o) || ShapedRules.keptConstant(o)) out.add(o);
        return out;
    }

    public List<Finding> real(Scorecard scorecard, List<Object> facts) {
        KieSessionsPool pool = real.computeIfAbsent(scorecard.id(), k -> compile(rulebook.rulebook().rulesFor(scorecard), model).newKieSessionsPool(1));
        return inScorecardOrder(scorecard, fire(pool.newKieSession(), facts, null));
    }

    /** {@code constants}: the scorecard's facts as FactBuilder.constants built them (shared: the same objects as in the real list). */
    public List<Finding> shaped(Scorecard scorecard, List<Object> constants, List<Object> facts) {
        ScorecardView view = views.computeIfAbsent(scorecard.id(), k -> new ScorecardView(constants));
        KieSessionsPool pool = shaped.computeIfAbsent(scorecard.id(),
                k -> compile(ShapedRules.files(rulebook.rulebook().rulesFor(scorecard), constants), model).newKieSessionsPool(1));
        return inScorecardOrder(scorecard, fire(pool.newKieSession(), facts, view));
    }

    /** A census of one run: facts in the session at the end and matches fired. */
    public record Census(long facts, long fired) {
    }

    public Census census(Scorecard scorecard, List<Object> constants, List<Object> facts, boolean shapedRules) {
        KieSession session = shapedRules
                ? shaped.get(scorecard.id()).newKieSession()
                : real.get(scorecard.id()).newKieSession();
        long[] fired = new long[1];
        try {
            session.setGlobal("findings", new FindingCollector());
            if (shapedRules) session.setGlobal("sc", views.get(scorecard.id()));
            session.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent e) {
                    fired[0]++;
                }
            });
            facts.forEach(session::insert);
            for (int i = RuleSession.PHASES.size() - 1; i >= 0; i--) session.getAgenda().getAgendaGroup(RuleSession.PHASES.get(i)).setFocus();
            session.fireAllRules();
            return new Census(session.getFactCount(), fired[0]);
        } finally {
            session.dispose();
        }
    }

    private static List<Finding> fire(KieSession session, List<Object> facts, ScorecardView view) {
        FindingCollector findings = new FindingCollector();
        try {
            session.setGlobal("findings", findings);
            if (view != null) session.setGlobal("sc", view);
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) findings);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) findings);
            facts.forEach(session::insert);
            for (int i = RuleSession.PHASES.size() - 1; i >= 0; i--) session.getAgenda().getAgendaGroup(RuleSession.PHASES.get(i)).setFocus();
            session.fireAllRules();
        } finally {
            session.dispose(); // pooled: reset for the next run, as RuleSession does
        }
        return findings.all();
    }

    static KieBase compile(List<SourceFile> files, boolean model) {
        if (model) { // as ModelGenerator builds the jar's models, but kept in memory
            org.kie.api.KieServices services = org.kie.api.KieServices.Factory.get();
            org.kie.api.builder.KieFileSystem kfs = services.newKieFileSystem();
            for (SourceFile f : files) kfs.write("src/main/resources/" + f.logicalPath(), f.bytes());
            org.kie.api.builder.KieBuilder builder = services.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
            var errors = builder.getResults().getMessages(org.kie.api.builder.Message.Level.ERROR);
            if (!errors.isEmpty()) throw new IllegalStateException(errors.toString());
            return services.newKieContainer(builder.getKieModule().getReleaseId()).getKieBase();
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (SourceFile f : files) {
            builder.add(ResourceFactory.newByteArrayResource(f.bytes()).setSourcePath(f.logicalPath()), ResourceType.DRL);
        }
        if (builder.hasErrors()) throw new IllegalStateException(builder.getErrors().toString());
        return builder.newKieBase();
    }

    /** As RuleSession orders them (gates, then criteria); an undecided or twice-decided criterion fails, as there. */
    static List<Finding> inScorecardOrder(Scorecard scorecard, List<Finding> found) {
        Map<String, Finding> byId = new HashMap<>();
        for (Finding f : found) {
            Finding before = byId.putIfAbsent(f.criterionId(), f);
            if (before != null) {
                throw new IllegalStateException(f.criterionId() + " decided twice: " + before.rule() + " " + before.inputs() + "; " + f.rule() + " " + f.inputs());
            }
        }
        List<Finding> ordered = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        scorecard.gates().forEach(g -> ids.add(g.id()));
        scorecard.criteria().forEach(c -> ids.add(c.id()));
        for (String id : ids) {
            Finding f = byId.remove(id);
            if (f == null) throw new IllegalStateException(id + " undecided");
            ordered.add(f);
        }
        if (!byId.isEmpty()) throw new IllegalStateException("stray findings " + byId.keySet());
        return ordered;
    }
}
