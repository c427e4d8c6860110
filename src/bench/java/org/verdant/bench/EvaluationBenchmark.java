package org.verdant.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.verdant.evaluation.Evaluator;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.verdict.VerdictJson;
import org.verdant.explain.TraceBuilder;
import org.verdant.yaml.PathIndex;
import org.verdant.text.Messages;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.verdict.Verdict;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one evaluation, single-threaded, over a rotating set of 256 generated submissions (both
 * editions, all valid), so no one input is measured alone and nothing is reused from one input
 * to the next: every invocation parses and checks its bytes afresh.
 *
 * <ul>
 *   <li>{@code parseAndValidate}: YAML → checked submission (stage 1 only);</li>
 *   <li>{@code fullEvaluation}: YAML → verdict (every stage but rendering);</li>
 *   <li>{@code fullEvaluationAndJson}: YAML → verdict → one compact JSON line, which is what
 *       {@code verdant batch} does per input.</li>
 * </ul>
 * A variant with a rule trace is not here: the {@code --trace} option is not on this branch.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class EvaluationBenchmark {
    private static final ObjectMapper COMPACT = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /** Which generated editions: "mixed" (both), or one edition. */
    @Param({"mixed"})
    public String edition;

    private Evaluator evaluator;
    private Messages messages;
    private byte[][] inputs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        CompiledRulebook rulebook = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Path.of("scorecards")));
        evaluator = new Evaluator(rulebook);
        messages = new Messages("zh");
        SubmissionGenerator generator = new SubmissionGenerator(rulebook.rulebook(), "green-factory",
                edition.equals("mixed") ? null : edition, 1, 0);
        inputs = new byte[256][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = generator.submission(i).getBytes(StandardCharsets.UTF_8);
            evaluator.evaluate("generated.yaml", inputs[i], Evaluator.Options.defaults()); // compiles both editions before timing
        }
    }

    private byte[] nextInput() {
        byte[] b = inputs[next];
        next = (next + 1) & (inputs.length - 1);
        return b;
    }

    @Benchmark
    public Object parseAndValidate() throws Exception {
        return evaluator.validate("generated.yaml", nextInput(), Evaluator.Options.defaults());
    }

    @Benchmark
    public Verdict fullEvaluation() throws Exception {
        return evaluator.evaluate("generated.yaml", nextInput(), Evaluator.Options.defaults());
    }

    /** As evaluate --format json --trace: the verdict, every criterion's trace (inputs located in the YAML), and the JSON. */
    @Benchmark
    public String fullEvaluationWithTrace() throws Exception {
        byte[] input = nextInput();
        Verdict v = evaluator.evaluate("generated.yaml", input, Evaluator.Options.defaults());
        return VerdictJson.write(v, messages, TraceBuilder.all(v, PathIndex.of("generated.yaml", input), messages));
    }

    @Benchmark
    public byte[] fullEvaluationAndJson() throws Exception {
        Verdict v = evaluator.evaluate("generated.yaml", nextInput(), Evaluator.Options.defaults());
        return COMPACT.writeValueAsBytes(VerdictJson.toJson(v, messages));
    }
}
