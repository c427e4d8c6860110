package org.verdant.report.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The HTML report laid out as an A4 PDF in the JVM (openhtmltopdf on PDFBox, charts by Batik): no
 * browser and no system font needed. Chinese text is set in the font bundled in the jar
 * ({@value #FONT_RESOURCE}, Droid Sans Fallback, Apache-2.0), embedded as a subset of the glyphs
 * the report uses, so the PDF shows the same on any reader.
 */
public final class PdfDocument {
    static final String FONT_RESOURCE = "/org/verdant/fonts/DroidSansFallbackFull.ttf";
    /** The family the print stylesheet names; registered here from the bundled font file. */
    static final String FONT_FAMILY = "Verdant CJK";
    /**
     * Droid Sans Fallback has no Latin letters (a renderer falls back to a serif for them): Latin
     * text is set in Liberation Sans (SIL OFL 1.1), which PDFBox, already in the jar, ships for its
     * own font fallback. The CJK font takes every character Liberation Sans lacks.
     */
    static final String LATIN_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    static final String LATIN_FAMILY = "Verdant Latin";

    static {
        // the renderer reports every CSS property it does not know on standard error; a report command prints nothing but the report
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private PdfDocument() {
    }

    /** The PDF of a report rendered as {@link ReportFormat#pdf} (the HTML report with its print stylesheet). */
    public static byte[] of(String html) {
        Document parsed = Jsoup.parse(html);
        // The report's font lists name fonts a browser may have; the PDF uses the bundled one for every text.
        String fonts = "font-family: \"" + LATIN_FAMILY + "\", \"" + FONT_FAMILY + "\";";
        // the page numbers too: a margin box does not inherit the body's font
        parsed.head().appendElement("style").text("html, body, .mono, svg, svg text { " + fonts + " } @page { @bottom-center { " + fonts + " } }");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(new W3CDom().fromJsoup(parsed), null);
        builder.useFont(() -> resource(LATIN_RESOURCE), LATIN_FAMILY);
        builder.useFont(() -> resource(FONT_RESOURCE), FONT_FAMILY);
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream resource(String font) {
        InputStream in = PdfDocument.class.getResourceAsStream(font);
        if (in == null) throw new IllegalStateException("the report font " + font + " is not in the jar");
        return in;
    }
}
