package org.verdant.bench;

import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.explain.TraceBuilder;
import org.verdant.explain.TraceJson;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.report.TextVerdictRenderer;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.support.ValidFixtures;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictJson;
import org.verdant.yaml.PathIndex;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * One line per rendered verdict (what, and the SHA-256 of its text): every valid fixture under
 * every edition it is valid for and COUNT generated submissions, in Chinese and English, as the
 * indented JSON, the compact line, the JSON with a trace and the text report. Run it on two
 * builds and diff the outputs: a speed change must leave every line as it was.
 *
 * <pre>java -cp … org.verdant.bench.VerdictCorpus [COUNT] &gt; corpus.txt</pre>
 */
public final class VerdictCorpus {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Rulebook rulebook = RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
        Evaluator evaluator = new Evaluator(new CompiledRulebook(rulebook));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (Path f : ValidFixtures.submissions()) {
            byte[] bytes = Files.readAllBytes(f);
            for (String edition : ValidFixtures.editions(evaluator, rulebook, f, bytes)) {
                render(out, evaluator, f.toString(), bytes, new Evaluator.Options(edition, null), f + " " + edition);
            }
        }
        // seeds 1 and 7: the benchmarks' stream and the stream test's
        for (long seed : new long[] {1, 7}) {
            SubmissionGenerator generator = new SubmissionGenerator(rulebook, "green-factory", null, seed, 0);
            for (int i = 0; i < count; i++) {
                byte[] bytes = generator.submission(i).getBytes(StandardCharsets.UTF_8);
                render(out, evaluator, "generated.yaml", bytes, Evaluator.Options.defaults(), "generated seed " + seed + " #" + i);
            }
        }
        // a fifth deliberately invalid: the checks' messages must not change either
        SubmissionGenerator invalid = new SubmissionGenerator(rulebook, "green-factory", null, 3, 0.2);
        for (int i = 0; i < count; i++) {
            byte[] bytes = invalid.submission(i).getBytes(StandardCharsets.UTF_8);
            render(out, evaluator, "generated.yaml", bytes, Evaluator.Options.defaults(), "generated seed 3 (invalid share 0.2) #" + i);
        }
    }

    private static void render(PrintStream out, Evaluator evaluator, String file, byte[] bytes, Evaluator.Options options, String what)
            throws Exception {
        Problems problems = new Problems();
        YamlNode root = YamlReader.read(file, bytes, problems);
        Verdict v;
        try {
            v = evaluator.evaluate(file, root, problems, Evaluator.sha256(bytes), options);
        } catch (InvalidSubmissionException e) {
            for (String lang : List.of("zh", "en")) {
                StringBuilder text = new StringBuilder();
                for (org.verdant.yaml.Problem p : e.problems()) text.append(p.toString(lang)).append('\n');
                out.println(what + " " + lang + " invalid\t" + digest(text.toString()));
            }
            return;
        }
        for (String lang : List.of("zh", "en")) {
            Messages m = new Messages(lang);
            out.println(what + " " + lang + " json\t" + digest(VerdictJson.write(v, m)));
            out.println(what + " " + lang + " compact\t" + digest(new String(VerdictJson.compact(v, m), StandardCharsets.UTF_8)));
            out.println(what + " " + lang + " trace\t" + digest(VerdictJson.write(v, m, TraceJson.nodes(TraceBuilder.all(v, new PathIndex(root), m)))));
            out.println(what + " " + lang + " text\t" + digest(TextVerdictRenderer.render(v, m)));
        }
    }

    private static String digest(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
