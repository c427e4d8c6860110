package org.verdant.bench;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
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
import org.verdant.app.Application;
import org.verdant.app.Settings;
import org.verdant.batch.BatchEvaluation;
import org.verdant.batch.Inputs;
import org.verdant.batch.Outcome;
import org.verdant.evaluation.Evaluator;
import org.verdant.explain.TraceBuilder;
import org.verdant.explain.TraceJson;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.rulebook.Scorecard;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictJson;
import org.verdant.yaml.PathIndex;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one evaluation, single-threaded, over a rotating set of 256 generated submissions (both
 * editions, all valid), so no one input is measured alone and nothing is reused from one input
 * to the next that a real evaluation would not reuse: every invocation parses and checks its
 * bytes afresh, and what writes words gets its own {@code Messages}, as each request does.
 *
 * <ul>
 *   <li>{@code parseAndValidate}: YAML → checked submission (stage 1 only);</li>
 *   <li>{@code fullEvaluation}: YAML → verdict (every stage but rendering);</li>
 *   <li>{@code fullEvaluationAndJson}: what {@code verdant batch} does per input, through its own
 *       code ({@link BatchEvaluation}): the application's evaluation and one compact JSON line;</li>
 *   <li>{@code fullEvaluationWithTrace}: as {@code evaluate --format json --trace}.</li>
 * </ul>
 *
 * <p>Run it with {@code bench/jmh.sh}, which puts the packaged jar on the class path, so the
 * bundled rules run as the executable model generated at build time, as they do for users
 * ({@code MODEL=off bench/jmh.sh} measures the DRL compiled at run time). The setup prints where
 * each knowledge base it uses came from and refuses to run when no input runs on the model (e.g.
 * rules/ edited since the jar was built: then no model matches them) or one does with it off.
 *
 * <p>Warm-up: Drools' code takes about a minute of CPU to reach steady state; bench/notes-h17-bench.md
 * has the per-iteration figures the default was chosen from. The fork runs with the collector
 * {@code ./verdant} runs a batch with.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 9, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseSerialGC"})
@State(Scope.Thread)
public class EvaluationBenchmark {

    /** Which generated editions: "mixed" (both), or one edition. */
    @Param({"mixed"})
    public String edition;

    private Evaluator evaluator;
    private BatchEvaluation batch;
    private byte[][] inputs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        CompiledRulebook rulebook = new CompiledRulebook(RulebookLoader.load(Path.of("rules"), Path.of("scorecards")));
        evaluator = new Evaluator(rulebook);
        batch = new BatchEvaluation(new Application(rulebook), Settings.defaults());
        SubmissionGenerator generator = new SubmissionGenerator(rulebook.rulebook(), "green-factory",
                edition.equals("mixed") ? null : edition, 1, 0);
        inputs = new byte[256][];
        Map<String, Scorecard> used = new TreeMap<>();
        Map<String, Integer> inputsPer = new TreeMap<>();
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = generator.submission(i).getBytes(StandardCharsets.UTF_8);
            // compiles every knowledge base the inputs use before timing
            Verdict v = evaluator.evaluate("generated.yaml", inputs[i], Evaluator.Options.defaults());
            used.putIfAbsent(v.scorecard().id(), v.scorecard());
            inputsPer.merge(v.scorecard().id(), 1, Integer::sum);
            Outcome o = batch.evaluate(item(inputs[i]));
            if (!Outcome.VALID.equals(o.status())) throw new IllegalStateException("generated input " + i + " is not valid: " + o.firstProblem());
        }
        if (edition.equals("mixed") && used.values().stream().map(Scorecard::edition).distinct().count() < 2) {
            throw new IllegalStateException("the inputs use one edition only: " + used.keySet());
        }
        // An edition evaluated without its overlays (a date before the cultivation measures) has no
        // model in the jar: its rules are compiled from DRL for users too, so that is measured as it is.
        boolean modelWanted = modelWanted();
        int fromModel = 0;
        for (Scorecard s : used.values()) {
            boolean model = fromModel(rulebook.kieBase(s));
            if (model) fromModel += inputsPer.get(s.id());
            System.out.println("knowledge base of " + s.id() + " (" + inputsPer.get(s.id()) + " of the " + inputs.length + " inputs): "
                    + (model ? "executable model (generated at build time)" : "DRL compiled at run time"));
            if (model && !modelWanted) throw new IllegalStateException("the executable model is in use for " + s.id() + " although it was turned off");
        }
        if (modelWanted && fromModel == 0) {
            throw new IllegalStateException("no input runs on an executable model: run from the packaged jar (bench/jmh.sh),"
                    + " rebuilt if rules/ changed since");
        }
    }

    /** As {@code rulebook.ExecutableModel.enabled()}: on unless turned off, and only from a jar. */
    private static boolean modelWanted() {
        String off = System.getProperty("verdant.model");
        if (off == null || off.isBlank()) off = System.getenv("VERDANT_MODEL");
        if (off != null && (off.equalsIgnoreCase("off") || off.equalsIgnoreCase("false") || off.equals("0"))) return false;
        var source = CompiledRulebook.class.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null && source.getLocation().getPath().endsWith(".jar");
    }

    /** A knowledge base built from an executable model runs its consequences as the model's lambdas. */
    private static boolean fromModel(KieBase base) {
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (r instanceof RuleImpl impl && impl.getConsequence() != null) {
                    return impl.getConsequence().getClass().getName().startsWith("org.drools.modelcompiler.");
                }
            }
        }
        return false;
    }

    private static Inputs.Item item(byte[] bytes) {
        return new Inputs.Item(0, "generated.yaml", 1, false, 1, bytes, null, null, bytes.length);
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
        // read once, as the application does: the same tree serves the evaluation and its trace
        Problems problems = new Problems();
        YamlNode root = YamlReader.read("generated.yaml", input, problems);
        Verdict v = evaluator.evaluate("generated.yaml", root, problems, Evaluator.sha256(input), Evaluator.Options.defaults());
        var messages = Settings.defaults().messages(); // one per request, as evaluate makes it
        return VerdictJson.write(v, messages, TraceJson.nodes(TraceBuilder.all(v, new PathIndex(root), messages)));
    }

    /** One input of a batch, exactly as batch evaluates it: its line is what batch writes. */
    @Benchmark
    public byte[] fullEvaluationAndJson() {
        return batch.evaluate(item(nextInput())).line();
    }
}
