package org.verdant.tables;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Appendix B formula of a quantitative indicator recognised from its name and unit, where
 * that is unambiguous (docs/indicator-tables.md, "From a spreadsheet" lists the names). A
 * quantity per product unit and the same per output value (万元) are two formulas, told apart by
 * the unit's denominator.
 */
final class FormulaRecognizer {
    private FormulaRecognizer() {
    }

    /** How a unit divides: by 万元 (output value), by a product unit, or not at all (a share, a ratio). */
    enum Per { OUTPUT_VALUE, PRODUCT, NONE }

    record Name(Pattern name, Pattern numerator, String perProduct, String perOutputValue, String undivided) {
        Optional<String> formula(Per per) {
            return Optional.ofNullable(switch (per) {
                case PRODUCT -> perProduct;
                case OUTPUT_VALUE -> perOutputValue;
                case NONE -> undivided;
            });
        }
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    private static final Pattern ANY = p(".*");

    static final List<Name> NAMES = List.of(
            new Name(p("可再生能源"), p("%"), null, null, "B.5"),
            new Name(p("能源消耗强度|综合能耗|能源消耗量|能耗强度"), p("(?i)^(k?g|t|万t)ce$"), "B.1", "B.2", null),
            new Name(p("碳排放|二氧化碳排放|CO2排放|CO₂排放"), p("(?i)^(k?g|t)(CO2|CO₂)(e|当量)?$"), "B.3", "B.4", null),
            new Name(p("原材料|原辅材料|原料消耗|主要原材料"), ANY, "B.6", "B.7", null),
            new Name(p("重复利用率"), p("%"), null, null, "B.10"),
            new Name(p("取水量|取水强度|新鲜水"), p("(?i)^(m3|m³|t|L)$"), "B.8", "B.9", null),
            new Name(p("固体废物.*(综合)?利用率|固废.*利用率"), p("%"), null, null, "B.11"),
            new Name(p("废水产生量"), ANY, "B.12", "B.13", null),
            new Name(p("废水排放量"), ANY, "B.14", "B.15", null),
            new Name(p("废气产生量"), ANY, "B.16", "B.17", null),
            new Name(p("废气排放量"), ANY, "B.18", "B.19", null),
            new Name(p("单位用地面积产能|用地产能"), ANY, null, null, "B.24"),
            new Name(p("单位用地面积产值|用地产值|土地产出率|亩均产值"), p("万元"), null, null, "B.26"),
            new Name(p("建筑系数"), p("%"), null, null, "B.27"),
            new Name(p("容积率"), ANY, null, null, "B.28"),
            new Name(p("能碳管理|能源管理.*功能|能碳.*功能"), ANY, null, null, "energy_carbon_functions"),
            new Name(p("改造投资"), p("%"), null, null, "retrofit_investment_share"));

    /** The formula for an indicator name and a unit, or empty when none or more than one fits. */
    static Optional<String> recognise(String name, String unit) {
        if (name == null) return Optional.empty();
        String u = unit == null ? "" : unit.strip().replace(" ", "");
        Per per;
        String numerator = u;
        int slash = u.indexOf('/');
        if (slash >= 0) {
            numerator = u.substring(0, slash);
            String denominator = u.substring(slash + 1);
            per = denominator.contains("万元") ? Per.OUTPUT_VALUE : Per.PRODUCT;
            // 万元/m² is an output value per area, not a quantity per output value
            if (u.startsWith("万元/")) per = Per.NONE;
        } else {
            per = Per.NONE;
        }
        String found = null;
        for (Name n : NAMES) {
            if (!n.name().matcher(name).find()) continue;
            boolean unitFits = n.numerator() == ANY || n.numerator().matcher(numerator).find() || n.numerator().matcher(u).find();
            if (!unitFits) continue;
            Optional<String> f = n.formula(per);
            if (f.isEmpty()) continue;
            if (found != null && !found.equals(f.get())) return Optional.empty();
            found = f.get();
        }
        return Optional.ofNullable(found);
    }
}
