package org.verdant.report.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF report, read back with PDFBox: A4 pages, the Chinese text extractable, the score on it, the font embedded. */
class PdfDocumentTest {
    private static final String FACTORY = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer";

    @Test
    void aChineseFactoryReportIsAnA4PdfWithItsConclusionAndScore() throws Exception {
        Verdict v = ReportDocumentTest.evaluate(FACTORY, null);
        byte[] pdf = ReportDocument.pdf(v, new Messages("zh"), new PointsNotGiven());

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
            PDRectangle page = doc.getPage(0).getMediaBox();
            // A4: 210 × 297 mm = 595 × 842 pt
            assertThat(Math.round(page.getWidth())).isEqualTo(595);
            assertThat(Math.round(page.getHeight())).isEqualTo(842);

            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("评价结论").contains("98.33").contains(v.submission().facility().name());
            // no glyph fell back to a missing-character box: the CJK font is embedded
            Set<String> fonts = new HashSet<>();
            for (var p : doc.getPages()) {
                for (var name : p.getResources().getFontNames()) {
                    PDFont f = p.getResources().getFont(name);
                    fonts.add(f.getName());
                    if (f.getName().contains("Droid")) assertThat(f.isEmbedded()).isTrue();
                }
            }
            assertThat(fonts).anyMatch(n -> n.contains("Droid"));
        }
    }

    /** The CJK font has no Latin letters: Latin text is set in the bundled sans-serif Latin font, never a built-in serif. */
    @Test
    void latinTextIsSetInAnEmbeddedSansSerifFont() throws Exception {
        Verdict v = ReportDocumentTest.evaluate(FACTORY, null);
        for (String lang : new String[] {"zh", "en"}) {
            byte[] pdf = ReportDocument.pdf(v, new Messages(lang), new PointsNotGiven());
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                Set<String> fonts = new HashSet<>();
                for (var p : doc.getPages()) {
                    for (var name : p.getResources().getFontNames()) {
                        PDFont f = p.getResources().getFont(name);
                        fonts.add(f.getName());
                        assertThat(f.isEmbedded()).as(lang + ": font %s embedded", f.getName()).isTrue();
                    }
                }
                assertThat(fonts).as(lang).anyMatch(n -> n.contains("LiberationSans"))
                        .noneMatch(n -> n.contains("Times") || n.contains("Serif") && !n.contains("Sans"));
            }
        }
    }
}
