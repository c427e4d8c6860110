package org.verdant.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words a Table A.1 sheet uses for what the YAML writes as ids: types, references, dimensions. */
final class Vocabulary {
    private Vocabulary() {
    }

    static final Map<String, String> TYPES = new LinkedHashMap<>();
    static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();

    static {
        TYPES.put("positive_quantitative", "正向定量");
        TYPES.put("negative_quantitative", "逆向定量");
        TYPES.put("positive_qualitative", "正向定性");
        TYPES.put("negative_qualitative", "逆向定性");
        DIMENSIONS.put("能源低碳化", "E");
        DIMENSIONS.put("资源高效化", "R");
        DIMENSIONS.put("生产洁净化", "C");
        DIMENSIONS.put("产品绿色化", "P");
        DIMENSIONS.put("用地集约化", "L");
    }

    /** The 指标类型 id of a cell: the Chinese word or the id itself. */
    static Optional<String> type(String cell) {
        String c = cell.strip();
        for (var e : TYPES.entrySet()) if (e.getValue().equals(c) || e.getKey().equals(c)) return Optional.of(e.getKey());
        return Optional.empty();
    }

    static boolean quantitative(String type) {
        return type != null && type.endsWith("_quantitative");
    }

    private static final Pattern ENERGY_LIMIT = Pattern.compile("能耗限额\\s*([1-5])\\s*级");

    /** A reference written as words (能耗限额1级, 用水定额先进值, 行业平均水平…), or null when the node is not one. */
    static String referenceWords(JsonNode figure) {
        if (!(figure instanceof ObjectNode o) || !o.has("ref")) return null;
        String ref = o.get("ref").asText();
        return switch (ref) {
            case "energy_limit" -> o.path("level").canConvertToInt() ? "能耗限额" + o.get("level").asInt() + "级" : null;
            case "water_quota" -> switch (o.path("quota").asText()) {
                case "advanced" -> "用水定额先进值";
                case "general" -> "用水定额通用值";
                default -> null;
            };
            case "industry_average" -> "行业平均水平";
            case "industry_advanced" -> "行业先进水平";
            default -> null;
        };
    }

    /** The reference a cell's words name, or empty. */
    static Optional<ObjectNode> reference(String cell) {
        String c = cell.strip();
        ObjectNode o = TableTree.NODES.objectNode();
        Matcher m = ENERGY_LIMIT.matcher(c);
        if (m.matches()) {
            o.put("ref", "energy_limit").put("level", Integer.parseInt(m.group(1)));
            return Optional.of(o);
        }
        switch (c) {
            case "用水定额先进值" -> o.put("ref", "water_quota").put("quota", "advanced");
            case "用水定额通用值", "用水定额一般值" -> o.put("ref", "water_quota").put("quota", "general");
            case "行业平均水平", "行业平均值" -> o.put("ref", "industry_average");
            case "行业先进水平", "行业先进值" -> o.put("ref", "industry_advanced");
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(o);
    }
}
