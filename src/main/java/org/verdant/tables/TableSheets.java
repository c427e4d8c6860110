package org.verdant.tables;

import java.util.EnumMap;
import java.util.List;

/**
 * An indicator table laid out as a workbook, independent of the file format: the 表头 sheet's
 * fields and the 评价指标表 sheet's rows. Cell values are a String, a BigDecimal or null.
 */
record TableSheets(List<HeaderEntry> header, List<Row> rows) {
    static final String INDICATOR_SHEET = "评价指标表";
    static final String HEADER_SHEET = "表头";
    static final List<String> HEADER_COLUMNS = List.of("字段", "说明", "值", "值(YAML)");

    /** A header field: its YAML key, a label for the reader, and its value as text or as YAML flow. */
    record HeaderEntry(int row, String key, String label, String text, String flow) {
    }

    /** One row of the indicator sheet; {@code row} is its 1-based number in the sheet. */
    record Row(int row, EnumMap<Column, Object> cells) {
        Object get(Column c) {
            return cells.get(c);
        }

        /** The cell as trimmed text, or null when blank. */
        String text(Column c) {
            Object v = cells.get(c);
            if (v == null) return null;
            String s = v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString().strip();
            return s.isEmpty() ? null : s;
        }
    }

    /** How an error names a cell: {@code FILE:SHEET!A1} for a workbook, {@code FILE:A1} for CSV. */
    interface Locator {
        String cell(String sheet, int column, int row);
    }
}
