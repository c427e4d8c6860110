package org.verdant.facts;

import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.IndicatorTable;
import org.verdant.rulebook.Scorecard;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of each scorecard alone ({@link FactBuilder#constants}), built once per scorecard and
 * shared by every evaluation under it, for one rulebook (whose benchmarks these are). Within one
 * rulebook a scorecard's id (with its overlays') names its parameters, gates and criteria; an
 * indicator table (GB/T 36132-2025) brings its own criteria, so the table object is part of the
 * key. At most {@link #LIMIT} are kept (a service reading ever new table files must not grow
 * without end); past that they are built for each evaluation, as before.
 */
public final class ScorecardFacts {
    static final int LIMIT = 64;
    private final Benchmarks benchmarks;
    /** By scorecard id, then by table (null for none), by identity: an equal table read anew is built anew. */
    private final Map<String, Map<IndicatorTable, List<Object>>> known = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger size = new java.util.concurrent.atomic.AtomicInteger();

    public ScorecardFacts(Benchmarks benchmarks) {
        this.benchmarks = benchmarks;
    }

    public List<Object> of(Scorecard scorecard) {
        Map<IndicatorTable, List<Object>> byTable = known.computeIfAbsent(scorecard.id(), k -> new IdentityHashMap<>());
        synchronized (byTable) {
            List<Object> facts = byTable.get(scorecard.table());
            if (facts != null) return facts;
            facts = FactBuilder.constants(scorecard, benchmarks);
            if (size.incrementAndGet() <= LIMIT) byTable.put(scorecard.table(), facts);
            return facts;
        }
    }
}
