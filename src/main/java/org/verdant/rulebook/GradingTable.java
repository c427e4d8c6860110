package org.verdant.rulebook;

import org.verdant.text.Text;

import java.time.LocalDate;
import java.util.List;

/**
 * A grading table applied after scoring: bands of the total score, highest first. A regional
 * table names its {@code province} (null: national); {@code appliesFrom} is the date it took
 * effect (实施日期) and {@code appliesUntil} the first day it no longer applies (null: open).
 */
public record GradingTable(String file, String id, Text title, List<AppliesTo> appliesTo, List<String> requires,
                           String status, String source, List<String> notes, List<Band> bands,
                           String province, LocalDate appliesFrom, LocalDate appliesUntil) {

    public boolean appliesTo(String scheme, String edition) {
        return appliesTo.stream().anyMatch(a -> a.scheme().equals(scheme) && (a.edition() == null || a.edition().equals(edition)));
    }

    /** True when the table is national, or the facility's province is the table's (河北 = 河北省). */
    public boolean coversProvince(String facilityProvince) {
        return province == null || (facilityProvince != null && shortName(province).equals(shortName(facilityProvince)));
    }

    /** True when {@code date} falls within the table's effective dates. */
    public boolean inForceOn(LocalDate date) {
        return (appliesFrom == null || !date.isBefore(appliesFrom)) && (appliesUntil == null || date.isBefore(appliesUntil));
    }

    /** A province's name without its administrative suffix, so 河北省 and 河北 compare equal. */
    static String shortName(String province) {
        String p = province.strip();
        for (String suffix : List.of("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市")) {
            if (p.endsWith(suffix) && p.length() > suffix.length()) return p.substring(0, p.length() - suffix.length());
        }
        return p;
    }

    public record AppliesTo(String scheme, String edition) {
    }

    /** {@code min} inclusive, {@code below} exclusive (null: no upper bound). */
    public record Band(String label, double min, Double below) {
        public boolean contains(double score) {
            return score >= min && (below == null || score < below);
        }
    }
}
