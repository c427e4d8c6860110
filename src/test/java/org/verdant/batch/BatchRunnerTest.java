package org.verdant.batch;

import org.junit.jupiter.api.Test;
import org.verdant.app.Settings;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline streams: however many inputs, only the reorder window's worth is held at once, and lines keep input order. */
class BatchRunnerTest {
    private static final int INPUTS = 100_000;

    @Test
    void aHundredThousandInputsAreStreamedWithAtMostTheWindowInFlight() throws Exception {
        int threads = 2;
        int window = BatchRunner.window(threads);
        AtomicLong taken = new AtomicLong();
        AtomicLong written = new AtomicLong();
        AtomicLong mostInFlight = new AtomicLong();
        // inputs that cannot be read: each becomes an error record at once, so the test times the pipeline, not evaluations
        Iterator<Inputs.Item> inputs = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return taken.get() < INPUTS;
            }

            @Override
            public Inputs.Item next() {
                long seq = taken.getAndIncrement();
                mostInFlight.accumulateAndGet(seq - written.get(), Math::max);
                return new Inputs.Item(seq, "in-" + seq + ".yaml", 1, false, 0, null, "cannot read: test", null, seq);
            }
        };
        long[] expectedNext = {0};
        boolean[] inOrder = {true};
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                throw new UnsupportedOperationException("whole lines only");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                String line = new String(b, off, len, StandardCharsets.UTF_8);
                if (!line.contains("\"in-" + expectedNext[0] + ".yaml\"")) inOrder[0] = false;
                expectedNext[0]++;
                written.incrementAndGet();
            }
        };
        try (Summary summary = new Summary()) {
            BatchRunner.run(inputs, new BatchEvaluation(null, Settings.defaults()), threads, window, out, summary, Progress.NONE);
            assertThat(summary.total()).isEqualTo(INPUTS);
        }
        assertThat(written.get()).isEqualTo(INPUTS);
        assertThat(inOrder[0]).as("lines in input order").isTrue();
        // queued futures (the window), the one the reader is putting and the one being written
        assertThat(mostInFlight.get()).isLessThanOrEqualTo(window + 2L);
    }
}
