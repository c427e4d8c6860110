package org.verdant.report.document;

/** The evaluation report's output formats; a PDF is the HTML report laid out by {@link PdfDocument}. */
public enum ReportFormat {
    html("report.html.peb"),
    md("report.md.peb"),
    pdf("report.html.peb");

    private final String template;

    ReportFormat(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }

    /** Whether the report is bytes (a PDF) rather than text. */
    public boolean binary() {
        return this == pdf;
    }
}
