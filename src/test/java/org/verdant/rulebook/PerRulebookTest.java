package org.verdant.rulebook;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Memos per rulebook: the same for the same rulebook, apart for another, and never what keeps a rulebook alive. */
class PerRulebookTest {
    @Test
    void theSameRulebookGetsTheSameMemosAndAnotherItsOwn() {
        PerRulebook<String> memos = new PerRulebook<>();
        List<String> one = new ArrayList<>(List.of("a"));
        List<String> two = new ArrayList<>(List.of("b"));
        Map<String, String> ones = memos.of(one);
        ones.put("k", "v");
        assertThat(memos.of(one)).isSameAs(ones);
        Map<String, String> twos = memos.of(two);
        assertThat(twos).isNotSameAs(ones).isEmpty();
        assertThat(memos.of(one)).as("after another was asked for").isSameAs(ones).containsEntry("k", "v");
        assertThat(memos.of(new ArrayList<>(List.of("a")))).as("an equal file list is the same rulebook").isSameAs(ones);
    }

    /** A reloaded rulebook replaces the old one, which must be collectable, the last one asked for included. */
    @Test
    void aRulebookNoLongerUsedIsLetGo() throws Exception {
        PerRulebook<Object> memos = new PerRulebook<>();
        List<String> old = new ArrayList<>(List.of("old"));
        memos.of(old).put("k", new byte[1 << 20]);
        memos.of(old); // now the last one asked for
        WeakReference<Object> gone = new WeakReference<>(old);
        WeakReference<Object> itsMemos = new WeakReference<>(memos.of(old));
        old = null;
        for (int i = 0; i < 50 && (gone.get() != null || itsMemos.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
            memos.size(); // a weak map lets go of a collected key's value when next used
        }
        assertThat(gone.get()).as("the rulebook's file list").isNull();
        assertThat(itsMemos.get()).as("its memos").isNull();
        List<String> reloaded = new ArrayList<>(List.of("new"));
        memos.of(reloaded);
        assertThat(memos.size()).isEqualTo(1);
        assertThat(memos.of(reloaded)).isEmpty();
    }
}
