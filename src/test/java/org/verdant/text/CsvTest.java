package org.verdant.text;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {
    @Test
    void formulaCellsAreWrittenAsText() {
        assertThat(Csv.neutralise("=1+2")).isEqualTo("'=1+2");
        assertThat(Csv.neutralise("+cmd")).isEqualTo("'+cmd");
        assertThat(Csv.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(Csv.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(Csv.neutralise("'=x")).isEqualTo("''=x");
        // numbers stay numbers
        assertThat(Csv.neutralise("-5")).isEqualTo("-5");
        assertThat(Csv.neutralise("+1.5")).isEqualTo("+1.5");
        assertThat(Csv.neutralise("绿色工厂")).isEqualTo("绿色工厂");
        for (String s : List.of("=1+2", "+cmd", "'=x", "-5", "@a", "plain")) assertThat(Csv.unneutralise(Csv.neutralise(s))).isEqualTo(s);
    }

    @Test
    void rowsAreQuotedAndEndInCrlf() {
        assertThat(Csv.row("a,b", "say \"hi\"", "=A1", "")).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",'=A1,\r\n");
    }

    @Test
    void aFileBeginsWithTheByteOrderMark() throws Exception {
        StringWriter w = new StringWriter();
        Csv.Printer p = Csv.printer(w);
        p.record("企业名称", "=cmd|' /C calc'!A0");
        p.flush();
        assertThat(w.toString()).startsWith("\uFEFF企业名称,").contains("'=cmd|' /C calc'!A0");
        assertThat(Csv.document(List.of(List.of("x")))).isEqualTo("\uFEFFx\r\n");
    }
}
