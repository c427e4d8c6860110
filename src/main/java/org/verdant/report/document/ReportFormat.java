package org.verdant.report.document;

/** The evaluation report's output formats. */
public enum ReportFormat {
    html("report.html.peb"),
    md("report.md.peb");

    private final String template;

    ReportFormat(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }
}
