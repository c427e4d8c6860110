package org.verdant.tables;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** table export / import: the Table A.1 layout, the round trip, and located refusals. */
class TableSpreadsheetTest {
    static final Path TEST_TABLES = Path.of("src/test/resources/tables");
    static final Path SHIPPED_TABLES = Path.of("scorecards/green-factory/gbt36132-2025/tables");

    @TempDir
    Path tmp;

    /** Every table under test resources, and every shipped table once there are some. */
    static Stream<Path> tables() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path dir : List.of(TEST_TABLES, SHIPPED_TABLES)) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(all::add);
            }
        }
        assertThat(all).as("test tables").isNotEmpty();
        return all.stream();
    }

    static ObjectNode table(String name) throws Exception {
        return TableTree.read(TEST_TABLES.resolve(name));
    }

    /** Every table in both formats. */
    static Stream<Arguments> tablesAndFormats() throws IOException {
        return tables().flatMap(t -> Stream.of(TableSpreadsheet.Format.values()).map(f -> Arguments.of(t, f)));
    }

    @ParameterizedTest
    @MethodSource("tablesAndFormats")
    void importOfExportIsTheSameTree(Path yaml, TableSpreadsheet.Format format) throws Exception {
        ObjectNode original = TableTree.read(yaml);
        Path sheet = tmp.resolve("t." + format);
        TableSpreadsheet.export(original, yaml.toString(), format, sheet);
        ObjectNode back = TableSpreadsheet.importFile(sheet);
        assertThat(TableTree.same(original, back)).as(TableTree.yaml(back)).isTrue();
    }

    @Test
    void theRoundTripComparisonSeesAChangedFigure() throws Exception {
        ObjectNode original = table("test-general.yaml");
        ObjectNode changed = original.deepCopy();
        ((ObjectNode) changed.at("/dimensions/1/indicators/1/leading")).put("value", 92.23);
        assertThat(TableTree.same(original, changed)).isFalse();
    }

    @Test
    void theWorkbookIsInTheTableA1Layout() throws Exception {
        Path xlsx = tmp.resolve("t.xlsx");
        TableSpreadsheet.export(table("test-general.yaml"), "test-general.yaml", TableSpreadsheet.Format.xlsx, xlsx);
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = WorkbookFactory.create(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("评价指标表");
            assertThat(wb.getSheetName(1)).isEqualTo("表头");
            Sheet s = wb.getSheet("评价指标表");
            List<String> header = new ArrayList<>();
            s.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header.subList(0, 10)).containsExactly("一级指标(权重)", "序号", "二级指标", "三级指标", "指标类型", "单位",
                    "引领值", "基准值", "权重分值", "评分规则");
            // E1 (two forms) + E2 + E3 + E4: the dimension cell spans rows 2..6, E1's name rows 2..3
            assertThat(s.getMergedRegions()).contains(new CellRangeAddress(1, 5, 0, 0), new CellRangeAddress(1, 2, 2, 2));
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("能源低碳化（30%）");
            assertThat(s.getRow(1).getCell(4).getStringCellValue()).isEqualTo("逆向定量");
            assertThat(s.getRow(1).getCell(Column.WEIGHT_STATUS.ordinal()).getStringCellValue()).isEqualTo("provisional");
            assertThat(s.getRow(1).getCell(Column.WEIGHT_SOURCE.ordinal()).getStringCellValue()).isEqualTo("gbt36132-2025");
            assertThat(s.getRow(1).getCell(5).getStringCellValue()).isEqualTo("kgce/t");
            assertThat(s.getRow(1).getCell(6).getStringCellValue()).isEqualTo("能耗限额1级");
            assertThat(s.getRow(1).getCell(7).getStringCellValue()).isEqualTo("能耗限额2级");
            assertThat(s.getRow(2).getCell(5).getStringCellValue()).isEqualTo("kgce/万元");
            assertThat(s.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(20.0);
            assertThat(s.getRow(2).getCell(12).getStringCellValue()).isEqualTo("placeholder");
            assertThat(s.getRow(3).getCell(6).getStringCellValue()).isEqualTo("行业先进水平");
            assertThat(s.getRow(3).getCell(7).getStringCellValue()).isEqualTo("行业平均水平");
            // R1 is a third-level indicator under 水资源利用, with the water-quota references
            assertThat(s.getRow(6).getCell(2).getStringCellValue()).isEqualTo("水资源利用");
            assertThat(s.getRow(6).getCell(3).getStringCellValue()).isEqualTo("单位产品取水量");
            assertThat(s.getRow(6).getCell(6).getStringCellValue()).isEqualTo("用水定额先进值");
            // qualitative indicators print "/" for L and B, as the platform form does
            assertThat(s.getRow(8).getCell(6).getStringCellValue()).isEqualTo("/");
            Sheet h = wb.getSheet("表头");
            List<String> keys = new ArrayList<>();
            for (int r = 1; r <= h.getLastRowNum(); r++) keys.add(h.getRow(r).getCell(0).getStringCellValue());
            assertThat(keys).contains("id", "version", "edition", "kind", "province", "sources", "notes", "pass_line", "gates", "bonus");
        }
    }

    /** Exports the test table, changes the workbook, and imports it again. */
    private Path edited(Consumer<Sheet> edit) throws Exception {
        Path xlsx = tmp.resolve("edited.xlsx");
        TableSpreadsheet.export(table("test-general.yaml"), "test-general.yaml", TableSpreadsheet.Format.xlsx, xlsx);
        Workbook wb;
        try (InputStream in = Files.newInputStream(xlsx)) {
            wb = WorkbookFactory.create(in);
        }
        edit.accept(wb.getSheet("评价指标表"));
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            wb.write(out);
        }
        wb.close();
        return xlsx;
    }

    private static void set(Sheet s, int row, Column c, String value) {
        Cell cell = s.getRow(row - 1).getCell(c.ordinal());
        if (cell == null) cell = s.getRow(row - 1).createCell(c.ordinal());
        if (value == null) s.getRow(row - 1).removeCell(cell);
        else cell.setCellValue(value);
    }

    @Test
    void anUnknownScoringRuleIsRefusedWithItsCell() throws Exception {
        // row 9 is P1 (产品碳足迹): without the rule column, its text must say which rule
        Path xlsx = edited(s -> {
            set(s, 9, Column.RULE, null);
            set(s, 9, Column.RULE_TEXT, "由专家综合打分");
        });
        assertThatThrownBy(() -> TableSpreadsheet.importFile(xlsx))
                .isInstanceOfSatisfying(TableInputException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith(xlsx + ":评价指标表!J9: 评分规则「由专家综合打分」无法对应到已知的评分规则"));
    }

    @Test
    void theScoringRuleIsRecognisedFromItsText() throws Exception {
        // without the rule column, each text of the test table maps to the rule the YAML names
        Path xlsx = edited(s -> {
            for (int r = 2; r <= s.getLastRowNum() + 1; r++) if (s.getRow(r - 1).getCell(Column.RULE_TEXT.ordinal()) != null) set(s, r, Column.RULE, null);
        });
        assertThat(TableTree.same(table("test-general.yaml"), TableSpreadsheet.importFile(xlsx))).isTrue();
    }

    @Test
    void theFormulaIsRecognisedFromTheNameAndUnit() throws Exception {
        // E1 per product (kgce/t) → B.1, per output value (kgce/万元) → B.2; R1 单位产品取水量 m3/t → B.8;
        // R2 重复利用率 → B.10; L1 单位用地面积产值 万元/m² → B.26; L2 容积率 → B.28; E4 → energy_carbon_functions
        Path xlsx = edited(s -> {
            for (int r = 2; r <= s.getLastRowNum() + 1; r++) set(s, r, Column.FORMULA, null);
        });
        assertThat(TableTree.same(table("test-general.yaml"), TableSpreadsheet.importFile(xlsx))).isTrue();
    }

    @Test
    void anUnrecognisedFormulaIsRefusedWithItsRow() throws Exception {
        // row 4 is E2; renamed to something Appendix B has no formula for, with its formula cell empty
        Path xlsx = edited(s -> {
            set(s, 4, Column.SECOND, "单位产品包装材料用量");
            set(s, 4, Column.FORMULA, null);
        });
        assertThatThrownBy(() -> TableSpreadsheet.importFile(xlsx))
                .isInstanceOfSatisfying(TableInputException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .isEqualTo(xlsx + ":评价指标表!L4: 第 4 行「单位产品包装材料用量」（单位 kgCO2e/万元）：无法从指标名称和单位确定附录 B 公式；"
                                + "请在「附录B公式」列写明（如 B.1）"));
    }

    @Test
    void aHandDraftedSheetWithoutIdsGetsTheStandardsDimensionIds() throws Exception {
        Path xlsx = edited(s -> {
            for (int r = 2; r <= s.getLastRowNum() + 1; r++) {
                set(s, r, Column.DIMENSION_ID, null);
                set(s, r, Column.INDICATOR_ID, null);
            }
        });
        ObjectNode back = TableSpreadsheet.importFile(xlsx);
        assertThat(back.at("/dimensions/1/id").asText()).isEqualTo("R");
        // R's indicators are numbered within the dimension when the sheet gives no id
        assertThat(back.at("/dimensions/1/indicators/1/id").asText()).isEqualTo("R2");
        assertThat(back.at("/bonus/items/1/id").asText()).isEqualTo("bonus2");
    }

    @Test
    void csvNeutralisesCellsASpreadsheetWouldRunAndReadsThemBack() throws Exception {
        ObjectNode t = table("test-general.yaml");
        ((ObjectNode) t.at("/dimensions/0/indicators/1")).putObject("rule_text").put("zh", "=HYPERLINK(\"http://example.invalid\",\"点击\")");
        t.withArray("notes").add("@SUM(A1:A2)").add("-1+2").add("'=quoted");
        ((ObjectNode) t.at("/dimensions/1/indicators/1/leading")).put("value", -5);
        Path csv = tmp.resolve("t.csv");
        TableSpreadsheet.export(t, "t", TableSpreadsheet.Format.csv, csv);
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点击\"\")\",")
                .doesNotContain(",=").doesNotContain(",\"=").contains(",-5,");
        ObjectNode back = TableSpreadsheet.importFile(csv);
        assertThat(TableTree.same(t, back)).as(TableTree.yaml(back)).isTrue();
        assertThat(SheetFiles.neutralise("=1+2")).isEqualTo("'=1+2");
        assertThat(SheetFiles.neutralise("+1")).isEqualTo("+1");
        assertThat(SheetFiles.neutralise("+cmd")).isEqualTo("'+cmd");
        assertThat(SheetFiles.neutralise("@x")).isEqualTo("'@x");
        assertThat(SheetFiles.neutralise("'=x")).isEqualTo("''=x");
    }
}
