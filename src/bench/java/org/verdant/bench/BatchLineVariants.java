package org.verdant.bench;

import org.verdant.app.Application;
import org.verdant.app.Evaluation;
import org.verdant.app.Request;
import org.verdant.app.Settings;
import org.verdant.batch.BatchEvaluation;
import org.verdant.batch.Inputs;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.text.Messages;
import org.verdant.verdict.VerdictJson;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Ways of making one batch line, compared in one JVM over the same 256 generated inputs, in
 * alternating blocks so that a busy machine disturbs them alike: the measuring thread's CPU time
 * and the bytes it allocates per input. Every variant's line is checked to be the same bytes as
 * batch's before anything is timed.
 *
 * <ul>
 *   <li>{@code batch}: {@link BatchEvaluation#evaluate}, as {@code verdant batch} does;</li>
 *   <li>{@code sharedMessages}: the same with one {@code Messages} for the whole batch instead of
 *       one per input (each parses the message patterns it uses again);</li>
 *   <li>{@code sharedNoCopy}: the same without copying the JSON into a line one byte longer;</li>
 *   <li>{@code verdictOnly}: the application's evaluation without its JSON, for scale.</li>
 * </ul>
 *
 * <pre>java -cp target/verdant.jar:target/bench-classes org.verdant.bench.BatchLineVariants WARMUP_CPU_S MEASURE_CPU_S</pre>
 */
public final class BatchLineVariants {
    private interface Variant {
        Object line(byte[] input) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        double warmup = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        double measure = args.length > 1 ? Double.parseDouble(args[1]) : 60;
        CompiledRulebook rulebook = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Path.of("scorecards")));
        Application application = new Application(rulebook);
        BatchEvaluation batch = new BatchEvaluation(application, Settings.defaults());
        Messages shared = Settings.defaults().messages();
        SubmissionGenerator generator = new SubmissionGenerator(rulebook.rulebook(), "green-factory", null, 1, 0);
        byte[][] inputs = new byte[256][];
        for (int i = 0; i < inputs.length; i++) inputs[i] = generator.submission(i).getBytes(StandardCharsets.UTF_8);

        String[] names = {"batch", "sharedMessages", "sharedNoCopy", "verdictOnly"};
        Variant[] variants = {
            b -> batch.evaluate(item(b)).line(),
            b -> {
                Evaluation e = application.evaluate(new Request("generated.yaml", b, Settings.defaults()));
                byte[] json = VerdictJson.compact(e.verdict(), shared);
                byte[] line = Arrays.copyOf(json, json.length + 1);
                line[json.length] = '\n';
                return line;
            },
            b -> VerdictJson.compact(application.evaluate(new Request("generated.yaml", b, Settings.defaults())).verdict(), shared),
            b -> application.evaluate(new Request("generated.yaml", b, Settings.defaults())).verdict(),
        };
        for (byte[] b : inputs) { // the same bytes, or the comparison means nothing
            byte[] expected = (byte[]) variants[0].line(b);
            byte[] viaShared = (byte[]) variants[1].line(b);
            byte[] noCopy = (byte[]) variants[2].line(b);
            if (!Arrays.equals(expected, viaShared) || !Arrays.equals(Arrays.copyOf(expected, expected.length - 1), noCopy)) {
                throw new IllegalStateException("a variant's line differs from batch's");
            }
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.println("# load " + os.getSystemLoadAverage() + "; warm-up " + warmup + " s of thread CPU, then " + measure + " s");
        long[] cpu = new long[variants.length];
        long[] allocated = new long[variants.length];
        long[] count = new long[variants.length];
        long startCpu = threads.getCurrentThreadCpuTime();
        boolean measuring = false;
        int next = 0;
        while (true) {
            for (int v = 0; v < variants.length; v++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long a0 = threads.getCurrentThreadAllocatedBytes();
                for (int k = 0; k < 64; k++) {
                    variants[v].line(inputs[next]);
                    next = (next + 1) & (inputs.length - 1);
                }
                if (measuring) {
                    cpu[v] += threads.getCurrentThreadCpuTime() - c0;
                    allocated[v] += threads.getCurrentThreadAllocatedBytes() - a0;
                    count[v] += 64;
                }
            }
            double spent = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
            if (!measuring && spent >= warmup) {
                measuring = true;
                startCpu = threads.getCurrentThreadCpuTime();
            } else if (measuring && spent >= measure) {
                break;
            }
        }
        System.out.println("# variant\tinputs\tcpu_us_per_input\tallocated_kB_per_input\tratio_to_batch");
        for (int v = 0; v < variants.length; v++) {
            double us = cpu[v] / 1e3 / count[v];
            System.out.printf(Locale.ROOT, "%s\t%d\t%.0f\t%.0f\t%.3f%n", names[v], count[v], us, allocated[v] / 1024.0 / count[v],
                    us / (cpu[0] / 1e3 / count[0]));
        }
        System.out.println("# load " + os.getSystemLoadAverage());
    }

    private static Inputs.Item item(byte[] bytes) {
        return new Inputs.Item(0, "generated.yaml", 1, false, 1, bytes, null, null, bytes.length);
    }
}
