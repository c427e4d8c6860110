package org.verdant.tables;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps the 评分规则 text of a sheet to one of the engine's rules by the phrasings tables use
 * (docs/indicator-tables.md, "From a spreadsheet"). The first phrasing that matches decides, in
 * this order, because a linear rule's text also says "达到引领值得满分".
 */
final class RuleRecognizer {
    private RuleRecognizer() {
    }

    record Phrasing(String rule, Pattern pattern, String example) {
    }

    static final List<Phrasing> PHRASINGS = List.of(
            new Phrasing("range", Pattern.compile("极差"), "按极差法赋分"),
            new Phrasing("linear", Pattern.compile("线性|插值|按比例赋分|按比例得分"), "达到引领值得满分，未达到基准值不得分，其间按线性比例赋分"),
            new Phrasing("degree", Pattern.compile("开展情况|完成程度|实施程度|程度赋分"), "根据已开展情况赋分"),
            new Phrasing("banded", Pattern.compile("分档|按档|区间赋分|分段赋分"), "分档赋分"),
            new Phrasing("count", Pattern.compile("按项|每项|每具备一项|每有一项|每满足一项"), "按项计分"),
            new Phrasing("step", Pattern.compile("达到.*(即得分|得满分).*(否则|未达到).*不得分|^达到即得分$|达到引领值得满分"), "达到引领值得满分，否则不得分"),
            new Phrasing("evidence", Pattern.compile("(提供|具有|具备|开展|编制|建立|有).*(得满分|得分)|证据"), "提供相关报告得满分"));

    static final List<String> RULES = List.of("linear", "step", "range", "banded", "count", "evidence", "degree");

    static Optional<String> recognise(String text) {
        String t = text.strip();
        for (Phrasing p : PHRASINGS) if (p.pattern().matcher(t).find()) return Optional.of(p.rule());
        return Optional.empty();
    }

    /** The rule a 评分规则类型 cell names: the id, or the Chinese name in the doc's table. */
    static Optional<String> named(String cell) {
        String c = cell.strip();
        int paren = c.indexOf('（');
        if (paren > 0) c = c.substring(0, paren).strip();
        if (RULES.contains(c)) return Optional.of(c);
        return switch (c) {
            case "线性比例法" -> Optional.of("linear");
            case "达到即得分" -> Optional.of("step");
            case "极差法" -> Optional.of("range");
            case "分档赋分" -> Optional.of("banded");
            case "按项计分" -> Optional.of("count");
            case "有证据得满分" -> Optional.of("evidence");
            case "根据已开展情况赋分" -> Optional.of("degree");
            default -> Optional.empty();
        };
    }
}
