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
        FindingCollector findings = new FindingCollector();
        try {
            session.setGlobal("findings", findings);
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) findings);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) findings);
            facts.forEach(session::insert);
            for (int i = PHASES.size() - 1; i >= 0; i--) {
                session.getAgenda().getAgendaGroup(PHASES.get(i)).setFocus();
            }
            session.fireAllRules();
        } catch (RuntimeException e) {
            Object rule = findings.all().isEmpty() ? "" : Msg.of("rulebook.rule_failed.after", findings.all().get(findings.all().size() - 1).rule());
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            throw new RulebookException(List.of(new Problem(new Location("rules/" + scorecard.id(), 0, 0), "",
                    Msg.of("rulebook.rule_failed", rule, String.valueOf(root)))));
        } finally {
            session.dispose(); // a pooled session: reset (facts, agenda, globals, listeners) and kept for the next evaluation
        }
        return inScorecardOrder(scorecard, findings.all());
    }

    /**
     * Sessions are taken from a pool per knowledge base and reset after each evaluation, not made
     * anew: a new session builds the memories of every node and segment of the network again as
     * the facts reach them (about a fifth of a session), a reset one keeps them and empties them.
     * The pools are the compiled rulebook's ({@link CompiledRulebook#sessions}: a rulebook read
     * again after an edit brings its own), and grow to as many sessions as evaluations run at once.
     */
    private static KieSessionsPool pool(CompiledRulebook rulebook, KieBase base) {
        return rulebook.sessions(base);
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
