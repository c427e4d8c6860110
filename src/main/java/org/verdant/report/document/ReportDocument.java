package org.verdant.report.document;

import org.verdant.plan.ImprovementAdvisor;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation report (第三方评价报告) of a verdict, as HTML (printable on A4) or Markdown,
 * rendered with Pebble templates from {@code org/verdant/templates/}. Every value is escaped on
 * output by the template engine: HTML-escaped in the HTML report, Markdown-escaped in the
 * Markdown one; only the charts' SVG is written by the template itself.
 */
public final class ReportDocument {
    private static final String MESSAGES = "_messages";
    private static final PebbleEngine HTML = engine("html");
    private static final PebbleEngine MD = engine("md");

    private ReportDocument() {
    }

    public static String render(Verdict verdict, Messages messages, ReportFormat format) {
        return render(verdict, messages, format, new PointsNotGiven());
    }

    /** With another source for the improvement section (e.g. a fuller advisor than {@link PointsNotGiven}). */
    public static String render(Verdict verdict, Messages messages, ReportFormat format, ImprovementAdvisor advisor) {
        return render(ReportModelBuilder.build(verdict, messages, advisor), messages, format);
    }

    /** With the uploaded evidence files the archive holds, by digest, for the 附件 (type and size of each). */
    public static String render(Verdict verdict, Messages messages, ReportFormat format, ImprovementAdvisor advisor,
                                java.util.Map<String, ReportModel.AttachedFile> attached) {
        return render(ReportModelBuilder.build(verdict, messages, advisor, attached), messages, format);
    }

    /** The report as a PDF (A4, the bundled CJK font embedded). */
    public static byte[] pdf(Verdict verdict, Messages messages, ImprovementAdvisor advisor) {
        return PdfDocument.of(render(verdict, messages, ReportFormat.pdf, advisor));
    }

    /** The same, its 附件 describing the uploaded evidence files {@code attached} names. */
    public static byte[] pdf(Verdict verdict, Messages messages, ImprovementAdvisor advisor, java.util.Map<String, ReportModel.AttachedFile> attached) {
        return PdfDocument.of(render(verdict, messages, ReportFormat.pdf, advisor, attached));
    }

    /**
     * The report's radar chart alone (the same SVG the HTML report draws), from the report model;
     * null when the verdict has fewer than three first-level indicators.
     */
    public static String radar(Verdict verdict, Messages messages) {
        ReportModel model = ReportModelBuilder.build(verdict, messages, new PointsNotGiven());
        if (model.radar() == null) return null;
        return evaluate(HTML.getTemplate("radar.html.peb"), model, messages).strip();
    }

    static String render(ReportModel model, Messages messages, ReportFormat format) {
        PebbleTemplate template = (format == ReportFormat.md ? MD : HTML).getTemplate(format.template());
        return evaluate(template, model, messages);
    }

    private static String evaluate(PebbleTemplate template, ReportModel model, Messages messages) {
        Map<String, Object> context = new HashMap<>();
        context.put("r", model);
        context.put(MESSAGES, messages);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static PebbleEngine engine(String escaping) {
        ClasspathLoader loader = new ClasspathLoader(ReportDocument.class.getClassLoader());
        loader.setPrefix("org/verdant/templates");
        loader.setCharset("UTF-8");
        PebbleEngine.Builder b = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(true)
                .extension(new MessagesExtension());
        if (escaping.equals("md")) {
            // Markdown depends on its line breaks: keep them as the template writes them
            b.addEscapingStrategy("md", new MarkdownEscaping()).newLineTrimming(false);
        }
        return b.defaultEscapingStrategy(escaping).build();
    }

    /**
     * {@code t('key', arg0, arg1, …)}: a message in the reader's language, from the same bundles
     * as the rest of Verdant's output; the result is escaped like any other value.
     */
    private static final class MessagesExtension extends AbstractExtension {
        @Override
        public Map<String, Function> getFunctions() {
            return Map.of("t", new Function() {
                @Override
                public List<String> getArgumentNames() {
                    return null; // positional: "0" is the key, "1".. its arguments
                }

                @Override
                public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                    Messages m = (Messages) context.getVariable(MESSAGES);
                    List<Object> rest = new ArrayList<>();
                    for (int i = 1; args.containsKey(String.valueOf(i)); i++) rest.add(args.get(String.valueOf(i)));
                    return m.get(String.valueOf(args.get("0")), rest);
                }
            });
        }
    }
}
