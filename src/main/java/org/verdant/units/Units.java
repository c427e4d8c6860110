package org.verdant.units;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units a submission may use. Bases: m² for area, t for mass, kgce for energy, 万元 for
 * money, m³ for volume, tCO2e for greenhouse gas, and plain numbers ("1") for ratios.
 */
public final class Units {
    /** GB/T 2589-2020 calorific equivalent of electricity. */
    public static final double KGCE_PER_KWH = 0.1229;
    static final String ELECTRICITY_NOTE = "note.electricity_equivalent";

    private static final Map<String, Unit> SIMPLE = new LinkedHashMap<>();

    static {
        area("m2", 1, "m²", "平方米", "㎡");
        area("亩", 10000.0 / 15, "mu");
        area("ha", 10000, "公顷", "hm2", "hm²");
        area("km2", 1e6, "km²", "平方公里", "平方千米");
        mass("t", 1, "吨");
        mass("kg", 0.001, "千克", "公斤");
        mass("万t", 1e4, "万吨");
        mass("mg", 1e-9, "毫克");
        energy("kgce", 1, "千克标准煤");
        energy("tce", 1000, "吨标准煤");
        energy("万tce", 1e7, "万吨标准煤");
        put(new Unit("kWh", "energy", KGCE_PER_KWH, ELECTRICITY_NOTE), "千瓦时", "度");
        put(new Unit("MWh", "energy", KGCE_PER_KWH * 1000, ELECTRICITY_NOTE));
        put(new Unit("万kWh", "energy", KGCE_PER_KWH * 1e4, ELECTRICITY_NOTE), "万千瓦时");
        money("万元", 1);
        money("元", 1e-4);
        money("亿元", 1e4);
        volume("m3", 1, "m³", "立方米");
        volume("万m3", 1e4, "万立方米", "万m³");
        volume("L", 0.001, "升");
        ghg("tCO2e", 1, "tCO2", "吨二氧化碳当量");
        ghg("kgCO2e", 0.001, "kgCO2");
        ghg("万tCO2e", 1e4, "万tCO2");
        put(new Unit("%", "1", 0.01, null), "％");
        count("件", 1, "pcs", "个", "只");
        count("台", 1, "units");
        count("套", 1, "sets");
        count("人", 1, "persons");
        count("万件", 1e4, "万个");
        count("万台", 1e4);
        length("m", 1, "米");
        length("km", 1000, "千米", "公里");
        length("万米", 1e4, "万m");
        // time standards (工时定额) per unit of output, GB/T 36132-2025 B.25
        put(new Unit("h", "time", 1, null), "小时", "工时");
        put(new Unit("min", "time", 1.0 / 60, null), "分钟");
    }

    public static final Unit NONE = new Unit("", "1", 1, null);

    private Units() {
    }

    private static void area(String s, double f, String... aliases) {
        put(new Unit(s, "area", f, null), aliases);
    }

    private static void mass(String s, double f, String... aliases) {
        put(new Unit(s, "mass", f, null), aliases);
    }

    private static void energy(String s, double f, String... aliases) {
        put(new Unit(s, "energy", f, null), aliases);
    }

    private static void money(String s, double f, String... aliases) {
        put(new Unit(s, "money", f, null), aliases);
    }

    private static void volume(String s, double f, String... aliases) {
        put(new Unit(s, "volume", f, null), aliases);
    }

    private static void ghg(String s, double f, String... aliases) {
        put(new Unit(s, "ghg", f, null), aliases);
    }

    private static void count(String s, double f, String... aliases) {
        put(new Unit(s, "count", f, null), aliases);
    }

    private static void length(String s, double f, String... aliases) {
        put(new Unit(s, "length", f, null), aliases);
    }

    /** The base unit of a simple dimension, e.g. "t" for mass. */
    public static Unit base(String dimension) {
        return SIMPLE.values().stream().filter(u -> u.dimension().equals(dimension) && u.factor() == 1)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no base unit for " + dimension));
    }

    private static void put(Unit u, String... aliases) {
        SIMPLE.put(u.symbol(), u);
        for (String a : aliases) SIMPLE.put(a, u);
    }

    /** Parses "kgce/t", "万元/亩", "%" or "" into a unit. */
    public static Optional<Unit> parse(String symbol) {
        String s = symbol.strip();
        if (s.isEmpty()) return Optional.of(NONE);
        int slash = s.indexOf('/');
        if (slash < 0) return Optional.ofNullable(SIMPLE.get(s));
        Optional<Unit> num = parse(s.substring(0, slash));
        Optional<Unit> den = parse(s.substring(slash + 1));
        if (num.isEmpty() || den.isEmpty() || s.indexOf('/', slash + 1) >= 0) return Optional.empty();
        return Optional.of(num.get().per(den.get()));
    }

    /** Ways of writing a unit that people use but Verdant does not accept, each with the symbol meant. */
    private static final java.util.Map<String, String> MEANT = java.util.Map.of(
            "吨标煤", "tce", "万吨标煤", "万tce", "千克标煤", "kgce", "公斤标煤", "kgce", "kg标煤", "kgce",
            "公斤标准煤", "kgce", "t标煤", "tce", "tec", "tce");

    /**
     * The symbol a user most likely meant by an unknown {@code symbol} for {@code dimension}:
     * full-width forms written half-width ("万元／亩" → 万元/亩), 标煤 for 标准煤 ("吨标煤" → tce),
     * else the nearest accepted spelling ("tcee" → tce). Empty when nothing is near.
     */
    public static Optional<String> meant(String symbol, String dimension) {
        String s = java.text.Normalizer.normalize(symbol.strip(), java.text.Normalizer.Form.NFKC);
        int slash = s.indexOf('/');
        if (slash >= 0 && dimension.contains("/")) {
            String[] dims = dimension.split("/", 2);
            Optional<String> num = meantPart(s.substring(0, slash), dims[0]);
            Optional<String> den = meantPart(s.substring(slash + 1), dims[1]);
            return num.isPresent() && den.isPresent() ? Optional.of(num.get() + "/" + den.get()) : Optional.empty();
        }
        return slash >= 0 ? Optional.empty() : meantPart(s, dimension);
    }

    private static Optional<String> meantPart(String s, String dimension) {
        Unit u = SIMPLE.get(s);
        if (u == null && MEANT.containsKey(s)) u = SIMPLE.get(MEANT.get(s));
        if (u != null) return u.dimension().equals(dimension) ? Optional.of(u.symbol()) : Optional.empty();
        List<String> spellings = SIMPLE.entrySet().stream().filter(e -> e.getValue().dimension().equals(dimension))
                .map(java.util.Map.Entry::getKey).toList();
        return org.verdant.text.Suggest.nearest(s, spellings).map(x -> SIMPLE.get(x).symbol());
    }

    public static Unit require(String symbol) {
        return parse(symbol).orElseThrow(() -> new IllegalArgumentException("unknown unit " + symbol));
    }

    /** Symbols accepted for a dimension, for error messages. */
    public static List<String> symbolsFor(String dimension) {
        if (dimension.contains("/")) {
            String[] parts = dimension.split("/", 2);
            String n = symbolsFor(parts[0]).get(0);
            String d = symbolsFor(parts[1]).get(0);
            return List.of(n + "/" + d);
        }
        return SIMPLE.values().stream().filter(u -> u.dimension().equals(dimension))
                .map(Unit::symbol).distinct().toList();
    }

    public static String describe(String dimension) {
        return switch (dimension) {
            case "1" -> "a plain number or %";
            default -> String.join(", ", symbolsFor(dimension));
        };
    }
}
