package org.verdant.rulebook;

import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Knowledge bases are built once per rule set, each rule set under its own lock, and their session pools are the rulebook's. */
class CompiledRulebookTest {
    private static Rulebook load() throws Exception {
        return RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
    }

    /**
     * A batch's two threads ask for two editions at once: the second is built while the first is
     * still being built (one lock for the whole rulebook made it wait, 1.9 s in a 5 000 batch's JFR).
     */
    @Test
    void twoEditionsAreBuiltAtOnce() throws Exception {
        Rulebook rulebook = load();
        Scorecard first = rulebook.scorecard("green-factory", "GB/T 36132-2018").orElseThrow();
        Scorecard second = rulebook.scorecard("green-factory", "GB/T 36132-2025").orElseThrow();
        String firstsModel = ExecutableModel.ROOT + ExecutableModel.key(rulebook.rulesFor(first)) + "/";
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the first edition's build stops where it looks for its model, until released; no model is found for either
        ClassLoader models = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                if (name.startsWith(firstsModel)) {
                    firstStarted.countDown();
                    try {
                        release.await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return null;
            }
        };
        CompiledRulebook compiled = new CompiledRulebook(rulebook, null, models);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<KieBase> a = threads.submit(() -> compiled.kieBase(first));
            assertThat(firstStarted.await(2, TimeUnit.MINUTES)).isTrue();
            Future<KieBase> b = threads.submit(() -> compiled.kieBase(second));
            assertThat(b.get(3, TimeUnit.MINUTES)).as("built while the first edition is still being built").isNotNull();
            assertThat(a.isDone()).isFalse();
            release.countDown();
            KieBase firstBase = a.get(3, TimeUnit.MINUTES);
            assertThat(compiled.kieBase(first)).as("built once").isSameAs(firstBase);
            assertThat(compiled.kieBase(second)).isSameAs(b.get());
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aKnowledgeBasesSessionPoolIsMadeOncePerRulebook() throws Exception {
        Rulebook rulebook = load();
        Scorecard edition = rulebook.scorecard("green-factory", "GB/T 36132-2018").orElseThrow();
        CompiledRulebook compiled = new CompiledRulebook(rulebook, null, null);
        KieBase base = compiled.kieBase(edition);
        assertThat(compiled.sessions(base)).isNotNull().isSameAs(compiled.sessions(base));
        CompiledRulebook another = new CompiledRulebook(rulebook, null, null);
        assertThat(another.sessions(base)).as("a rulebook's pools are its own").isNotSameAs(compiled.sessions(base));
    }
}
