package org.verdant.report.document;

import org.verdant.plan.Improvement;
import java.util.List;

/**
 * What the evaluation report shows, every text already in the reader's language and every number
 * already formatted: the templates only lay it out (and escape it). Built from a verdict by
 * {@link ReportModelBuilder}; the section numbers follow the third-party evaluation report
 * (第三方评价报告): basic information, basis and method, basic requirements, results, one section per
 * first-level indicator, quantitative indicators, improvement, provisional figures. The HTML and PDF
 * reports group them as the official 自评价报告及第三方评价报告 template does (see {@link Official}).
 */
public record ReportModel(
        String lang,
        String title,
        String scheme,
        String schemeTitle,
        String edition,
        String scoring,
        boolean scored,
        boolean park,
        boolean zeroCarbon,
        Info info,
        Basis basis,
        List<GateRow> gates,
        List<CategoryRow> categories,
        Charts.Radar radar,
        Charts.Bars bars,
        ParkIndex greenIndex,
        List<GuidanceRow> guidance,
        List<Section> sections,
        List<Quantitative> quantitative,
        List<Improvement> improvements,
        List<ProvisionalSource> provisional,
        List<String> notes,
        Trace trace,
        Official official) {

    /** The basic information table (评价报告基本信息表) and the result. */
    public record Info(String facilityName, String creditCode, String industry, String province, String address,
                       String evaluatorOrganisation, String evaluatorKind, String evaluatorLead, String evaluationDate,
                       String reportingYear, String schemeAndEdition, String grading,
                       String basicRequirements, String basicState, String mandatory, String mandatoryState,
                       String scoreLabel, String score, String grade, List<String> highlights, List<String> conclusion) {
    }

    /** Evaluation basis (standard, edition, rulebook) and method (one paragraph for the scheme's scoring). */
    public record Basis(String standard, List<String> additional, String grading, String scorecardVersions,
                        String rulebookDigest, String method, String kind) {
    }

    /** A basic requirement, veto or eligibility check. {@code kind} is null for an ordinary gate. */
    public record GateRow(String id, String name, String clause, String kind, String status, String statusLabel,
                          String reason, String figures, List<String> evidence) {
    }

    /** A first-level indicator's result; {@code percent} is the chart's value, null where nothing is scored. */
    public record CategoryRow(String id, String name, String weight, String points, String max, String percent,
                              String contribution, String full, String lost) {
    }

    /** One first-level indicator's section: its summary and the table of its criteria. */
    public record Section(String number, String id, String name, String summary, boolean pointsShown, List<CriterionRow> rows) {
    }

    public record CriterionRow(String id, String name, String clause, String type, String status, String statusLabel,
                               String reason, String figures, String points, List<String> evidence) {
    }

    /** A quantitative indicator with its computation and every reference value it was compared with. */
    public record Quantitative(String id, String name, String category, String type, String status, String statusLabel,
                               String reason, String form, String formula, String computation, String value,
                               List<Reference> references, String ratio, String scoring, String points,
                               List<Part> parts, List<YearValue> years, List<String> missingInputs, List<String> notes) {
    }

    /** A reference value: its role (basic, leading, threshold …), the value, where it came from and its source. */
    public record Reference(String role, String value, String from, String source) {
    }

    /** One product of an indicator computed per product. */
    public record Part(String product, String computation, String references, String outcome) {
    }

    /** A park indicator in one reporting year. */
    public record YearValue(String year, String value, String computation, String ratio) {
    }

    /** The park green index per year and the switches in force. */
    public record ParkIndex(List<IndexYearRow> years, List<SwitchRow> switches) {
    }

    public record IndexYearRow(String year, String gi, String assessed, String optionalReported, String mandatoryMissing,
                               String complete, String passes) {
    }

    public record SwitchRow(String name, String label, String value, String status, String source) {
    }

    /** Zero-carbon parks: the core veto and the guidance indicators. */
    public record GuidanceRow(String id, String name, String role, String vetoes, String value, String threshold,
                              String status, String statusLabel, String reason) {
    }

    /** The provisional or placeholder figures taken from one source, the source written once. */
    public record ProvisionalSource(String number, String source, List<ProvisionalRow> figures) {
    }

    /**
     * A provisional or placeholder figure the verdict relied on: the criteria that used it, its value and status; {@code detail}
     * is where in its source it is (the citation's words beyond the source's title), empty when the title says it all.
     */
    public record ProvisionalRow(String figure, String criterion, String value, String status, String detail) {
    }

    /**
     * What the official report template adds: the report number (from the scheme, the reporting
     * year and the input's digest, so one submission always gets the same number), the title of
     * section 1 in the scheme's own terms (企业基本情况, 园区基本情况), the recommendation of the
     * conclusion, the evidence list of the 附件, and how many provisional figures the appendix lists.
     */
    public record Official(String reportNumber, String profileTitle, String recommendation, List<EvidenceItem> evidence,
                           int provisionalFigures) {
    }

    /**
     * One document of the evidence list and the criteria that cite it; {@code file}, for a file
     * uploaded to the archive and cited by digest, says its type, size and full digest (null otherwise).
     */
    public record EvidenceItem(String number, String document, String criteria, String file) {
        public EvidenceItem(String number, String document, String criteria) {
            this(number, document, criteria, null);
        }
    }

    /** An uploaded evidence file as the archive holds it: its type in both languages and its size in bytes. */
    public record AttachedFile(org.verdant.text.Text type, long size) {
    }

    /** Where the verdict came from: rulebook files and digest, input digest, engine. */
    public record Trace(String rulebookDigest, List<String> parts, List<String> files, String inputFile, String inputDigest,
                        String engine) {
    }
}
