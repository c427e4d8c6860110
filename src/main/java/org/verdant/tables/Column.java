package org.verdant.tables;

/**
 * The columns of the 评价指标表 sheet: first Table A.1's, in its order, then what A.1 does not
 * print but the YAML holds. {@code scope} says what a cell describes, and so which cells are merged.
 */
enum Column {
    DIMENSION("一级指标(权重)", Scope.DIMENSION),
    NUMBER("序号", Scope.INDICATOR),
    SECOND("二级指标", Scope.INDICATOR),
    THIRD("三级指标", Scope.INDICATOR),
    TYPE("指标类型", Scope.INDICATOR),
    UNIT("单位", Scope.FORM),
    LEADING("引领值", Scope.FORM),
    BASELINE("基准值", Scope.FORM),
    POINTS("权重分值", Scope.INDICATOR),
    RULE_TEXT("评分规则", Scope.INDICATOR),
    RULE("评分规则类型", Scope.INDICATOR),
    FORMULA("附录B公式", Scope.FORM),
    LEADING_STATUS("引领值状态", Scope.FORM),
    LEADING_SOURCE("引领值来源", Scope.FORM),
    BASELINE_STATUS("基准值状态", Scope.FORM),
    BASELINE_SOURCE("基准值来源", Scope.FORM),
    POINTS_STATUS("权重分值状态", Scope.INDICATOR),
    POINTS_SOURCE("权重分值来源", Scope.INDICATOR),
    DIMENSION_ID("一级指标编号", Scope.DIMENSION),
    WEIGHT_STATUS("一级指标权重状态", Scope.DIMENSION),
    WEIGHT_SOURCE("一级指标权重来源", Scope.DIMENSION),
    INDICATOR_ID("指标编号", Scope.INDICATOR),
    NAME_EN("英文名称", Scope.INDICATOR),
    BANDS("分档/等级/项目", Scope.INDICATOR),
    DIMENSION_EXTRA("一级指标其他(YAML)", Scope.DIMENSION),
    INDICATOR_EXTRA("指标其他(YAML)", Scope.INDICATOR),
    FORM_EXTRA("计算形式其他(YAML)", Scope.FORM);

    enum Scope { DIMENSION, INDICATOR, FORM }

    final String header;
    final Scope scope;

    Column(String header, Scope scope) {
        this.header = header;
        this.scope = scope;
    }

    /** The spreadsheet letter of this column (A, B, …). */
    String letter() {
        return letter(ordinal());
    }

    static String letter(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) s.insert(0, (char) ('A' + (i - 1) % 26));
        return s.toString();
    }

    static Column byHeader(String header) {
        String h = header.strip();
        for (Column c : values()) if (c.header.equals(h)) return c;
        if (h.equals("一级指标（权重）") || h.equals("一级指标")) return DIMENSION;
        return null;
    }
}
