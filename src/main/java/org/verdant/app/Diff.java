package org.verdant.app;

import org.verdant.archive.ArchivedEvaluation;
import org.verdant.compare.Comparison;
import org.verdant.compare.ComparisonReport;
import org.verdant.compare.TreeDiff;
import org.verdant.compare.VerdictView;
import org.verdant.fault.Fault;
import org.verdant.text.Messages;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code diff}: two verdicts compared, each side a submission (evaluated here), a JSON verdict
 * or an archived record; where both sides have their submission, the input values that differ
 * are listed too.
 */
public final class Diff {
    private Diff() {
    }

    /** One side: its name, its verdict, and its YAML tree when its submission is known (null otherwise). */
    public record Side(String name, VerdictView verdict, YamlNode tree) {
        public boolean isSubmission() {
            return tree != null;
        }
    }

    /** A file: a JSON verdict ({@code evaluate --format json}) as it is, or a submission evaluated by {@code application}. */
    public static Side side(Application application, String file, byte[] bytes, Settings settings) throws Fault {
        String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").stripLeading();
        if (text.startsWith("{")) return new Side(file, VerdictView.parse(file, text).withSources(sources(application)), null);
        Evaluation e = application.evaluate(new Request(file, bytes, settings));
        return new Side(file, e.view(), e.root());
    }

    /** Every source the rulebook at hand writes (its own and its tables'): a verdict file's citations shown in the reader's language. */
    private static org.verdant.rulebook.Sources sources(Application application) {
        var rulebook = application.rulebook().rulebook();
        org.verdant.rulebook.Sources all = rulebook.sources();
        for (var table : rulebook.tables().values()) all = all.with(table.sources());
        return all;
    }

    /** An archived record: its stored verdict, and the tree of its stored submission. */
    public static Side side(ArchivedEvaluation a) throws Fault {
        String name = "record " + a.entry().id();
        VerdictView view;
        try {
            view = VerdictView.parse(name, a.verdictJson());
        } catch (Fault f) {
            throw f instanceof TextFault t ? new TextFault(Fault.Kind.ARCHIVE, null, t.text()) : new Fault(Fault.Kind.ARCHIVE, f.getMessage());
        }
        return new Side(name, view, YamlReader.read(a.entry().inputFile(), a.submission(), new Problems()));
    }

    /** The comparison as text or JSON ({@code verdant.diff/1}), the sides' columns labelled {@code labelA} and {@code labelB}. */
    public static String render(Side a, Side b, String labelA, String labelB, Messages m, boolean asJson) {
        var inputs = a.tree() != null && b.tree() != null ? TreeDiff.between(a.tree(), b.tree()) : null;
        Comparison c = Comparison.of(a.verdict(), b.verdict(), inputs);
        var heading = new ComparisonReport.Heading(m.get("diff.title", a.name(), b.name()), labelA, labelB, List.of());
        return asJson ? ComparisonReport.json(c, heading) : ComparisonReport.text(c, heading, m);
    }
}
