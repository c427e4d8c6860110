package org.verdant.submission;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The 12 business functions of an energy-and-carbon management platform that GB/T 36132-2025
 * Table C.1 row 4 counts, by id and by the name the table prints; a submission may write either.
 */
public final class EnergyCarbonFunctions {
    public static final Map<String, String> ALL = all();

    private EnergyCarbonFunctions() {
    }

    private static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("energy_query", "能耗查询");
        m.put("energy_accounting", "能源消费量和强度计算");
        m.put("energy_analysis", "能源消费分析与用能策略推荐");
        m.put("efficiency_benchmarking", "能效对标");
        m.put("energy_flow_analysis", "能流分析");
        m.put("efficiency_optimisation", "能效平衡与优化");
        m.put("energy_carbon_budget", "用能与碳排放预算管理");
        m.put("carbon_emissions", "碳排放");
        m.put("carbon_footprint", "碳足迹核算");
        m.put("supply_chain_carbon", "供应链碳管理");
        m.put("carbon_verification", "碳核查支撑");
        m.put("carbon_assets", "碳资产管理");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The id of a function written as its id or its printed name; empty when it is not one of the 12. */
    public static Optional<String> id(String written) {
        String w = written.strip();
        if (ALL.containsKey(w)) return Optional.of(w);
        return ALL.entrySet().stream().filter(e -> e.getValue().equals(w)).map(Map.Entry::getKey).findFirst();
    }
}
