package org.verdant.tables;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/** Verdict lines as verdant batch writes them, with the fields calibration reads. */
public final class CalibrationFixtures {
    private CalibrationFixtures() {
    }

    /** Facility n (credit code 91320000TEST00000n) of an industry and year, scored against a table; criteria as (id, value, unit) triples. */
    public static String verdict(int n, String industry, int year, String table, Object... criteria) {
        ObjectNode v = TableTree.NODES.objectNode().put("format", "verdant.verdict/1").put("scheme", "green-factory")
                .put("edition", "GB/T 36132-2025");
        v.putObject("facility").put("name", "工厂" + n).put("credit_code", String.format("91320000TEST%06d", n)).put("industry", industry);
        v.put("reporting_year", year);
        v.putObject("indicator_table").put("id", table).put("version", "2026.12.0").put("digest", "sha256:00");
        ArrayNode cs = v.putArray("criteria");
        for (int i = 0; i < criteria.length; i += 3) {
            ObjectNode c = cs.addObject().put("id", (String) criteria[i]);
            c.putObject("values").put("value", new BigDecimal(criteria[i + 1].toString())).put("unit", (String) criteria[i + 2]);
        }
        return TableTree.json(v);
    }
}
