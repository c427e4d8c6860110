package org.verdant.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The timing loop of the stage profiles: rounds run for a warm-up time, then for a measured time
 * in which each stage's CPU time of the measuring thread is summed (on a machine shared with
 * other work the wall clock measures the neighbours; the thread's CPU time does not, much). A
 * round calls {@link #lap} at the end of each of its stages, in order.
 */
final class CpuStageLoop {
    /** One round: input {@code n}; returns how many bytes or characters it wrote (kept, so the work is not optimised away). */
    interface Round {
        long run(int n, CpuStageLoop loop) throws Exception;
    }

    /** CPU nanoseconds by stage over {@code count} rounds, and what they wrote. */
    record Result(long[] cpu, long count, long written) {
        double microsPerRound(int stage) {
            return cpu[stage] / 1e3 / count;
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long[] cpu;
    private long last;
    private int stage;

    private CpuStageLoop(int stages) {
        cpu = new long[stages];
    }

    /** The current stage ends here: its CPU time since the previous lap (or the round's start) is counted. */
    void lap() {
        long now = threads.getCurrentThreadCpuTime();
        cpu[stage++] += now - last;
        last = now;
    }

    static Result run(int warmupSeconds, int measureSeconds, int stages, Round round) throws Exception {
        CpuStageLoop loop = new CpuStageLoop(stages);
        long count = 0;
        long written = 0;
        boolean measuring = false;
        long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        for (int n = 0; ; n++) {
            if (System.nanoTime() > until) {
                if (measuring) break;
                measuring = true;
                until = System.nanoTime() + measureSeconds * 1_000_000_000L;
                java.util.Arrays.fill(loop.cpu, 0);
                count = 0;
                written = 0;
            }
            loop.stage = 0;
            loop.last = loop.threads.getCurrentThreadCpuTime();
            written += round.run(n, loop);
            count++;
        }
        return new Result(loop.cpu.clone(), count, written);
    }
}
