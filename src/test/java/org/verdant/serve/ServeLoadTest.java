package org.verdant.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.verdant.archive.Archive;
import org.verdant.support.TestRulebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's starvation, bounded and on loopback: while 16 clients flood the expensive reads
 * (stored reports and traces, each a re-run of the evaluation) an authenticated write keeps its
 * latency, because those reads have their own small pool and a cache by record id.
 */
@Timeout(600)
class ServeLoadTest {
    static final Path CEMENT = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    static final Path AUTOPARTS = Path.of("fixtures/green-factory/gbt36132-2018/autoparts-anhui-self-assessment-gaps.yaml");
    static final String TOKEN = "load-test-token-0123456789";
    static final int READERS = 16;
    static final int WRITES = 12;

    @Test
    void writesKeepTheirLatencyUnderAFloodOfReportAndTraceReads() throws Exception {
        Path data = Files.createTempDirectory("verdant-load-test");
        VerdantServer server = VerdantServer.start(new VerdantServer.Config("127.0.0.1", 0, TestRulebook.compiled(), Archive.open(data), TOKEN), null);
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        // the writes are measured only once every reader has been answered at least once: the flood is on, however fast the machine
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(READERS);
        try {
            Http writer = new Http(server.uri(), TOKEN);
            Http anonymous = writer.withToken(null);
            List<Long> ids = new ArrayList<>();
            for (Path p : List.of(CEMENT, AUTOPARTS, CEMENT)) ids.add(ServeApiTest.id(writer.post("/api/evaluations", ServeApiTest.YAML, Files.readAllBytes(p))));
            List<Long> quiet = latencies(writer, 3);
            for (int r = 0; r < READERS; r++) {
                int seed = r;
                readers.submit(() -> {
                    int i = seed;
                    boolean first = true;
                    while (flooding.get()) {
                        long id = ids.get(i % ids.size());
                        String path = i % 2 == 0 ? "/api/evaluations/" + id + "/trace" : "/api/evaluations/" + id + "/report?lang=" + (i % 4 == 1 ? "en" : "zh");
                        anonymous.get(path);
                        reads.incrementAndGet();
                        if (first) running.countDown();
                        first = false;
                        i++;
                    }
                    return null;
                });
            }
            assertThat(running.await(120, java.util.concurrent.TimeUnit.SECONDS)).as("every reader was answered").isTrue();
            List<Long> loaded = latencies(writer, WRITES);
            flooding.set(false);
            long median = loaded.get(loaded.size() / 2);
            long worst = loaded.get(loaded.size() - 1);
            System.out.printf("serve load: write latency quiet median %d ms; under %d readers median %d ms, worst %d ms (%d reads answered)%n",
                    quiet.get(quiet.size() / 2), READERS, median, worst, reads.get());
            assertThat(reads.get()).as("the flood ran").isGreaterThanOrEqualTo(READERS);
            // bounded against the same machine's quiet latency, so a loaded build machine does not make it flaky
            long bound = Math.max(8000, 8 * quiet.get(quiet.size() / 2));
            assertThat(worst).as("worst write latency under the flood, ms").isLessThan(bound);
        } finally {
            flooding.set(false);
            readers.shutdownNow();
            server.close();
            ServeApiTest.delete(data);
        }
    }

    /** Sorted latencies (ms) of {@code n} stored evaluations, one after another. */
    static List<Long> latencies(Http writer, int n) throws Exception {
        List<Long> ms = new ArrayList<>();
        byte[] body = Files.readAllBytes(CEMENT);
        for (int i = 0; i < n; i++) {
            long started = System.nanoTime();
            Http.Answer a = writer.post("/api/evaluations", ServeApiTest.YAML, body);
            ms.add((System.nanoTime() - started) / 1_000_000);
            assertThat(a.status()).as(a.body()).isEqualTo(201);
        }
        Collections.sort(ms);
        return ms;
    }
}
