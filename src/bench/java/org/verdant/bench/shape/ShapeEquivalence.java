package org.verdant.bench.shape;

import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.explain.TraceBuilder;
import org.verdant.explain.TraceJson;
import org.verdant.facts.FactBuilder;
import org.verdant.findings.Finding;
import org.verdant.generate.SubmissionGenerator;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.GradingTable;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.rulebook.Scorecard;
import org.verdant.support.ValidFixtures;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictBuilder;
import org.verdant.verdict.VerdictJson;
import org.verdant.yaml.PathIndex;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Whether the shaped rulebook decides as the real one: for every valid fixture under every
 * edition it is valid for whose rules the shape covers (GB/T 36132-2018) and COUNT generated
 * 2018 submissions per seed (1 and 7), the findings of both sessions (criterion, rule, status,
 * points, reason and its arguments, values, evidence, figures, notes, warnings) and the verdict
 * rendered from them (JSON in zh and en) must be equal. The trace is compared too, and counted
 * apart: its "parameters" list comes from the Parameter facts a rule matched, which the shaped
 * rules no longer match.
 *
 * <pre>java -cp … org.verdant.bench.shape.ShapeEquivalence [COUNT]</pre>
 * Prints each mismatch and a summary line; exits 1 on any mismatch of findings or verdict.
 */
public final class ShapeEquivalence {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Rulebook book = RulebookLoader.load(Path.of("rules"), Path.of("scorecards"));
        CompiledRulebook rulebook = new CompiledRulebook(book);
        Evaluator evaluator = new Evaluator(rulebook);
        ShapedSessions sessions = new ShapedSessions(rulebook);
        Map<String, List<Object>> constants = new ConcurrentHashMap<>();
        int[] tally = new int[5]; // inputs, findings differ, verdict differs, trace differs, trace differs only in parameters
        List<String> inputs = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        List<String> editions = new ArrayList<>();
        String edition2018 = "GB/T 36132-2018";
        for (Path f : ValidFixtures.submissions()) {
            byte[] b = Files.readAllBytes(f);
            for (String edition : ValidFixtures.editions(evaluator, book, f, b)) {
                inputs.add(f + " " + edition);
                bytes.add(b);
                editions.add(edition);
            }
        }
        for (long seed : new long[] {1, 7}) {
            SubmissionGenerator generator = new SubmissionGenerator(book, "green-factory", edition2018, seed, 0);
            for (int i = 0; i < count; i++) {
                inputs.add("generated seed " + seed + " #" + i);
                bytes.add(generator.submission(i).getBytes(StandardCharsets.UTF_8));
                editions.add(edition2018);
            }
        }
        int fixtures = 0;
        for (int k = 0; k < inputs.size(); k++) {
            String what = inputs.get(k);
            Problems problems = new Problems();
            YamlNode root = YamlReader.read("input.yaml", bytes.get(k), problems);
            Evaluator.Validated v;
            try {
                v = evaluator.validate("input.yaml", root, problems, new Evaluator.Options(editions.get(k), null));
            } catch (InvalidSubmissionException e) {
                continue;
            }
            Scorecard card = v.scorecard();
            if (!ShapedRules.covers(card)) continue;
            if (!what.startsWith("generated")) fixtures++;
            tally[0]++;
            List<Object> shared = constants.computeIfAbsent(card.id(), id -> FactBuilder.constants(card, book.benchmarks()));
            List<Object> facts = FactBuilder.facts(v.submission(), card, shared);
            List<Finding> real = sessions.real(card, facts);
            List<Finding> shaped;
            try {
                shaped = sessions.shaped(card, shared, ShapedSessions.shapedFacts(facts, shared));
            } catch (RuntimeException e) {
                tally[1]++;
                System.out.println("SHAPED SESSION FAILED " + what + ": " + e.getMessage());
                continue;
            }
            String a = describe(real);
            String b = describe(shaped);
            if (!a.equals(b)) {
                tally[1]++;
                System.out.println("FINDINGS DIFFER " + what + "\n" + firstDifference(a, b));
            }
            String gradingId = card.defaultGrading();
            GradingTable grading = gradingId == null || gradingId.equals("none") ? null : book.gradings().get(gradingId);
            String digest = Evaluator.sha256(bytes.get(k));
            Verdict vr = VerdictBuilder.build(v.submission(), card, real, book, grading, digest, "shape");
            Verdict vs = VerdictBuilder.build(v.submission(), card, shaped, book, grading, digest, "shape");
            boolean verdictSame = true;
            boolean traceSame = true;
            boolean traceSameButParameters = true;
            for (String lang : List.of("zh", "en")) {
                Messages m = new Messages(lang);
                if (!VerdictJson.write(vr, m).equals(VerdictJson.write(vs, m))) verdictSame = false;
                PathIndex index = new PathIndex(root);
                String tr = VerdictJson.write(vr, m, TraceJson.nodes(TraceBuilder.all(vr, index, m)));
                String ts = VerdictJson.write(vs, m, TraceJson.nodes(TraceBuilder.all(vs, index, m)));
                if (!tr.equals(ts)) {
                    traceSame = false;
                    if (!withoutParameters(tr).equals(withoutParameters(ts))) traceSameButParameters = false;
                }
            }
            if (!verdictSame) {
                tally[2]++;
                System.out.println("VERDICT DIFFERS " + what);
            }
            if (!traceSame) {
                tally[3]++;
                if (traceSameButParameters) tally[4]++;
                else System.out.println("TRACE DIFFERS (beyond parameters) " + what);
            }
        }
        System.out.printf("%d inputs compared (%d fixture runs, %d generated): findings differ in %d, verdict JSON in %d; "
                        + "trace JSON in %d (%d of them only in the trace's scorecard parameters)%n",
                tally[0], fixtures, tally[0] - fixtures, tally[1], tally[2], tally[3], tally[4]);
        if (tally[1] + tally[2] > 0) System.exit(1);
    }

    /** Everything a finding says but its lineage's parameters (those come from matched Parameter facts), one line per finding. */
    static String describe(List<Finding> findings) {
        return findings.stream().map(f -> String.join(" | ", f.criterionId(), f.rule(), String.valueOf(f.status()),
                String.valueOf(f.points()), String.valueOf(f.max()), String.valueOf(f.reasonKey()), String.valueOf(f.reasonArgs()),
                String.valueOf(f.values()), String.valueOf(f.evidence()), String.valueOf(f.figures()), String.valueOf(f.notes()),
                String.valueOf(f.warnings()), String.valueOf(f.indexYears()), String.valueOf(f.inputs()), String.valueOf(f.derivedBy())))
                .collect(Collectors.joining("\n"));
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n");
        String[] y = b.split("\n");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                String[] u = x[i].split(" \\| ", -1);
                String[] w = y[i].split(" \\| ", -1);
                StringBuilder d = new StringBuilder("  " + u[0] + ":");
                for (int j = 0; j < Math.min(u.length, w.length); j++) {
                    if (!u[j].equals(w[j])) d.append("\n    field ").append(j).append(" real: ").append(u[j]).append("\n    shaped: ").append(w[j]);
                }
                return d.toString();
            }
        }
        return "  " + x.length + " findings against " + y.length;
    }

    /** The trace JSON with each "parameters" array emptied: what stays when only the matched Parameter facts differ. */
    private static String withoutParameters(String json) {
        return json.replaceAll("\"parameters\"\\s*:\\s*\\[[^\\[\\]]*(\\[[^\\[\\]]*\\][^\\[\\]]*)*\\]", "\"parameters\":[]");
    }
}
