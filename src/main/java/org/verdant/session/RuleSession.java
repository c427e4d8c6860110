package org.verdant.session;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.verdant.findings.Finding;
import org.verdant.findings.FindingCollector;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.Scorecard;
import org.verdant.text.Location;
import org.verdant.yaml.Msg;
import org.verdant.yaml.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Stage 3: runs an edition's rules over the facts in three phases (derive values, resolve
 * reference levels, judge criteria) and returns one finding per criterion, in scorecard order.
 */
public final class RuleSession {
    /** Agenda groups, in the order they run. */
    public static final List<String> PHASES = List.of("derive", "reference", "judge");

    private RuleSession() {
    }

    public static List<Finding> run(CompiledRulebook rulebook, Scorecard scorecard, List<Object> facts) throws RulebookException {
        KieSession session = pool(rulebook, rulebook.kieBase(scorecard)).newKieSession();
        try {
            return fire(session, scorecard, facts);
        } finally {
            session.dispose(); // a pooled session: reset (facts, agenda, globals, listeners) and kept for the next evaluation
        }
    }

    /**
     * The same with the facts in two parts: {@code constants}, the scorecard's own (the same list
     * for every submission under it, as {@code ScorecardFacts} keeps them), and the submission's
     * {@code own} facts (its evaluation context first). Where no rule of the knowledge base matches
     * the constants alone, they stay in a primed session and only the submission's facts go in and
     * out ({@link PrimedSessions}); else the session is filled as {@link #run(CompiledRulebook,
     * Scorecard, List)} fills it, the context first.
     */
    public static List<Finding> run(CompiledRulebook rulebook, Scorecard scorecard, List<Object> constants, List<Object> own)
            throws RulebookException {
        KieBase base = rulebook.kieBase(scorecard);
        PrimedSessions primed = primed(rulebook, base, constants);
        if (primed == null || !primed.usable()) {
            List<Object> facts = new ArrayList<>(constants.size() + own.size());
            facts.add(own.get(0));
            facts.addAll(constants);
            facts.addAll(own.subList(1, own.size()));
            return run(rulebook, scorecard, facts);
        }
        PrimedSessions.Primed session = primed.take();
        boolean clean = false;
        try {
            List<Finding> found = fire(session.session, scorecard, own);
            clean = true;
            return found;
        } finally {
            if (clean) primed.giveBack(session);
            else session.session.dispose(); // a failed evaluation may have left anything behind
        }
    }

    /**
     * The rules that match the scorecard's facts alone (or insert from them), which keep a
     * knowledge base from holding those facts between evaluations; empty if none. A rulebook aid.
     */
    public static List<String> firingOnConstants(CompiledRulebook rulebook, Scorecard scorecard, List<Object> constants) throws RulebookException {
        return PrimedSessions.of(rulebook.kieBase(scorecard), constants).firedOnConstants();
    }

    private static List<Finding> fire(KieSession session, Scorecard scorecard, List<Object> facts) throws RulebookException {
        FindingCollector findings = new FindingCollector();
        session.setGlobal("findings", findings);
        session.addEventListener((org.kie.api.event.rule.AgendaEventListener) findings);
        session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) findings);
        try {
            facts.forEach(session::insert);
            focusPhases(session);
            session.fireAllRules();
        } catch (RuntimeException e) {
            Object rule = findings.all().isEmpty() ? "" : Msg.of("rulebook.rule_failed.after", findings.all().get(findings.all().size() - 1).rule());
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            throw new RulebookException(List.of(new Problem(new Location("rules/" + scorecard.id(), 0, 0), "",
                    Msg.of("rulebook.rule_failed", rule, String.valueOf(root)))));
        } finally {
            session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) findings);
            session.removeEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) findings);
        }
        return inScorecardOrder(scorecard, findings.all());
    }

    /** The phases' agenda groups, stacked so the first runs first. */
    static void focusPhases(KieSession session) {
        for (int i = PHASES.size() - 1; i >= 0; i--) {
            session.getAgenda().getAgendaGroup(PHASES.get(i)).setFocus();
        }
    }

    /**
     * Sessions are taken from a pool per knowledge base and reset after each evaluation, not made
     * anew: a new session builds the memories of every node and segment of the network again as
     * the facts reach them (about a fifth of a session), a reset one keeps them and empties them.
     * The pools live as long as their compiled rulebook (held weakly: a rulebook read again after an
     * edit brings its own), and grow to as many sessions as evaluations run at once.
     */
    private static final Map<CompiledRulebook, Map<KieBase, KieSessionsPool>> POOLS = java.util.Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Primed sessions per knowledge base and scorecard facts (by identity: {@code ScorecardFacts}
     * shares one list per scorecard), at most {@link #PRIMED_LIMIT} per knowledge base; past that,
     * null (the caller resets a pooled session as before).
     */
    private static final Map<CompiledRulebook, Map<KieBase, Map<List<Object>, PrimedSessions>>> PRIMED =
            java.util.Collections.synchronizedMap(new WeakHashMap<>());
    static final int PRIMED_LIMIT = 64;

    static PrimedSessions primed(CompiledRulebook rulebook, KieBase base, List<Object> constants) {
        Map<List<Object>, PrimedSessions> byFacts = PRIMED.computeIfAbsent(rulebook, r -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(base, b -> new java.util.IdentityHashMap<>());
        synchronized (byFacts) {
            PrimedSessions known = byFacts.get(constants);
            if (known != null || byFacts.size() >= PRIMED_LIMIT) return known;
            PrimedSessions made = PrimedSessions.of(base, constants);
            byFacts.put(constants, made);
            return made;
        }
    }

    private static KieSessionsPool pool(CompiledRulebook rulebook, KieBase base) {
        Map<KieBase, KieSessionsPool> pools = POOLS.computeIfAbsent(rulebook, r -> new java.util.concurrent.ConcurrentHashMap<>());
        return pools.computeIfAbsent(base, b -> b.newKieSessionsPool(1));
    }

    /** Every criterion must be decided by exactly one rule; anything else is a rulebook defect. */
    private static List<Finding> inScorecardOrder(Scorecard scorecard, List<Finding> found) throws RulebookException {
        List<String> ids = new ArrayList<>(scorecard.gates().size() + scorecard.criteria().size());
        scorecard.gates().forEach(g -> ids.add(g.id()));
        scorecard.criteria().forEach(c -> ids.add(c.id()));
        return inOrder(ids, found, "rules/" + scorecard.id());
    }

    /**
     * The findings in the order of {@code ids}, one per id; else every id no rule decided, every id
     * decided more than once (with its rules, in firing order) and then every id decided that is
     * not in {@code ids} (in firing order), located at {@code where}. Hashed, not searched: a
     * session has about a hundred findings, and this runs after every one.
     */
    static List<Finding> inOrder(List<String> ids, List<Finding> found, String where) throws RulebookException {
        Map<String, Finding> byId = new HashMap<>(found.size() * 2);
        Map<String, List<Finding>> repeated = null; // only a broken rulebook decides a criterion twice
        for (Finding f : found) {
            Finding before = byId.putIfAbsent(f.criterionId(), f);
            if (before != null) {
                if (repeated == null) repeated = new HashMap<>();
                repeated.computeIfAbsent(f.criterionId(), k -> new ArrayList<>(List.of(before))).add(f);
            }
        }
        List<Finding> ordered = new ArrayList<>(ids.size());
        List<Problem> problems = new ArrayList<>();
        Location at = new Location(where, 0, 0);
        for (String id : ids) {
            Finding f = byId.get(id);
            List<Finding> twice = repeated == null ? null : repeated.get(id);
            if (f == null) {
                problems.add(new Problem(at, id, Msg.of("rulebook.undecided")));
            } else if (twice != null) {
                problems.add(new Problem(at, id, Msg.of("rulebook.decided_twice",
                        String.join("; ", twice.stream().map(Finding::rule).toList()))));
            } else {
                ordered.add(f);
            }
        }
        Set<String> wanted = new HashSet<>(ids);
        Set<String> stray = new LinkedHashSet<>();
        for (Finding f : found) if (!wanted.contains(f.criterionId())) stray.add(f.criterionId());
        stray.forEach(id -> problems.add(new Problem(at, id, Msg.of("rulebook.stray_criterion"))));
        if (!problems.isEmpty()) throw new RulebookException(problems);
        return ordered;
    }
}
