package org.verdant.rules;

import org.junit.jupiter.api.Test;
import org.verdant.evaluation.Evaluator;
import org.verdant.findings.Finding;
import org.verdant.findings.Status;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.support.TestRulebook.base;
import static org.verdant.support.TestRulebook.evaluate;
import static org.verdant.support.TestRulebook.finding;
import static org.verdant.support.TestRulebook.read;
import static org.verdant.support.TestRulebook.status;
import static org.verdant.support.TestRulebook.with;

/**
 * The accident and violation gates of every scheme: the window covers the reporting year, each
 * event not counted is named by its own severity and kind with the reason, and each gate counts
 * only the kinds its own text names.
 */
class AccidentGatesTest {
    private static final Evaluator.Options EDITION_2018 = new Evaluator.Options("GB/T 36132-2018", null);
    private static final Evaluator.Options EDITION_2025 = new Evaluator.Options("GB/T 36132-2025", null);
    private static final String GSC = "fixtures/green-supply-chain/miit-2016-586/aircon-guangdong-everything-full.yaml";

    private static String reason(Finding f, String lang) {
        return new Messages(lang).get(f.reasonKey(), f.reasonArgs());
    }

    /**
     * The latest evaluation the reader accepts for reporting year 2023 (the year and the two after it):
     * three years back is 2022-12-31, so the reporting year's first day is inside the window. Later
     * dates are refused by the reader (HostileFiguresTest); VetoWindowTest covers the widening itself.
     */
    private static String lateEvaluation(String yaml) {
        return with(with(yaml, "evaluation_date", "2025-12-31"), "reporting_year", "2023");
    }

    // ---- the window covers the whole reporting year ----

    @Test
    void b2AnAccidentOfTheReportingYearCountsWhateverTheEvaluationDate() {
        Verdict v = evaluate(with(lateEvaluation(base()), "accidents.events",
                "[{date: 2023-01-15, kind: safety, severity: serious}]"), EDITION_2018);
        Finding b2 = finding(v, "B2");
        assertThat(b2.status()).isEqualTo(Status.NOT_MET);
        assertThat(b2.values().get("window_from")).isEqualTo("2022-12-31");
        assertThat(b2.values().get("window_to")).isEqualTo("2025-12-31");
    }

    @Test
    void b2TheWindowStillReachesThreeYearsBackFromTheEvaluation() {
        // evaluation 2024-06-30, reporting year 2023: the window opens 2021-06-30, before the reporting year
        Finding b2 = finding(evaluate(with(base(), "accidents.events",
                "[{date: 2021-07-01, kind: safety, severity: serious}]")), "B2");
        assertThat(b2.status()).isEqualTo(Status.NOT_MET);
        assertThat(b2.values().get("window_from")).isEqualTo("2021-06-30");
    }

    @Test
    void g1AViolationOfTheReportingYearCountsWhateverTheEvaluationDate() {
        Verdict v = evaluate(with(lateEvaluation(base()), "standing.violations",
                "[{date: 2023-02-10, kind: environmental, description: 废气超标}]"), EDITION_2025);
        assertThat(status(v, "G1")).isEqualTo(Status.NOT_MET);
    }

    @Test
    void gscG3AnAccidentOfTheReportingYearCountsWhateverTheEvaluationDate() {
        // the fixture: evaluation 2026-04-08, reporting year 2025; moved to the last accepted day, 2027-12-31
        String yaml = with(with(read(GSC), "evaluation_date", "2027-12-31"), "accidents.events",
                "[{date: 2025-01-02, kind: environmental, severity: major}]");
        assertThat(status(evaluate(yaml), "G3")).isEqualTo(Status.NOT_MET);
    }

    // ---- each event named by its own severity and kind, with the reason it does not count ----

    @Test
    void b2NamesEachEventNotCountedWithItsReason() {
        Finding b2 = finding(evaluate(with(base(), "accidents.events", "["
                + "{date: 2021-03-01, kind: safety, severity: major},"
                + "{date: 2023-05-01, kind: quality, severity: general},"
                + "{date: 2023-08-01, kind: network_data_security, severity: especially_major}]")), "B2");
        assertThat(b2.status()).isEqualTo(Status.MET);
        String zh = reason(b2, "zh");
        assertThat(zh).contains("2021-03-01 重大安全事故").contains("在期限（2021-06-30 至 2024-06-30）之外")
                .contains("2023-05-01 一般质量事故").contains("低于较大")
                .contains("2023-08-01 特别重大网络和数据安全事件").contains("不属本项所列类别")
                .doesNotContain("较轻事件");
        String en = reason(b2, "en");
        assertThat(en).contains("2021-03-01 major safety accident").contains("outside the window (2021-06-30 to 2024-06-30)")
                .contains("2023-05-01 general quality accident").contains("below serious")
                .contains("2023-08-01 especially major network and data-security incident").contains("a kind this requirement does not cover")
                .doesNotContain("lesser event");
    }

    @Test
    void b2WithNoEventsSaysSo() {
        Finding b2 = finding(evaluate(base()), "B2");
        assertThat(reason(b2, "zh")).contains("未记录事故");
        assertThat(reason(b2, "en")).contains("no event recorded");
    }

    @Test
    void b2VetoNamesTheVetoingEventsAndTheOthers() {
        Finding b2 = finding(evaluate(with(base(), "accidents.events", "["
                + "{date: 2022-12-01, kind: environmental, severity: 较大},"
                + "{date: 2023-05-01, kind: safety, severity: general}]")), "B2");
        assertThat(b2.status()).isEqualTo(Status.NOT_MET);
        assertThat(reason(b2, "zh")).contains("2022-12-01 较大环境污染事故").contains("2023-05-01 一般安全事故");
        assertThat(reason(b2, "en")).contains("2022-12-01 serious environmental pollution accident");
    }

    @Test
    void gscG3NamesTheGeneralAccidentByItsOwnSeverity() {
        String yaml = with(read(GSC), "accidents.events", "["
                + "{date: 2024-07-09, kind: safety, severity: serious},"
                + "{date: 2022-01-10, kind: environmental, severity: especially_major},"
                + "{date: 2025-02-01, kind: quality, severity: major}]");
        Finding g3 = finding(evaluate(yaml), "G3");
        assertThat(g3.status()).isEqualTo(Status.MET);
        String zh = reason(g3, "zh");
        assertThat(zh).contains("2024-07-09 较大安全事故").contains("低于重大")
                .contains("2022-01-10 特别重大环境污染事故").contains("之外")
                .contains("2025-02-01 重大质量事故").contains("不属本项所列类别")
                .doesNotContain("一般事件");
        assertThat(reason(g3, "en")).contains("2024-07-09 serious safety accident").doesNotContain("lesser event");
    }

    @Test
    void g1NamesEachListedViolationNotCountedWithItsReason() {
        Finding g1 = finding(evaluate(with(base(), "standing.violations", "["
                + "{date: 2019-05-01, kind: safety},"
                + "{date: 2023-05-01, kind: tax_evasion}]"), EDITION_2025), "G1");
        assertThat(g1.status()).isEqualTo(Status.MET);
        assertThat(reason(g1, "zh")).contains("2019-05-01 安全违法违规").contains("之外")
                .contains("2023-05-01 偷税漏税").contains("不属本项所列类别");
        assertThat(reason(g1, "en")).contains("2019-05-01 safety violation").contains("2023-05-01 tax evasion");
    }

    // ---- network and data-security incidents: only where the gate's own text names them ----

    @Test
    void b2DoesNotCountANetworkAndDataSecurityIncident() {
        // GB/T 36132-2018 5.1.1 b) names safety, environmental and quality accidents; only the cultivation measures add network and data security
        Verdict v = evaluate(with(base(), "accidents.events",
                "[{date: 2023-08-01, kind: network_data_security, severity: serious}]"));
        assertThat(status(v, "B2")).isEqualTo(Status.MET);
        assertThat(status(v, "CUL-02")).isEqualTo(Status.NOT_MET);
    }

    @Test
    void g1OfThe2025EditionDoesNotCountANetworkAndDataSecurityIncident() {
        Verdict v = evaluate(with(base(), "accidents.events",
                "[{date: 2023-08-01, kind: network_data_security, severity: especially_major}]"), EDITION_2025);
        assertThat(status(v, "G1")).isEqualTo(Status.MET);
        assertThat(status(v, "CUL-02")).isEqualTo(Status.NOT_MET);
    }

    @Test
    void gscG3DoesNotCountANetworkAndDataSecurityIncident() {
        String yaml = with(read(GSC), "accidents.events",
                "[{date: 2025-08-01, kind: network_data_security, severity: especially_major}]");
        assertThat(status(evaluate(yaml), "G3")).isEqualTo(Status.MET);
    }

    // ---- MGT-09: a report for every year of the period ----

    @Test
    void mgt09NeedsAReportForEveryYearOfThePeriod() {
        Finding f = finding(evaluate(with(base(), "social_responsibility_reports.years", "[2021, 2023]")), "MGT-09");
        assertThat(f.status()).isEqualTo(Status.NOT_MET);
        assertThat(reason(f, "zh")).contains("2022");
        assertThat(reason(f, "en")).contains("2022");
        assertThat(f.values().get("missing_years")).isEqualTo(java.util.List.of(2022));
    }

    @Test
    void mgt09TheLatestYearAloneIsNotEnough() {
        assertThat(status(evaluate(with(base(), "social_responsibility_reports.years", "[2023]")), "MGT-09")).isEqualTo(Status.NOT_MET);
        assertThat(status(evaluate(with(base(), "social_responsibility_reports.years", "[2021, 2022, 2023]")), "MGT-09")).isEqualTo(Status.MET);
    }

    @Test
    void mgt09AYoungerFactoryNeedsReportsOnlySinceItWasFounded() {
        // founded during 2022: its first full year is 2023
        String young = with(base(), "facility.founded", "2022-04-01");
        assertThat(status(evaluate(with(young, "social_responsibility_reports.years", "[2023]")), "MGT-09")).isEqualTo(Status.MET);
        // founded on the first day of 2022: 2022 is a full year
        String january = with(base(), "facility.founded", "2022-01-01");
        Finding f = finding(evaluate(with(january, "social_responsibility_reports.years", "[2023]")), "MGT-09");
        assertThat(f.status()).isEqualTo(Status.NOT_MET);
        assertThat(f.values().get("missing_years")).isEqualTo(java.util.List.of(2022));
    }
}
