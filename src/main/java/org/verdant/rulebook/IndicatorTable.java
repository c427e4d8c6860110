package org.verdant.rulebook;

import org.verdant.text.Text;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A GB/T 36132-2025 indicator table (评价指标表) in the layout of the standard's Table A.1: its
 * dimensions (一级指标 with weights) and their indicators, each with its type, unit, leading value
 * and baseline, points and scoring rule, and the Appendix B formula its quantity is computed by;
 * plus the gates it adds to the basic requirements, its bonus items and its pass line, if any.
 * Read once, checked with file:line ({@code IndicatorTableReader}); {@code digest} covers the file;
 * {@code sources} are the table's own when it was read from a file of its own ({@link Sources#NONE} otherwise).
 */
public record IndicatorTable(String file, String id, String version, String edition, Text title, Kind kind,
                             String province, List<String> industries, LocalDate appliesFrom, LocalDate appliesUntil,
                             String status, String source, List<String> notes, Figure passLine,
                             List<Scorecard.GateSpec> gates, Bonus bonus, List<Dimension> dimensions, String digest,
                             Sources sources) {

    /**
     * The table with the sources it cites: a table read from its own file (--table) brings them,
     * since the rulebook's sources do not know them; a table of the rulebook has the rulebook's.
     */
    public IndicatorTable withSources(Sources s) {
        return new IndicatorTable(file, id, version, edition, title, kind, province, industries, appliesFrom, appliesUntil, status, source,
                notes, passLine, gates, bonus, dimensions, digest, s);
    }

    /** What kind of table it is: who wrote it, and so how far it can be relied on. */
    public enum Kind {
        NATIONAL_FORM, STANDARD_EXAMPLE, PROVINCIAL, INDUSTRY, CALIBRATED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** 指标类型: quantitative or qualitative, and which way is better. */
    public enum IndicatorType {
        POSITIVE_QUANTITATIVE("正向定量"), NEGATIVE_QUANTITATIVE("逆向定量"),
        POSITIVE_QUALITATIVE("正向定性"), NEGATIVE_QUALITATIVE("逆向定性");

        private final String zh;

        IndicatorType(String zh) {
            this.zh = zh;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String zh() {
            return zh;
        }

        public boolean quantitative() {
            return this == POSITIVE_QUANTITATIVE || this == NEGATIVE_QUANTITATIVE;
        }

        /** "higher" or "lower" is better, for a quantitative indicator. */
        public String direction() {
            return this == NEGATIVE_QUANTITATIVE ? "lower" : "higher";
        }
    }

    /** 一级指标: a dimension and its weight; its indicators' points sum to the weight. */
    public record Dimension(String id, Text name, Figure weight, List<Indicator> indicators) {
    }

    /**
     * 二级 (or 三级) 指标. {@code number} is its 序号 as printed; {@code parent} the second-level
     * indicator a third-level one belongs to (null otherwise). A quantitative indicator has at
     * least one form; a qualitative one none.
     */
    public record Indicator(String id, String number, Text name, String parent, IndicatorType type, Figure points,
                            Rule rule, Text ruleText, List<Form> forms, String dimension, org.verdant.text.Location location) {
    }

    /** One way to compute the quantity: its formula (Appendix B id or a named quantity), unit, inputs and references. */
    public record Form(String formula, String unit, java.util.Map<String, String> inputs, Reference leading, Reference baseline) {
    }

    /** 引领值 / 基准值: a figure of the table, or a reference the evaluation resolves. */
    public sealed interface Reference permits Fixed, EnergyLimit, WaterQuota, Industry, Stated, ByAnnualEnergy {
    }

    public record Fixed(Figure figure) implements Reference {
    }

    /** A level (1, 2 or 3) of the product's energy-limit standard. */
    public record EnergyLimit(int level) implements Reference {
    }

    /** The main product's water-intake quota: its general or advanced value. */
    public record WaterQuota(boolean advanced) implements Reference {
    }

    /** 行业平均水平 / 行业先进水平: from a calibrated table or stated in the submission, never guessed. */
    public record Industry(boolean advanced) implements Reference {
        public String code() {
            return advanced ? "industry_advanced" : "industry_average";
        }
    }

    /**
     * A level the submission states ({@code references.<key>.basic}; the key defaults to the
     * indicator's id), else the fallback figure (may be null).
     */
    public record Stated(String key, Figure fallback) implements Reference {
    }

    /** A figure by the factory's annual comprehensive energy. */
    public record ByAnnualEnergy(List<Scorecard.EnergyTier> tiers) implements Reference {
    }

    /** 评分规则. */
    public sealed interface Rule permits Linear, Step, Range, Banded, Count, Evidence, Degree {
        String code();
    }

    /** 线性比例法 (5.2 c): w × clamp((x − B)/(L − B), 0, 1). */
    public record Linear() implements Rule {
        public String code() {
            return "linear";
        }
    }

    /** Full points at or better than L, else none. */
    public record Step() implements Rule {
        public String code() {
            return "step";
        }
    }

    /** 极差法: between B and L, w × (x − worst)/(best − worst); worst and best default to B and L. */
    public record Range(Figure worst, Figure best) implements Rule {
        public String code() {
            return "range";
        }
    }

    /** 分档: ranges of the value, each worth its points. */
    public record Banded(List<Band> bands) implements Rule {
        public String code() {
            return "banded";
        }
    }

    /** A range [from, to) of the value (null: open) and the points it earns. */
    public record Band(Double from, Double to, Figure points) {
        public boolean contains(double x) {
            double tolerance = 1e-9 * Math.max(1, Math.abs(x));
            return (from == null || x >= from - tolerance) && (to == null || x < to - tolerance);
        }
    }

    /** 按项计分: how many of the listed items, scored linearly between B and L. */
    public record Count(List<String> items) implements Rule {
        public String code() {
            return "count";
        }
    }

    /** Full points on the named evidence (a claim met with evidence). */
    public record Evidence() implements Rule {
        public String code() {
            return "evidence";
        }
    }

    /** 根据已开展情况赋分: the points × the share of the level of completion the claim names. */
    public record Degree(List<Level> levels) implements Rule {
        public String code() {
            return "degree";
        }
    }

    public record Level(String id, Text name, double share) {
    }

    /** 加分项: items scored like indicators, their sum capped at {@code max}. */
    public record Bonus(Figure max, List<Indicator> items) {
    }

    /**
     * The name the rest of Verdant knows a formula's quantity by (the planner's levers, the edition
     * comparison, the 2018 edition's indicators where they measure the same thing).
     */
    public static String quantity(String formula) {
        return QUANTITIES.getOrDefault(formula, formula);
    }

    private static final java.util.Map<String, String> QUANTITIES = java.util.Map.ofEntries(
            java.util.Map.entry("B.1", "energy_per_unit"), java.util.Map.entry("B.2", "energy_per_output_value"),
            java.util.Map.entry("B.3", "carbon_per_unit"), java.util.Map.entry("B.4", "carbon_per_output_value"),
            java.util.Map.entry("B.5", "renewable_share"), java.util.Map.entry("B.6", "raw_material_per_unit"),
            java.util.Map.entry("B.8", "water_per_unit"), java.util.Map.entry("B.9", "water_per_output_value"),
            java.util.Map.entry("B.10", "water_reuse_rate"), java.util.Map.entry("B.11", "solid_waste_utilisation_rate"),
            java.util.Map.entry("B.12", "wastewater_per_unit"), java.util.Map.entry("B.16", "waste_gas_per_unit"),
            java.util.Map.entry("B.20", "main_pollutant_per_unit"), java.util.Map.entry("B.26", "output_value_per_m2"),
            java.util.Map.entry("B.27", "building_coverage"), java.util.Map.entry("B.28", "plot_ratio"));

    public List<Indicator> indicators() {
        return dimensions.stream().flatMap(d -> d.indicators().stream()).toList();
    }

    public boolean appliesOn(LocalDate date) {
        return (appliesFrom == null || !date.isBefore(appliesFrom)) && (appliesUntil == null || date.isBefore(appliesUntil));
    }
}
