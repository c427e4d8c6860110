package org.verdant.bench;

import org.verdant.app.Application;
import org.verdant.app.Settings;
import org.verdant.batch.BatchEvaluation;
import org.verdant.batch.Inputs;
import org.verdant.evaluation.Evaluator;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How long one benchmark's code takes to reach steady state: runs it in a loop over the same 256
 * generated inputs as {@link EvaluationBenchmark} and prints, for each slice of STEP seconds of
 * wall time, the evaluations done, the measuring thread's CPU time, the whole process's CPU time
 * (the JIT compilers' threads included) and evaluations per second of the thread's CPU. The
 * wall-clock rate is what JMH reports; the rate per CPU second is what a busy machine disturbs
 * least: steady state is where it stops rising.
 *
 * <pre>java -cp target/verdant.jar:target/bench-classes org.verdant.bench.WarmupCurve BENCHMARK SECONDS [STEP]</pre>
 * BENCHMARK is parseAndValidate, fullEvaluation or fullEvaluationAndJson; build as bench/jmh.sh does.
 */
public final class WarmupCurve {
    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "fullEvaluation";
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 180;
        double step = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        CompiledRulebook rulebook = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Path.of("scorecards")));
        Evaluator evaluator = new Evaluator(rulebook);
        BatchEvaluation batch = new BatchEvaluation(new Application(rulebook), Settings.defaults());
        SubmissionGenerator generator = new SubmissionGenerator(rulebook.rulebook(), "green-factory", null, 1, 0);
        byte[][] inputs = new byte[256][];
        for (int i = 0; i < inputs.length; i++) inputs[i] = generator.submission(i).getBytes(StandardCharsets.UTF_8);
        Runnable one = switch (which) {
            case "parseAndValidate" -> new Loop(inputs, b -> evaluator.validate("generated.yaml", b, Evaluator.Options.defaults()));
            case "fullEvaluation" -> new Loop(inputs, b -> evaluator.evaluate("generated.yaml", b, Evaluator.Options.defaults()));
            case "fullEvaluationAndJson" -> new Loop(inputs, b -> batch.evaluate(new Inputs.Item(0, "generated.yaml", 1, false, 1, b, null, null, b.length)));
            default -> throw new IllegalArgumentException("unknown benchmark " + which);
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("# " + which + ", " + seconds + " s in slices of " + step + " s; load " + os.getSystemLoadAverage());
        System.out.println("# slice_end_s\tevaluations\tper_wall_s\tthread_cpu_s\tprocess_cpu_s\tper_thread_cpu_s\tcumulative_thread_cpu_s");
        long start = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long proc0 = os.getProcessCpuTime();
        long sliceStart = start, sliceCpu = cpu0, sliceProc = proc0;
        int n = 0;
        while (true) {
            one.run();
            n++;
            long now = System.nanoTime();
            if (now - sliceStart >= step * 1e9) {
                long cpu = threads.getCurrentThreadCpuTime();
                long proc = os.getProcessCpuTime();
                double wall = (now - sliceStart) / 1e9, t = (cpu - sliceCpu) / 1e9, p = (proc - sliceProc) / 1e9;
                System.out.printf(Locale.ROOT, "%.0f\t%d\t%.1f\t%.2f\t%.2f\t%.1f\t%.1f%n", (now - start) / 1e9, n, n / wall, t, p,
                        n / Math.max(t, 1e-9), (cpu - cpu0) / 1e9);
                n = 0;
                sliceStart = now;
                sliceCpu = cpu;
                sliceProc = proc;
                if (now - start >= seconds * 1e9) break;
            }
        }
        System.out.println("# load " + os.getSystemLoadAverage());
    }

    private interface Step {
        Object on(byte[] input) throws Exception;
    }

    private static final class Loop implements Runnable {
        private final byte[][] inputs;
        private final Step step;
        private int next;
        Object sink;

        Loop(byte[][] inputs, Step step) {
            this.inputs = inputs;
            this.step = step;
        }

        @Override
        public void run() {
            try {
                sink = step.on(inputs[next]);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            next = (next + 1) & (inputs.length - 1);
        }
    }
}
