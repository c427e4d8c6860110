package org.verdant.xlsx;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verdant.app.Application;
import org.verdant.app.Settings;
import org.verdant.app.Workbooks;
import org.verdant.fault.Fault;
import org.verdant.support.TestRulebook;
import org.verdant.yaml.Problem;
import org.verdant.yaml.Problems;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Hostile and mistaken workbooks: every problem is said at the workbook's sheet and cell, never as a stack trace. */
class WorkbookReaderTest {
    private static final String FIXTURE = "fixtures/green-factory/gbt36132-2025/cement-yunnan-high-altitude.yaml";
    private static byte[] filled;

    @BeforeAll
    static void fill() throws Exception {
        filled = Workbooks.template(TestRulebook.compiled(), "green-factory", null, null, "zh", FIXTURE, Files.readAllBytes(Path.of(FIXTURE)));
    }

    private static List<Problem> problems(byte[] bytes) {
        Problems problems = new Problems();
        WorkbookSubmission w = WorkbookReader.read("F.xlsx", bytes, problems);
        assertThat(w == null || !problems.isEmpty()).as("the workbook is refused").isTrue();
        return problems.sorted();
    }

    private static String zh(List<Problem> problems) {
        return String.join("\n", problems.stream().map(p -> p.toString("zh")).toList());
    }

    /** The filled workbook changed by {@code edit}. */
    private static byte[] edited(Consumer<XSSFWorkbook> edit) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(wb);
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The value cell of a fields-sheet row by its key, e.g. "facility.credit_code". */
    private static Cell fieldCell(XSSFWorkbook wb, String key) {
        for (Sheet s : wb) {
            for (Row r : s) {
                Cell k = r.getCell(0);
                if (k != null && k.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && k.getStringCellValue().equals(key)) {
                    return r.getCell(2) == null ? r.createCell(2) : r.getCell(2);
                }
            }
        }
        throw new AssertionError("no row " + key);
    }

    private static String where(Cell c) {
        return "F.xlsx:" + c.getSheet().getSheetName() + "!" + c.getAddress().formatAsString();
    }

    @Test
    void aTextFileNamedXlsxIsRefusedClearly() {
        List<Problem> p = problems("scheme: green-factory\n".getBytes(StandardCharsets.UTF_8));
        assertThat(zh(p)).isEqualTo("F.xlsx: 不是 .xlsx 工作簿（文件内容不是 Office Open XML 压缩包）");
        assertThat(problems(new byte[0])).hasSize(1);
        assertThat(problems(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0}).get(0)
                .toString("en")).contains("old .xls file or an encrypted workbook");
        // a zip that is no workbook
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(zh(problems(zip))).startsWith("F.xlsx: 无法读取工作簿：");
    }

    @Test
    void aWorkbookRefusedThroughTheApplicationIsAnInvalidSubmission() {
        Fault f = catchThrowableOfType(() -> Workbooks.input("F.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), Settings.defaults()), Fault.class);
        assertThat(f.kind()).isEqualTo(Fault.Kind.INVALID_SUBMISSION);
        assertThat(f.problems()).hasSize(1);
    }

    @Test
    void aFormulaIsReadByItsSavedResultAndOneWithoutIsRefusedAtItsCell() throws Exception {
        String[] at = new String[1];
        byte[] unsaved = edited(wb -> {
            Cell c = fieldCell(wb, "reporting_year");
            c.setBlank(); // as a tool that writes formulas without computing them leaves it: no saved result
            c.setCellFormula("2024+1");
            at[0] = where(c);
        });
        assertThat(zh(problems(unsaved))).isEqualTo(at[0] + ": 公式 =2024+1 没有保存的计算结果：请在 Excel 中打开并保存，或直接填写数值");
        byte[] saved = edited(wb -> {
            Cell c = fieldCell(wb, "reporting_year");
            c.setCellFormula("2024+1");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(c);
        });
        Problems problems = new Problems();
        WorkbookSubmission w = WorkbookReader.read("F.xlsx", saved, problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(new String(w.yaml(), StandardCharsets.UTF_8)).contains("reporting_year: 2025\n");
    }

    @Test
    void mergedCellsOverValuesAndErrorValuesAreRefusedAtTheirCells() throws Exception {
        byte[] merged = edited(wb -> {
            Cell c = fieldCell(wb, "facility.name");
            c.getSheet().addMergedRegion(new CellRangeAddress(c.getRowIndex(), c.getRowIndex() + 1, 2, 2));
        });
        assertThat(zh(problems(merged))).contains("!C").contains("合并单元格 C").contains("请取消合并");
        byte[] error = edited(wb -> fieldCell(wb, "facility.name").setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode()));
        assertThat(zh(problems(error))).contains("单元格的值是错误值 #DIV/0!");
    }

    @Test
    void aHugeSheetIsRefusedWithoutReadingIt() throws Exception {
        byte[] huge = edited(wb -> {
            Sheet s = wb.createSheet("笔记");
            s.createRow(WorkbookReader.MAX_ROWS + 10).createCell(0).setCellValue("x");
        });
        assertThat(zh(problems(huge))).isEqualTo("F.xlsx:笔记!A" + (WorkbookReader.MAX_ROWS + 11) + ": 工作表“笔记”超过 2000 行数据的上限");
    }

    @Test
    void aWrongValueFoundLaterInTheYamlIsShownAtItsSheetAndCell() throws Exception {
        String[] at = new String[2];
        byte[] wrong = edited(wb -> {
            Cell code = fieldCell(wb, "facility.credit_code");
            code.setCellValue("12345");
            at[0] = where(code);
            Cell year = fieldCell(wb, "reporting_year");
            year.setCellValue("去年");
            at[1] = where(year);
        });
        Application app = new Application(TestRulebook.compiled());
        Workbooks.Input input = Workbooks.input("F.xlsx", wrong, Settings.defaults());
        Fault f = catchThrowableOfType(() -> input.run(app::evaluate), Fault.class);
        assertThat(f.kind()).isEqualTo(Fault.Kind.INVALID_SUBMISSION);
        String shown = zh(f.problems());
        assertThat(shown).contains(at[0] + ": facility.credit_code: ").contains(at[1] + ": reporting_year: ");
        assertThat(shown).doesNotContain("F.xlsx:1").doesNotContain("Exception");
    }

    @Test
    void aTableCellIsLocatedByItsRowAndColumn() throws Exception {
        String[] at = new String[1];
        byte[] wrong = edited(wb -> {
            for (Sheet s : wb) {
                Row keys = s.getRow(1);
                if (keys == null || keys.getCell(0) == null || !"products[].name".equals(keys.getCell(0).getStringCellValue())) continue;
                for (Cell k : keys) {
                    if (k.getStringCellValue().equals("products[].output")) {
                        Cell v = s.getRow(3).getCell(k.getColumnIndex());
                        v.setCellValue("很多");
                        at[0] = where(v);
                    }
                }
            }
        });
        assertThat(at[0]).isNotNull();
        Application app = new Application(TestRulebook.compiled());
        Workbooks.Input input = Workbooks.input("F.xlsx", wrong, Settings.defaults());
        Fault f = catchThrowableOfType(() -> input.run(app::evaluate), Fault.class);
        assertThat(zh(f.problems())).contains(at[0] + ": products[1].output: ");
    }

    @Test
    void theBlankTemplateListsTheClaimsAndTheEnergyLimitRowsAndReadsAsNothingFilledIn() throws Exception {
        byte[] blank = Workbooks.template(TestRulebook.compiled(), "green-factory", "GB/T 36132-2025", null, "zh", null, null);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(blank))) {
            assertThat(wb.getSheet("说明")).isNotNull();
            assertThat(wb.getSheet("能耗限额").getRow(1).getCell(0).getStringCellValue()).isNotBlank();
            Sheet claims = wb.getSheet("定性要求声明");
            assertThat(claims.getRow(1).getCell(0).getStringCellValue()).isEqualTo("claims{}");
            assertThat(claims.getLastRowNum()).isGreaterThan(5);
            assertThat(claims.getDataValidations()).isNotEmpty();
            assertThat(fieldCell(wb, "scheme").getStringCellValue()).isEqualTo("green-factory");
        }
        Problems problems = new Problems();
        WorkbookSubmission w = WorkbookReader.read("F.xlsx", blank, problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(new String(w.yaml(), StandardCharsets.UTF_8)).isEqualTo("scheme: green-factory\nedition: GB/T 36132-2025\n");
    }
}
