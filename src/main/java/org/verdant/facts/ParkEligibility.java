package org.verdant.facts;

import org.verdant.submission.Submission;

import java.util.ArrayList;
import java.util.List;

/** The facts a park's eligibility turns on, named so the rules read as the conditions do. */
public final class ParkEligibility {
    private ParkEligibility() {
    }

    /** Why a green park's standing fails EL1 (empty when nothing stated fails). */
    public static List<String> standingFailures(Submission.Park p) {
        List<String> out = new ArrayList<>();
        if (p.level() != null && !List.of("national", "provincial").contains(p.level())) out.add("park.level = " + p.level());
        if (Boolean.FALSE.equals(p.legalBoundary())) out.add("park.legal_boundary = false");
        if (Boolean.FALSE.equals(p.singleManagementBody())) out.add("park.single_management_body = false");
        return out;
    }

    public static List<String> standingMissing(Submission.Park p) {
        List<String> out = new ArrayList<>();
        if (p.level() == null) out.add("park.level");
        if (p.legalBoundary() == null) out.add("park.legal_boundary");
        if (p.singleManagementBody() == null) out.add("park.single_management_body");
        return out;
    }

    public static List<String> functionMissing(Submission.Park p, IndicatorValue share) {
        List<String> out = new ArrayList<>();
        if (p.mainFunction() == null) out.add("park.main_function");
        out.addAll(share.missingInputs());
        return out;
    }

    /** Industrial value added ÷ the park's total value added in the reporting year, in %. */
    public static IndicatorValue industrialShare(Submission.Park p, int reportingYear) {
        Submission.ParkYear y = p.year(reportingYear);
        return Derive.quotient("industrial_share", "工业增加值 ÷ 园区增加值 × 100%", ParkFigures.term(y, "industrial_value_added"),
                ParkFigures.term(y, "total_value_added"), "%");
    }

    /** A zero-carbon park: a provincial-or-higher zone in the national catalogue, or a clearly bounded park-within-a-park. */
    public static boolean zeroCarbonEligible(Submission.Park p) {
        boolean zone = p.level() != null && List.of("national", "provincial").contains(p.level())
                && Boolean.TRUE.equals(p.developmentZoneCatalogue());
        boolean within = Boolean.TRUE.equals(p.parkWithinPark()) && Boolean.TRUE.equals(p.clearBoundary());
        return zone || within;
    }

    /** What a zero-carbon park would need to state to show either route (empty when a route is decided). */
    public static List<String> zeroCarbonMissing(Submission.Park p) {
        List<String> out = new ArrayList<>();
        if (p.developmentZoneCatalogue() == null && !Boolean.TRUE.equals(p.parkWithinPark())) out.add("park.development_zone_catalogue");
        if (Boolean.TRUE.equals(p.parkWithinPark()) && p.clearBoundary() == null) out.add("park.clear_boundary");
        return out;
    }
}
