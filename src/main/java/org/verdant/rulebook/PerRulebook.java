package org.verdant.rulebook;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Memos kept per rulebook (keyed by its file list, held weakly: a rulebook read again after an
 * edit brings its own, and the old one can be collected). Every evaluation asks, and a process
 * almost always asks for the rulebook it asked for last: that one is read without a lock (a
 * {@code synchronizedMap} was taken on every evaluation and showed as monitor waits in a batch).
 * A {@link WeakHashMap} cannot be read without its lock (a read may expunge stale entries), so
 * the last one asked for is kept beside it, both halves weakly.
 */
final class PerRulebook<V> {
    private final Map<Object, Map<String, V>> all = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile Last<V> last;

    /** The last rulebook asked for and its memos; both weak, so this holds nothing alive. */
    private record Last<V>(WeakReference<Object> rulebook, WeakReference<Map<String, V>> memos) {
    }

    /** The memos of the rulebook whose file list is {@code rulebook}, created empty on first use. */
    Map<String, V> of(Object rulebook) {
        Last<V> seen = last;
        if (seen != null && seen.rulebook().get() == rulebook) {
            Map<String, V> memos = seen.memos().get();
            if (memos != null) return memos;
        }
        Map<String, V> memos = all.computeIfAbsent(rulebook, k -> new ConcurrentHashMap<>());
        last = new Last<>(new WeakReference<>(rulebook), new WeakReference<>(memos));
        return memos;
    }

    /** How many rulebooks are still held; for tests. */
    int size() {
        return all.size();
    }
}
