package org.verdant.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates a stream of inputs on several threads and writes one line per input, in input order.
 *
 * <p>A reader thread takes the inputs one by one and hands each to the worker pool; the future of
 * its outcome goes into a bounded queue (the reorder window). The calling thread takes the futures
 * in the order they were queued, waits for each, writes its line and counts it. At most
 * {@code window} outcomes are held at once, whatever the number of inputs, and the output does
 * not depend on the number of threads: each input's line depends only on that input.
 */
public final class BatchRunner {
    private BatchRunner() {
    }

    /** Default reorder window for {@code threads} workers. */
    public static int window(int threads) {
        return Math.max(16, threads * 16);
    }

    public static void run(Iterator<Inputs.Item> inputs, BatchEvaluation evaluation, int threads, int window,
                           OutputStream out, Summary summary, Progress progress) throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "verdant-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(window);
        Pending end = new Pending(null, null);
        Thread reader = new Thread(() -> {
            try {
                while (inputs.hasNext()) {
                    Inputs.Item item = inputs.next();
                    Future<Outcome> f;
                    try {
                        f = pool.submit(() -> evaluation.evaluate(item));
                    } catch (RuntimeException e) {
                        f = CompletableFuture.completedFuture(BatchEvaluation.internal(item, e));
                    }
                    queue.put(new Pending(item, f));
                }
            } catch (InterruptedException e) {
                return; // the writer gave up (it cannot write); nothing more to read
            } catch (RuntimeException | Error e) {
                Inputs.Item broken = new Inputs.Item(-1, "(inputs)", 0, false, 0, null, null, null, 0);
                putQuietly(queue, new Pending(broken, CompletableFuture.completedFuture(BatchEvaluation.internal(broken, e))));
            }
            putQuietly(queue, end);
        }, "verdant-batch-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Pending p = queue.take();
                if (p == end) break;
                Outcome o;
                try {
                    o = p.outcome().get();
                } catch (ExecutionException e) {
                    o = BatchEvaluation.internal(p.item(), e.getCause());
                }
                out.write(o.line());
                summary.add(o);
                progress.update(summary.total(), p.item().position(), summary.failures());
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            reader.interrupt();
            pool.shutdownNow();
            progress.finish();
        }
    }

    private static void putQuietly(BlockingQueue<Pending> queue, Pending p) {
        try {
            queue.put(p);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(Inputs.Item item, Future<Outcome> outcome) {
    }
}
