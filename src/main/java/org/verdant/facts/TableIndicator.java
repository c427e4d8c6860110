package org.verdant.facts;

import org.verdant.rulebook.Figure;
import org.verdant.rulebook.IndicatorTable;

import java.util.List;

/**
 * A quantitative indicator of the indicator table in force: its scoring rule (评分规则), which way
 * is better, its points (权重分值) and its forms, in the table's order.
 */
public record TableIndicator(String id, String ruleCode, IndicatorTable.Rule rule, String direction, double weight,
                             Figure weightFigure, List<IndicatorTable.Form> forms) {
}
