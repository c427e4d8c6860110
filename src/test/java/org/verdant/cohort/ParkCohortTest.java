package org.verdant.cohort;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.submission.CreditCode;
import org.verdant.support.TestRulebook;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Green parks: each new applicant against the average score of the existing parks of its
 * province. The park fixtures, moved to other credit codes and provinces; a 2024 variant drops
 * the 2025 year (GI 2024: Zhenjiang 92.26, Shaodong 83.17; GI 2025: Zhenjiang 93.63, Tongxiang
 * 92.66, Shaodong 91.96).
 */
class ParkCohortTest {
    @TempDir
    static Path data;

    static String code(int i) {
        String first17 = String.format("11320000MB%07d", i);
        return first17 + CreditCode.checkCharacter(first17);
    }

    static final String E1 = code(1); // existing (2024), did not file for 2025
    static final String E2 = code(2); // existing (2024), re-filed for 2025
    static final String P1 = code(3); // applicant above the 江苏 average
    static final String P2 = code(4); // applicant below it
    static final String P3 = code(5); // applicant in 浙江: no existing park there
    static final String P4 = code(6); // ineligible applicant

    static String park(String fixture, String code, String province, int year) {
        String y = TestRulebook.read("fixtures/green-park/miit-2016-586/" + fixture + ".yaml");
        y = TestRulebook.with(y, "facility.credit_code", code);
        y = TestRulebook.with(y, "facility.province", province);
        if (year == 2024) {
            y = TestRulebook.with(y, "park.years.3", null); // the 2025 entry
            y = TestRulebook.with(y, "reporting_year", "2024");
            y = TestRulebook.with(y, "evaluation_date", "2025-05-20");
        }
        return y;
    }

    static ArchiveEntry store(Archive a, String yaml, String score) {
        ArchiveEntry e = a.store(org.verdant.archive.Stored.input(yaml, "park.yaml", Instant.parse("2026-06-01T00:00:00Z")));
        if (score != null) assertThat(e.score()).isEqualByComparingTo(score);
        return e;
    }

    @BeforeAll
    static void parks() {
        try (Archive a = Archive.open(data)) {
            store(a, park("zhenjiang-etdz-national-strong", E1, "江苏", 2024), "92.26");
            store(a, park("hunan-shaodong-provincial-incomplete", E2, "江苏", 2024), "83.17");
            store(a, park("hunan-shaodong-provincial-incomplete", E2, "江苏", 2025), "91.96");
            store(a, park("zhejiang-tongxiang-water-outstanding", P1, "江苏", 2025), "92.66");
            store(a, park("hunan-shaodong-provincial-incomplete", P2, "江苏", 2025), "91.96");
            store(a, park("zhejiang-tongxiang-water-outstanding", P3, "浙江", 2025), "92.66");
            ArchiveEntry ineligible = store(a, park("jiangxi-longnan-municipal-ineligible", P4, "江苏", 2025), null);
            assertThat(ineligible.eligible()).isFalse();
        }
    }

    @Test
    void comparesEachApplicantWithItsRegionsExistingParks() {
        CohortReport r;
        try (Archive a = Archive.open(data)) {
            r = CohortGrader.grade(a, 2025, "green-park", null);
        }
        CohortReport.ParkComparison p = r.parks();
        assertThat(p).isNotNull();
        assertThat(p.regions()).hasSize(1);
        CohortReport.Region js = p.regions().get(0);
        assertThat(js.province()).isEqualTo("江苏");
        // E1 with its 2024 record (no 2025 one), E2 with its latest (2025) record: (92.26 + 91.96) / 2
        assertThat(js.counted()).extracting(ArchiveEntry::creditCode).containsExactly(E1, E2);
        assertThat(js.counted()).extracting(ArchiveEntry::reportingYear).containsExactly(2024, 2025);
        assertThat(js.average()).isEqualByComparingTo(new BigDecimal("92.11"));

        assertThat(p.applicants()).extracting(x -> x.entry().creditCode()).containsExactly(P1, P2, P3, P4);
        assertThat(p.applicants().get(0).meets()).isTrue();
        assertThat(p.applicants().get(0).note()).isEqualTo("at_or_above");
        assertThat(p.applicants().get(1).meets()).isFalse();
        assertThat(p.applicants().get(2).meets()).isNull();
        assertThat(p.applicants().get(2).note()).isEqualTo("no_existing_park");
        assertThat(p.applicants().get(3).meets()).isNull();
        assertThat(p.applicants().get(3).note()).isEqualTo("not_compared");

        // the parks are graded as a cohort too: 4 ranked (E2, P1, P2, P3); P4 ineligible; E1 did not file
        assertThat(r.ranked()).isEqualTo(4);
        assertThat(r.small()).isTrue();
        assertThat(r.notGraded()).extracting(u -> u.entry().creditCode()).containsExactly(P4, E1);

        String text = CohortRenderer.text(r);
        assertThat(text).contains("江苏: 2 existing park(s) counted, average 92.11")
                .contains("applicant " + P1).contains("MEETS").contains("BELOW").contains("Existing park: an eligible, scored record")
                .contains("SMALL COHORT: 4 ranked unit(s), fewer than 20").contains("Codes given: A+ 2, A 0, B 2"); // P1 and P3 tie at 92.66: both rank 1
        assertThat(CohortRenderer.json(r)).contains("\"meets_regional_average\" : true").contains("\"average\" : 92.11");
        assertThat(CohortRenderer.csv(r)).contains(",92.11,true,").contains(",92.11,false,");
    }

    /** The JSON's texts (the rule for existing parks, each applicant's note) in the language asked for; Chinese by default. */
    @Test
    void theJsonsParkTextsAreInTheReadersLanguage() {
        CohortReport r;
        try (Archive a = Archive.open(data)) {
            r = CohortGrader.grade(a, 2025, "green-park", null);
        }
        String zh = CohortRenderer.json(r, "zh");
        assertThat(zh).contains("已有园区：报告年度在 2025 年之前").contains("不低于 江苏 2 个已有园区的平均分").contains("浙江 没有已有园区")
                .doesNotContain("existing park").doesNotContain("not compared");
        assertThat(CohortRenderer.json(r)).isEqualTo(zh);
        assertThat(CohortRenderer.json(r, "en")).contains("at or above the average of 2 existing park(s) in 江苏")
                .contains("no existing park in 浙江").contains("Existing park: an eligible, scored record");
    }

    /**
     * A park whose record names no province (the schema asks for one; an archive may hold older
     * records without it) is grouped on its own, said in words, never an English "(no province)".
     */
    @Test
    void aParkWithNoProvinceIsSaidInWords() {
        List<ArchiveEntry> records;
        try (Archive a = Archive.open(data)) {
            records = a.list(null, "green-park", null).stream().map(e -> e.creditCode().equals(P3) ? withoutProvince(e) : e).toList();
        }
        CohortReport r = CohortGrader.grade(records, 2025, "green-park", null);
        assertThat(CohortRenderer.text(r, "zh")).contains("（未填省份）").doesNotContain("no province");
        assertThat(CohortRenderer.json(r, "zh")).doesNotContain("no province").contains("（未填省份） 没有已有园区");
        assertThat(CohortRenderer.text(r, "en")).contains("no existing park in (no province)");
    }

    private static ArchiveEntry withoutProvince(ArchiveEntry e) {
        return new ArchiveEntry(e.id(), e.previousId(), e.evaluatedAt(), e.scheme(), e.edition(), e.creditCode(), e.facilityName(), e.industry(),
                null, e.reportingYear(), e.eligible(), e.mandatoryMet(), e.score(), e.grade(), e.inputFile(), e.inputDigest(), e.rulebookDigest(),
                e.engineVersion());
    }

    @Test
    void anApplicantExactlyAtTheAverageMeetsIt() {
        ArchiveEntry base = new ArchiveEntry(1, null, Instant.EPOCH, "green-park", "MIIT-2016-586-park", code(11), "甲园区", null, "安徽",
                2024, true, true, new BigDecimal("90"), null, "a.yaml", "sha256:a", "sha256:r", "dev");
        ArchiveEntry other = new ArchiveEntry(2, null, Instant.EPOCH, "green-park", "MIIT-2016-586-park", code(12), "乙园区", null, "安徽",
                2024, true, true, new BigDecimal("80.01"), null, "b.yaml", "sha256:b", "sha256:r", "dev");
        ArchiveEntry applicant = new ArchiveEntry(3, null, Instant.EPOCH, "green-park", "MIIT-2016-586-park", code(13), "丙园区", null, "安徽",
                2025, true, true, new BigDecimal("85.01"), null, "c.yaml", "sha256:c", "sha256:r", "dev");
        ArchiveEntry below = new ArchiveEntry(4, null, Instant.EPOCH, "green-park", "MIIT-2016-586-park", code(14), "丁园区", null, "安徽",
                2025, true, true, new BigDecimal("85"), null, "d.yaml", "sha256:d", "sha256:r", "dev");
        CohortReport r = CohortGrader.grade(java.util.List.of(base, other, applicant, below), 2025, "green-park", null);
        assertThat(r.parks().regions().get(0).average()).isEqualByComparingTo("85.005");
        assertThat(r.parks().applicants()).extracting(CohortReport.Applicant::meets).containsExactly(true, false);
    }
}
