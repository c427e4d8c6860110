package org.verdant.archive;

import org.verdant.text.Text;

import java.util.List;

/**
 * What {@code archive verify --all} found: how many records were checked, the chain head (the row
 * hash of the last record, which covers every record before it), and each break in id order.
 *
 * @param headFound whether the chain passes through the head asked for ({@code --head}); true when none was asked for
 * @param heads     every chained table's head now, evaluation first ({@link Row#GENESIS} for an empty table): what to
 *                  note for a later {@code verify --all --head TABLE=HEAD}, and what an export's manifest carries
 */
public record ArchiveIntegrity(long records, long lastId, String head, List<Break> breaks, String headAsked, boolean headFound,
                               java.util.Map<String, String> heads) {

    public ArchiveIntegrity(long records, long lastId, String head, List<Break> breaks, String headAsked, boolean headFound) {
        this(records, lastId, head, breaks, headAsked, headFound, head == null ? java.util.Map.of() : java.util.Map.of(Break.EVALUATION, head));
    }

    public boolean intact() {
        return breaks.isEmpty() && headFound;
    }

    /** The first break, or null when the chain is intact. */
    public Break first() {
        return breaks.isEmpty() ? null : breaks.get(0);
    }

    /** The first break in each table that has one (evaluation first, then the others in checking order). */
    public java.util.Map<String, Break> firstPerTable() {
        java.util.Map<String, Break> first = new java.util.LinkedHashMap<>();
        for (Break b : breaks) first.putIfAbsent(b.table(), b);
        return first;
    }

    /**
     * One place where the archive disagrees with itself.
     *
     * @param table    {@code evaluation}, or the other chained table it shows in ({@link TableChain.Table})
     * @param id       the record where it shows (in another table: the row's chain_seq)
     * @param what     {@code id}, {@code previous_hash}, {@code row_hash}, {@code previous_id}, {@code verdict},
     *                 {@code submission}, {@code evaluation_row_hash} or {@code column <name>}: the same in every language
     * @param expected what an untouched archive holds there
     * @param found    what it holds
     * @param record   for {@code evaluation_row_hash}: the evaluation record the row was bound to; else null
     */
    public record Break(String table, long id, String what, String expected, String found, Long record) {
        public static final String EVALUATION = "evaluation";

        public Break(String table, long id, String what, String expected, String found) {
            this(table, id, what, expected, found, null);
        }

        public Break(long id, String what, String expected, String found) {
            this(EVALUATION, id, what, expected, found);
        }

        public Text text() {
            String e = expected == null ? "NULL" : expected;
            String f = found == null ? "NULL" : found;
            if (!EVALUATION.equals(table)) return tableText(e, f);
            if (what.equals("id")) {
                return new Text("记录 " + id + "：编号应为 " + e + "，实为 " + f + "（有记录被删除、插入或重排）",
                        "record " + id + ": id " + e + " expected, found " + f + " (a record was removed, inserted or reordered)");
            }
            if (what.equals("previous_hash")) {
                return new Text("记录 " + id + "：previous_hash 应为前一条记录的行摘要 " + e + "，实为 " + f + "（其前的记录被删除、插入或改写）",
                        "record " + id + ": previous_hash should be the row hash of the record before it, " + e + ", found " + f
                                + " (a record before it was removed, inserted or rewritten)");
            }
            if (what.equals("row_hash")) {
                return new Text("记录 " + id + "：各列的摘要为 " + e + "，row_hash 为 " + f + "（该行被改写）",
                        "record " + id + ": its columns hash to " + e + ", row_hash says " + f + " (the row was rewritten)");
            }
            if (what.equals("previous_id")) {
                return new Text("记录 " + id + "：previous_id 应为 " + e + "（同一方案、信用代码和报告年度的上一条记录），实为 " + f,
                        "record " + id + ": previous_id should be " + e + " (the latest earlier record of its scheme, credit code and reporting year), found " + f);
            }
            if (what.equals("submission")) {
                return new Text("记录 " + id + "：结论的输入摘要为 " + e + "，而所存申报材料的摘要为 " + f,
                        "record " + id + ": the verdict's input digest is " + e + ", the stored submission hashes to " + f);
            }
            if (what.equals("verdict")) {
                return new Text("记录 " + id + "：verdict_json 无法读取：" + f, "record " + id + ": verdict_json cannot be read: " + f);
            }
            if (what.equals("head")) {
                return new Text("档案链不经过所给的链头 " + e + "（其后的记录被删除或链被改写）；现在的链头为 " + f,
                        "the chain does not pass through the head given, " + e + " (records after it were removed or the chain was rewritten); the head now is " + f);
            }
            if (what.startsWith("bundle")) {
                String field = what.substring("bundle".length()).strip();
                return new Text("导出包：" + field + " 应为 " + e + "，实为 " + f, "bundle: " + field + " should be " + e + ", found " + f);
            }
            if (what.equals("join")) {
                return new Text("导出包与档案库在记录 " + id + " 处分叉：导出包中该记录的行摘要为 " + e + "，档案库中为 " + f,
                        "the bundle and the archive diverge at record " + id + ": its row hash is " + e + " in the bundle, " + f + " in the archive");
            }
            String column = what.startsWith("column ") ? what.substring(7) : what;
            return new Text("记录 " + id + "：列 " + column + " 为 " + f + "，其结论中为 " + e + "（该列被改写）",
                    "record " + id + ": the column " + column + " is " + f + ", its verdict says " + e + " (the column was rewritten)");
        }
    
        /** A break in another chained table: the row by its chain_seq. */
        private Text tableText(String e, String f) {
            String row = "表 " + table + " 第 " + id + " 行";
            String rowEn = "table " + table + ", row " + id;
            if (what.equals(TableChain.BINDING)) {
                return new Text(row + "：写入时所针对的记录 " + record + " 的行摘要为 " + e + "，该记录现在的行摘要为 " + f + "（该记录在其后被改写或重新成链）",
                        rowEn + ": record " + record + " had the row hash " + e + " when this row was written, it has " + f
                                + " now (the record was rewritten or re-chained after it)");
            }
            return switch (what) {
                case "id" -> new Text(row + "：chain_seq 应为 " + e + "，实为 " + f + "（有行被删除、插入或重排）",
                        rowEn + ": chain_seq " + e + " expected, found " + f + " (a row was removed, inserted or reordered)");
                case "join" -> new Text("导出包与档案库的表 " + table + " 在第 " + id + " 行处分叉：导出包中该行的行摘要为 " + e + "，档案库中为 " + f,
                        "the bundle and the archive diverge in table " + table + " at row " + id + ": its row hash is " + e + " in the bundle, "
                                + f + " in the archive");
                case "head" -> new Text("表 " + table + " 的链不经过所给的链头 " + e + "（其后的行被删除或链被改写）；现在的链头为 " + f,
                        "the chain of table " + table + " does not pass through the head given, " + e
                                + " (rows after it were removed or the chain was rewritten); the head now is " + f);
                case "previous_hash" -> new Text(row + "：previous_hash 应为前一行的行摘要 " + e + "，实为 " + f + "（其前的行被删除、插入或改写）",
                        rowEn + ": previous_hash should be the row hash of the row before it, " + e + ", found " + f
                                + " (a row before it was removed, inserted or rewritten)");
                default -> new Text(row + "：各列的摘要为 " + e + "，row_hash 为 " + f + "（该行被改写）",
                        rowEn + ": its columns hash to " + e + ", row_hash says " + f + " (the row was rewritten)");
            };
        }
    }
}
