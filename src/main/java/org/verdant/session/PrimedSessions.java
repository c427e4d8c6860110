package org.verdant.session;

import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Sessions of one knowledge base that already hold one scorecard's own facts (parameters, gates,
 * criteria, reference specs, energy-limit rows), inserted and propagated once when the session is
 * made. An evaluation inserts only the submission's facts, fires, and then deletes every fact
 * inserted since (the submission's and all that rules derived from them), which leaves the session
 * holding the constants alone again.
 *
 * <p>That is only sound if no rule matches the constants alone: such a match would fire in the
 * first evaluation and, never being undone by the deletes, never again. So it is checked, not
 * assumed: the first session is primed with every phase in focus (any match refused, not fired), and
 * if any match was created or any fact inserted, the knowledge base is {@linkplain #usable() not used} this way (the caller
 * evaluates on a session reset as before) and {@link #firedOnConstants()} names the rules.
 */
final class PrimedSessions {
    /** Idle sessions kept; more run at once are made and dropped (each holds its own network memory). */
    static final int IDLE_LIMIT = 8;
    private final KieBase base;
    private final List<Object> constants;
    private final List<String> firedOnConstants;
    private final ConcurrentLinkedQueue<Primed> idle = new ConcurrentLinkedQueue<>();

    private PrimedSessions(KieBase base, List<Object> constants) {
        this.base = base;
        this.constants = constants;
        Watch watch = new Watch();
        Primed first = prime(watch);
        this.firedOnConstants = List.copyOf(watch.rules);
        if (firedOnConstants.isEmpty()) idle.offer(first);
        else first.session.dispose();
    }

    /** Primes a first session and checks that nothing matched the constants alone. */
    static PrimedSessions of(KieBase base, List<Object> constants) {
        return new PrimedSessions(base, constants);
    }

    boolean usable() {
        return firedOnConstants.isEmpty();
    }

    /** The rules that matched (or inserted a fact) on the scorecard's facts alone, in the order they did; empty if none. */
    List<String> firedOnConstants() {
        return firedOnConstants;
    }

    /** An idle primed session, or a new one. */
    Primed take() {
        Primed p = idle.poll();
        if (p != null) return p;
        Watch watch = new Watch();
        Primed made = prime(watch);
        // the same rules over the same facts: the check at construction holds for every session made after it
        if (!watch.rules.isEmpty()) throw new IllegalStateException("rules matched the scorecard's facts alone: " + watch.rules);
        return made;
    }

    /** Clears what the evaluation added and keeps the session for the next, or drops it if enough are idle. */
    void giveBack(Primed p) {
        if (!p.clear() || idle.size() >= IDLE_LIMIT) {
            p.session.dispose();
            return;
        }
        idle.offer(p);
    }

    private Primed prime(Watch watch) {
        KieSession session = base.newKieSession();
        session.addEventListener((org.kie.api.event.rule.AgendaEventListener) watch);
        session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) watch);
        Set<FactHandle> kept = Collections.newSetFromMap(new IdentityHashMap<>(constants.size() * 2));
        for (Object fact : constants) kept.add(session.insert(fact));
        RuleSession.focusPhases(session);
        // nothing may fire here: a match on the constants alone is noted and refused, not fired (no finding is being collected)
        session.fireAllRules(match -> {
            watch.rules.add(match.getRule().getName());
            return false;
        });
        session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) watch);
        session.removeEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) watch);
        return new Primed(session, kept);
    }

    /** One primed session and the handles of the constants it keeps. */
    static final class Primed {
        final KieSession session;
        private final Set<FactHandle> kept;

        private Primed(KieSession session, Set<FactHandle> kept) {
            this.session = session;
            this.kept = kept;
        }

        /**
         * Deletes every fact but the constants and lets the deletes through the network at once; false
         * if the session does not hold exactly the constants after, or anything matched them. Firing
         * here matters: left staged, the old context's delete and the next one's insert would meet in
         * one pass, and a match that only asks {@code exists EvaluationContext()} would look unchanged
         * and, having fired, not fire again.
         */
        private boolean clear() {
            List<FactHandle> added = new ArrayList<>();
            for (FactHandle h : session.getFactHandles()) if (!kept.contains(h)) added.add(h);
            for (FactHandle h : added) session.delete(h);
            RuleSession.focusPhases(session);
            boolean[] matched = {false};
            session.fireAllRules(match -> {
                matched[0] = true;
                return false;
            });
            return !matched[0] && session.getFactCount() == kept.size();
        }
    }

    /** Rules that created a match or inserted a fact while the session was primed. */
    private static final class Watch extends DefaultAgendaEventListener implements org.kie.api.event.rule.RuleRuntimeEventListener {
        final Set<String> rules = new LinkedHashSet<>();

        @Override
        public void matchCreated(MatchCreatedEvent event) {
            rules.add(event.getMatch().getRule().getName());
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) rules.add(event.getRule().getName());
        }

        @Override
        public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent event) {
        }

        @Override
        public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent event) {
        }
    }
}
